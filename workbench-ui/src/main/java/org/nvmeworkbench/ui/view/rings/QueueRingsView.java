package org.nvmeworkbench.ui.view.rings;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import org.nvmeworkbench.core.telemetry.QueueRingSnapshot;
import org.nvmeworkbench.core.telemetry.TelemetrySnapshot;
import org.nvmeworkbench.ui.frame.Showing;
import org.nvmeworkbench.ui.theme.Theme;
import org.nvmeworkbench.ui.session.WorkbenchSession;
import org.nvmeworkbench.ui.spi.WorkbenchView;
import org.nvmeworkbench.ui.view.Subscriptions;

/**
 * Queue Rings: each queue pair drawn as two rings of slots on one canvas, SQ outside and CQ inside,
 * occupied slots filled, head and tail marked, the CQ's expected phase and an occupancy gauge. One
 * redraw per telemetry sample.
 */
public final class QueueRingsView implements WorkbenchView {
    private static final Color SQ = Color.web("#2f81f7");
    private static final Color CQ = Color.web("#d29922");
    private static final Color EMPTY = Color.web("#8b949e", 0.25);

    private final Pane root = new Pane();
    private final Canvas canvas = new Canvas();
    private final Subscriptions subs = new Subscriptions();
    private TelemetrySnapshot last;
    private TelemetrySnapshot lastWithQueues;

    public QueueRingsView(WorkbenchSession session) {
        canvas.setId("rings-canvas");
        root.getChildren().add(canvas);
        canvas.widthProperty().bind(root.widthProperty());
        canvas.heightProperty().bind(root.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        subs.add(session.subscribe(s -> {
            last = s;
            if (!s.queues().isEmpty()) {
                lastWithQueues = s;
            }
            if (Showing.isShowing(root)) {
                draw(); // a view not on screen is drawn when it comes back, by the next sample
            }
        }));
        javafx.beans.value.ChangeListener<String> onDevice = (o, a, b) -> {
            if (b.isEmpty()) {
                last = null;
                lastWithQueues = null;
                draw();
            }
        };
        session.device().addListener(onDevice);
        subs.add(() -> session.device().removeListener(onDevice));
        javafx.beans.value.ChangeListener<Theme> onTheme = (o, a, b) -> draw();
        Theme.current().addListener(onTheme);
        subs.add(() -> Theme.current().removeListener(onTheme));
        last = session.latest().get();
        draw();
    }

    /** The snapshot drawn last, or null. */
    public TelemetrySnapshot shown() {
        return last;
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        // Captions in the theme's text colour: the old mid-grey all but vanished on the dark ground.
        Color text = Theme.now() == Theme.DARK ? Color.web("#c9d1d9") : Color.web("#57606a");
        g.setFill(text);
        g.setFont(Font.font(13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        List<QueueRingSnapshot> qs = last == null ? List.of() : last.queues();
        boolean finalState = qs.isEmpty() && lastWithQueues != null;
        if (finalState) {
            // A run deletes its queues when it ends: keep its last sampled rings, dimmed and said so.
            qs = lastWithQueues.queues();
            g.fillText("The last run's final sampled state: its queues were deleted when it ended.", w / 2, 12);
            g.setGlobalAlpha(0.45);
        }
        if (qs.isEmpty()) {
            g.fillText(last == null ? "No run yet: attach a device and start a workload to see its rings."
                    : "No I/O queues exist right now (" + last.state().name().toLowerCase() + ").", w / 2, h / 2);
            return;
        }
        int n = qs.size();
        double top = finalState ? 22 : 0;
        int cols = bestColumns(n, w, h - top);
        int rows = (int) Math.ceil((double) n / cols);
        double cw = w / cols;
        double ch = (h - top) / rows;
        for (int i = 0; i < n; i++) {
            drawPair(g, qs.get(i), cw * (i % cols), top + ch * (i / cols), cw, ch, text);
        }
        g.setGlobalAlpha(1);
    }

    /** The column count that gives the largest rings (drawPair's size: the cell less its captions). */
    static int bestColumns(int n, double w, double h) {
        int best = 1;
        double bestSize = -1;
        for (int cols = 1; cols <= n; cols++) {
            int rows = (int) Math.ceil((double) n / cols);
            double size = Math.min(w / cols, h / rows - 40);
            if (size > bestSize) {
                bestSize = size;
                best = cols;
            }
        }
        return best;
    }

    private static void drawPair(GraphicsContext g, QueueRingSnapshot q, double x, double y, double w, double h, Color text) {
        double size = Math.min(w, h - 40);
        if (size < 40) {
            return;
        }
        double cx = x + w / 2;
        double cy = y + 18 + size / 2;
        double outer = size / 2 - 4;
        double band = Math.max(6, outer * 0.18);
        ring(g, cx, cy, outer, band, q.entries(), q.sqHead(), q.sqTail(), SQ);
        ring(g, cx, cy, outer - band - 4, band, q.entries(), q.cqHead(), q.cqTail(), CQ);
        g.setFill(text);
        // Captions grow with the ring, so the Lab perspective's large rings read from across a room.
        g.setFont(Font.font(Math.max(12, size / 20)));
        g.fillText("Q" + q.qid() + "  IV " + q.vector(), cx, y + 9);
        // The two lines must fit inside the inner ring; with many small rings (16 pairs) the words get
        // shorter and the type smaller rather than spilling over the slots.
        double inner = outer - 2 * band - 8;
        String[][] wordings = {
            {"SQ " + q.sqOccupancy() + "/" + q.entries() + "  CQ " + q.cqOccupancy(), "phase " + q.phase() + "  in flight " + q.inFlight()},
            {"SQ " + q.sqOccupancy() + "  CQ " + q.cqOccupancy(), q.inFlight() + " in flight"},
        };
        double preferred = Math.max(12, size / 20);
        String[] lines = wordings[wordings.length - 1];
        double fontSize = MIN_CAPTION;
        for (String[] candidate : wordings) {
            double fits = fittingSize(candidate, preferred, 1.7 * inner);
            if (fits >= MIN_CAPTION) {
                lines = candidate;
                fontSize = fits;
                break;
            }
        }
        g.setFont(Font.font(fontSize));
        double line = Math.max(fontSize * 0.6, size / 36);
        g.fillText(lines[0], cx, cy - line);
        g.fillText(lines[1], cx, cy + line);
        // Occupancy gauge: commands in flight against the usable slots (one slot stays empty).
        double gw = Math.min(w - 20, size);
        double gx = cx - gw / 2;
        double gy = cy + size / 2 + 6;
        g.setFill(EMPTY);
        g.fillRect(gx, gy, gw, 8);
        g.setFill(SQ);
        g.fillRect(gx, gy, gw * Math.min(1.0, q.inFlight() / (double) Math.max(1, q.entries() - 1)), 8);
    }

    /** Type below this is not worth reading; the shorter wording is used instead. */
    private static final double MIN_CAPTION = 9;
    private static final Text MEASURE = new Text();

    /** Fitting sizes by wording shape (digits as 8), type size and width: text is measured once per shape, not per frame. */
    private static final java.util.Map<String, Double> FITTING = new java.util.HashMap<>();

    /** The largest type size, up to {@code preferred}, at which every line is at most {@code width} wide. */
    private static double fittingSize(String[] lines, double preferred, double width) {
        String key = String.join("\n", lines).replaceAll("[0-9]", "8") + "|" + preferred + "|" + Math.round(width);
        Double cached = FITTING.get(key);
        if (cached != null) {
            return cached;
        }
        if (FITTING.size() > 4096) {
            FITTING.clear();
        }
        String[] widest = key.substring(0, key.indexOf('|')).split("\n");
        double fit = 0;
        for (double size = preferred; size >= MIN_CAPTION; size -= 0.5) {
            MEASURE.setFont(Font.font(size));
            boolean fits = true;
            for (String l : widest) {
                MEASURE.setText(l);
                fits &= MEASURE.getLayoutBounds().getWidth() <= width;
            }
            if (fits) {
                fit = size;
                break;
            }
        }
        FITTING.put(key, fit);
        return fit;
    }

    /**
     * One ring: a slot per entry, the occupied ones (head..tail) coloured, head and tail ticks. Two dashed
     * strokes (the dash is a slot, the gap the space between slots) rather than one arc per slot: with 16
     * pairs that was over a thousand arcs per frame for the software renderer.
     */
    private static void ring(GraphicsContext g, double cx, double cy, double r, double band, int entries, int head,
                             int tail, Color fill) {
        double mid = r - band / 2;
        double step = 360.0 / entries;
        double slotLength = 2 * Math.PI * mid / entries;
        double gap = entries > 128 ? 0 : Math.min(1.5, step * 0.2) / step * slotLength;
        g.setLineWidth(band);
        g.setLineCap(javafx.scene.shape.StrokeLineCap.BUTT);
        if (gap > 0) {
            g.setLineDashes(slotLength - gap, gap);
            g.setLineDashOffset(-gap / 2);
        }
        g.setStroke(EMPTY);
        g.strokeArc(cx - mid, cy - mid, 2 * mid, 2 * mid, 90, -360, ArcType.OPEN);
        int used = Math.floorMod(tail - head, entries);
        if (used > 0) {
            g.setStroke(fill);
            g.strokeArc(cx - mid, cy - mid, 2 * mid, 2 * mid, 90 - head * step, -used * step, ArcType.OPEN);
        }
        g.setLineDashes();
        g.setLineDashOffset(0);
        tick(g, cx, cy, r, band, head, entries, Color.web("#3fb950"));
        tick(g, cx, cy, r, band, tail, entries, Color.web("#f85149"));
    }

    private static void tick(GraphicsContext g, double cx, double cy, double r, double band, int slot, int entries, Color c) {
        double a = Math.toRadians(90 - slot * 360.0 / entries);
        g.setStroke(c);
        g.setLineWidth(2);
        g.strokeLine(cx + Math.cos(a) * (r - band - 1), cy - Math.sin(a) * (r - band - 1),
                cx + Math.cos(a) * (r + 2), cy - Math.sin(a) * (r + 2));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        subs.closeAll();
    }
}
