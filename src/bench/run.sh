#!/usr/bin/env bash
# Runs the JMH benchmarks built by `mvn -Pbench verify`.
# Usage (through Maven): mvn -Pbench verify -Dbench.args="LayoutBench -f 1 -wi 3 -i 5"
#        (by hand, after a bench build): src/bench/run.sh 'SnapshotBench' -rf json -rff target/jmh.json
set -euo pipefail
cd "$(dirname "$0")/../.."
cp=target/test-classes:target/classes:$(cat target/bench-classpath.txt)
# shellcheck disable=SC2086
exec java -Daspace.testc=target/testc -cp "$cp" org.openjdk.jmh.Main ${1:-.*} "${@:2}"
