#!/usr/bin/env bash
# Replaces the app image's bin/aspace (jpackage's launcher) with a bash script that starts the
# image's JVM with the same class path and options (read here from lib/app/aspace.cfg, which
# jpackage wrote from jpackage.cfg). Why: jpackage's Linux launcher runs `rpm -qf` and `dpkg -S`
# on its own path at every start to learn whether a package installed it; measured on a Debian
# machine that is +0.47 s for each run, GUI or CLI (docs/PERFORMANCE.md).
# The script also keeps the class-data archive useful where the image was moved or installed
# (/opt/aspace): the JVM accepts an archive only with the class path it was dumped with, so
# there it dumps one for that place, once, in the background, into the user's cache.
# Usage: scripts/launcher.sh IMAGE_DIR   (after scripts/cds-archive.sh)
set -euo pipefail
image=$(cd "$1" && pwd)
cfg=$image/lib/app/aspace.cfg
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed 's#^\$APPDIR#$app#' | paste -sd:)
# the options, less the archive ones the script sets itself
opts=$(sed -n 's/^java-options=//p' "$cfg" | grep -v -e '^-XX:SharedArchiveFile=' \
  | sed 's#\$APPDIR#$app#g' | sed 's/.*/  "&"/')
version=$(sed -n 's/^java-options=-Djpackage.app-version=//p' "$cfg")

cat > "$image/bin/aspace" <<SCRIPT
#!/usr/bin/env bash
# aspace launcher, written by scripts/launcher.sh from lib/app/aspace.cfg (see there for why)
# where the image is, with bash alone (no readlink/dirname processes before the JVM starts):
# a link to this script is followed, and cd -P resolves linked directories
self=\$0
if [ -L "\$self" ]; then
  self=\$(readlink -f "\$self")
fi
case \$self in
  */*) here=\${self%/*} ;;
  *) here=. ;;
esac
app=\$(cd -P "\$here/../lib/app" && pwd)
java=\$here/../lib/runtime/bin/java
cp="$cp"
opts=(
$opts
)
# The Java heap on transparent huge pages where the kernel offers them ("madvise" or "always"): the
# start otherwise takes ~58,000 page faults, most of them filling the young generation 4 KiB at a
# time; with them ~27,000, and the first frame comes ~0.1 s sooner on this 2-vCPU VM
# (docs/PERFORMANCE.md). Where the kernel says [never] the JVM would only print a warning.
thp=
{ read -r thp < /sys/kernel/mm/transparent_hugepage/enabled; } 2>/dev/null || true
case \$thp in
  *"[never]"*|"") ;;
  *) opts+=(-XX:+UseTransparentHugePages) ;;
esac
# A CLI command reads the machine it runs on, and its own JVM is part of what it reads: the
# window's 160 MiB young generation, committed at start, would add ~410 MiB to Committed_AS
# (free -v) for a free that needs a few MiB. CLI commands start with a small heap that grows
# when needed: 41 MiB committed instead of 412, 28 MiB of used instead of 34, no slower
# (README, "What reading changes"; scripts/observer-effect.sh measures it).
cli_opts=(-Xms8m -XX:NewSize=4m)
case \${1:-} in
  pmap|free|ps|snapshot|memory-user|import|diff|aslr|render|record|help|-h|--help|-V|--version)
    opts+=("\${cli_opts[@]}") ;;
esac
# The snapshot command holds every region it parses (60,000 regions: ~12 MiB live), so its
# small heap grows at its first full collection to 80 % free, half of it young, instead of step
# by step: 4 collections instead of 7 (3 of them full), ~20 ms less for the 60,000-region
# process. The system memory it records is read before that. (-Xms48m -XX:NewSize=32m: ~40 ms
# less, but 40 MiB more Committed_AS in the figures it records; docs/PERFORMANCE.md.)
case \${1:-} in
  snapshot) opts+=(-XX:NewRatio=1 -XX:MinHeapFreeRatio=80 -XX:MaxHeapFreeRatio=100) ;;
esac
# GTK would set up OpenGL at start (Mesa's llvmpipe where there is no GPU) only to choose window
# visuals; JavaFX draws with its own pipeline and never uses GTK's GL (docs/PERFORMANCE.md).
# Programs aspace runs for the user (ASLR runs) get the environment without it.
launcher_env=()
if [ -z "\${GDK_GL+x}" ]; then
  export GDK_GL=disable
  launcher_env=(-Daspace.launcherEnv=GDK_GL)
fi
archive=\$app/aspace.jsa
dumped_for=
if [ -f "\$app/aspace.jsa.dir" ]; then
  dumped_for=\$(< "\$app/aspace.jsa.dir")
fi
if [ "\$dumped_for" != "\$app" ]; then
  # dumped for another place: this place's archive lives in the user's cache
  cache=\${XDG_CACHE_HOME:-\$HOME/.cache}/aspace
  archive=\$cache/aspace-$version-\$(printf %s "\$app" | cksum | cut -d' ' -f1).jsa
  if [ ! -f "\$archive" ] && [ -f "\$app/aspace.classlist" ] && mkdir -p "\$cache" 2>/dev/null; then
    ( nice -n 19 "\$java" "\${opts[@]}" -Xshare:dump -XX:SharedClassListFile="\$app/aspace.classlist" \\
        -XX:SharedArchiveFile="\$archive.\$\$" -cp "\$cp" >/dev/null 2>&1 && mv -f "\$archive.\$\$" "\$archive" \\
        || rm -f "\$archive.\$\$" ) </dev/null >/dev/null 2>&1 &
  fi
fi
exec "\$java" "\${opts[@]}" -XX:SharedArchiveFile="\$archive" "\${launcher_env[@]}" \\
  -Djpackage.app-path="\$here/aspace" -cp "\$cp" $main "\$@"
SCRIPT
chmod 755 "$image/bin/aspace"
echo "launcher: $image/bin/aspace"
