#!/usr/bin/env bash
# Regenerates assets/screenshots/frames-*-{1280x800,1920x1080}.png from the real aspace windows
# under Xvfb, each view opened through the window's own controls (-Daspace.frames, see FramesStart):
#   frames-strip         the main window, libc's text selected, the residency strip in frames mode
#   frames-physical      the physical view: libc's text beside another process mapping it, joined by frame
#   frames-sharing       "Who maps this file…" on libc's text: every process mapping it, its RSS and PSS
#   frames-fork-before   a 16 MiB block of memory-user beside its fork's copy: every frame shared
#   frames-fork-writing  the fork writing its copy at 2 MiB/s: the split part way, page by page
#   frames-fork-after    the fork has written its copy: no frame shared
# Run it as root: frame numbers need CAP_SYS_ADMIN. Each shot starts with a fresh XDG_CONFIG_HOME.
# Needs: xvfb, xdotool and imagemagick (import), Java 17, Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/assets/screenshots

# inside Xvfb: --inside FILE WINDOW SETTLE [java options...] starts the app, waits for the window
# whose title starts with WINDOW ("aspace": the main one, taken with the screen) and no longer ends
# in "(reading…)" (the frames windows' first reading is on screen), then SETTLE seconds more
if [ "${1:-}" = --inside ]; then
  file=$2 window=$3 settle=$4
  shift 4
  java -Dprism.order=sw "$@" -jar "$root/target/aspace.jar" >/dev/null 2>&1 &
  app=$!
  id=
  for _ in $(seq 1 240); do
    id=$(xdotool search --name "^$window" 2>/dev/null | head -1 || true)
    if [ -n "$id" ] && ! xdotool getwindowname "$id" | grep -q 'reading…'; then break; fi
    id=
    sleep 0.5
  done
  [ -n "$id" ] || { echo "no window titled $window with its reading shown within 2 minutes" >&2; kill "$app"; exit 1; }
  sleep "$settle"
  if [ "$window" = aspace ]; then import -window root "$file"; else import -window "$id" "$file"; fi
  kill "$app"
  exit 0
fi

[ "$(id -u)" = 0 ] || echo "not root: the frames views will say frame numbers need CAP_SYS_ADMIN" >&2
[ -f target/aspace.jar ] && [ -z "${REBUILD:-}" ] || mvn -B -q package -DskipTests
work=$(mktemp -d "${TMPDIR:-/tmp}/aspace.XXXXXX")
trap 'rm -rf "$work"' EXIT

shot() { # NAME SIZE WINDOW SETTLE [java options...]
  local name=$1 size=$2
  shift 2
  rm -rf "$work/config"
  XDG_CONFIG_HOME=$work/config xvfb-run -a -s "-screen 0 ${size}x24" "$0" --inside "$out/$name-$size.png" "$@"
  echo "wrote $out/$name-$size.png"
}

libc="-Daspace.select=libc.so.6 text"
for size in 1280x800 1920x1080; do
  shot frames-strip "$size" aspace 8 "$libc" -Daspace.frames=strip
  shot frames-physical "$size" Frames 2 "$libc" -Daspace.frames=physical
  shot frames-sharing "$size" Sharing 1 "$libc" -Daspace.frames=sharing
  shot frames-fork-before "$size" Frames 2 -Daspace.frames=fork
  shot frames-fork-writing "$size" Frames 3 -Daspace.frames=fork-writing
  shot frames-fork-after "$size" Frames 4 -Daspace.frames=fork-written
done
