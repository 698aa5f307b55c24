#!/usr/bin/env bash
# One training step (forward, backward, Adam update; batch 100, random features and labels) of the same networks in
# babble (DL4J, built as `babble train` builds them) and in PyTorch: the default tc_resnet and TF's conv on 98x40
# MFCCs, at 1 thread and at all cores, in interleaved processes (babble, PyTorch, babble, PyTorch), best of each, and
# the rate each reaches against a 2048^2 sgemm of the same run. inference.sh compares serving; this compares training,
# where babble runs DL4J's layers and its own. Needs Debian's python3-torch and libopenblas0 (benchmark only).
# Usage: bench/peer/train-step.sh [timed rounds per process, default 1]  (about 3 minutes on 2 cores)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
./mvnw -B -q -o -Dstyle.color=never -DskipTests package -pl cli -am >&2
./mvnw -B -q -o test-compile -pl cli -am >&2
rounds="${1:-1}"
babble() {
  OMP_NUM_THREADS="$1" java -Xmx2g -XX:ActiveProcessorCount="$1" -cp "cli/target/test-classes:core/target/test-classes:cli/target/lib/*" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn org.babble.bench.PeerTrainStep "$rounds"
}
torch() { OPENBLAS_NUM_THREADS="$1" OMP_NUM_THREADS="$1" /usr/bin/python3 "$here/bench/peer/torch_train_step.py" "$rounds" "$1"; }
cores="$(nproc)"
for threads in 1 "$cores"; do
  for turn in 1 2; do babble "$threads"; torch "$threads"; done
done | awk '
  $1 == "sgemm" { t = $5; if (!((t, $2) in gemm) || $3 > gemm[t, $2]) gemm[t, $2] = $3; next }
  { side = $1; net = $2; ms = $4 + 0; t = $6; macs[side, net] = $8
    if (!(t in seen)) { seen[t] = 1; threads[++nt] = t }
    if (!(net in known)) { known[net] = 1; nets[++nn] = net }
    if (!((side, net, t) in best) || ms < best[side, net, t]) best[side, net, t] = ms }
  END {
    printf "| work | threads | babble | PyTorch | babble / PyTorch |\n|---|---|---|---|---|\n"
    for (i = 1; i <= nt; i++) for (j = 1; j <= nn; j++) {
      t = threads[i]; n = nets[j]; b = best["babble", n, t]; p = best["pytorch", n, t]
      printf "| train step, %s, batch 100 | %s | %.1f ms | %.1f ms | %.2fx |\n", n, t, b, p, b / p
    }
    printf "\nmultiply-adds a clip, forward (babble / PyTorch):"
    for (j = 1; j <= nn; j++) printf " %s %d / %d;", nets[j], macs["babble", nets[j]], macs["pytorch", nets[j]]
    printf "\nachieved (a step counted as 3 forward passes, 2 flops a multiply-add) against the best 2048^2 float\n"
    printf "matrix multiply of the run (ND4J and PyTorch sgemm; PyTorch takes Debian libblas, OpenBLAS with libopenblas0):\n"
    for (i = 1; i <= nt; i++) {
      t = threads[i]; ref = gemm[t, "nd4j"] > gemm[t, "pytorch"] ? gemm[t, "nd4j"] : gemm[t, "pytorch"]
      printf "  %s threads: sgemm ND4J %.1f, PyTorch %.1f GFLOP/s", t, gemm[t, "nd4j"], gemm[t, "pytorch"]
      for (j = 1; j <= nn; j++) {
        n = nets[j]
        g1 = 3 * 2 * macs["babble", n] * 100 / (best["babble", n, t] / 1000) / 1e9
        g2 = 3 * 2 * macs["pytorch", n] * 100 / (best["pytorch", n, t] / 1000) / 1e9
        printf "; %s babble %.1f (%.0f%%), PyTorch %.1f (%.0f%%)", n, g1, 100 * g1 / ref, g2, 100 * g2 / ref
      }
      printf "\n"
    }
  }'
