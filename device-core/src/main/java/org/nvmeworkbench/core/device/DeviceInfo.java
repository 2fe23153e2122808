package org.nvmeworkbench.core.device;

/**
 * One device as {@code list} shows it.
 *
 * @param spec        the string that opens it, e.g. {@code sim:tlc}, {@code vfio:0000:00:05.0}
 * @param description one line: model or profile, what it is
 * @param attachable  whether {@link DeviceProvider#open} can attach to it now
 * @param why         when not attachable, the reason and what to do (exact commands); else empty
 */
public record DeviceInfo(String spec, String description, boolean attachable, String why) {
}
