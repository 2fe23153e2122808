package org.nvmeworkbench.plugins.eventlog;

import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.ui.spi.Area;
import org.nvmeworkbench.ui.spi.ViewContribution;
import org.nvmeworkbench.ui.spi.WorkbenchContext;
import org.nvmeworkbench.ui.spi.WorkbenchView;

/** Contributes the Event Log view: every admin command with its status. */
public final class EventLogContribution implements ViewContribution {
    @Override public String id() { return "event-log"; }
    @Override public String title() { return "Event Log"; }
    @Override public AppIcon icon() { return AppIcon.EVENT_LOG; }
    @Override public Area defaultArea() { return Area.BOTTOM; }
    @Override public int order() { return 200; }

    @Override
    public WorkbenchView create(WorkbenchContext context) {
        return new EventLogView(context);
    }
}
