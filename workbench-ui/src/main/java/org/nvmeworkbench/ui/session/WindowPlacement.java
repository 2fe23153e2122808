package org.nvmeworkbench.ui.session;

import java.util.List;

import javafx.geometry.Rectangle2D;

/**
 * Where the window goes and how big it is: as the user left it, when that still lands on a screen,
 * else a size that fits the primary screen (a 1366x768 laptop must not get a window larger than its
 * display). Screenshots (--snapshot) use {@link #SNAPSHOT} so pictures of the same scenario compare.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    /** The size README's screenshots are taken at. */
    public static final WindowPlacement SNAPSHOT = new WindowPlacement(Double.NaN, Double.NaN, 1440, 900, false);
    private static final double PREFERRED_WIDTH = 1440;
    private static final double PREFERRED_HEIGHT = 900;
    /** How much of a saved window must still be on a screen for the placement to be kept. */
    private static final double MIN_VISIBLE = 120;

    /** The preferred size, shrunk to leave a margin on {@code screen}, centred on it. */
    public static WindowPlacement fitting(Rectangle2D screen) {
        double w = Math.min(PREFERRED_WIDTH, Math.floor(screen.getWidth() * 0.92));
        double h = Math.min(PREFERRED_HEIGHT, Math.floor(screen.getHeight() * 0.92));
        return new WindowPlacement(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h, false);
    }

    /**
     * {@code saved} when enough of it is on one of {@code screens} (shrunk to that screen if it became
     * smaller), else {@link #fitting} the first screen, the primary one.
     */
    public static WindowPlacement restore(WindowPlacement saved, List<Rectangle2D> screens) {
        if (saved != null && saved.hasPosition() && saved.width() > 0 && saved.height() > 0) {
            Rectangle2D r = new Rectangle2D(saved.x(), saved.y(), saved.width(), saved.height());
            for (Rectangle2D s : screens) {
                double visibleW = Math.min(r.getMaxX(), s.getMaxX()) - Math.max(r.getMinX(), s.getMinX());
                double visibleH = Math.min(r.getMaxY(), s.getMaxY()) - Math.max(r.getMinY(), s.getMinY());
                if (visibleW >= MIN_VISIBLE && visibleH >= MIN_VISIBLE) {
                    return new WindowPlacement(saved.x(), saved.y(), Math.min(saved.width(), s.getWidth()),
                            Math.min(saved.height(), s.getHeight()), saved.maximized());
                }
            }
        }
        return fitting(screens.get(0));
    }

    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
