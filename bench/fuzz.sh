#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader of files people share (issue 16): WAV, model file, checkpoint, label files.
# ./mvnw verify only replays the committed seeds (src/test/resources/.../<Test>Inputs/<method>); this runs Jazzer for real,
# MINUTES per target, one after another, and prints per target: executions, findings (crash, hang over 5 s per input,
# out of memory), the slowest input's time and peak memory. New corpus entries stay under target/fuzz/corpus/ (not committed);
# findings are written to target/fuzz/findings/ — copy one into the seed folder to keep it as a regression test.
# The resampler is left uninstrumented: it is arithmetic on sizes the reader has already bounded, and instrumenting it
# would make its honest cost on odd rates look like a hang.
# Usage: bench/fuzz.sh [MINUTES]   (default 10)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:-10}"
cd "$here"
./mvnw -q test-compile -pl core,dataset -am
declare -A classpath
for module in core dataset; do
  ./mvnw -q dependency:build-classpath -pl "$module" -Dmdep.includeScope=test -Dmdep.outputFile="$here/target/fuzz/$module.cp" >/dev/null
  classpath[$module]="$module/target/test-classes:$module/target/classes:$(cat "target/fuzz/$module.cp")"
done
targets=(
  "core org.babble.core.audio.WavReaderFuzzTest decodesOrRefuses"
  "core org.babble.core.model.frozen.FrozenModelReaderFuzzTest loadsOrRefuses"
  "core org.babble.core.model.CheckpointFuzzTest loadsOrRefuses"
  "dataset org.babble.dataset.label.AnnotationFilesFuzzTest parsesOrRefuses"
)
# slowest: libFuzzer's whole seconds for the slowest single input (0: under a second); rss: the JVM's peak
printf '%-28s %10s %8s %9s %8s %8s\n' target executions seconds findings slowest rss_mb
status=0
for t in "${targets[@]}"; do
  read -r module class method <<<"$t"
  name="${class##*.}"
  seeds="$module/src/test/resources/$(echo "${class%.*}" | tr . /)/${name}Inputs/$method"
  corpus="target/fuzz/corpus/$name"
  findings="target/fuzz/findings/$name"
  mkdir -p "$corpus" "$findings"
  log="target/fuzz/$name.log"
  # -Xmx bounds the heap; rss_limit_mb catches what escapes it (ND4J's off-heap buffers)
  java -Xmx1g -cp "${classpath[$module]}" com.code_intelligence.jazzer.Jazzer --target_class="$class" \
    --target_method="$method" --instrumentation_includes='org.babble.**' \
    --instrumentation_excludes='org.babble.core.audio.Resampler*:org.babble.core.audio.KaiserWindow' \
    -max_total_time="$(awk "BEGIN{print int($minutes * 60)}")" -timeout=5 -rss_limit_mb=3072 -print_final_stats=1 \
    -artifact_prefix="$findings/" "$corpus" "$seeds" >"$log" 2>&1 || status=1
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
  seconds=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 | awk '{print $5}' || true)
  slowest=$(grep -o 'stat::slowest_unit_time_sec: *[0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
  found=$(find "$findings" -type f | wc -l)
  printf '%-28s %10s %8s %9s %8s %8s\n' "$name" "${runs:-?}" "${seconds:-?}" "$found" "${slowest:-?}" "${rss:-?}"
  [ "$found" -eq 0 ] || status=1
done
exit "$status"
