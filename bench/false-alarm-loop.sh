#!/usr/bin/env bash
# The false-alarm loop of issue 15 on ../shared/data, end to end: train the nursery model, measure crying false alarms
# per hour on spoken words it never heard (A: bed+cat, B: happy), keep what monitor detects on A, mark every crying
# detection wrong (A holds no crying), file them with label --review, retrain with the _hard_negative_ folder, and
# measure again, on A and on the held-out B, with the shared nights for the episodes found.
# Usage: bench/false-alarm-loop.sh [WORK_DIR]   (default /tmp/babble-false-alarm-loop; about 12 minutes on 2 cores)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
S="$here/../shared/data"
L="${1:-/tmp/babble-false-alarm-loop}"
B="nice -n 10 $here/babble"
rm -rf "$L" && mkdir -p "$L"
# Training data: the nursery folders as links; the shared recordings are never copied.
for label in crying laughing noise room_empty; do
  mkdir -p "$L/data/$label"
  for f in "$S/nursery/$label"/*.wav; do ln -s "$(realpath "$f")" "$L/data/$label/"; done
done
$B clean "$S/speech/bed" "$S/speech/cat" --concat --rate 22050 --out "$L/neg-a"
$B clean "$S/speech/happy" --concat --rate 22050 --out "$L/neg-b"
A="$L/neg-a/batch_nohash_0.wav"
NB="$L/neg-b/batch_nohash_0.wav"
TRAIN=(--data_url= --wanted_words=crying,laughing,noise,room_empty --sample_rate=22050 --clip_duration_ms=5000)
EVAL=(--night "$S/raw/night-1.wav" --night "$S/raw/night-2-24bit.wav" --label crying -q)
train() { # name
  $B train "${TRAIN[@]}" --data_dir="$L/data" --train_dir="$L/train-$1" > "$L/train-$1.log" 2>&1
  $B freeze --start-checkpoint "$L/train-$1" --output-file "$L/$1.babble"
  echo "== $1: the nights and B (held out)"; $B evaluate --model "$L/$1.babble" "${EVAL[@]}" --negatives "$NB"
  echo "== $1: A (fed back)"; $B evaluate --model "$L/$1.babble" --negatives "$A" --label crying -q
}
train before
$B monitor --model "$L/before.babble" --from "$A" --speed max --start-time 2026-11-20T21:00:00 --db "$L/a.db" \
    --keep-audio "$L/kept" > "$L/monitor.log" 2>&1
ls "$L/kept/crying" | sed 's/_nohash_.*//' | sort -u | awk 'BEGIN { print "file,verdict" } { print $0 ",wrong" }' \
    > "$L/verdicts.csv"
echo "verdicts: $(($(wc -l < "$L/verdicts.csv") - 1)) crying episodes on A, all wrong"
$B label --review "$L/kept" --verdicts "$L/verdicts.csv" --out "$L/data"
train after
