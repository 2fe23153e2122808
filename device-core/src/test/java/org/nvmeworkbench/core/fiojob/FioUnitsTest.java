package org.nvmeworkbench.core.fiojob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** fio's units, each test named after the HOWTO's wording (section "Parameter types"), values as fio 3.33 parses them. */
class FioUnitsTest {

    @Test
    void withKbBase1024TheDefaultTheUnitPrefixesAreOppositeFromThoseSpecifiedInTheSiAndIecStandards() {
        // fio 3.33 --debug=parse: size=4k -> 4096, 4KiB -> 4000, 4KB -> 4096, 1Mi -> 1048576, 1MiB -> 1000000
        assertThat(FioUnits.parseSize("4k")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("4K")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("4kb")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("4KB")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("4KiB")).isEqualTo(4000);
        assertThat(FioUnits.parseSize("4kib")).isEqualTo(4000);
        assertThat(FioUnits.parseSize("1Mi")).isEqualTo(1 << 20);
        assertThat(FioUnits.parseSize("1MiB")).isEqualTo(1_000_000);
        assertThat(FioUnits.parseSize("1m")).isEqualTo(1 << 20);
        assertThat(FioUnits.parseSize("2g")).isEqualTo(2L << 30);
        assertThat(FioUnits.parseSize("1TiB")).isEqualTo(1_000_000_000_000L);
        assertThat(FioUnits.parseSize("1p")).isEqualTo(1L << 50);
    }

    @Test
    void withKbBase1000FioFollowsInternationalStandardsForUnitPrefixes() {
        assertThat(FioUnits.parseSize("4k", 1000)).isEqualTo(4000);
        assertThat(FioUnits.parseSize("4KiB", 1000)).isEqualTo(4096);
        assertThat(FioUnits.parseSize("1MiB", 1000)).isEqualTo(1 << 20);
        assertThat(FioUnits.parseSize("1m", 1000)).isEqualTo(1_000_000);
    }

    @Test
    void forQuantitiesOfDataTheDefaultUnitIsBytesAndBAndBBothMeanByteNotBit() {
        assertThat(FioUnits.parseSize("512")).isEqualTo(512);
        assertThat(FioUnits.parseSize("4096b")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("4096B")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("1_024B")).isEqualTo(1024);
    }

    @Test
    void theOptionalIntegerPrefix0xSpecifiesHexadecimal() {
        assertThat(FioUnits.parseSize("0x100000")).isEqualTo(1 << 20);
        assertThat(FioUnits.parseSize("0x10")).isEqualTo(16);
    }

    @Test
    void zSuffixSpecifiesThatTheValueIsMeasuredInZones() {
        assertThat(FioUnits.isZones("1z")).isTrue();
        assertThat(FioUnits.isZones("4k")).isFalse();
        assertThatThrownBy(() -> FioUnits.parseSize("2z")).hasMessageContaining("counts zones");
    }

    @Test
    void anArithmeticExpressionMayBeUsedProvidedItIsSurroundedByParentheses() {
        assertThat(FioUnits.parseSize("((1+3)*1024)")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("(4*1024)")).isEqualTo(4096);
        assertThat(FioUnits.parseSize("(2^10)")).isEqualTo(1024);
        assertThat(FioUnits.parseSize("(10%4)")).isEqualTo(2);
        assertThat(FioUnits.parseSize("(8-2)k")).isEqualTo(6144);
        assertThat(FioUnits.parseSize("(64/2)")).isEqualTo(32);
        assertThatThrownBy(() -> FioUnits.parseSize("(4*)")).hasMessageContaining("not an arithmetic expression");
    }

    @Test
    void forTimeValuesInExpressionsUnitsAreMicrosecondsByDefault() {
        assertThat(FioUnits.parseTimeNanos("(2*3)")).isEqualTo(6_000L);
        assertThat(FioUnits.parseTimeNanos("(2*3)s")).isEqualTo(6_000_000_000L);
    }

    @Test
    void timeWithoutAUnitIsSecondsAndAcceptsDHMSMsAndUs() {
        assertThat(FioUnits.parseTimeNanos("3")).isEqualTo(3_000_000_000L);
        assertThat(FioUnits.parseTimeNanos("1d")).isEqualTo(86_400_000_000_000L);
        assertThat(FioUnits.parseTimeNanos("2H")).isEqualTo(7_200_000_000_000L);
        assertThat(FioUnits.parseTimeNanos("10m")).isEqualTo(600_000_000_000L);
        assertThat(FioUnits.parseTimeNanos("2s")).isEqualTo(2_000_000_000L);
        assertThat(FioUnits.parseTimeNanos("2sec")).isEqualTo(2_000_000_000L);
        assertThat(FioUnits.parseTimeNanos("500ms")).isEqualTo(500_000_000L);
        assertThat(FioUnits.parseTimeNanos("500msec")).isEqualTo(500_000_000L);
        assertThat(FioUnits.parseTimeNanos("100us")).isEqualTo(100_000L);
        assertThat(FioUnits.parseTimeNanos("100usec")).isEqualTo(100_000L);
        assertThat(FioUnits.parseTimeNanos("1min")).isEqualTo(60_000_000_000L);
    }

    @Test
    void integersAcceptHex() {
        assertThat(FioUnits.parseInteger("0x020a")).isEqualTo(0x20a);
        assertThat(FioUnits.parseInteger("522")).isEqualTo(522);
    }

    @Test
    void malformedValuesSayWhatIsAcceptedInOneSentence() {
        assertThatThrownBy(() -> FioUnits.parseSize("4q"))
                .hasMessage("'4q' is not a size: use a number with an optional unit, e.g. 4k, 64k, 1m or 0x100000.");
        assertThatThrownBy(() -> FioUnits.parseSize("k")).hasMessage("'k' is not a size: use e.g. 4k, 64k, 1m or 0x100000.");
        assertThatThrownBy(() -> FioUnits.parseTimeNanos("2 fortnights"))
                .hasMessage("'2 fortnights' is not a time: use a number with a unit, e.g. 2s, 500ms or 100us.");
        assertThatThrownBy(() -> FioUnits.parseTimeNanos("ms")).hasMessage("'ms' is not a time: use e.g. 2s, 500ms or 100us.");
        assertThatThrownBy(() -> FioUnits.parseInteger("0xZZ")).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> FioUnits.parseSize("99999999999999t")).hasMessage("'99999999999999t' is too large.");
        assertThatThrownBy(() -> FioUnits.parseTimeNanos("99999999999999999999s")).hasMessage("'99999999999999999999s' is too large.");
        assertThatThrownBy(() -> FioUnits.parseTimeNanos("999999999h")).hasMessage("'999999999h' is too large.");
        assertThatThrownBy(() -> FioUnits.parseSize(" ")).hasMessage("A value is missing: give a number such as 4k, 2s or 0x020a.");
    }

    @Test
    void formatsSizesLikeFio() {
        assertThat(FioUnits.formatSize(4096)).isEqualTo("4k");
        assertThat(FioUnits.formatSize(1 << 20)).isEqualTo("1m");
        assertThat(FioUnits.formatSize(520)).isEqualTo("520");
    }
}
