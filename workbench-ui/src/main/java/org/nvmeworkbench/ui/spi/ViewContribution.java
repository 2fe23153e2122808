package org.nvmeworkbench.ui.spi;

import org.nvmeworkbench.icons.AppIcon;

/** Extension point: a view the user can open from Window > Show View and place in any area. */
public interface ViewContribution extends Contribution {

    String title();

    default AppIcon icon() {
        return AppIcon.VIEW;
    }

    /** Where the view opens when no perspective places it. */
    default Area defaultArea() {
        return Area.CENTER;
    }

    /** Makes a new instance; called on the FX thread each time the view is opened. */
    WorkbenchView create(WorkbenchContext context);
}
