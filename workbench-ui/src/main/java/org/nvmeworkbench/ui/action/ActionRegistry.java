package org.nvmeworkbench.ui.action;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.nvmeworkbench.ui.spi.ActionSpec;

/** Every action of the window, in order: built-ins first, then plugins'. Duplicate ids are refused. */
public final class ActionRegistry {
    private static final Logger LOG = Logger.getLogger(ActionRegistry.class.getName());
    private final List<ActionSpec> actions = new ArrayList<>();

    public void add(ActionSpec a) {
        if (find(a.id()) != null) {
            LOG.log(Level.WARNING, "Action id " + a.id() + " is already taken; the second one is skipped.");
            return;
        }
        actions.add(a);
    }

    public ActionSpec find(String id) {
        for (ActionSpec a : actions) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }

    public List<ActionSpec> all() {
        return List.copyOf(actions);
    }
}
