package org.nvmeworkbench.ui.spi;

import javafx.scene.Node;

/** One open view: its nodes, and what to release when it is closed (subscriptions, listeners). */
public interface WorkbenchView {

    Node node();

    /** Called once when the view is closed or the window goes away; unsubscribe here. */
    default void close() {
    }
}
