#!/usr/bin/env bash
# babble's MFCC against torchaudio's transforms.MFCC on the same audio: one hour of 1-s clips at 22050 Hz (as
# bench/features.sh times it; 100 distinct clips of noise under a chirp, written once to a float32 file, each taken 36
# times), babble's default settings (30 ms window, 10 ms hop, 1024-point FFT, periodic Hann, 40 mel bands 20-4000 Hz
# on magnitudes, floored log, DCT-II, 40 coefficients: 98 x 40 a clip) and torchaudio set as close as its options
# allow (torchaudio_mfcc.py says where it cannot match). At 1 thread, in interleaved processes (babble, torchaudio,
# babble, torchaudio), best of each; torchaudio one clip a call (babble's way) and in batches of 10 and 100 clips.
# Then checks the two give the same shape and near the same values on the first clip, so it is the same work.
# Needs Debian's python3-torch and python3-torchaudio (benchmark only). Usage: bench/peer/mfcc.sh [timed rounds per
# process, default 3]  (about 70 s on 2 cores)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
out="$here/core/target/bench/peer-mfcc"
mkdir -p "$out"
./mvnw -B -q -o test-compile -pl core -am >&2
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -B -q -o dependency:build-classpath -pl core -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >&2
rounds="${1:-3}"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
# -XX:ActiveProcessorCount=1 keeps the JIT and GC from borrowing a second core, as bench/features.sh
babble() {
  java -XX:ActiveProcessorCount=1 -Xmx1g -cp "core/target/classes:core/target/test-classes:$(cat "$cp_file")" \
    org.babble.bench.PeerMfcc "$out" "$rounds"
}
torch() { /usr/bin/python3 "$here/bench/peer/torchaudio_mfcc.py" "$out" "$rounds" 1; }
for turn in 1 2; do babble; torch; done | awk '
  $1 == "check" { check[$2] = $0; if (!($2 in seen)) { seen[$2] = 1; checks[++nc] = $2 }; next }
  { k = $1 "/" $2; s = $4 + 0; c = $6 + 0; frames = $8
    if ($1 == "babble") shape = $10
    else if (!(k in wall)) ways[++nw] = $2
    if (!(k in wall) || s < wall[k]) wall[k] = s
    if (!(k in cpu) || c < cpu[k]) cpu[k] = c }
  function way(w) { n = substr(w, 6); return n == 1 ? "one clip a call" : "in batches of " n }
  END {
    b = wall["babble/mfcc"]
    printf "| work | babble | torchaudio | babble / torchaudio |\n|---|---|---|---|\n"
    for (i = 1; i <= nw; i++) {
      t = wall["torchaudio/" ways[i]]
      printf "| MFCC, 1 h of 1-s clips at 22050 Hz, 1 thread; torchaudio %s | %.3f s | %.3f s | %.2fx |\n", way(ways[i]), b, t, b / t
    }
    printf "\nframes per second (%d frames of %s an hour, best wall-clock): babble %.0f", frames, shape, frames / b
    for (i = 1; i <= nw; i++) printf "; torchaudio %s %.0f", way(ways[i]), frames / wall["torchaudio/" ways[i]]
    printf "\nbest CPU seconds (babble its thread, torchaudio its process): babble %.3f", cpu["babble/mfcc"]
    for (i = 1; i <= nw; i++) printf "; torchaudio %s %.3f", way(ways[i]), cpu["torchaudio/" ways[i]]
    printf "\n\nfirst clip, torchaudio against babble (corr: Pearson over all values; c1up: coefficients 1 and up;\n"
    printf "max_abs: largest |gap|; max_rel: that over the largest |babble value|):\n"
    for (i = 1; i <= nc; i++) print "  " check[checks[i]]
    print "  (as_is: torchaudio as set; c0_scaled: its coefficient 0 times sqrt(2), TF'"'"'s DCT scale; tf_filterbank:"
    print "  that, and babble'"'"'s mel filterbank in place of torchaudio'"'"'s)"
  }'
