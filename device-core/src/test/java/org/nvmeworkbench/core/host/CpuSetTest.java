package org.nvmeworkbench.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuSetTest {
    @Test
    void readsFiosListsAndRangesAndWritesTheShortestForm() {
        CpuSet s = CpuSet.parse("0,5,8-15", "cpus_allowed");
        assertThat(s.size()).isEqualTo(10);
        assertThat(s.contains(5)).isTrue();
        assertThat(s.contains(6)).isFalse();
        assertThat(s.get(2)).isEqualTo(8);
        assertThat(s.last()).isEqualTo(15);
        assertThat(s).hasToString("0,5,8-15");
        assertThat(CpuSet.parse(" 3 , 0-2 ,2", "x")).hasToString("0-3");
        assertThat(CpuSet.parse("7", "x")).hasToString("7");
    }

    @Test
    void intersects() {
        assertThat(CpuSet.parse("0-7", "a").intersect(CpuSet.parse("4-11", "b"))).hasToString("4-7");
        assertThat(CpuSet.parse("0-3", "a").intersect(CpuSet.parse("8", "b")).isEmpty()).isTrue();
    }

    @Test
    void badListsAreOneSentenceNamingTheOption() {
        assertThatThrownBy(() -> CpuSet.parse("0-3,x", "cpus_allowed"))
                .hasMessage("cpus_allowed=0-3,x is not a list such as 0-3,6: 'x' is not a number or a range A-B.");
        assertThatThrownBy(() -> CpuSet.parse("5-2", "cpus_allowed")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> CpuSet.parse("", "numa_cpu_nodes")).hasMessageStartingWith("numa_cpu_nodes needs a list");
        assertThatThrownBy(() -> CpuSet.parse("0,", "cpus_allowed")).hasMessageContaining("'' is not a number");
        assertThatThrownBy(() -> CpuSet.parse("9999", "cpus_allowed")).hasMessageContaining("numbers go from 0 to 4095");
    }
}
