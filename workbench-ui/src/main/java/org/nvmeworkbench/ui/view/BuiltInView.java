package org.nvmeworkbench.ui.view;

import java.util.function.Function;

import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.ui.spi.Area;
import org.nvmeworkbench.ui.spi.ViewContribution;
import org.nvmeworkbench.ui.spi.WorkbenchContext;
import org.nvmeworkbench.ui.spi.WorkbenchView;

/** A view the workbench itself ships, described as data. */
public record BuiltInView(String id, String title, AppIcon icon, Area defaultArea, int order,
                          Function<WorkbenchContext, WorkbenchView> factory) implements ViewContribution {
    @Override
    public WorkbenchView create(WorkbenchContext context) {
        return factory.apply(context);
    }
}
