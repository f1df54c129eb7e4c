#!/usr/bin/env bash
# Writes src/main/cds/desktop.classlist: the classes and lambdas a real desktop start of the app
# image loads (GTK glass, mouse input) that the headless Monocle training of
# scripts/cds-archive.sh does not, so that the archive has them too (docs/PERFORMANCE.md).
# Run it again when JavaFX or the window changes. Needs an X display (Xvfb works) and a built
# image: mvn -B -Ppackage package -DskipTests first.
# Usage: DISPLAY=:99 scripts/desktop-classlist.sh [IMAGE_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
image=$(cd "${1:-target/dist/aspace}" && pwd)
training=$(dirname "$image")/cds-training
[ -f "$training/gui.classlist" ] || { echo "desktop-classlist: no $training/gui.classlist: build the image first" >&2; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "desktop-classlist: needs DISPLAY (an X server, e.g. Xvfb :99)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the image's own launcher, with the class list dumped and the archive off (all classes listed)
sed "s|-Djpackage.app-path=|-Xshare:off -XX:DumpLoadedClassList=$work/desktop.classlist -Djpackage.app-path=|" \
  "$image/bin/aspace" > "$work/aspace"
chmod +x "$work/aspace"
sed -i "s|^self=.*|self=$image/bin/aspace|" "$work/aspace" # it finds the image from its own path
JAVA_TOOL_OPTIONS="-Dprism.order=sw -Daspace.screenshot=$work/frame.png" timeout 120 "$work/aspace" > "$work/run.log" 2>&1
[ -s "$work/frame.png" ] || { echo "desktop-classlist: the app painted no frame, see $work/run.log" >&2; exit 1; }
out=src/main/cds/desktop.classlist
{
  echo "# Classes and lambdas a desktop start loads (GTK glass, mouse input) that the headless training run"
  echo "# of scripts/cds-archive.sh cannot (it runs Monocle): added to the archive's class list."
  echo "# Made by scripts/desktop-classlist.sh; the dump skips a line that no longer matches."
  # the lines of the desktop run that the training's own lists (left by cds-archive.sh) lack
  cat "$training"/gui.classlist "$training"/pmap.classlist "$training"/free.classlist \
    | awk 'NR == FNR { if ($0 !~ /^#/) seen[$0] = 1; next } $0 !~ /^#/ && !seen[$0]++' - "$work/desktop.classlist"
} > "$out"
echo "desktop-classlist: $out, $(grep -vc '^#' "$out") lines"
