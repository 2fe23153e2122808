package org.nvmeworkbench.ui.lab;

import java.io.File;

import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.nvmeworkbench.ui.spi.WorkbenchView;

/**
 * The Lab player: pick or open a scenario, play, pause, step, resume, restart, set the slow motion, and
 * read the caption in large type with the device time and the last Lab event. While it is shown the
 * presenter keys work anywhere in the window: space pauses or resumes, right arrow steps one event, F11
 * toggles full screen.
 */
public final class LabPlayerView implements WorkbenchView {
    static final String DARK = "-fx-background-color: #0b0b0b;";
    static final String TEXT = "-fx-text-fill: #f2f2f2;";

    private final LabSession lab;
    private final LabPlayerViewModel vm;
    private final VBox root = new VBox(12);
    private final ScrollPane scroll = new ScrollPane(root);
    private final ComboBox<LabPlayerViewModel.Choice> picker = new ComboBox<>();
    private final Button play = button("Play", "lab-play");
    private final Button pause = button("Pause", "lab-pause");
    private final Button step = button("Step", "lab-step");
    private final Button resume = button("Resume", "lab-resume");
    private final Button restart = button("Restart", "lab-restart");
    private final Slider speed = new Slider(Math.log10(LabPlayerViewModel.SLOWEST), 0, 0);
    private final AutoCloseable frames;
    private final EventHandler<KeyEvent> keys = this::presenterKey;
    private final ChangeListener<Scene> sceneListener = (o, a, b) -> moveKeys(a, b);
    private final ChangeListener<Object> phaseListener = (o, a, b) -> update();
    private final ChangeListener<Object> planListener = (o, a, b) -> {
        if (b instanceof org.nvmeworkbench.core.lab.ScenarioPlan p) {
            StageFocus.bringForward(scroll.getScene(), StageFocus.viewFor(p));
        }
    };
    private final ChangeListener<Number> speedListener = (o, a, b) -> showSpeed(b.doubleValue());
    private boolean settingSpeed;

    public LabPlayerView(LabSession lab) {
        this.lab = lab;
        this.vm = new LabPlayerViewModel(lab);
        root.setId("lab-player");
        root.setPadding(new Insets(14));
        root.setStyle(DARK);
        scroll.setFitToWidth(true);
        scroll.setStyle(DARK + "-fx-background: #0b0b0b;");

        picker.setId("lab-scenario");
        picker.getItems().setAll(LabPlayerViewModel.shipped());
        picker.setPromptText("Choose a scenario");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setFocusTraversable(false);
        picker.setOnAction(e -> {
            LabPlayerViewModel.Choice c = picker.getValue();
            if (c != null && (lab.plan().get() == null || !c.name().equals(lab.plan().get().name()))) {
                vm.choose(c.name());
            }
        });
        Button open = button("Open...", "lab-open");
        open.setOnAction(e -> openFile());
        open.setMinWidth(Region.USE_PREF_SIZE);
        HBox pick = new HBox(8, picker, open);
        HBox.setHgrow(picker, Priority.ALWAYS);

        Label title = label("lab-title", "-fx-font-size: 1.5em; -fx-font-weight: bold;");
        title.textProperty().bind(vm.title());
        Label summary = label("lab-summary", "-fx-text-fill: #cfcfcf;");
        summary.textProperty().bind(vm.summary());

        play.setOnAction(e -> lab.play());
        pause.setOnAction(e -> lab.pause());
        step.setOnAction(e -> lab.step());
        resume.setOnAction(e -> lab.resume());
        restart.setOnAction(e -> lab.restart());
        FlowPane buttons = new FlowPane(8, 8, play, pause, step, resume, restart);

        speed.setId("lab-speed");
        speed.setFocusTraversable(false);
        speed.setMaxWidth(Double.MAX_VALUE);
        speed.valueProperty().addListener((o, a, b) -> {
            if (!settingSpeed) {
                lab.speed().set(LabPlayerViewModel.factorFor(b.doubleValue()));
            }
        });
        lab.speed().addListener(speedListener);
        showSpeed(lab.speed().get());
        Label speedWords = label("lab-speed-words", "-fx-font-weight: bold;");
        speedWords.textProperty().bind(vm.speedWords());
        Label speedTitle = label(null, "-fx-text-fill: #cfcfcf;");
        speedTitle.setText("Slow motion (device time per screen time):");

        Label caption = label("lab-caption", "-fx-font-size: 1.5em; -fx-text-fill: #ffe14d; -fx-font-weight: bold;");
        caption.textProperty().bind(vm.caption());
        caption.setMinHeight(Region.USE_PREF_SIZE);
        Label time = label("lab-device-time", "-fx-font-size: 1.1em; -fx-font-family: monospace;");
        time.textProperty().bind(vm.deviceTime());
        Label last = label("lab-last-event", "");
        last.textProperty().bind(vm.lastEvent());
        Label state = label("lab-state", "-fx-text-fill: #8fd3ff; -fx-font-weight: bold;");
        state.textProperty().bind(vm.state());
        Label problem = label("lab-problem", "-fx-text-fill: #ff6b6b; -fx-font-weight: bold;");
        problem.textProperty().bind(vm.problem());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label keysHelp = label(null, "-fx-text-fill: #9a9a9a;");
        keysHelp.setText("Keys: space = pause/resume, right arrow = step one event, F11 = full screen.");

        // What a presenter reads first comes first: the caption under the controls; the summary is for later.
        root.getChildren().addAll(pick, problem, title, buttons, state, caption, time, last, speedTitle, speed,
                speedWords, summary, keysHelp);
        frames = lab.onFrame(this::update);
        lab.phase().addListener(phaseListener);
        lab.plan().addListener(planListener);
        scroll.sceneProperty().addListener(sceneListener);
        moveKeys(null, scroll.getScene());
        update();
    }

    private static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        // The presenter keys belong to the Lab: a focused button must not take space as its own press.
        b.setFocusTraversable(false);
        return b;
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setStyle(TEXT + style);
        return l;
    }

    private void showSpeed(double factor) {
        settingSpeed = true;
        try {
            speed.setValue(LabPlayerViewModel.sliderFor(factor));
        } finally {
            settingSpeed = false;
        }
    }

    private void openFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a Lab scenario");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lab scenarios (*.json)", "*.json"));
        File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null && vm.open(f.toPath())) {
            picker.setValue(null);
        }
    }

    /** One frame: texts and which buttons apply. */
    private void update() {
        vm.update();
        LabSession.Phase p = lab.phase().get();
        boolean paused = lab.isPaused();
        play.setDisable(p != LabSession.Phase.READY);
        pause.setDisable(p != LabSession.Phase.PLAYING || paused);
        step.setDisable(p != LabSession.Phase.READY && p != LabSession.Phase.PLAYING);
        resume.setDisable(p != LabSession.Phase.PLAYING || !paused);
        restart.setDisable(lab.plan().get() == null);
        if (lab.plan().get() != null && picker.getValue() != null && !picker.getValue().name().equals(lab.plan().get().name())) {
            picker.setValue(null);
        }
        if (picker.getValue() == null && lab.plan().get() != null) {
            for (LabPlayerViewModel.Choice c : picker.getItems()) {
                if (c.name().equals(lab.plan().get().name())) {
                    picker.setValue(c);
                }
            }
        }
    }

    // --- presenter keys --------------------------------------------------------------------------

    private void moveKeys(Scene from, Scene to) {
        if (from != null) {
            from.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            from.removeEventFilter(KeyEvent.KEY_RELEASED, keys);
        }
        if (to != null) {
            to.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            to.addEventFilter(KeyEvent.KEY_RELEASED, keys);
        }
    }

    /** Space, right arrow and F11 anywhere in the window, except while the user types into a text field. */
    void presenterKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || !root.isVisible() || scroll.getScene() == null) {
            return;
        }
        KeyCode k = e.getCode();
        if (k != KeyCode.SPACE && k != KeyCode.RIGHT && k != KeyCode.F11) {
            return;
        }
        e.consume(); // released too, so no focused control acts on the key as well
        if (e.getEventType() != KeyEvent.KEY_PRESSED) {
            return;
        }
        if (k == KeyCode.SPACE) {
            lab.togglePause();
        } else if (k == KeyCode.RIGHT) {
            lab.step();
        } else if (scroll.getScene().getWindow() instanceof Stage s) {
            s.setFullScreen(!s.isFullScreen());
        }
        update();
    }

    public LabPlayerViewModel model() {
        return vm;
    }

    @Override
    public Node node() {
        return scroll;
    }

    @Override
    public void close() {
        lab.phase().removeListener(phaseListener);
        lab.plan().removeListener(planListener);
        lab.speed().removeListener(speedListener);
        vm.dispose();
        scroll.sceneProperty().removeListener(sceneListener);
        moveKeys(scroll.getScene(), null);
        try {
            frames.close();
        } catch (Exception e) {
            // removing a listener from a list cannot fail
        }
    }
}
