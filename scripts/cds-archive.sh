#!/usr/bin/env bash
# Dumps the class-data sharing archive of an app image (lib/app/aspace.jsa), which its launcher
# names in jpackage.cfg: the classes of a training run, parsed, verified and laid out once here
# instead of at every start (docs/PERFORMANCE.md, start to first frame).
# The training runs the real app headless (Monocle: no display needed) to its first painted
# frame, then a few CLI commands; the archive is dumped by the image's own JVM with the
# launcher's exact class path, since the JVM accepts an archive only from the same runtime
# and class path.
# Usage: scripts/cds-archive.sh IMAGE_DIR MONOCLE_JAR
set -euo pipefail
image=$(cd "$1" && pwd)
monocle=$2
app=$image/lib/app
java=$image/lib/runtime/bin/java
work=$(dirname "$image")/cds-training
[ -x "$java" ] || { echo "cds-archive: $java is missing: jpackage.cfg's --jlink-options must keep bin/java" >&2; exit 1; }
[ -f "$monocle" ] || { echo "cds-archive: $monocle is missing: mvn -Ppackage copies openjfx-monocle there" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"

# the launcher's class path, in its order, as the launcher expands it
cp=$(sed -n 's/^app\.classpath=//p' "$app/aspace.cfg" | sed "s#\$APPDIR#$app#" | paste -sd:)
vm=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:off)
export XDG_CONFIG_HOME=$work/config # the training must not touch the user's recent files

timeout 180 "$java" "${vm[@]}" -XX:DumpLoadedClassList="$work/gui.classlist" \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
  -Daspace.screenshot="$work/first-frame.png" -cp "$cp:$monocle" dev.aspace.Launcher > "$work/gui.log" 2>&1 \
  || { echo "cds-archive: the training run of the app failed, see $work/gui.log" >&2; exit 1; }
[ -s "$work/first-frame.png" ] || { echo "cds-archive: the training run painted no frame, see $work/gui.log" >&2; exit 1; }
"$java" "${vm[@]}" -XX:DumpLoadedClassList="$work/pmap.classlist" -cp "$cp" dev.aspace.Launcher pmap -X $$ > /dev/null
"$java" "${vm[@]}" -XX:DumpLoadedClassList="$work/free.classlist" -cp "$cp" dev.aspace.Launcher free -h > /dev/null
"$java" "${vm[@]}" -XX:DumpLoadedClassList="$work/snapshot.classlist" -cp "$cp" dev.aspace.Launcher snapshot $$ \
  -o "$work/training-snapshot.json" > /dev/null

# and what a desktop start loads that this headless training cannot (GTK glass; src/main/cds)
desktop=$(dirname "$0")/../src/main/cds/desktop.classlist
awk '!seen[$0]++' "$work"/gui.classlist "$work"/pmap.classlist "$work"/free.classlist "$work"/snapshot.classlist "$desktop" > "$work/aspace.classlist"
rm -f "$app/aspace.jsa"
"$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:dump -XX:SharedClassListFile="$work/aspace.classlist" \
  -XX:SharedArchiveFile="$app/aspace.jsa" -cp "$cp" > "$work/dump.log" 2>&1 \
  || { echo "cds-archive: the dump failed, see $work/dump.log" >&2; exit 1; }
# -Xshare:on refuses to start if the archive does not fit this image: proves it is usable
"$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:on -XX:SharedArchiveFile="$app/aspace.jsa" -cp "$cp" \
  dev.aspace.Launcher --version > /dev/null \
  || { echo "cds-archive: the image's JVM refuses $app/aspace.jsa" >&2; exit 1; }
# where it was dumped, and the class list: the launcher (scripts/launcher.sh) dumps another for
# an image that was moved or installed elsewhere
printf %s "$app" > "$app/aspace.jsa.dir"
cp "$work/aspace.classlist" "$app/aspace.classlist"
echo "cds-archive: $app/aspace.jsa, $(grep -vc '^#' "$work/aspace.classlist") classes and lambdas, $(du -m "$app/aspace.jsa" | cut -f1) MB"
