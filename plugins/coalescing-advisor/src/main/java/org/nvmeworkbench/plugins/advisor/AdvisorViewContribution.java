package org.nvmeworkbench.plugins.advisor;

import java.util.Optional;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.icons.AppIcon;
import org.nvmeworkbench.ui.spi.Advice;
import org.nvmeworkbench.ui.spi.Area;
import org.nvmeworkbench.ui.spi.ViewContribution;
import org.nvmeworkbench.ui.spi.WorkbenchContext;
import org.nvmeworkbench.ui.spi.WorkbenchView;

/** Contributes the Advisor view: the advisor's suggestion for the run history, and a button to try it. */
public final class AdvisorViewContribution implements ViewContribution {
    @Override public String id() { return "advisor"; }
    @Override public String title() { return "Advisor"; }
    @Override public AppIcon icon() { return AppIcon.ADVISOR; }
    @Override public Area defaultArea() { return Area.RIGHT; }
    @Override public int order() { return 210; }

    @Override
    public WorkbenchView create(WorkbenchContext context) {
        CoalescingAdvisor advisor = new CoalescingAdvisor();
        Label text = new Label();
        text.setWrapText(true);
        text.setId("advisor-text");
        Button use = new Button("Put in the Coalescing editor");
        Advice[] current = new Advice[1];
        Runnable refresh = () -> {
            Optional<Advice> a = advisor.advise(context.runs());
            current[0] = a.orElse(null);
            text.setText(a.map(x -> "Try " + x.coalescing().describe() + ": " + x.reason())
                    .orElse("No run yet: the advisor reads finished runs and suggests THR/TIME."));
            use.setDisable(a.isEmpty());
        };
        use.setOnAction(e -> {
            if (current[0] != null) {
                context.proposeCoalescing(current[0].coalescing(), current[0].reason());
            }
        });
        ListChangeListener<RunRecord> onRuns = c -> refresh.run();
        context.runs().addListener(onRuns);
        refresh.run();
        VBox box = new VBox(8, text, use);
        box.setPadding(new Insets(8));
        return new WorkbenchView() {
            @Override
            public Node node() {
                return box;
            }

            @Override
            public void close() {
                context.runs().removeListener(onRuns);
            }
        };
    }
}
