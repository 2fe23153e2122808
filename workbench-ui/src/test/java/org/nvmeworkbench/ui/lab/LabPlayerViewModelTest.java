package org.nvmeworkbench.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabPlayerViewModelTest {

    @Test
    void slowMotionIsSaidAsDeviceTimePerScreenTime() {
        assertThat(LabPlayerViewModel.speedInWords(1.0)).isEqualTo("real time");
        assertThat(LabPlayerViewModel.speedInWords(1e-5)).isEqualTo("1 us per 100 ms (100,000x slower)");
        assertThat(LabPlayerViewModel.speedInWords(2e-5)).isEqualTo("1 us per 50 ms (50,000x slower)");
        assertThat(LabPlayerViewModel.speedInWords(0.01)).isEqualTo("1 ms per 100 ms (100x slower)");
    }

    @Test
    void theSliderSpansRealTimeDownToOneMicrosecondPerHundredMilliseconds() {
        assertThat(LabPlayerViewModel.factorFor(0)).isEqualTo(1.0);
        assertThat(LabPlayerViewModel.factorFor(-5)).isEqualTo(1e-5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(LabPlayerViewModel.factorFor(-9)).isEqualTo(1e-5, org.assertj.core.data.Offset.offset(1e-12));
        // positions between round to 1, 2 or 5 in the decade so the words stay round
        assertThat(LabPlayerViewModel.factorFor(Math.log10(2.2e-5))).isEqualTo(2e-5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(LabPlayerViewModel.factorFor(LabPlayerViewModel.sliderFor(1e-3))).isEqualTo(1e-3,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(LabPlayerViewModel.sliderFor(0)).as("unpaced shows as the fast end").isEqualTo(0);
    }

    @Test
    void shippedScenariosComeWithTheirTitlesAndSummaries() {
        var choices = LabPlayerViewModel.shipped();
        assertThat(choices).extracting(LabPlayerViewModel.Choice::name).contains("one-command-journey",
                "coalescing-threshold-vs-timer", "why-msi-x", "sixteen-queues-sixteen-vectors");
        assertThat(choices.get(0).title()).isEqualTo("One command's journey");
        assertThat(choices.get(0).summary()).contains("eight steps");
    }

    @Test
    void aBadScenarioFileIsOneSentenceAndLoadsNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{ \"name\": \"x\", \"workload\": { \"iodepth\": \"deep\" } }");
        LabSession lab = new LabSession();
        LabPlayerViewModel vm = new LabPlayerViewModel(lab);
        assertThat(vm.open(bad)).isFalse();
        assertThat(vm.problem().get()).contains("broken.json").doesNotContain("Exception").doesNotContain("\n");
        assertThat(lab.runner().get()).isNull();
        assertThat(vm.open(dir.resolve("missing.json"))).isFalse();
        assertThat(vm.problem().get()).contains("missing.json").doesNotContain("\n");
    }
}
