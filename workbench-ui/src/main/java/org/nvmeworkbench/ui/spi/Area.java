package org.nvmeworkbench.ui.spi;

/** Where a view sits in the window: the four areas a perspective arranges. */
public enum Area {
    LEFT, CENTER, RIGHT, BOTTOM;

    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
