# Sourced by ./nvme-workbench and scripts/gui-bench.sh: the JVM flags the window runs with, in gui_jvm_flags.
# Needs $ui (the build's workbench-ui directory). Why each:
# - Serial GC with a 40 MB young generation and a 320 MB cap: the window's live set is ~100 MB; G1 and the
#   default heap sizing let it sit at 600 MB (issue 13); a young collection of this heap takes a few ms.
# - Application class-data sharing: the first start records the classes it loads into $ui/nvme-workbench.jsa
#   (-XX:ArchiveClassesAtExit, JDK 17), later starts map them: the window comes up in about half the time.
#   A rebuild deletes the archive (a changed jar would not match it).
gui_jvm_flags=(-XX:+UseSerialGC -Xms48m -Xmn40m -Xmx320m -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10)
gui_cds_archive="$ui/nvme-workbench.jsa"
if [[ -f "$gui_cds_archive" ]]; then
  gui_jvm_flags+=(-XX:SharedArchiveFile="$gui_cds_archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
elif [[ -w "$ui" ]]; then
  gui_jvm_flags+=(-XX:ArchiveClassesAtExit="$gui_cds_archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
