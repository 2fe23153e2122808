/**
 * Results from anywhere (design.md, "Files from elsewhere"): opens run records, sweep folders, fio's JSON and
 * JSON+ output and HdrHistogram interval logs into the one run model, each run with its origin. What a source
 * did not measure stays absent (NaN, -1, empty), never 0. Files are only ever read; a file that cannot be
 * opened gives one sentence and never stops the others. Entry point: {@link org.nvmeworkbench.core.resultfile.ResultFiles}.
 */
package org.nvmeworkbench.core.resultfile;
