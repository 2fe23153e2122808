package org.nvmeworkbench.icons;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What an icon means in the workbench, mapped to a Material glyph. Code names the meaning, never the
 * glyph, so the artwork can change in one place.
 */
public enum AppIcon {
    DEVICE(Material2AL.DEVELOPER_BOARD),
    ATTACH(Material2AL.LINK),
    DETACH(Material2AL.LINK_OFF),
    CONTROLLER(Material2MZ.MEMORY),
    WORKLOAD(Material2MZ.SPEED),
    RUN(Material2MZ.PLAY_ARROW),
    STOP(Material2MZ.STOP),
    RERUN(Material2MZ.REPLAY),
    APPLY(Material2AL.CHECK),
    APPLY_AND_RERUN(Material2AL.DONE_ALL),
    COALESCING(Material2MZ.TUNE),
    VECTORS(Material2AL.FLASH_ON),
    RINGS(Material2AL.DONUT_LARGE),
    LATENCY(Material2AL.INSERT_CHART),
    RUNS(Material2AL.HISTORY),
    COMPARE(Material2AL.COMPARE_ARROWS),
    /** A sweep walks a grid of THR x TIME settings. */
    SWEEP(Material2AL.GRID_ON),
    EVENT_LOG(Material2AL.LIST_ALT),
    PLUGIN(Material2AL.EXTENSION),
    ADVISOR(Material2AL.LIGHTBULB),
    THEME(Material2AL.BRIGHTNESS_6),
    PERSPECTIVE(Material2AL.DASHBOARD),
    VIEW(Material2MZ.VIEW_QUILT),
    RESET(Material2MZ.RESTORE),
    REFRESH(Material2MZ.REFRESH),
    SAVE(Material2MZ.SAVE),
    /** Opening results made elsewhere: run records, sweep folders, fio JSON, HdrHistogram logs (File > Open). */
    OPEN(Material2AL.FOLDER_OPEN),
    /** Writing runs out as a report document (File > Export). */
    EXPORT_REPORT(Material2AL.DESCRIPTION),
    /** Reading a job from elsewhere into the workbench, e.g. a .fio job file. */
    IMPORT(Material2AL.INPUT),
    INFO(Material2AL.INFO),
    WARNING(Material2MZ.WARNING),
    ERROR(Material2AL.ERROR),
    CLOSE(Material2AL.CLOSE);

    private final Ikon glyph;

    AppIcon(Ikon glyph) {
        this.glyph = glyph;
    }

    public Ikon glyph() {
        return glyph;
    }
}
