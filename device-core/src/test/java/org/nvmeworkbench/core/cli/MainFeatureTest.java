package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainFeatureTest {

    @Test
    void freshCoalescingReadsAsOff() {
        CliRun r = CliRun.of("get-feature", "-f", "8", "-H");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "get-feature:0x08 (Interrupt Coalescing), Current value:00000000",
                "Aggregation Time (TIME): 0 usec",
                "Aggregation Threshold (THR): 1 (the field holds 0, 0's based: signal after each completion)",
                "Coalescing: off (THR 0 or TIME 0 means every completion is signalled at once)");
    }

    @Test
    void withoutHumanReadableOnlyTheNvmeCliLine() {
        assertThat(CliRun.of("get-feature", "-f", "8").out().strip())
                .isEqualTo("get-feature:0x08 (Interrupt Coalescing), Current value:00000000");
    }

    @Test
    void vectorFeatureNeedsTheVector() {
        CliRun r = CliRun.of("get-feature", "-f", "9");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--cdw11 IV");
        CliRun ok = CliRun.of("get-feature", "-f", "9", "--cdw11", "1", "-H", "-o", "json");
        assertThat(ok.json().get("iv").asInt()).isEqualTo(1);
        assertThat(ok.json().get("cd").asBoolean()).isFalse();
    }

    @Test
    void outOfRangeCoalescingValueIsOneLineAndNothingIsSent() {
        CliRun r = CliRun.of("set-feature", "-f", "8", "-v", "0x10000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.oneLineError()).isTrue();
        assertThat(r.err()).contains("0..0xffff, not 0x10000");
    }

    @Test
    void setFeatureReadsBackAndAdmitsTheSimulatorForgets() {
        CliRun r = CliRun.of("set-feature", "-f", "8", "-v", "0x020a");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("set-feature:0x08 (Interrupt Coalescing), value:0x0000020a")
                .contains("Read back: 0x0000020a")
                .contains("Aggregation Threshold (THR): 11 (the field holds 10, 0's based: signal after 11 completions)")
                .contains("the simulator forgets it when this command exits".substring(4));
        assertThat(CliRun.of("get-feature", "-f", "8").out()).contains("Current value:00000000");
    }

    @Test
    void aDeviceRefusalIsSaidInWords() {
        CliRun r = CliRun.of("set-feature", "-f", "8", "-v", "0x020a", "--save");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.oneLineError()).isTrue();
        assertThat(r.err()).contains("Feature Identifier Not Saveable (SCT 1h, SC 0Dh)");
    }

    @Test
    void vectorConfigurationBindsTheVectorFirst() {
        CliRun r = CliRun.of("set-feature", "-f", "9", "--cdw11", "1", "-v", "0x10000", "-o", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().at("/read_back/cd").asBoolean()).isTrue();
        assertThat(r.json().at("/read_back/iv").asInt()).isEqualTo(1);
    }

    @Test
    void malformedNumbersAndUnknownOptionsAreOneSentenceWithAHint() {
        CliRun n = CliRun.of("set-feature", "-f", "8", "-v", "0xZZ");
        assertThat(n.exit()).isEqualTo(2);
        assertThat(n.oneLineError()).isTrue();
        assertThat(n.err()).contains("'0xZZ' is not a number").contains("set-feature --help");
        CliRun o = CliRun.of("get-feature", "--frobnicate");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.oneLineError()).isTrue();
    }

    @Test
    void listAndIdentifyAndVersion() {
        assertThat(CliRun.of("list", "-o", "json").json().get("Devices").findValuesAsText("device")).contains("sim:tlc", "sim:null");
        CliRun id = CliRun.of("identify");
        assertThat(id.out()).contains("mdts      : ").contains("Maximum Queue Entries Supported (MQES): ").contains("lbaf  0 : ");
        assertThat(CliRun.of("--version").out()).startsWith("nvme-workbench ");
        CliRun help = CliRun.of("run", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--coalesce=THR,TIME").contains("--allow-writes");
    }
}
