#!/usr/bin/env bash
# What a running aspace CLI adds to the figures it reads (README, "What reading changes").
# Starts a JVM target (the tests' SleeperMain), reads its libjvm/modules/CDS mappings from
# /proc/PID/smaps, starts `aspace free -s 30` (a CLI JVM that stays up), reads the target again
# and the reader itself:
#   used       what the reader adds to free's used (total - available): its anonymous resident
#              memory and page tables (its file pages are page cache, counted as available)
#   committed  what it adds to Committed_AS (free -v, Comm used): the size of its mappings the
#              kernel accounts (VmFlags "ac"), exact however busy the machine is
#   target     Pss, Shared and Private (clean + dirty) of the target's libjvm.so, lib/modules
#              and .jsa (CDS) mappings, without and with the reader running
# Usage: scripts/observer-effect.sh [--private-jdk] [LABEL JAVA_OPTION...]   (after mvn -B package -DskipTests)
# --private-jdk runs target and reader on a copy of the JDK in a temporary directory, so that no
# other JVM on the machine maps the same libjvm.so and modules (else each one dilutes the effect).
# Each run measures java -jar (default options), the app image's options (jpackage.cfg) and those
# with the launcher's CLI options (scripts/launcher.sh); LABEL and options add one more row.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/aspace.jar
[ -f "$jar" ] && [ -d target/test-classes ] || { echo "observer-effect: run mvn -B package -DskipTests first" >&2; exit 2; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
tmp=$(mktemp -d)
if [ "${1:-}" = --private-jdk ]; then
  shift
  home=$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")
  cp -a "$home" "$tmp/jdk"
  java=$tmp/jdk/bin/java
fi
target=
reader=
cleanup() {
  [ -z "$reader" ] || kill "$reader" 2>/dev/null || true
  [ -z "$target" ] || kill "$target" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# the app image's JVM options (jpackage.cfg), and what the launcher adds for a CLI command
image_opts=(-XX:+UseSerialGC -Xmn160m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xshare:auto)
cli_opts=("${image_opts[@]}" $(sed -n 's/^cli_opts=(\(.*\))$/\1/p' scripts/launcher.sh | head -1))

wait_for() { # FILE: until it has a line
  for _ in $(seq 1 600); do [ -s "$1" ] && return 0; sleep 0.1; done
  echo "observer-effect: nothing in $1" >&2; exit 1
}

# Pss, Shared, Private (kB) of the JVM's shared files in process $1 (a file just copied is dirty in the page cache)
jvm_split() {
  awk '/^[0-9a-f]+-[0-9a-f]+ / { keep = ($6 ~ /libjvm\.so$|\/lib\/modules$|\.jsa$/) }
       keep && $1 == "Pss:" { p += $2 } keep && $1 ~ /^Shared_(Clean|Dirty):$/ { s += $2 }
       keep && $1 ~ /^Private_(Clean|Dirty):$/ { c += $2 }
       END { printf "%d %d %d", p, s, c }' "/proc/$1/smaps"
}

# used (RssAnon + VmPTE), RSS, committed (sum of "ac" mappings), all kB, of process $1
reader_cost() {
  local anon pte rss ac
  anon=$(awk '/^RssAnon:/ {print $2}' "/proc/$1/status")
  pte=$(awk '/^VmPTE:/ {print $2}' "/proc/$1/status")
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status")
  ac=$(awk '/^[0-9a-f]+-[0-9a-f]+ / {size = 0} $1 == "Size:" {size = $2}
            $1 == "VmFlags:" && / ac( |$)/ {sum += size} END {print sum + 0}' "/proc/$1/smaps")
  printf "%d %d %d" "$((anon + pte))" "$rss" "$ac"
}

"$java" -Xshare:auto -cp target/test-classes dev.aspace.cli.SleeperMain > "$tmp/target.out" &
target=$!
wait_for "$tmp/target.out"

printf "%-34s %10s %10s %12s | %-26s %-26s\n" "reader (aspace free -s 30)" "used MiB" "RSS MiB" "commit MiB" \
  "target alone Pss/Shr/Priv" "with the reader (MiB)"
measure() { # LABEL OPTIONS...
  local label=$1; shift
  local before after cost
  before=$(jvm_split "$target")
  "$java" "$@" -jar "$jar" free -s 30 -c 2 > "$tmp/reader.out" &
  reader=$!
  wait_for "$tmp/reader.out"
  sleep 1 # the first table is out: the reader is idle in its sleep
  after=$(jvm_split "$target")
  cost=$(reader_cost "$reader")
  kill "$reader"; wait "$reader" 2>/dev/null || true; reader=
  rm -f "$tmp/reader.out"
  read -r u r c <<<"$cost"
  read -r p0 s0 c0 <<<"$before"
  read -r p1 s1 c1 <<<"$after"
  printf "%-34s %10.1f %10.1f %12.1f | %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f\n" "$label" \
    "$(bc -l <<<"$u/1024")" "$(bc -l <<<"$r/1024")" "$(bc -l <<<"$c/1024")" \
    "$(bc -l <<<"$p0/1024")" "$(bc -l <<<"$s0/1024")" "$(bc -l <<<"$c0/1024")" \
    "$(bc -l <<<"$p1/1024")" "$(bc -l <<<"$s1/1024")" "$(bc -l <<<"$c1/1024")"
}

measure "java -jar (JVM defaults)"
measure "app image options (jpackage.cfg)" "${image_opts[@]}"
measure "app image, CLI command (launcher)" "${cli_opts[@]}"
if [ $# -gt 0 ]; then
  label=$1; shift
  measure "$label" "${image_opts[@]}" "$@"
fi
