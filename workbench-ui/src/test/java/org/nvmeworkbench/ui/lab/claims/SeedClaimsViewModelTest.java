package org.nvmeworkbench.ui.lab.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nvmeworkbench.core.lab.ScenarioLibrary;
import org.nvmeworkbench.core.lab.ScenarioRunner;
import org.nvmeworkbench.core.lab.SeedClaims;

/** The claims board checks the seed's scenario at once, others on request, and shows the check's own figures. */
class SeedClaimsViewModelTest {
    private final SimpleObjectProperty<ScenarioRunner> loaded = new SimpleObjectProperty<>();
    private final List<Runnable> background = new ArrayList<>();
    private SeedClaimsViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
        if (loaded.get() != null) {
            loaded.get().close();
        }
    }

    @Test
    void theSeedsScenarioIsCheckedAtOnceWithOneRowPerClaim() {
        vm = new SeedClaimsViewModel(loaded, Runnable::run, Runnable::run);
        assertThat(vm.note()).startsWith("No scenario loaded");
        loaded.set(new ScenarioRunner(ScenarioLibrary.shipped("the-seeds-claims")));
        assertThat(vm.rows()).hasSize(5);
        SeedClaims direct = SeedClaims.run(ScenarioLibrary.shipped("the-seeds-claims"));
        for (int i = 0; i < 5; i++) {
            ClaimRow row = vm.rows().get(i);
            assertThat(row.model()).isEqualTo("model " + direct.claims().get(i).modelText());
            assertThat(row.verdict()).isEqualTo(direct.claims().get(i).verdict().words());
        }
        assertThat(vm.rows().get(0).verdictStyle()).isEqualTo("success");
        assertThat(vm.note()).contains("three runs of the-seeds-claims");
    }

    @Test
    void anotherScenarioWaitsForCheckAndAStaleResultIsDropped() {
        vm = new SeedClaimsViewModel(loaded, background::add, Runnable::run);
        loaded.set(new ScenarioRunner(ScenarioLibrary.shipped("coalescing-threshold-vs-timer")));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.note()).startsWith("Check the seed's claims against coalescing-threshold-vs-timer");
        vm.check();
        assertThat(vm.canCheck()).isFalse();
        vm.check(); // a second press while one runs does nothing
        assertThat(background).hasSize(1);
        loaded.get().close();
        loaded.set(null); // unloaded before the check came back
        background.get(0).run();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.note()).startsWith("No scenario loaded");
    }
}
