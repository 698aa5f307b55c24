#!/usr/bin/env bash
# Times the resampler alone (mixdown + band-limited conversion, file reading excluded) on the raw nights:
# target "a 2-minute 48 kHz stereo file to 22050 Hz in well under a second".
#   bench/resample.sh [FILE...]     default: ../shared/data/raw/night-1.wav and night-2-24bit.wav
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -B -q -o test-compile -pl core >&2
[ $# -gt 0 ] || set -- "$here/../shared/data/raw/night-1.wav" "$here/../shared/data/raw/night-2-24bit.wav"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for f in "$@"; do
  java -cp core/target/classes:core/target/test-classes org.babble.core.audio.ResamplerBenchmark "$f" 22050
done
