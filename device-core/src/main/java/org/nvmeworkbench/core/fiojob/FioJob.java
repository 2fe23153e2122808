package org.nvmeworkbench.core.fiojob;

import java.util.List;

import org.nvmeworkbench.core.workload.WorkloadSpec;

/**
 * One job of a .fio file as a workload.
 *
 * @param name        the section name (or its name= option)
 * @param description its description= option, empty when none
 * @param spec        the workload; writes still need the user's explicit permission (allowWrites is false)
 * @param warnings    options of this job (and of [global] before it) that do not apply or were changed,
 *                    one sentence each, starting with the line number
 */
public record FioJob(String name, String description, WorkloadSpec spec, List<String> warnings) {
    public FioJob {
        warnings = List.copyOf(warnings);
    }
}
