package org.nvmeworkbench.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureTextTest {

    @Test
    void coalescingValueReadsLikeNvmeCliButSaysThrIsZerosBased() {
        assertThat(FeatureText.lines(0x08, 0, 0x020a)).containsExactly(
                "get-feature:0x08 (Interrupt Coalescing), Current value:0x0000020a",
                "Aggregation Time (TIME): 200 usec",
                "Aggregation Threshold (THR): 11 (the field holds 10, 0's based: signal after 11 completions)",
                "Coalescing: THR 10 = signal after 11 completions, TIME 2 = wait at most 200 us");
    }

    @Test
    void aZeroInEitherFieldSaysCoalescingIsOff() {
        assertThat(FeatureText.lines(0x08, 0, 0))
                .contains("Coalescing: off (THR 0 or TIME 0 means every completion is signalled at once)");
        assertThat(FeatureText.lines(0x08, 0, 0x0007))
                .contains("Aggregation Threshold (THR): 8 (the field holds 7, 0's based: signal after 8 completions)")
                .contains("Coalescing: off (THR 0 or TIME 0 means every completion is signalled at once)");
    }

    @Test
    void vectorConfigShowsIvAndCd() {
        assertThat(FeatureText.lines(0x09, 0, 0x00010001)).contains(
                "get-feature:0x09 (Interrupt Vector Configuration), Current value:0x00010001",
                "Interrupt Vector (IV): 1",
                "Coalescing Disable (CD): True");
        assertThat(FeatureText.lines(0x09, 0, 0x2)).contains("Coalescing Disable (CD): False");
    }

    @Test
    void numberOfQueuesIsZerosBased() {
        assertThat(FeatureText.fields(0x07, 0x003f0007)).containsExactly(
                "Number of IO Completion Queues Allocated (NCQA): 64 (the field holds 63, 0's based)",
                "Number of IO Submission Queues Allocated (NSQA): 8 (the field holds 7, 0's based)");
    }

    @Test
    void supportedCapabilitiesDecodeTheBits() {
        assertThat(FeatureText.lines(0x08, 3, 0x4)).containsExactly(
                "get-feature:0x08 (Interrupt Coalescing), Supported capabilities value:0x00000004",
                "Saveable: no", "Namespace Specific: no", "Changeable: yes");
    }

    @Test
    void failuresNameTheStatusInWords() {
        assertThat(FeatureText.failure("set-feature", 0x08, StatusCode.FEATURE_NOT_SAVEABLE))
                .startsWith("set-feature:0x08 (Interrupt Coalescing) failed: Feature Identifier Not Saveable (SCT 1h, SC 0Dh);")
                .endsWith(".");
        assertThat(FeatureText.failure("get-feature", 0x09, StatusCode.INVALID_FIELD)).contains("not a Linux IRQ number");
    }

    @Test
    void valuesArePrintedAsNvmeClisPrintfDoesZeroWithoutItsPrefix() {
        // nvme-cli: printf("%#0*x", result ? 10 : 8, result); C's # leaves 0 without 0x.
        assertThat(FeatureText.hex32(0)).isEqualTo("00000000");
        assertThat(FeatureText.hex32(0x207)).isEqualTo("0x00000207");
        assertThat(FeatureText.hex32(-1)).isEqualTo("0xffffffff");
        assertThat(FeatureText.header(8, 0, 0)).isEqualTo("get-feature:0x08 (Interrupt Coalescing), Current value:00000000");
    }
}
