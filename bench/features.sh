#!/usr/bin/env bash
# Prints seconds of one core's time per hour of 22050 Hz audio featurised, for each preprocess (target: < 2 s).
# Usage: bench/features.sh   (from anywhere; builds core's test classes offline first)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -B -q -o test-compile -pl core
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -B -q -o dependency:build-classpath -pl core -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
# -XX:ActiveProcessorCount=1 keeps the JIT and GC from borrowing a second core: the figure is one core's.
exec java -XX:ActiveProcessorCount=1 -Xmx1g -cp "core/target/classes:core/target/test-classes:$(cat "$cp_file")" \
  org.babble.bench.FeatureBench
