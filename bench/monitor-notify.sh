#!/usr/bin/env bash
# The cost of the parent's side: the same 24 h of audio through bench/monitor.sh plain, then with the web page
# (--http, polled as a phone would) and, when a broker is given, MQTT; in alternating rounds, so machine noise hits
# both alike. Prints each run's real-time factor and memory, and the ratio to the plain run.
#
# Usage: bench/monitor-notify.sh MODEL [NIGHT] [HOURS] [ROUNDS]
#   MQTT: BABBLE_BENCH_MQTT=tcp://127.0.0.1:1883 adds "--mqtt URI --mqtt-discovery" to the second run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
model="${1:?usage: bench/monitor-notify.sh MODEL [NIGHT] [HOURS] [ROUNDS]}"
night="${2:-../shared/data/raw/night-1.wav}"
hours="${3:-24}"
rounds="${4:-2}"
with="--http 0"
[ -n "${BABBLE_BENCH_MQTT:-}" ] && with="$with --mqtt $BABBLE_BENCH_MQTT --mqtt-discovery"
log="$here/cli/target/bench/monitor-notify.txt"
mkdir -p "$(dirname "$log")"
: >"$log"
for round in $(seq "$rounds"); do
  for flags in "" "$with"; do
    echo "== round $round: ${flags:-plain}" | tee -a "$log"
    BABBLE_MONITOR_FLAGS="$flags" bench/monitor.sh "$model" "$night" "$hours" 2>/dev/null | tee -a "$log"
  done
done
python3 - "$log" <<'PY'
import re, sys
runs = {}
current = None
for line in open(sys.argv[1]):
    m = re.match(r"== round \d+: (.*)", line)
    if m:
        current = m.group(1).strip()
        continue
    m = re.search(r"([\d.]+)x real time", line)
    if m and current:
        runs.setdefault(current, {"rtf": [], "rss": []})["rtf"].append(float(m.group(1)))
    m = re.search(r"at end \(\d+ s\): (\d+) MB \(([-+\d.]+)%\)", line)
    if m and current:
        runs[current]["rss"].append((int(m.group(1)), float(m.group(2))))
plain = runs.get("plain")
for name, r in runs.items():
    best = max(r["rtf"]) if r["rtf"] else float("nan")
    ratio = best / max(plain["rtf"]) if plain and plain["rtf"] else float("nan")
    rss = ", ".join(f"{mb} MB ({ch:+.1f}%)" for mb, ch in r["rss"])
    print(f"{name:40s} best {best:7.1f}x real time ({ratio:.3f} of plain); end RSS and drift: {rss}")
PY
