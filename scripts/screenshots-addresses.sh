#!/usr/bin/env bash
# Regenerates assets/screenshots/addresses-*.png from the real aspace windows under Xvfb at 1280x800:
#   addresses-pins.png          the default view: memory-user's main, global, heap block and local pinned
#   addresses-elf-sections.png  bash's regions zoomed in: ELF sections inside them, .bss in the anonymous tail
#   addresses-goto.png          Go to address typed for real (Ctrl+G, the address, Enter): printf+0x10 in libc
#   addresses-aslr-entropy.png  the ASLR window after 8 runs: configured bits beside the spread seen
#   addresses-lab.png           lab step 8, every address you see is virtual, after its action
# Each run starts with a fresh XDG_CONFIG_HOME (no saved window place or theme).
# Needs: xvfb, xdotool and imagemagick (import, convert), Java 17, Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/assets/screenshots
size=1280x800
[ -f target/aspace.jar ] && [ -z "${REBUILD:-}" ] || mvn -B -q package -DskipTests

work=$(mktemp -d "${TMPDIR:-/tmp}/aspace.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

shot() { # NAME [java options...]: the app saves its own newest window, then quits
  local name=$1
  shift
  rm -rf "$work/config"
  XDG_CONFIG_HOME=$work/config xvfb-run -a -s "-screen 0 ${size}x24" \
    java -Dprism.order=sw -Daspace.screenshot="$out/$name.png" -Daspace.screenshotDelay=2500 "$@" \
    -jar "$root/target/aspace.jar" 2>/dev/null
  echo "wrote $out/$name.png"
}

shot addresses-pins

# bash waiting on a pipe: its program regions and the anonymous .bss tail after them
sleep 600 | bash -c 'read x' &
bash_pid=$! # the pipeline's last process
pids+=("$bash_pid")
sleep 1
lo=$(grep -m1 /bash "/proc/$bash_pid/maps" | cut -d- -f1)
last=$(grep -n /bash "/proc/$bash_pid/maps" | tail -1 | cut -d: -f1)
hi=$(sed -n "$((last + 1))p" "/proc/$bash_pid/maps" | cut -d' ' -f1 | cut -d- -f2)
data=$(grep /bash "/proc/$bash_pid/maps" | grep ' rw-p ' | cut -d- -f1)
shot addresses-elf-sections -Daspace.pid="$bash_pid" -Daspace.view="$lo-$hi" -Daspace.select="$data"

# Go to address through the real keys: printf + 0x10 in bash's libc
libc=$(grep -m1 libc.so.6 "/proc/$bash_pid/maps")
printf_at=$(nm -D "${libc##* }" | awk '$3 ~ /^printf@/ && !seen {print $1; seen = 1}')  # no early exit: nm would die of SIGPIPE under pipefail
address=$(printf '0x%x' $((0x${libc%%-*} + 0x$printf_at + 0x10)))
rm -rf "$work/config"
XDG_CONFIG_HOME=$work/config xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
  java -Dprism.order=sw -Daspace.pid='"$bash_pid"' -jar target/aspace.jar >/dev/null 2>&1 &
  app=$!
  for i in $(seq 1 60); do xdotool search --name aspace >/dev/null 2>&1 && break; sleep 0.5; done
  sleep 6
  xdotool mousemove 300 400 click 1
  sleep 0.5
  xdotool key ctrl+g
  sleep 2
  xdotool type --delay 30 '"$address"'
  xdotool key Return
  sleep 4
  import -window root '"$out/addresses-goto.png"'
  kill $app'
echo "wrote $out/addresses-goto.png"

shot addresses-aslr-entropy -Daspace.aslrRuns=8
shot addresses-lab -Daspace.lab=8
bg=$(convert "$out/addresses-lab.png" -format '%[pixel:p{0,0}]' info:)
convert "$out/addresses-lab.png" -trim +repage -bordercolor "$bg" -border 12 "$out/addresses-lab.png"
