#!/usr/bin/env bash
# Regenerates assets/screenshots/*.png from the real aspace window under Xvfb:
#   jvm.png       the default view: a memory-user child (a JVM) with the gauge and allocation panel
#   c-program.png a small C program with threads and mappings (src/test/c/threads_maps.c), heap selected
#   linear.png    the same program on the linear (true-scale) ribbon, the 128 TiB user half
#   dark.png      the dark theme, the main stack selected
# The app saves its own scene (-Daspace.screenshot) once smaps has been read, then quits: the PNG
# is exactly what the window shows, without depending on a window manager.
# Needs: xvfb (apt-get install -y xvfb libgtk-3-0), gcc, Java 17, Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "screenshots.sh: xvfb-run is missing: apt-get install -y xvfb libgtk-3-0" >&2
  exit 1
fi

out=assets/screenshots
mkdir -p "$out"
[ -f target/aspace.jar ] && [ -z "${REBUILD:-}" ] || mvn -B -q package -DskipTests
bash src/test/c/build.sh target/testc

shot() { # NAME [java options...]
  local name=$1
  shift
  xvfb-run -a -s "-screen 0 1600x1000x24" \
    java -Dprism.order=sw -Daspace.screenshot="$out/$name.png" -Daspace.screenshotDelay=2500 "$@" \
    -jar target/aspace.jar 2>/dev/null
  echo "wrote $out/$name.png"
}

shot jvm

target/testc/threads_maps 4 >/dev/null &
helper=$!
trap 'kill $helper 2>/dev/null || true' EXIT
sleep 1
shot c-program -Daspace.pid=$helper -Daspace.select='[heap]'
shot linear -Daspace.pid=$helper -Daspace.scale=linear -Daspace.view=0-800000000000 -Daspace.select='[heap]'
shot dark -Daspace.pid=$helper -Daspace.dark=true -Daspace.select='[stack]'
