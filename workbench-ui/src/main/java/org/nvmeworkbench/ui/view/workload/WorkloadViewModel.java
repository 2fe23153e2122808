package org.nvmeworkbench.ui.view.workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.nvmeworkbench.core.fiojob.FioUnits;
import org.nvmeworkbench.core.fiojob.FioJob;
import org.nvmeworkbench.core.fiojob.FioJobException;
import org.nvmeworkbench.core.fiojob.FioJobFile;
import org.nvmeworkbench.core.host.CpuPlacement;
import org.nvmeworkbench.core.record.RunRecord;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;
import org.nvmeworkbench.core.session.ControllerState;
import org.nvmeworkbench.core.session.Failures;
import org.nvmeworkbench.ui.session.WorkbenchSession;

/** The Workload view's state: fio's options as typed, the spec they make, and start/stop/rerun. */
public final class WorkloadViewModel {
    private final WorkbenchSession session;
    private final ObjectProperty<ReadWrite> rw = new SimpleObjectProperty<>(this, "rw", ReadWrite.RANDREAD);
    private final StringProperty blockSize = new SimpleStringProperty(this, "bs", "4k");
    private final StringProperty iodepth = new SimpleStringProperty(this, "iodepth", "32");
    private final StringProperty queues = new SimpleStringProperty(this, "queues", "2");
    private final StringProperty runtime = new SimpleStringProperty(this, "runtime", "2s");
    private final StringProperty ios = new SimpleStringProperty(this, "ios", "0");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "1");
    // fio's CPU words; empty leaves the device's own placement
    private final StringProperty cpusAllowed = new SimpleStringProperty(this, "cpus_allowed", "");
    private final StringProperty cpusAllowedPolicy = new SimpleStringProperty(this, "cpus_allowed_policy", "");
    private final StringProperty numaCpuNodes = new SimpleStringProperty(this, "numa_cpu_nodes", "");
    private final StringProperty numaMemPolicy = new SimpleStringProperty(this, "numa_mem_policy", "");
    private final StringProperty irqAffinity = new SimpleStringProperty(this, "irq_affinity", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper writeNote = new ReadOnlyStringWrapper(this, "writeNote", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper imported = new ReadOnlyStringWrapper(this, "imported", "");
    private final ReadOnlyStringWrapper importProblem = new ReadOnlyStringWrapper(this, "importProblem", "");
    private final ObservableList<String> importWarnings = FXCollections.observableArrayList();
    /** The jobs of the imported file, by name, when it has several: the user picks one with {@link #chooseJob}. */
    private final ObservableList<String> importableJobs = FXCollections.observableArrayList();
    private FioJobFile importedFile;
    private Path importedPath;
    /** What the fields do not show (rwmixread, polling, CD vectors of an imported job): the spec the fields start from. */
    private WorkloadSpec base = WorkloadSpec.defaults();
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canRerun;

    public WorkloadViewModel(WorkbenchSession session) {
        this.session = session;
        for (StringProperty p : List.of(blockSize, iodepth, queues, runtime, ios, seed, cpusAllowed, cpusAllowedPolicy,
                numaCpuNodes, numaMemPolicy, irqAffinity)) {
            p.addListener((o, a, b) -> revalidate());
        }
        rw.addListener((o, a, b) -> revalidate());
        session.device().addListener((o, a, b) -> revalidate());
        canStart = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && session.state().get() == ControllerState.IDLE,
                problem, session.state());
        canStop = Bindings.createBooleanBinding(() -> session.state().get() == ControllerState.RUNNING, session.state());
        canRerun = Bindings.createBooleanBinding(() -> session.lastSpec().get() != null
                && session.state().get() == ControllerState.IDLE, session.lastSpec(), session.state());
        WorkloadSpec restored = session.draftSpec().get();
        if (restored != null && !restored.equals(WorkloadSpec.defaults())) {
            show(restored); // the last session's workload (LastSession), or the one another view left
        } else {
            revalidate();
        }
    }

    public ObjectProperty<ReadWrite> rw() { return rw; }
    public StringProperty blockSize() { return blockSize; }
    public StringProperty iodepth() { return iodepth; }
    public StringProperty queues() { return queues; }
    public StringProperty runtime() { return runtime; }
    public StringProperty ios() { return ios; }
    public StringProperty seed() { return seed; }
    /** fio's cpus_allowed, e.g. 0-15; empty for every CPU. */
    public StringProperty cpusAllowed() { return cpusAllowed; }
    /** shared or split; empty for fio's default, shared. */
    public StringProperty cpusAllowedPolicy() { return cpusAllowedPolicy; }
    public StringProperty numaCpuNodes() { return numaCpuNodes; }
    public StringProperty numaMemPolicy() { return numaMemPolicy; }
    /** Where vectors' interrupts are taken: spread or a CPU list; empty for spread. */
    public StringProperty irqAffinity() { return irqAffinity; }
    public ReadOnlyStringProperty problem() { return problem.getReadOnlyProperty(); }
    /** Said while the pattern writes: Start will ask to confirm, naming the device. */
    public ReadOnlyStringProperty writeNote() { return writeNote.getReadOnlyProperty(); }
    /** How the last start or rerun ended when it did not run: refused, cancelled or failed, in words. */
    public ReadOnlyStringProperty outcome() { return outcome.getReadOnlyProperty(); }
    /** What the last import took: "Imported job 'rand-read' from tuning.fio.", or empty. */
    public ReadOnlyStringProperty imported() { return imported.getReadOnlyProperty(); }
    /** Why the last import failed, one sentence naming the line, or empty. */
    public ReadOnlyStringProperty importProblem() { return importProblem.getReadOnlyProperty(); }
    /** The imported job's options that do not apply, one sentence each with its line. */
    public ObservableList<String> importWarnings() { return importWarnings; }
    /** The imported file's jobs ("1. name") when it has more than one, else empty. */
    public ObservableList<String> importableJobs() { return importableJobs; }
    public BooleanBinding canStart() { return canStart; }
    public BooleanBinding canStop() { return canStop; }
    public BooleanBinding canRerun() { return canRerun; }

    /** The spec the fields describe, or null with {@link #problem()} saying why. */
    public WorkloadSpec spec() {
        List<String> p = new ArrayList<>();
        WorkloadSpec s = build(p);
        return p.isEmpty() ? s : null;
    }

    private WorkloadSpec build(List<String> problems) {
        long bs = parse(problems, "bs", blockSize.get(), true);
        long depth = parse(problems, "iodepth", iodepth.get(), false);
        long q = parse(problems, "queues", queues.get(), false);
        long count = parse(problems, "ios", ios.get(), false);
        long sd = parse(problems, "seed", seed.get(), false);
        long rt = 0;
        try {
            String t = runtime.get().strip();
            rt = t.isEmpty() || t.equals("0") ? 0 : FioUnits.parseTimeNanos(t);
        } catch (RuntimeException e) {
            problems.add("runtime: " + e.getMessage());
        }
        CpuPlacement placement = placement(problems);
        if (!problems.isEmpty()) {
            return null;
        }
        WorkloadSpec s = base.withPlacement(placement).withRw(rw.get()).withBlockSize((int) Math.min(Integer.MAX_VALUE, bs))
                .withIodepth((int) Math.min(Integer.MAX_VALUE, depth)).withQueues((int) Math.min(Integer.MAX_VALUE, q))
                .withLimits(rt, count).withSeed(sd).withAllowWrites(rw.get().writes());
        problems.addAll(s.problems());
        return s;
    }

    /** The CPU fields as a placement; a bad one adds its sentence to {@code problems}. */
    private CpuPlacement placement(List<String> problems) {
        try {
            return CpuPlacement.ofWords(cpusAllowed.get(), cpusAllowedPolicy.get(), numaCpuNodes.get(), numaMemPolicy.get(),
                    irqAffinity.get());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return CpuPlacement.NONE;
        }
    }

    private static long parse(List<String> problems, String name, String text, boolean size) {
        try {
            return size ? FioUnits.parseSize(text.strip()) : FioUnits.parseInteger(text.strip());
        } catch (RuntimeException e) {
            problems.add(name + ": " + e.getMessage());
            return 0;
        }
    }

    private void revalidate() {
        // The fields changed: what the last start was refused for (here and in the status bar) is stale now.
        String stale = outcome.get();
        if (!stale.isEmpty()) {
            outcome.set("");
            if (stale.equals(session.message().get())) {
                session.message().set("");
            }
        }
        List<String> p = new ArrayList<>();
        WorkloadSpec s = build(p);
        problem.set(p.isEmpty() ? "" : p.get(0));
        String dev = session.device().get().isEmpty() ? "the attached device" : session.device().get();
        writeNote.set(rw.get().writes() ? rw.get().fioName() + " writes: Start asks you to confirm writing to " + dev
                + ", naming it, before anything is written." : "");
        if (p.isEmpty()) {
            session.draftSpec().set(s);
        }
    }

    /**
     * Fills the fields from the first job of a .fio file (fio's option names and units); when the file has
     * several, {@link #importableJobs()} lists them and {@link #chooseJob} takes another, and the line under
     * the button says which was taken. Options that do not apply are listed in {@link #importWarnings()},
     * never dropped silently; a malformed file leaves the fields alone and {@link #importProblem()} names the line.
     */
    public boolean importJob(Path file) {
        FioJobFile f;
        try {
            f = FioJobFile.read(file);
        } catch (FioJobException e) {
            return refuse(Failures.sentence(e));
        }
        if (f.jobs().isEmpty()) {
            return refuse(file.getFileName() + " has no job section, so there is no workload to import.");
        }
        importedFile = f;
        importedPath = file;
        List<String> names = new ArrayList<>();
        if (f.jobs().size() > 1) {
            for (int i = 0; i < f.jobs().size(); i++) {
                names.add((i + 1) + ". " + f.jobs().get(i).name());
            }
        }
        importableJobs.setAll(names);
        return chooseJob(0);
    }

    /**
     * Fills the fields from job {@code index} (0-based, in file order) of the file last imported. A job the
     * workbench cannot run leaves the fields alone and says why.
     */
    public boolean chooseJob(int index) {
        if (importedFile == null || index < 0 || index >= importedFile.jobs().size()) {
            return false;
        }
        FioJob job = importedFile.jobs().get(index);
        int count = importedFile.jobs().size();
        String which = count > 1 ? " (job " + (index + 1) + " of " + count + "; choose another below)" : "";
        if (!job.runnable()) {
            importProblem.set("Job '" + job.name() + "'" + which + ": " + job.refusal());
            importWarnings.setAll(job.warnings());
            imported.set("");
            return false;
        }
        show(job.spec());
        importProblem.set("");
        importWarnings.setAll(job.warnings());
        imported.set("Imported job '" + job.name() + "'" + which + " from " + importedPath.getFileName()
                + (job.description().isEmpty() ? "" : ": " + job.description()) + ".");
        return true;
    }

    private boolean refuse(String sentence) {
        importProblem.set(sentence);
        importWarnings.clear();
        importableJobs.clear();
        imported.set("");
        importedFile = null;
        return false;
    }

    /** Fills the fields from {@code s}, which also keeps what they do not show (rwmixread, polling, CD vectors). */
    private void show(WorkloadSpec s) {
        base = s;
        rw.set(s.rw());
        blockSize.set(FioUnits.formatSize(s.blockSize()));
        iodepth.set(Integer.toString(s.iodepth()));
        queues.set(Integer.toString(s.queues()));
        runtime.set(time(s.runtimeNanos()));
        ios.set(Long.toString(s.ios()));
        seed.set(Long.toString(s.seed()));
        CpuPlacement p = s.placement();
        cpusAllowed.set(p.cpusAllowed() == null ? "" : p.cpusAllowed().toString());
        cpusAllowedPolicy.set(p.policy() == null ? "" : p.policy().fioName());
        numaCpuNodes.set(p.numaCpuNodes() == null ? "" : p.numaCpuNodes().toString());
        numaMemPolicy.set(p.memPolicy() == null ? "" : p.memPolicy().toString());
        irqAffinity.set(p.irqAffinity() == null ? "" : p.irqAffinity().toString());
        revalidate();
    }

    /** fio's way of writing a duration: "2s", "500ms", "250us", "0". */
    static String time(long nanos) {
        if (nanos <= 0) {
            return "0";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return nanos % 1_000L == 0 ? nanos / 1_000L + "us" : nanos + "ns";
    }

    /**
     * Starts the workload; the session asks to confirm writes. (The spec says allowWrites for a writing
     * pattern only so it validates: the session's confirmation naming the device is the gate.)
     */
    public CompletableFuture<RunRecord> start() {
        WorkloadSpec s = spec();
        if (s == null) {
            outcome.set(problem.get());
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        return said(session.run(s));
    }

    private CompletableFuture<RunRecord> said(CompletableFuture<RunRecord> run) {
        outcome.set("");
        return run.whenComplete((r, t) -> outcome.set(t == null ? "" : session.message().get()));
    }

    public void stop() {
        session.stop();
    }

    public CompletableFuture<RunRecord> rerun() {
        return said(session.rerun());
    }
}
