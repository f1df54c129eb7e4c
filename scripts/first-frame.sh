#!/usr/bin/env bash
# Times the start to the first painted frame (docs/PERFORMANCE.md), on a persistent Xvfb.
# Usage: scripts/first-frame.sh default|pid RUNS [COMMAND...]
#   default  the default view (the memory-user child)
#   pid      -Daspace.pid of a small C program (src/test/c/threads_maps.c)
#   COMMAND  how to start the app (default: the app image, target/dist/aspace/bin/aspace);
#            e.g. java -jar target/aspace.jar
# Prints one line a run: the app's -Daspace.startupLog (milliseconds since the process started,
# each phase, the process's CPU) and "outside": just before exec to the log file's mtime.
# Needs Xvfb (apt-get install -y xvfb libgtk-3-0) and gcc.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=$1
runs=$2
shift 2
if [ $# -gt 0 ]; then cmd=("$@"); else cmd=(target/dist/aspace/bin/aspace); fi
display=${FIRST_FRAME_DISPLAY:-:77}
pgrep -f "Xvfb $display " >/dev/null || { Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 & sleep 1; }
log=$(mktemp)
extra=""
if [ "$mode" = pid ]; then
  bash scripts/build-c.sh src/test/c target/testc >/dev/null
  target/testc/threads_maps 4 >/dev/null &
  target=$!
  trap 'kill $target' EXIT
  sleep 1
  extra="-Daspace.pid=$target"
fi
for _ in $(seq "$runs"); do
  rm -f "$log"
  t0=$(date +%s%N)
  DISPLAY=$display JAVA_TOOL_OPTIONS="-Dprism.order=sw $extra -Daspace.startupLog=$log -Daspace.screenshot=$log.png" \
    timeout 90 "${cmd[@]}" >/dev/null 2>&1 || true
  t1=$(stat -c %.9Y "$log" 2>/dev/null | tr -d .) || { echo "$mode: no first frame"; continue; }
  echo "$mode $(tr '\n' ' ' < "$log") outside $(( (t1 - t0) / 1000000 ))"
done
rm -f "$log" "$log.png"
