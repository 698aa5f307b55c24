#!/usr/bin/env bash
# babble's plain-Java forward pass against PyTorch on the same network (the default tc_resnet on 98x40 MFCCs, the
# weights passed through babble's ONNX export and checked to give the same scores), batch 1 and batch 100, in
# interleaved rounds, at 1 thread and at all cores, and the rate each reaches against a 2048^2 sgemm of the same run.
# Needs Debian's python3-torch and python3-onnx, and libopenblas0 for PyTorch's BLAS (benchmark only).
# Usage: bench/peer/inference.sh [rounds per process, default 5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
out="$here/cli/target/bench/peer"
mkdir -p "$out"
./mvnw -B -q -o -Dstyle.color=never -DskipTests package -pl cli -am >&2
./mvnw -B -q -o test-compile -pl cli -am >&2
rounds="${1:-5}"
babble() {
  OMP_NUM_THREADS="$1" java -Xmx2g -XX:ActiveProcessorCount="$1" -cp "cli/target/test-classes:core/target/test-classes:cli/target/lib/*" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.babble.bench.PeerInference "$out" "$rounds"
}
torch() { OPENBLAS_NUM_THREADS="$1" OMP_NUM_THREADS="$1" /usr/bin/python3 "$here/bench/peer/torch_inference.py" "$out" "$rounds" "$1"; }
cores="$(nproc)"
babble 1 >/dev/null # writes the model, its ONNX export, the features and babble's scores once
for threads in 1 "$cores"; do
  for turn in 1 2; do babble "$threads"; torch "$threads"; done
done | awk '
  $1 == "sgemm" { t = $5; if (!((t, $2) in gemm) || $3 > gemm[t, $2]) gemm[t, $2] = $3; next }
  { t = $7; k = $1 "/" t; one = $3 + 0; hundred = $5 + 0; seen[t] = 1
    if ($1 == "babble") macs = $9
    if (!(k in b1) || one < b1[k]) b1[k] = one
    if (!(k in b100) || hundred < b100[k]) b100[k] = hundred }
  END {
    printf "| work | threads | babble | PyTorch | babble / PyTorch |\n|---|---|---|---|---|\n"
    for (t in seen) {
      printf "| inference, batch 1 | %s | %.3f ms | %.3f ms | %.2fx |\n", t, b1["babble/" t], b1["pytorch/" t], b1["babble/" t] / b1["pytorch/" t]
      printf "| inference, batch 100 | %s | %.2f ms | %.2f ms | %.2fx |\n", t, b100["babble/" t], b100["pytorch/" t], b100["babble/" t] / b100["pytorch/" t]
    }
    printf "\nachieved at batch 100 (%d multiply-adds a clip) against the best 2048^2 float matrix multiply of the run\n", macs
    printf "(ND4J and PyTorch sgemm; PyTorch takes Debian libblas, OpenBLAS with libopenblas0):\n"
    for (t in seen) {
      ref = gemm[t, "nd4j"] > gemm[t, "pytorch"] ? gemm[t, "nd4j"] : gemm[t, "pytorch"]
      g1 = 2 * macs * 100 / (b100["babble/" t] / 1000) / 1e9; g2 = 2 * macs * 100 / (b100["pytorch/" t] / 1000) / 1e9
      printf "  %s threads: sgemm ND4J %.1f, PyTorch %.1f GFLOP/s; babble %.1f GFLOP/s (%.0f%%), PyTorch %.1f (%.0f%%)\n", \
        t, gemm[t, "nd4j"], gemm[t, "pytorch"], g1, 100 * g1 / ref, g2, 100 * g2 / ref
    }
  }'
