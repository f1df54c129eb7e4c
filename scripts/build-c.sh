#!/usr/bin/env bash
# Builds each C program of a directory into OUTDIR (only those older than their source):
#   src/main/c  the memory-user child the app drives (Maven's compile phase, target/native)
#   src/test/c  small programs the tests start, live processes with known shapes (target/testc)
# Usage: build-c.sh SRCDIR OUTDIR
set -euo pipefail
src_dir=${1:?usage: build-c.sh SRCDIR OUTDIR}
out=${2:?usage: build-c.sh SRCDIR OUTDIR}
command -v gcc >/dev/null || { echo "build-c: gcc not found: install gcc (the memory-user child and the test programs are C)" >&2; exit 1; }
mkdir -p "$out"
for src in "$src_dir"/*.c; do
  [ -e "$src" ] || continue
  exe="$out/$(basename "$src" .c)"
  if [ ! -x "$exe" ] || [ "$src" -nt "$exe" ]; then
    gcc -O2 -Wall -pthread -o "$exe" "$src" -ldl
  fi
done
