package org.nvmeworkbench.ui.spi;

import java.util.List;
import java.util.Optional;

import org.nvmeworkbench.core.record.RunRecord;

/** Extension point: reads the run history and suggests coalescing settings, saying why. */
public interface TuningAdvisor extends Contribution {

    String title();

    /** A suggestion from {@code runs} (oldest first), or empty when they do not support one. */
    Optional<Advice> advise(List<RunRecord> runs);
}
