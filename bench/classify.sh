#!/usr/bin/env bash
# Inference benchmark: warm latency and windows over an hour (Java main), then cold `babble classify` of a 10-s clip
# (wall time and peak RSS from /usr/bin/time -v), with and without a class-data-sharing archive.
# Usage: bench/classify.sh [minutes of audio for the windowed run, default 60]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
out="$here/cli/target/bench"
mkdir -p "$out"
./mvnw -B -q -o -Dstyle.color=never -DskipTests package -pl cli -am >&2
./mvnw -B -q -o test-compile -pl cli -am >&2
java -Xmx4g -cp "cli/target/test-classes:core/target/test-classes:cli/target/lib/*" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.babble.bench.ClassifyBench "$out" "${1:-60}"

jar="$here/cli/target/babble.jar"
cold() {
  /usr/bin/time -v java "$@" -jar "$jar" classify --model "$out/model.babble" "$out/clip-10s.wav" \
    >/dev/null 2>"$out/time.txt"
  awk -F': ' '/Elapsed \(wall clock\)/ {w=$2} /Maximum resident/ {r=$2} END {printf "wall %s, peak RSS %d MB\n", w, r/1024}' \
    "$out/time.txt"
}
echo "cold classify, default JVM:"; for i in 1 2 3; do cold -Xmx1g; done
java -XX:ArchiveClassesAtExit="$out/babble.jsa" -Xmx1g -jar "$jar" classify --model "$out/model.babble" \
  "$out/clip-10s.wav" >/dev/null 2>&1
echo "cold classify, with CDS archive:"; for i in 1 2 3; do cold -Xmx1g -XX:SharedArchiveFile="$out/babble.jsa"; done
echo "cold classify, CDS + TieredStopAtLevel=1:"
for i in 1 2 3; do cold -Xmx1g -XX:SharedArchiveFile="$out/babble.jsa" -XX:TieredStopAtLevel=1; done
