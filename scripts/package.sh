#!/usr/bin/env bash
# Builds the installable app from target/aspace.jar + target/lib with jpackage and jpackage.cfg:
#   target/dist/aspace/          app image (bin/aspace; its own Java runtime inside; the
#                                class-data archive lib/app/aspace.jsa, scripts/cds-archive.sh)
#   target/dist/aspace_*.deb     where dpkg-deb and fakeroot exist
# Usage: scripts/package.sh   (after mvn package; `mvn -B -Ppackage package` runs both)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/aspace.jar ] || { echo "package: target/aspace.jar is missing: run mvn -B package -DskipTests first" >&2; exit 2; }
command -v jpackage >/dev/null || { echo "package: jpackage not found: it ships with a full JDK 17 (not a JRE)" >&2; exit 1; }

input=target/jpackage-input
rm -rf "$input" target/dist
mkdir -p "$input/lib" target/dist
cp target/aspace.jar "$input/"
cp target/lib/*.jar "$input/lib/"
# the memory-user child (src/main/c), where MemoryUserController looks: native/ beside the jar
mkdir -p "$input/native"
cp target/native/memory-user target/native/aspace-run "$input/native/"
# JavaFX's native libraries beside its jars, where its loader looks first: else, at every start,
# it reads each one out of its jar and compares it with a copy in ~/.openjfx/cache by checksum
for jar in target/lib/javafx-*-linux.jar; do
  libs=$(jar tf "$jar" | grep '^lib[^/]*\.so$' || true)
  [ -z "$libs" ] || (cd "$input/lib" && jar xf "$OLDPWD/$jar" $libs)
done
# JNA's native part too (jpackage.cfg names the place, -Djna.boot.library.path): else it copies
# it out of its jar into ~/.cache/JNA at every start
jna=$(ls target/lib/jna-*.jar)
(cd "$input" && jar xf "$OLDPWD/$jna" com/sun/jna/linux-x86-64/libjnidispatch.so \
  && mv com/sun/jna/linux-x86-64/libjnidispatch.so lib/ && rm -rf com)

# jpackage's argument-file lines with "# ..." comments are not accepted: strip them.
# The --linux-* options are for installers only; jpackage refuses them for an app image.
grep -v '^[[:space:]]*#' jpackage.cfg | grep -v '^[[:space:]]*$' > target/jpackage.args
grep -v '^--linux-' target/jpackage.args > target/jpackage-image.args

jpackage @target/jpackage-image.args --type app-image --input "$input" --dest target/dist
# the class-data archive the launcher names (jpackage.cfg), from a headless training run
scripts/cds-archive.sh target/dist/aspace target/cds/openjfx-monocle.jar
# a launcher that starts the JVM at once (jpackage's asks dpkg and rpm about itself first)
scripts/launcher.sh target/dist/aspace
echo "package: app image in target/dist/aspace"

if [ "${ASPACE_SKIP_DEB:-}" != 1 ] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  # the package holds this image as it is: its launcher, and its archive's class list
  grep -v -e '^--input' -e '^--main-jar' -e '^--main-class' -e '^--java-options' -e '^--jlink-options' \
    target/jpackage.args > target/jpackage-deb.args
  jpackage @target/jpackage-deb.args --type deb --app-image target/dist/aspace --dest target/dist \
    --linux-package-name aspace --linux-deb-maintainer "aspace@localhost"
  echo "package: $(ls target/dist/*.deb)"
elif [ "${ASPACE_SKIP_DEB:-}" = 1 ]; then
  echo "package: no .deb (ASPACE_SKIP_DEB=1)"
else
  echo "package: no .deb (needs dpkg-deb and fakeroot)"
fi
