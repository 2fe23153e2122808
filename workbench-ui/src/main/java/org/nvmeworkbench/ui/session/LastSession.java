package org.nvmeworkbench.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.nvmeworkbench.core.record.AtomicFile;
import org.nvmeworkbench.core.sim.SimDeviceProvider;
import org.nvmeworkbench.core.spec.InterruptCoalescing;
import org.nvmeworkbench.core.workload.ReadWrite;
import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * What the user was working on when the workbench closed: the device, the workload as last typed and
 * the coalescing last applied, kept in {@code home/session.json} so a restart picks up where they were
 * (runs are kept apart, one file each, by the session's run store).
 *
 * <p>Only a simulator is attached again by itself: a real device is never touched unless the user names
 * it in this session, so a VFIO device of the last session is only mentioned.
 *
 * @param device     the device spec last attached (sim, sim:optane, vfio:...), or null
 * @param workload   the workload fields last typed, with writes never allowed (writes are confirmed afresh)
 * @param coalescing Feature 08h as last applied, or null
 * @param window     where the window was and its size, or null
 */
public record LastSession(String device, WorkloadSpec workload, InterruptCoalescing coalescing, WindowPlacement window) {
    private static final Logger LOG = Logger.getLogger(LastSession.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String FILE = "session.json";

    /** The session's state now, with the window as it is. */
    public static LastSession of(WorkbenchSession s, WindowPlacement window) {
        String dev = s.device().get();
        return new LastSession(dev == null || dev.isEmpty() ? null : dev, s.draftSpec().get(), s.desiredCoalescing().get(),
                window);
    }

    /** Whether {@link #device()} may be attached again without the user naming it: simulators only. */
    public boolean reattachable() {
        return SimDeviceProvider.names(device);
    }

    /** Puts the workload and the coalescing back into {@code s}, before its views are built. */
    public void restoreInto(WorkbenchSession s) {
        if (workload != null) {
            s.draftSpec().set(workload);
        }
        if (coalescing != null) {
            s.restoreDesired(coalescing, s.desiredCdVectors().get());
        }
    }

    /** Writes {@code home/session.json} atomically; a failure is logged, never thrown at a closing window. */
    public void save(Path home) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("version", 1);
        if (device != null) {
            o.put("device", device);
        }
        if (workload != null) {
            ObjectNode w = o.putObject("workload");
            w.put("rw", workload.rw().fioName());
            w.put("bs", workload.blockSize());
            w.put("iodepth", workload.iodepth());
            w.put("queues", workload.queues());
            w.put("runtime_ns", workload.runtimeNanos());
            w.put("ios", workload.ios());
            w.put("rwmixread", workload.rwmixread());
            w.put("seed", workload.seed());
            w.put("polling", workload.polling());
            if (workload.cdVectors() != null) {
                ArrayNode cd = w.putArray("cd_vectors");
                workload.cdVectors().forEach(cd::add);
            }
        }
        if (coalescing != null) {
            o.putObject("coalesce").put("thr", coalescing.threshold()).put("time", coalescing.time());
        }
        if (window != null && window.hasPosition()) {
            o.putObject("window").put("x", window.x()).put("y", window.y()).put("width", window.width())
                    .put("height", window.height()).put("maximized", window.maximized());
        }
        try {
            Files.createDirectories(home);
            AtomicFile.write(home.resolve(FILE), MAPPER.writeValueAsBytes(o));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not keep the session in " + home.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code home/session.json}; none, or a file that cannot be read back (hand-edited, from another
     * version), gives an empty session: a restart must never fail because of it.
     */
    public static LastSession load(Path home) {
        return load(home, sentence -> LOG.warning(sentence));
    }

    /**
     * Strictly: a device that is not a device name ({@code vfio:../../../etc/passwd}), a field of the wrong type
     * or a value out of range sets the file aside ({@link DamagedStateFile}) and {@code notice} hears why.
     */
    public static LastSession load(Path home, java.util.function.Consumer<String> notice) {
        Path file = home.resolve(FILE);
        try {
            JsonNode o = MAPPER.readTree(Files.readAllBytes(file));
            String damage = o == null || !o.isObject() ? "it is not a JSON object" : StateChecks.session(o);
            if (damage != null) {
                notice.accept(DamagedStateFile.setAside(file, damage));
                return empty();
            }
            String device = o.hasNonNull("device") ? o.get("device").asText() : null;
            WorkloadSpec workload = o.hasNonNull("workload") ? workload(o.get("workload")) : null;
            InterruptCoalescing c = null;
            JsonNode co = o.path("coalesce");
            if (co.isObject()) {
                c = new InterruptCoalescing(co.path("thr").asInt(), co.path("time").asInt());
            }
            WindowPlacement window = null;
            JsonNode wn = o.path("window");
            if (wn.isObject()) {
                window = new WindowPlacement(wn.path("x").asDouble(Double.NaN), wn.path("y").asDouble(Double.NaN),
                        wn.path("width").asDouble(0), wn.path("height").asDouble(0), wn.path("maximized").asBoolean(false));
            }
            return new LastSession(device, workload, c, window);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            notice.accept(DamagedStateFile.setAside(file, "it is not valid JSON"));
            return empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Ignoring " + file + ", which cannot be read back: " + e.getMessage());
            notice.accept(file.getFileName() + " could not be read back (" + e.getMessage() + "); the defaults are used.");
            return empty();
        }
    }

    public static LastSession empty() {
        return new LastSession(null, null, null, null);
    }

    private static WorkloadSpec workload(JsonNode w) {
        Set<Integer> cd = null;
        if (w.path("cd_vectors").isArray()) {
            cd = new TreeSet<>();
            for (JsonNode n : w.get("cd_vectors")) {
                cd.add(n.asInt());
            }
        }
        WorkloadSpec d = WorkloadSpec.defaults();
        WorkloadSpec s = new WorkloadSpec(ReadWrite.parse(w.path("rw").asText(d.rw().fioName())),
                w.path("bs").asInt(d.blockSize()), w.path("iodepth").asInt(d.iodepth()), w.path("queues").asInt(d.queues()),
                w.path("runtime_ns").asLong(d.runtimeNanos()), w.path("ios").asLong(d.ios()),
                w.path("rwmixread").asInt(d.rwmixread()), w.path("seed").asLong(d.seed()), false, null, cd,
                w.path("polling").asBoolean(false));
        // A writing pattern validates only with writes allowed; the session still asks before writing.
        return s.withAllowWrites(s.rw().writes());
    }
}
