package org.nvmeworkbench.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvmeworkbench.ui.perspective.LayoutStore;

/** A damaged state file is set aside (renamed, never deleted), said in one sentence, and not believed. */
class DamagedStateTest {
    @TempDir
    Path home;

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(home)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSessionNamingAPathAsADeviceIsSetAside() throws Exception {
        Files.writeString(home.resolve("session.json"), "{\"version\":1,\"device\":\"vfio:../../../etc/passwd\"}");
        List<String> said = new ArrayList<>();
        LastSession s = LastSession.load(home, said::add);
        assertThat(s.device()).isNull();
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).contains("session.json").contains("device").contains("set aside");
        assertThat(files()).hasSize(1).allMatch(f -> f.startsWith("session.json.damaged-"));
    }

    @Test
    void aSessionOfWrongTypesIsSetAside() throws Exception {
        Files.writeString(home.resolve("session.json"), "{\"version\":1,\"device\":\"sim\",\"workload\":{\"iodepth\":\"deep\"}}");
        List<String> said = new ArrayList<>();
        LastSession s = LastSession.load(home, said::add);
        assertThat(s.workload()).isNull();
        assertThat(said.get(0)).contains("workload.iodepth");
    }

    @Test
    void aGoodSessionLoadsAndSaysNothing() throws Exception {
        Files.writeString(home.resolve("session.json"), "{\"version\":1,\"device\":\"vfio:0000:01:00.0\"}");
        List<String> said = new ArrayList<>();
        assertThat(LastSession.load(home, said::add).device()).isEqualTo("vfio:0000:01:00.0");
        assertThat(said).isEmpty();
    }

    @Test
    void aLayoutOfWrongTypesIsSetAsideAndSaid() throws Exception {
        Path f = home.resolve("layout.json");
        Files.writeString(f, "{\"version\":1,\"perspective\":\"tuning\",\"theme\":\"light\",\"layouts\":{\"tuning\":"
                + "{\"LEFT\":\"runs\",\"CENTER\":[\"runs\",\"runs\",\"runs\"],\"RIGHT\":[],\"BOTTOM\":[]}}}");
        LayoutStore store = new LayoutStore(f);
        assertThat(store.load()).isEmpty();
        assertThat(store.problem()).contains("layout.json").contains("set aside");
        assertThat(files()).hasSize(1).allMatch(n -> n.startsWith("layout.json.damaged-"));
    }
}
