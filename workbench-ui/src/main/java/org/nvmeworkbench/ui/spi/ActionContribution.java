package org.nvmeworkbench.ui.spi;

import java.util.List;

/** Extension point: actions added to the menus (and toolbar), in the order given. */
public interface ActionContribution extends Contribution {

    List<ActionSpec> actions(WorkbenchContext context);
}
