package org.nvmeworkbench.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What a view must release when it closes; closed together, each failure logged. */
public final class Subscriptions {
    private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());
    private final List<AutoCloseable> open = new ArrayList<>();

    public void add(AutoCloseable c) {
        open.add(c);
    }

    public void closeAll() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "A view did not unsubscribe cleanly: " + e.getMessage(), e);
            }
        }
        open.clear();
    }
}
