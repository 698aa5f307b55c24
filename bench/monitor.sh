#!/usr/bin/env bash
# 24 hours of audio through `babble monitor --from NIGHT --loop N --speed max`: real-time factor (from monitor's own
# summary) and resident memory sampled from /proc/PID/status every 2 s; RSS after the first tenth of the run and at the
# end must agree within 10% (the all-night loop must not grow).
#
# Usage: bench/monitor.sh [MODEL] [NIGHT] [HOURS]
#   MODEL  frozen model (default ./model.babble; when missing and `babble train` exists, a quick model is trained on
#          ../shared/data/nursery and frozen into bench output; otherwise give one, e.g. the classify benchmark's
#          cli/target/bench/model.babble written by bench/classify.sh)
#   NIGHT  recording to loop (default ../shared/data/raw/night-1.wav)
#   HOURS  audio to push through (default 24)
# JVM options: BABBLE_JAVA_OPTS (default -Xmx1g). More monitor flags: BABBLE_MONITOR_FLAGS (e.g. "--http 0"; with
# --http, a phone is played by fetching /api/now every 2 s and /api/episodes and the night chart every 10 s).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
out="$here/cli/target/bench/monitor"
mkdir -p "$out"
model="${1:-}"
night="${2:-../shared/data/raw/night-1.wav}"
hours="${3:-24}"
export BABBLE_JAVA_OPTS="${BABBLE_JAVA_OPTS:--Xmx1g}"

if [ -z "$model" ]; then
  if [ -f model.babble ]; then
    model=model.babble
  elif ./babble train --help >/dev/null 2>&1; then
    echo "no model given and no ./model.babble: training a quick one on ../shared/data/nursery" >&2
    shape=(--wanted_words=crying,laughing,noise,room_empty --sample_rate=22050 --clip_duration_ms=5000)
    ./babble train --data_url= --data_dir=../shared/data/nursery "${shape[@]}" --how_many_training_steps=100,20 \
      --train_dir="$out/train" >"$out/train.txt" 2>&1
    ./babble freeze "${shape[@]}" --start_checkpoint="$out/train" --output_file="$out/model.babble" >&2
    model="$out/model.babble"
  else
    echo "usage: bench/monitor.sh MODEL [NIGHT] [HOURS] (no ./model.babble and no babble train to make one)" >&2
    exit 2
  fi
fi
[ -f "$night" ] || { echo "bench/monitor.sh: $night: no such recording" >&2; exit 2; }

seconds=$(soxi -D "$night")
loops=$(python3 -c "import math; print(math.ceil($hours * 3600 / $seconds))")
echo "model $model; $night ($seconds s) x $loops = $hours h of audio; $BABBLE_JAVA_OPTS" >&2
./babble --version >/dev/null  # build now, not inside the timed run
rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
# shellcheck disable=SC2086 # the extra flags are words on purpose
./babble monitor --model "$model" --from "$night" --loop "$loops" --speed max --db "$out/bench.db" \
  ${BABBLE_MONITOR_FLAGS:-} >"$out/monitor.txt" 2>"$out/monitor.err" &
pid=$!
phone() {
  local url=""
  for _ in $(seq 100); do
    url=$(grep -oE 'serving the page on http://[^ ]+' "$out/monitor.err" 2>/dev/null | awk '{print $5}' || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || return 0
  local n=0
  while kill -0 "$pid" 2>/dev/null; do
    curl -sf "${url}api/now" >/dev/null || true
    if (( n % 5 == 0 )); then
      curl -sf "${url}api/episodes" >/dev/null || true
      curl -sf "${url}chart/night.png" >/dev/null || true
    fi
    n=$((n + 1))
    sleep 2
  done
}
case " ${BABBLE_MONITOR_FLAGS:-} " in *" --http "*) phone & ;; esac
: >"$out/rss.txt"
start=$(date +%s)
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  [ -n "$rss" ] && echo "$(( $(date +%s) - start )) $rss" >>"$out/rss.txt"
  sleep 2
done
wait "$pid" || { echo "monitor failed:" >&2; cat "$out/monitor.err" >&2; exit 1; }

grep -E '^(end of input|stopped):' "$out/monitor.txt"
python3 - "$out/rss.txt" <<'PY'
import sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
if len(rows) < 10:
    sys.exit(f"only {len(rows)} RSS samples: run longer (more HOURS) for a memory figure")
early = rows[len(rows) // 10][1]
late = rows[-1][1]
peak = max(r[1] for r in rows[len(rows) // 10:])
change = (late - early) / early * 100
print(f"RSS at {rows[len(rows) // 10][0]} s: {early / 1024:.0f} MB; at end ({rows[-1][0]} s): {late / 1024:.0f} MB "
      f"({change:+.1f}%); peak after warm-up {peak / 1024:.0f} MB")
print("memory flat within 10%: " + ("yes" if abs(change) <= 10 else "NO"))
PY
