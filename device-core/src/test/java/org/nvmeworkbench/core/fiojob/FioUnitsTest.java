package org.nvmeworkbench.core.fiojob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FioUnitsTest {

    @Test
    void sizesUseFiosDefaultBase1024() {
        assertThat(FioUnits.parseSize("4k")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("4K")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("64KiB")).isEqualTo(65536);
        assertThat(FioUnits.parseSize("4kb")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("1m")).isEqualTo(1 << 20);
        assertThat(FioUnits.parseSize("512")).isEqualTo(512);
        assertThat(FioUnits.parseSize("2g")).isEqualTo(2L << 30);
    }

    @Test
    void timesTakeFiosSuffixesAndPlainSeconds() {
        assertThat(FioUnits.parseTimeNanos("2s")).isEqualTo(2_000_000_000L);
        assertThat(FioUnits.parseTimeNanos("500ms")).isEqualTo(500_000_000L);
        assertThat(FioUnits.parseTimeNanos("100us")).isEqualTo(100_000L);
        assertThat(FioUnits.parseTimeNanos("100usec")).isEqualTo(100_000L);
        assertThat(FioUnits.parseTimeNanos("250ns")).isEqualTo(250L);
        assertThat(FioUnits.parseTimeNanos("3")).isEqualTo(3_000_000_000L);
        assertThat(FioUnits.parseTimeNanos("1m")).isEqualTo(60_000_000_000L);
    }

    @Test
    void integersAcceptHex() {
        assertThat(FioUnits.parseInteger("0x020a")).isEqualTo(0x20a);
        assertThat(FioUnits.parseInteger("522")).isEqualTo(522);
    }

    @Test
    void malformedValuesSayWhatIsAccepted() {
        assertThatThrownBy(() -> FioUnits.parseSize("4q")).hasMessage("'4q' is not a size: use a number with an optional unit, e.g. 4k, 64KiB or 1m.");
        assertThatThrownBy(() -> FioUnits.parseSize("k")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> FioUnits.parseTimeNanos("2 fortnights")).hasMessageContaining("is not a time");
        assertThatThrownBy(() -> FioUnits.parseInteger("0xZZ")).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> FioUnits.parseSize("99999999999999t")).hasMessage("'99999999999999t' is too large.");
    }

    @Test
    void sizesAndTimesFailInTheSameWordsForTheSameMistake() {
        assertThatThrownBy(() -> FioUnits.parseTimeNanos("2 fortnights"))
                .hasMessage("'2 fortnights' is not a time: use a number with a unit, e.g. 2s, 500ms or 100us.");
        assertThatThrownBy(() -> FioUnits.parseSize("k")).hasMessage("'k' is not a size: use e.g. 4k, 64KiB or 1m.");
        assertThatThrownBy(() -> FioUnits.parseTimeNanos("ms")).hasMessage("'ms' is not a time: use e.g. 2s, 500ms or 100us.");
        assertThatThrownBy(() -> FioUnits.parseTimeNanos("99999999999999999999s")).hasMessage("'99999999999999999999s' is too large.");
        assertThatThrownBy(() -> FioUnits.parseTimeNanos("999999999h")).hasMessage("'999999999h' is too large.");
        assertThatThrownBy(() -> FioUnits.parseSize(" ")).hasMessage("A value is missing: give a number such as 4k, 2s or 0x020a.");
        assertThat(FioUnits.parseSize("1_024B")).isEqualTo(1024);
        assertThat(FioUnits.parseTimeNanos("2H")).isEqualTo(7_200_000_000_000L);
        assertThat(FioUnits.parseTimeNanos("1min")).isEqualTo(60_000_000_000L);
        assertThat(FioUnits.parseSize("1TiB")).isEqualTo(1L << 40);
    }

    @Test
    void formatsSizesLikeFio() {
        assertThat(FioUnits.formatSize(4096)).isEqualTo("4k");
        assertThat(FioUnits.formatSize(1 << 20)).isEqualTo("1m");
        assertThat(FioUnits.formatSize(520)).isEqualTo("520");
    }
}
