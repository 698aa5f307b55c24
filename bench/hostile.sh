#!/usr/bin/env bash
# The hostile inputs of issue 16, run through ./babble as a user would: each must give one line on stderr and exit 1
# within 2 s and 300 MB peak RSS. Prints per case: exit code, stderr lines, seconds, peak RSS and PASS/FAIL.
# The model variants are made from the committed reference model, the checkpoints are the fuzz seeds.
# Usage: bench/hostile.sh   (builds the jar first if needed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./babble --version >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
model=core/src/test/resources/org/babble/core/model/frozen/reference-v1.babble
ckpts=core/src/test/resources/org/babble/core/model/CheckpointFuzzTestInputs/loadsOrRefuses
python3 - "$work" "$model" <<'PY'
import json, struct, sys, zipfile, io
work, model = sys.argv[1], sys.argv[2]
def wav(name, rate):
    open(f"{work}/{name}", "wb").write(b"RIFF" + struct.pack("<I", 36) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1,
        rate, 0, 2, 16) + b"data" + struct.pack("<I", 0))
wav("rate-2147483647.wav", 0x7FFFFFFF); wav("rate-1.wav", 1); wav("rate-2.wav", 2)
samples = b"".join(struct.pack("<h", (i * 37) % 2000 - 1000) for i in range(8000))
open(f"{work}/good.wav", "wb").write(b"RIFF" + struct.pack("<I", 36 + len(samples)) + b"WAVEfmt " + struct.pack("<IHHIIHH",
    16, 1, 1, 8000, 16000, 2, 16) + b"data" + struct.pack("<I", len(samples)) + samples)
entries = {i.filename: zipfile.ZipFile(model).read(i) for i in zipfile.ZipFile(model).infolist()}
def variant(name, change):
    e = dict(entries); change(e)
    with zipfile.ZipFile(f"{work}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in e.items(): z.writestr(k, v)
def setting(field, value, extra=None):
    def change(e):
        doc = json.loads(e["babble-model.json"]); fs = doc["metadata"]["featureSettings"]; fs[field] = value
        if extra: fs.update(extra)
        e["babble-model.json"] = json.dumps(doc).encode()
    return change
variant("clip-2e9.babble", setting("clipDurationMs", 2000000000))
variant("bins-16777216.babble", setting("featureBinCount", 16777216))
variant("mel-2e9.babble", setting("melChannels", 2000000000))
variant("rate-2e9.babble", setting("sampleRate", 2000000000))
variant("overflow.babble", setting("clipDurationMs", 100000000, {"windowStrideMs": 0.0625}))
def lying_weights(e):
    inner = zipfile.ZipFile(io.BytesIO(e["network.dl4j.zip"]))
    parts = {i.filename: inner.read(i) for i in inner.infolist()}
    w = bytearray(parts["coefficients.bin"]); at = w.index(b"\x00\x05FLOAT") - 8
    w[at:at + 8] = struct.pack(">q", 2**31 - 1); parts["coefficients.bin"] = bytes(w)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for k, v in parts.items(): z.writestr(k, v)
    e["network.dl4j.zip"] = out.getvalue()
variant("weights-2g.babble", lying_weights)
PY
cases=(
  "wav rate 2147483647 Hz|classify --model $model $work/rate-2147483647.wav"
  "wav rate 1 Hz|classify --model $model $work/rate-1.wav"
  "wav rate 2 Hz|classify --model $model $work/rate-2.wav"
  "wav rate 2147483647 Hz, clean|clean $work/rate-2147483647.wav --out $work/out"
  "model clipDurationMs=2e9|info --model $work/clip-2e9.babble"
  "model featureBinCount=2^24|classify --model $work/bins-16777216.babble $work/good.wav"
  "model melChannels=2e9|info --model $work/mel-2e9.babble"
  "model sampleRate=2e9|info --model $work/rate-2e9.babble"
  "model clip 1e8 ms, stride 1/16|info --model $work/overflow.babble"
  "model weights claim 2^31-1|info --model $work/weights-2g.babble"
  "checkpoint preprocessor.bin|freeze --start-checkpoint $ckpts/serialized-preprocessor --output-file $work/m.babble"
  "checkpoint array header 2^31|freeze --start-checkpoint $ckpts/array-header-2g --output-file $work/m.babble"
)
printf '%-34s %4s %6s %8s %8s  %s\n' case exit lines seconds rss_mb verdict
failed=0
for c in "${cases[@]}"; do
  name="${c%%|*}"
  read -r -a args <<<"${c#*|}"
  set +e
  /usr/bin/time -o "$work/time" -f '%e %M' ./babble "${args[@]}" >/dev/null 2>"$work/err"
  code=$?
  set -e
  read -r seconds kb < <(tail -1 "$work/time")
  lines=$(wc -l <"$work/err")
  rss=$((kb / 1024))
  verdict=PASS
  if [ "$code" -ne 1 ] || [ "$lines" -ne 1 ] || awk "BEGIN{exit !($seconds > 2)}" || [ "$rss" -gt 300 ]; then
    verdict=FAIL; failed=1
  fi
  printf '%-34s %4s %6s %8s %8s  %s\n' "$name" "$code" "$lines" "$seconds" "$rss" "$verdict"
  [ "$verdict" = PASS ] || sed 's/^/    /' "$work/err" | head -3
done
exit "$failed"
