#!/usr/bin/env bash
# Regenerates assets/screenshots/*.png from the real aspace windows under Xvfb:
#   memory-user.png the default view: the memory-user child (C) with the gauge and allocation panel
#   main-WxH-light.png, main-WxH-dark.png  the default view on 1280x800 and 1920x1080 screens
#   c-program.png a small C program with threads and mappings (src/test/c/threads_maps.c), heap selected
#   linear.png    the same program on the linear (true-scale) ribbon, the 128 TiB user half
#   dark.png      the dark theme, the main stack selected
#   compare.png   the compare view of two runs of that program (ASLR on), saved with 'aspace snapshot'
#   lab.png       the guided lab at step 2, after its action ran on the memory-user child
#   timeline.png  a recorded series of memory-user touching 200 MB, scrubbed to frame 25
#   aslr.png      the ASLR experiment: five runs of memory-user, ASLR as the machine sets it
# The app saves its own scene (-Daspace.screenshot: the newest window, once smaps has been read and
# no window is busy), then quits: the PNG is exactly what the window shows, without depending on a
# window manager. A theme choice saved on this machine is not used (a fresh XDG_CONFIG_HOME).
# Needs: xvfb (apt-get install -y xvfb libgtk-3-0), gcc, Java 17, Maven; imagemagick (optional)
# trims the lab window's empty lower half.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "screenshots.sh: xvfb-run is missing: apt-get install -y xvfb libgtk-3-0" >&2
  exit 1
fi

out=$root/assets/screenshots
mkdir -p "$out"
[ -f target/aspace.jar ] && [ -z "${REBUILD:-}" ] || mvn -B -q package -DskipTests
bash scripts/build-c.sh src/test/c target/testc

work=$(mktemp -d "${TMPDIR:-/tmp}/aspace.XXXXXX")
export XDG_CONFIG_HOME=$work/config
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

shot() { # NAME [java options...]
  local name=$1
  shift
  # a config of its own: a window's place saved by one shot would size the next (the 1920x1080
  # shots came out 1280x800, the size the shot before had saved)
  XDG_CONFIG_HOME=$work/config-$name xvfb-run -a -s "-screen 0 ${SCREEN:-1600x1000}x24" \
    java -Dprism.order=sw -Daspace.screenshot="$out/$name.png" -Daspace.screenshotDelay=2500 "$@" \
    -jar "$root/target/aspace.jar" 2>/dev/null
  echo "wrote $out/$name.png"
}

shot memory-user
# the default view on a laptop screen and a desktop one, light and dark: the window fits each
for size in 1280x800 1920x1080; do
  SCREEN=$size shot main-$size-light
  SCREEN=$size shot main-$size-dark -Daspace.dark=true
done

target/testc/threads_maps 4 >/dev/null &
helper=$!
pids+=("$helper")
sleep 1
shot c-program -Daspace.pid=$helper -Daspace.select='[heap]'
shot linear -Daspace.pid=$helper -Daspace.scale=linear -Daspace.view=0-800000000000 -Daspace.select='[heap]'
shot dark -Daspace.pid=$helper -Daspace.dark=true -Daspace.select='[stack]'

# Two runs of the same program: with ASLR on, the program, heap, libraries and stacks all move.
cp target/testc/threads_maps "$work/threads_maps"
(
  cd "$work"
  runs=()
  for run in 1 2; do
    ./threads_maps 4 >/dev/null &
    runs+=($!)
  done
  sleep 1
  java -jar "$root/target/aspace.jar" snapshot "${runs[0]}" -o run1.json
  java -jar "$root/target/aspace.jar" snapshot "${runs[1]}" -o run2.json
  kill "${runs[@]}"
  shot compare -Daspace.pid=$helper -Daspace.compare=run1.json,run2.json
)

shot lab -Daspace.lab=2
if command -v convert >/dev/null 2>&1; then
  bg=$(convert "$out/lab.png" -format '%[pixel:p{0,0}]' info:)
  convert "$out/lab.png" -trim +repage -bordercolor "$bg" -border 12 "$out/lab.png"
fi

shot aslr -Daspace.aslrRuns=5

# A recorded series on the timeline: memory-user touching 200 MB at 16 MB/s, 30 frames half a
# second apart; frames 3 and 25 marked, 25 on screen. The pid recorded is the one memory-user
# prints (aspace memory-user runs the C program as a process of its own).
java -jar target/aspace.jar memory-user 200 60 --touch once --rate 16 > "$work/mu.out" &
pids+=("$!")
sleep 2
mu=$(sed -n 's/^memory-user: pid \([0-9]*\),.*/\1/p' "$work/mu.out")
java -jar target/aspace.jar record "$mu" -o "$work/rec.series" --every 0.5 --count 30 >/dev/null
kill "${pids[-1]}"
shot timeline -Daspace.open="$work/rec.series" -Daspace.timeline=3,25
