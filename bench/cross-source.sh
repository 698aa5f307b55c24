#!/usr/bin/env bash
# Figures on recordings a model never heard (issue 14), per seed:
#  - nursery crying,laughing,noise,room_empty, grouped by source: crying and noise recordings are dealt into K folds,
#    each fold's model is trained without them and classifies them (laughing and room_empty are one recording each and
#    always train); prints crying recall on unseen sources, crying-vs-rest precision and F1, noise recall;
#  - phone cries (../shared/data/cries, never trained on): share a model trained on all of nursery calls crying;
#  - the nursery test split (same recordings) and speech bed,cat,happy (TF's split: its test speakers are unseen);
#  - laughing is one recording, so it cannot be held out by source: the share of its clips pitch-shifted by -500,
#    -250, +250 and +500 cents (sox, when installed) that the full model still calls laughing stands in for another
#    baby's laugh (a stand-in only: the clips are still the recording it trained on).
# Usage: bench/cross-source.sh [--seeds 1,2,3] [--folds 3] [--no-speech] [--keep DIR] [-- extra train flags]
# --keep DIR keeps each seed's held-out scores (pred-SEED.csv: truth, then classify's CSV), phone-cry scores and
# pitch-shifted laughing scores (pitch-SEED.csv: cents, then classify's CSV) there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$here/../shared/data"
seeds=1,2,3
folds=3
speech=1
keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds="$2"; shift 2 ;;
    --folds) folds="$2"; shift 2 ;;
    --no-speech) speech=0; shift ;;
    --keep) keep="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: $0 [--seeds 1,2,3] [--folds K] [--no-speech] [--keep DIR] [-- train flags]" >&2; exit 2 ;;
  esac
done
extra=("$@")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/babble" --version >/dev/null
babble=(java -Xmx4g -jar "$here/cli/target/babble.jar")
nursery_flags=(--wanted_words=crying,laughing,noise,room_empty --sample_rate=22050 --clip_duration_ms=5000)

# Deals each class's sources into folds, largest first onto the fold with the fewest clips of that class: prints
# "fold<TAB>class<TAB>path" for every clip of crying and noise.
deal() {
  for class in crying noise; do
    ls "$data/nursery/$class" | sed 's/_nohash_.*//' | sort | uniq -c | sort -k1,1nr -k2,2 |
      awk -v k="$folds" -v class="$class" '{ best = 0; for (f = 1; f < k; f++) if (n[f] < n[best]) best = f;
        n[best] += $1; print best "\t" class "\t" $2 }'
  done | while IFS=$'\t' read -r fold class source; do
    for f in "$data/nursery/$class/${source}"_nohash_*; do printf '%s\t%s\t%s\n' "$fold" "$class" "$f"; done
  done
}
deal >"$work/folds.tsv"

# laughing's clips pitch-shifted, once for every seed: pitch/CENTS/NAME.wav
shifts=(-500 -250 250 500)
if command -v sox >/dev/null; then
  for cents in "${shifts[@]}"; do
    mkdir -p "$work/pitch/$cents"
    for f in "$data/nursery/laughing"/*.wav; do sox -q "$f" "$work/pitch/$cents/${f##*/}" pitch "$cents" 2>/dev/null; done
  done
fi

# Trains on a folder of label folders and freezes the best checkpoint; prints the final test accuracy line.
train_freeze() {
  local dir="$1" out="$2" seed="$3"; shift 3
  "${babble[@]}" train -q --data_dir="$dir" --train_dir="$out" --seed="$seed" "$@" "${extra[@]}" >"$out.log" 2>&1 ||
    { cat "$out.log" >&2; exit 1; }
  "${babble[@]}" freeze --start_checkpoint="$out" --output_file="$out.babble" >/dev/null 2>&1
  grep -o 'Final test accuracy = [0-9.]*%' "$out.log" | grep -o '[0-9.]*%' || echo "?"
}

printf '%-5s %-13s %-13s %-9s %-11s %-11s %-11s %-14s %-10s %s\n' seed crying_recall crying_prec crying_f1 \
  noise_recall phone_cries nursery_test laughing_pitch speech_test wall_s
for seed in ${seeds//,/ }; do
  start=$SECONDS
  : >"$work/pred-$seed.csv"
  for ((fold = 0; fold < folds; fold++)); do
    d="$work/s$seed-f$fold"
    mkdir -p "$d/data"/{crying,noise} "$d/test"
    ln -s "$data/nursery/laughing" "$d/data/laughing"
    ln -s "$data/nursery/room_empty" "$d/data/room_empty"
    while IFS=$'\t' read -r f class path; do
      if [ "$f" = "$fold" ]; then echo "$class,$path" >>"$d/test.list"; else ln -s "$path" "$d/data/$class/"; fi
    done <"$work/folds.tsv"
    train_freeze "$d/data" "$d/train" "$seed" "${nursery_flags[@]}" >/dev/null
    cut -d, -f2 "$d/test.list" | xargs "${babble[@]}" classify --model "$d/train.babble" --format csv 2>/dev/null |
      tail -n +2 >"$d/pred.csv"
    # truth,file,top_label,score,<each label's score> per held-out clip
    paste -d, <(cut -d, -f1 "$d/test.list") "$d/pred.csv" >>"$work/pred-$seed.csv"
  done
  read -r recall prec f1 noise < <(awk -F, '{ if ($1 == "crying") { c++; if ($3 == "crying") tp++ }
      else { n++; if ($3 == "crying") fp++; if ($3 == $1) nr++ } }
    END { r = tp / c; p = tp + fp ? tp / (tp + fp) : 0; printf "%.3f(%d/%d) %.3f %.3f %.3f(%d/%d)\n",
      r, tp, c, p, p + r ? 2 * p * r / (p + r) : 0, nr / n, nr, n }' "$work/pred-$seed.csv")
  full="$work/s$seed-full"
  nursery_test=$(train_freeze "$data/nursery" "$full" "$seed" "${nursery_flags[@]}")
  find "$data/cries" -name '*.wav' -print0 | xargs -0 "${babble[@]}" classify --model "$full.babble" --format csv \
    2>/dev/null | tail -n +2 >"$work/phone-$seed.csv"
  phone=$(awk -F, '{ n++; if ($2 == "crying") c++ } END { printf "%.1f%%(%d/%d)", 100 * c / n, c, n }' \
    "$work/phone-$seed.csv")
  pitch="-"
  : >"$work/pitch-$seed.csv"
  if [ -d "$work/pitch" ]; then
    for cents in "${shifts[@]}"; do
      "${babble[@]}" classify --model "$full.babble" --format csv --wav-dir "$work/pitch/$cents" 2>/dev/null |
        tail -n +2 | sed "s/^/$cents,/" >>"$work/pitch-$seed.csv"
    done
    pitch=$(awk -F, '{ n++; if ($3 == "laughing") c++ } END { printf "%.1f%%(%d/%d)", 100 * c / n, c, n }' \
      "$work/pitch-$seed.csv")
  fi
  if [ -n "$keep" ]; then
    mkdir -p "$keep" && cp "$work/pred-$seed.csv" "$work/phone-$seed.csv" "$work/pitch-$seed.csv" "$keep/"
  fi
  speech_test="-"
  if [ "$speech" = 1 ]; then
    speech_test=$(train_freeze "$data/speech" "$work/s$seed-speech" "$seed" --wanted_words=bed,cat,happy)
  fi
  printf '%-5s %-13s %-13s %-9s %-11s %-11s %-11s %-14s %-10s %s\n' "$seed" "$recall" "$prec" "$f1" "$noise" \
    "$phone" "$nursery_test" "$pitch" "$speech_test" "$((SECONDS - start))"
done
