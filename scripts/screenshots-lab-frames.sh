#!/usr/bin/env bash
# Regenerates assets/screenshots/lab-frames-*.png: the lab window at step 9 (the same libc, one copy
# in RAM) and step 10 (fork: shared until written) after their actions, on a 1280x800 and a
# 1920x1080 screen, as root (frame numbers) and as user nobody (what the steps say without them).
# Each run starts with a fresh XDG_CONFIG_HOME (no saved window place or theme).
# Needs: root, setpriv (util-linux), xvfb, Java 17, Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/assets/screenshots
[ -f target/aspace.jar ] && [ -z "${REBUILD:-}" ] || mvn -B -q package -DskipTests

work=$(mktemp -d "${TMPDIR:-/tmp}/aspace.XXXXXX")
chmod 777 "$work" # nobody writes its settings and its shot here
trap 'rm -rf "$work"' EXIT

for size in 1280x800 1920x1080; do
  for step in 9 10; do
    rm -rf "$work/config"
    XDG_CONFIG_HOME=$work/config xvfb-run -a -s "-screen 0 ${size}x24" \
      java -Dprism.order=sw -Daspace.screenshot="$out/lab-frames-$step-$size.png" -Daspace.screenshotDelay=2500 \
      -Daspace.lab=$step -jar "$root/target/aspace.jar" 2>/dev/null
    echo "wrote $out/lab-frames-$step-$size.png"
    rm -rf "$work/config"
    # -ac: nobody cannot read root's X authority file
    XDG_CONFIG_HOME=$work/config HOME=$work xvfb-run -a -s "-ac -screen 0 ${size}x24" \
      setpriv --reuid=nobody --regid=nogroup --clear-groups \
      java -Dprism.order=sw -Daspace.screenshot="$work/shot.png" -Daspace.screenshotDelay=2500 \
      -Daspace.lab=$step -jar "$root/target/aspace.jar" 2>/dev/null
    cp "$work/shot.png" "$out/lab-frames-$step-without-root-$size.png"
    echo "wrote $out/lab-frames-$step-without-root-$size.png"
  done
done
