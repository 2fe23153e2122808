package org.nvmeworkbench.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** nvme-cli 2.x's option letters, as its set-feature/get-feature documentation spells them. */
class NvmeCliSpellingTest {
    @Test
    void setFeatureCapitalVIsTheValueNotTheVersion() {
        // nvme set-feature /dev/nvme0 -f 8 -V 0x207  ->  set-feature -d sim -f 8 -V 0x207
        CliRun r = CliRun.of("set-feature", "-d", "sim", "-f", "8", "-V", "0x207");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("set-feature:0x08 (Interrupt Coalescing), value:0x00000207, cdw12:00000000, save:0\n")
                .contains("Aggregation Threshold (THR): 8 (the field holds 7");
        assertThat(CliRun.of("set-feature", "-d", "sim", "-f", "8", "--value", "0x207").exit()).isZero();
    }

    @Test
    void theVersionStaysOnTheTopLevel() {
        CliRun v = CliRun.of("-V");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("nvme-workbench ");
        assertThat(CliRun.of("--version").exit()).isZero();
    }

    @Test
    void getFeatureTakesCdw11AsDashC() {
        CliRun r = CliRun.of("get-feature", "-d", "sim", "-f", "9", "-c", "1", "-H");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Interrupt Vector (IV): 1");
    }

    @Test
    void dashHShowsTheCountUnderNvmeClisLabelWithTheFieldBesideIt() {
        CliRun r = CliRun.of("get-feature", "-d", "sim", "-f", "7", "-H");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Number of IO Completion Queues Allocated \\(NCQA\\): (\\d+) \\(the field holds \\d+, 0's based\\)");
    }
}
