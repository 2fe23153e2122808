package org.nvmeworkbench.ui.frame;

import javafx.scene.Node;

/**
 * Whether a view's node is on screen: in a showing window and visible all the way up (a tab that is not
 * selected has its content made invisible by the TabPane). Live views skip their drawing when it is not;
 * the next sample after they come back draws them.
 */
public final class Showing {
    private Showing() {
    }

    public static boolean isShowing(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
