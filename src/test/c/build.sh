#!/usr/bin/env bash
# Builds the small C programs that tests start (live processes with known shapes).
# Usage: build.sh OUTDIR
set -euo pipefail
out=${1:?usage: build.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
for src in "$here"/*.c; do
  [ -e "$src" ] || continue
  exe="$out/$(basename "$src" .c)"
  if [ ! -x "$exe" ] || [ "$src" -nt "$exe" ]; then
    gcc -O2 -pthread -o "$exe" "$src" -ldl
  fi
done
