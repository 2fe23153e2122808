#!/usr/bin/env bash
# ci-deb.sh - proves the desktop installer as a user gets it: builds the .deb (./mvnw -Pinstaller),
# installs it with dpkg -i, runs the installed nvme-workbench (list, a run on the simulator, the window
# under Xvfb with --snapshot), removes it with dpkg -r and checks that nothing of it is left and that
# the user's ~/.nvme-workbench was not touched. Runs as root on Debian (CI: .ci/run, after the tests).
#
# usage: scripts/package/ci-deb.sh        (BUILD_DIR=target-x to build in another Maven build directory;
#                                          SKIP_BUILD=1 to test the .deb already in packaging/$BUILD_DIR/dist)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD_DIR:-target}
log() { echo "[ci-deb $(date +%T)] $*" >&2; }
fail() { log "FAIL: $*"; exit 1; }
start=$(date +%s)

[ "$(id -u)" = 0 ] || fail "dpkg -i needs root"

# What jpackage needs for a .deb (fakeroot, dpkg-deb, objcopy) and what the installed app needs to
# open its window under Xvfb (GTK 3 and XTest for JavaFX, xdg-utils for the menu entry).
pkgs=(fakeroot binutils xvfb xauth xdg-utils libgtk-3-0 libxtst6)
missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -z "${SKIP_BUILD:-}" ]; then
  log "./mvnw -B -Pinstaller -DskipTests package"
  ./mvnw -q -B -Pinstaller -DskipTests -DbuildDir="$BUILD" package
fi
dist=packaging/$BUILD/dist
deb=$(ls "$dist"/nvme-workbench_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb in $dist"
log "built $(basename "$deb"): $(du -h "$deb" | cut -f1), $(cat "$dist/VERSION")"

# dpkg -i installs no dependencies: bring whatever of the package's Depends this machine lacks (apt
# install ./x.deb would, but the point here is that the .deb itself installs with dpkg).
deps=()
for d in $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//' | tr -d ' '); do
  dpkg -s "$d" >/dev/null 2>&1 || deps+=("$d")
done
if [ ${#deps[@]} -gt 0 ]; then
  log "installing the .deb's dependencies ${deps[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${deps[@]}" >/dev/null
fi

# A user's own state, which neither the install nor the removal may touch.
user_home=$(mktemp -d /tmp/nvme-workbench-user.XXXXXX)
state=$user_home/.nvme-workbench
mkdir -p "$state/plugins"
echo '{"keep":"me"}' > "$state/marker.json"
export JAVA_TOOL_OPTIONS="-Duser.home=$user_home"
# And the real one of whoever runs this, if there is one: dpkg -i/-r must leave it as it was.
HOME=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
fingerprint() { [ -d "$HOME/.nvme-workbench" ] && find "$HOME/.nvme-workbench" -printf '%p %s %T@\n' | sort | md5sum || echo none; }
home_before=$(fingerprint)

if dpkg -s nvme-workbench >/dev/null 2>&1; then
  log "removing an nvme-workbench installed before"
  dpkg -P nvme-workbench >/dev/null
fi
log "dpkg -i $(basename "$deb")"
dpkg -i "$deb" >/dev/null || fail "dpkg -i failed"
trap 'dpkg -P nvme-workbench >/dev/null 2>&1 || true' EXIT

[ -x /opt/nvme-workbench/bin/nvme-workbench ] || fail "no /opt/nvme-workbench/bin/nvme-workbench"
[ "$(command -v nvme-workbench)" = /usr/bin/nvme-workbench ] || fail "nvme-workbench is not on PATH as /usr/bin/nvme-workbench"
[ -f /usr/share/applications/nvme-workbench.desktop ] || fail "no menu entry in /usr/share/applications"
grep -q '^Name=NVMe Workbench$' /usr/share/applications/nvme-workbench.desktop || fail "the menu entry has no Name=NVMe Workbench"
# Nothing of the build machine: no path into the source tree anywhere in the installed files.
if grep -rlF "$PWD" /opt/nvme-workbench >/dev/null 2>&1; then
  fail "installed files name the build tree $PWD: $(grep -rlF "$PWD" /opt/nvme-workbench | head -3)"
fi
log "installed: $(du -sh /opt/nvme-workbench | cut -f1) in /opt/nvme-workbench, of it the runtime $(du -sh /opt/nvme-workbench/lib/runtime | cut -f1)"

cd /tmp   # not the source tree: the installed app must not need it
out=$(nvme-workbench --version 2>/dev/null) || fail "nvme-workbench --version failed"
log "nvme-workbench --version: $out"
[[ "$out" == "nvme-workbench $(cat "$OLDPWD/$dist/VERSION")" ]] || fail "--version says '$out', not the build's $(cat "$OLDPWD/$dist/VERSION")"

log "nvme-workbench list"
nvme-workbench list 2>/dev/null | tee /tmp/ci-deb-list.txt >&2
grep -q '^sim ' /tmp/ci-deb-list.txt || fail "list shows no simulator"

log "nvme-workbench run -d sim --ios 10000"
nvme-workbench run -d sim --ios 10000 2>/dev/null | tee /tmp/ci-deb-run.txt | tail -3 >&2
grep -q 'Run status: 10000 ios' /tmp/ci-deb-run.txt || fail "the run did not complete 10000 ios"

# The agent from the installed runtime (TLS with an EC key needs jdk.crypto.ec in the jlinked image), on
# loopback, and the installed command line as its client.
log "nvme-workbench agent, and identify -d remote://"
nvme-workbench agent --listen 127.0.0.1:0 > /tmp/ci-deb-agent.txt 2>&1 &
agent_pid=$!
port=
for i in $(seq 1 300); do
  port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' /tmp/ci-deb-agent.txt | head -1)
  [ -n "$port" ] && break
  kill -0 $agent_pid 2>/dev/null || break
  sleep 0.2
done
[ -n "$port" ] || { kill $agent_pid 2>/dev/null; fail "the installed agent did not start: $(cat /tmp/ci-deb-agent.txt)"; }
token=$(sed -n 's/^Access token: \(.*\) (copy.*/\1/p' /tmp/ci-deb-agent.txt)
nvme-workbench identify -d "remote://127.0.0.1:$port/sim" --token-file "$token" > /tmp/ci-deb-remote.txt 2>&1 \
  || { kill $agent_pid 2>/dev/null; fail "identify through the installed agent failed: $(cat /tmp/ci-deb-remote.txt)"; }
kill $agent_pid 2>/dev/null; wait $agent_pid 2>/dev/null || true
grep -q 'NVMe Workbench Sim' /tmp/ci-deb-remote.txt || fail "identify through the agent shows no simulator"

png=/tmp/ci-deb-snapshot.png
rm -f "$png"
log "xvfb-run nvme-workbench --snapshot $png"
xvfb-run -a -s '-screen 0 1600x1000x24' nvme-workbench --snapshot "$png" >&2 || fail "the window did not open (--snapshot)"
[ -f "$png" ] || fail "no snapshot written"
size=$(stat -c %s "$png")
[ "$(od -An -tx1 -N8 "$png" | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the snapshot is not a PNG"
read -r w1 w2 w3 w4 h1 h2 h3 h4 < <(od -An -tu1 -j16 -N8 "$png")
width=$(( (w1 << 24) | (w2 << 16) | (w3 << 8) | w4 )); height=$(( (h1 << 24) | (h2 << 16) | (h3 << 8) | h4 ))
log "snapshot: $size bytes, ${width}x${height}"
[ "$width" -ge 800 ] && [ "$height" -ge 500 ] || fail "the snapshot is only ${width}x${height}"
[ "$size" -gt 20000 ] || fail "the snapshot is only $size bytes: an empty window?"

# The shipped plugins are inside the image and on its class path.
ls /opt/nvme-workbench/lib/app/plugin-event-log-view-*.jar /opt/nvme-workbench/lib/app/plugin-coalescing-advisor-*.jar >/dev/null \
  || fail "the shipped plugins are not in the image"
cd "$OLDPWD"

log "dpkg -r nvme-workbench"
trap - EXIT
dpkg -r nvme-workbench >/dev/null || fail "dpkg -r failed"
[ ! -e /opt/nvme-workbench ] || fail "/opt/nvme-workbench is left after dpkg -r: $(find /opt/nvme-workbench | head -5)"
[ ! -e /usr/bin/nvme-workbench ] && [ ! -L /usr/bin/nvme-workbench ] || fail "/usr/bin/nvme-workbench is left after dpkg -r"
[ ! -e /usr/share/applications/nvme-workbench.desktop ] || fail "the menu entry is left after dpkg -r"
[ "$(cat "$state/marker.json")" = '{"keep":"me"}' ] || fail "the user's ~/.nvme-workbench/marker.json changed"
[ -d "$state/plugins" ] || fail "the user's ~/.nvme-workbench/plugins is gone"
# dpkg keeps a removed package's record until it is purged (jpackage's packages have a postrm); purge it too.
dpkg -P nvme-workbench >/dev/null || fail "dpkg -P failed"
! dpkg -s nvme-workbench >/dev/null 2>&1 || fail "dpkg still knows nvme-workbench after dpkg -P"
[ "$(fingerprint)" = "$home_before" ] || fail "$HOME/.nvme-workbench changed"
[ -f "$state/session.json" ] || fail "the installed app wrote no session to ~/.nvme-workbench (user.home not honoured?)"
rm -rf "$user_home"

log "ok in $(( $(date +%s) - start )) s: built, installed, list, run, window, removed; ~/.nvme-workbench kept"
