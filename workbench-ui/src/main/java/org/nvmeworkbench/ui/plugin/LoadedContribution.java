package org.nvmeworkbench.ui.plugin;

/**
 * A contribution in use, as the Plugins view lists it.
 *
 * @param extensionPoint the interface's simple name
 * @param id             the contribution's id
 * @param source         "built-in", or the jar or class path entry it came from
 */
public record LoadedContribution(String extensionPoint, String id, String source) {
}
