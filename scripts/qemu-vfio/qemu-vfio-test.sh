#!/bin/bash
# qemu-vfio-test.sh - run a command inside a QEMU (TCG) guest that has an emulated
# NVMe controller bound to vfio-pci behind an emulated Intel IOMMU.
#
# The guest's userland is the HOST's root filesystem, shared read-only over virtio-9p
# (so the guest sees the same JDK, jars and built classes as the host). Only the guest
# kernel (Debian's linux-image-amd64) and a ~4 MB busybox initramfs are built here (cache: ~14 MB in workdir).
#
# Copied from the team's tools/qemu-vfio harness so the repository runs on its own; ci-vfio.sh drives it.
# Run it from the project root: the project folder ($PWD) is shared read-write with the guest at the
# same path, so results written there by the guest are on the host afterwards.
#
# usage: scripts/qemu-vfio/qemu-vfio-test.sh <guest-script> [workdir]     (workdir default target/qemu-vfio)
#   <guest-script>: a host path to a /bin/sh script, run inside the guest (chroot to host /)
#                   with cwd=$PWD (shared read-write), env NVME_BDF, NVME_VFIO_GROUP, NVME_KERNEL_BDF.
#   The guest has TWO NVMe controllers: the first (serial deadbeef, scratch disk nvme.img) is bound to
#   vfio-pci (NVME_BDF); the second (serial kern0001, disk nvme-kernel.img) stays with the kernel's nvme
#   driver (NVME_KERNEL_BDF), as a machine's system disk would; ext4 is loaded so that it can be mounted.
#   Exit status: the guest script's exit status; 90+ for harness failures.
# env: QEMU_TIMEOUT (s, default 900), QEMU_MEM (default 2G), NVME_ARGS (extra -device nvme opts),
#      AGENT_HOST_PORT (host loopback port forwarded to the guest's 7450, default 17450),
#      QEMU_ACCEL (default tcg; kvm hangs in nested firecracker VMs)
set -euo pipefail
GUEST_SCRIPT=$(readlink -f "${1:?usage: $0 <guest-script> [workdir]}")
WORK=$(mkdir -p "${2:-$PWD/target/qemu-vfio}" && readlink -f "${2:-$PWD/target/qemu-vfio}")
PROJ=$PWD
log() { echo "[qemu-vfio $(date +%T)] $*" >&2; }

# 1. host packages (Debian): qemu, static busybox, cpio
need=()
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)
command -v cpio >/dev/null || need+=(cpio)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. guest kernel: Debian's current linux-image-6.x-amd64 (VFIO, VFIO_PCI, INTEL_IOMMU=y; no VFIO_NOIOMMU)
# Modules besides the virtio/9p/vfio directories, in load order: the kernel's nvme driver and ext4 with
# what they need (the trimmed tree has no modules.dep, so this list is in dependency order).
KERNEL_NVME_MODS="lib/crc16 crypto/crct10dif_common crypto/crct10dif_generic lib/crc-t10dif lib/crc64 \
  crypto/crc64_rocksoft_generic lib/crc64-rocksoft block/t10-pi drivers/nvme/host/nvme-core drivers/nvme/host/nvme \
  crypto/crc32c_generic fs/mbcache fs/jbd2/jbd2 fs/ext4/ext4"
# A network card for the agent check (user-mode networking; the host reaches the guest through hostfwd).
NET_MODS="net/core/failover drivers/net/net_failover drivers/net/virtio_net"
MOD_DIRS="kernel/drivers/virtio kernel/fs/netfs kernel/fs/fscache kernel/net/9p kernel/fs/9p kernel/virt/lib kernel/drivers/vfio"
MOD_FILES=$(for m in $KERNEL_NVME_MODS $NET_MODS; do echo "kernel/$m.ko"; done)
if ! ls "$WORK"/kroot/boot/vmlinuz-* >/dev/null 2>&1 || ! ls "$WORK"/kroot/lib/modules/*/kernel/drivers/net/virtio_net.ko >/dev/null 2>&1; then
  pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  [ -n "$pkg" ] || { apt-get update -q >/dev/null; pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}'); }
  log "downloading guest kernel $pkg"
  (cd "$WORK" && rm -rf linux-image-*.deb kfull kroot && apt-get download -q "$pkg" 2>/dev/null && dpkg -x linux-image-*.deb kfull)
  # keep only vmlinuz + the modules the initramfs needs (~10 MB instead of ~400 MB)
  kv=$(ls "$WORK/kfull/lib/modules"); mkdir -p "$WORK/kroot/boot" "$WORK/kroot/lib/modules/$kv"
  cp "$WORK"/kfull/boot/vmlinuz-* "$WORK"/kfull/boot/config-* "$WORK/kroot/boot/"
  (cd "$WORK/kfull/lib/modules/$kv" && { find $MOD_DIRS -name '*.ko'; echo "$MOD_FILES"; } | cpio -pdm --quiet "$WORK/kroot/lib/modules/$kv")
  rm -rf "$WORK/kfull" "$WORK"/linux-image-*.deb
fi
KERNEL=$(ls "$WORK"/kroot/boot/vmlinuz-* | head -1)
KV=${KERNEL##*/vmlinuz-}
KMOD=$WORK/kroot/lib/modules/$KV/kernel

# 3. initramfs: static busybox + the few modules we need + init
cat > "$WORK/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
K=/lib/modules/$(uname -r)/kernel
for m in drivers/virtio/virtio_ring drivers/virtio/virtio drivers/virtio/virtio_pci_legacy_dev \
         drivers/virtio/virtio_pci_modern_dev drivers/virtio/virtio_pci fs/netfs/netfs fs/fscache/fscache \
         net/9p/9pnet net/9p/9pnet_virtio fs/9p/9p virt/lib/irqbypass drivers/vfio/vfio \
         drivers/vfio/vfio_iommu_type1 drivers/vfio/vfio_virqfd drivers/vfio/pci/vfio-pci-core drivers/vfio/pci/vfio-pci; do
  insmod $K/$m.ko || echo "QV: insmod $m failed"
done
# The first NVMe function (lowest address: the first -device nvme) goes to vfio-pci; the next stays
# with the kernel's nvme driver, loaded only once the first is bound.
BDF=; GRP=; KBDF=
for d in /sys/bus/pci/devices/*; do
  [ "$(cat $d/class)" = 0x010802 ] || continue
  if [ -z "$BDF" ]; then
    BDF=${d##*/}; echo vfio-pci > $d/driver_override; echo $BDF > /sys/bus/pci/drivers_probe
    GRP=$(basename "$(readlink $d/iommu_group)")
  elif [ -z "$KBDF" ]; then
    KBDF=${d##*/}
  fi
done
for m in @KERNEL_NVME_MODS@ @NET_MODS@; do
  insmod $K/$m.ko || echo "QV: insmod $m failed"
done
# QEMU's user-mode network: the guest is 10.0.2.15, the host forwards its port to the guest's 7450.
ip link set lo up; ip link set eth0 up && ip addr add 10.0.2.15/24 dev eth0 || echo "QV: no network"
echo "QV: nvme=$BDF group=$GRP driver=$(basename "$(readlink /sys/bus/pci/devices/$BDF/driver)") vfio=[$(ls /dev/vfio | tr '\n' ' ')] kernel-nvme=$KBDF"
R=/newroot; mkdir -p $R
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose hostroot $R
mount -t proc proc $R/proc; mount -t sysfs sys $R/sys; mount -o bind /dev $R/dev
mount -t tmpfs tmp $R/tmp; mount -t tmpfs run $R/run
for a in $(cat /proc/cmdline); do case $a in qv.proj=*) P=${a#qv.proj=};; qv.script=*) S=${a#qv.script=};; esac; done
mkdir -p $R$P 2>/dev/null; mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 proj $R$P || mount -t tmpfs t $R$P
mkdir -p $R/tmp/qv; mount -t 9p -o trans=virtio,version=9p2000.L,ro scr $R/tmp/qv
echo "QV: guest ready uptime=$(cut -d' ' -f1 /proc/uptime)"
chroot $R /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp NVME_BDF=$BDF NVME_VFIO_GROUP=/dev/vfio/$GRP NVME_KERNEL_BDF=$KBDF \
  /bin/sh -c "cd '$P' && exec /bin/sh /tmp/qv/guest.sh"
echo "QV-RESULT rc=$? uptime=$(cut -d' ' -f1 /proc/uptime)"
sync; poweroff -f
EOF
sed -i "s|@KERNEL_NVME_MODS@|$(echo $KERNEL_NVME_MODS)|; s|@NET_MODS@|$(echo $NET_MODS)|" "$WORK/init"
S=$(mktemp -d); trap 'rm -rf "$S"' EXIT
mkdir -p "$S"/{bin,proc,sys,dev,newroot,lib/modules/$KV}
cp /bin/busybox "$S/bin/"; install -m755 "$WORK/init" "$S/init"
(cd "$WORK/kroot/lib/modules/$KV" && { find $MOD_DIRS -name '*.ko'; echo "$MOD_FILES"; } | cpio -pdm --quiet "$S/lib/modules/$KV")
(cd "$S" && find . | cpio -o -H newc --quiet) > "$WORK/initramfs.cpio"
mkdir -p "$WORK/scr"; cp "$GUEST_SCRIPT" "$WORK/scr/guest.sh"
[ -f "$WORK/nvme.img" ] || truncate -s 64M "$WORK/nvme.img"
[ -f "$WORK/nvme-kernel.img" ] || truncate -s 32M "$WORK/nvme-kernel.img"

# 4. boot
ACCEL=${QEMU_ACCEL:-tcg}
ACC="-accel tcg,thread=multi -cpu max -machine q35"
[ "$ACCEL" = kvm ] && ACC="-accel kvm -cpu host,-arch-capabilities -machine q35,kernel-irqchip=split"
log "booting guest ($ACCEL), kernel $KV"
set +e
timeout "${QEMU_TIMEOUT:-900}" qemu-system-x86_64 $ACC -m "${QEMU_MEM:-2G}" -smp 2 -nographic -no-reboot \
  -kernel "$KERNEL" -initrd "$WORK/initramfs.cpio" \
  -append "console=ttyS0 panic=-1 quiet intel_iommu=on qv.proj=$PROJ" \
  -device intel-iommu,intremap=on,caching-mode=on \
  -virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
  -virtfs local,path="$PROJ",mount_tag=proj,security_model=none,multidevs=remap \
  -virtfs local,path="$WORK/scr",mount_tag=scr,security_model=none,readonly=on \
  -drive file="$WORK/nvme.img",if=none,id=nvm,format=raw \
  -device nvme,serial=deadbeef,drive=nvm,msix_qsize=8${NVME_ARGS:+,$NVME_ARGS} \
  -drive file="$WORK/nvme-kernel.img",if=none,id=nvk,format=raw \
  -device nvme,serial=kern0001,drive=nvk \
  -netdev user,id=n0,hostfwd=tcp:127.0.0.1:${AGENT_HOST_PORT:-17450}-10.0.2.15:7450 -device virtio-net-pci,netdev=n0 \
  < /dev/null 2>&1 | tee "$WORK/console.log"
qrc=${PIPESTATUS[0]}
set -e
rc=$(sed -n 's/.*QV-RESULT rc=\([0-9]*\).*/\1/p' "$WORK/console.log" | tail -1)
if [ -z "$rc" ]; then log "no result from guest (qemu rc=$qrc; 124 = timeout)"; exit 91; fi
log "guest script exit status $rc"
exit "$rc"
