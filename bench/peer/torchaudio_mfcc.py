#!/usr/bin/env python3
"""torchaudio's side of bench/peer/mfcc.sh: torchaudio.transforms.MFCC set as close to babble's default MFCC at
22050 Hz as its options allow, over the hour of audio babble's PeerMfcc featurises (DIR/clips.f32: 100 clips of 1 s,
each taken 36 times), one clip a call and in batches of 10 and 100 clips; the first round warms up. Prints the best
round of each, then checks its features of the first clip against babble's (DIR/babble-first.f32): same shape, how
close, and how close once babble's filterbank and DCT scale are put into the same module (what is left is rounding:
babble's FFT is double precision, torch's float).
Benchmark only: torchaudio is never a babble dependency. Usage: torchaudio_mfcc.py DIR [rounds] [threads]

babble's defaults (FeatureSettings.defaults(22050, 1000), TF's speech_commands) and how they are set here:
  window 30 ms = 661 samples, hop 10 ms = 220, FFT 1024, periodic Hann  win_length, hop_length, n_fft, hann_window
  frames only where a whole window fits, the window at the frame's start  center=False, and the input padded (below)
  magnitudes (not power) into 40 triangles, mel 1127 ln(1 + f/700), 20-4000 Hz  power=1.0, mel_scale="htk",
                                                                         norm=None (peak 1, no area scaling)
  natural log floored at 1e-12                                          log_mels=True: log(x + 1e-6)
  DCT-II scaled by sqrt(2/40), coefficient 0 too; 40 coefficients      norm="ortho" (coefficient 0 by sqrt(1/40))
What cannot be matched: TF's triangles are linear in mel and skip the bins below int(1.5 + 20 Hz / bin width) (DC and
21.5 Hz), torchaudio's are linear in Hz between the same mel points; the log's floor becomes an offset; the DCT's
coefficient 0 is smaller by sqrt(2).
"""
import sys
import time

import numpy as np
import torch
import torchaudio
from torch.nn import functional

directory = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 1
torch.set_num_threads(threads)

RATE, CLIPS, PASSES = 22050, 100, 36
# one clip a call (babble's way), and batches: 10 is near torchaudio's best on a small machine; at 100 a batch's
# spectra (100 x 513 x 98 complex, 40 MB) leave the cache and it runs about 3 times slower
BATCHES = (1, 10, 100)
WINDOW, HOP = int(round(RATE * 30) // 1000), int(round(RATE * 10) // 1000)  # TF's int(rate * ms / 1000): 661, 220
N_FFT = 1 << (WINDOW - 1).bit_length()  # 1024
CHANNELS, COEFFICIENTS, LOWER, UPPER = 40, 40, 20.0, 4000.0
# torch.stft centres a shorter window in the FFT frame (181 zeros before it): 181 zeros before the clip put frame t's
# window on samples [220 t, 220 t + 661), as TF's, and 182 after give TF's 1 + (22050 - 661) // 220 = 98 frames
PAD = ((N_FFT - WINDOW) // 2, N_FFT - WINDOW - (N_FFT - WINDOW) // 2)
FRAMES = 1 + (RATE - WINDOW) // HOP

mfcc = torchaudio.transforms.MFCC(
    sample_rate=RATE,
    n_mfcc=COEFFICIENTS,
    dct_type=2,
    norm="ortho",
    log_mels=True,
    melkwargs=dict(n_fft=N_FFT, win_length=WINDOW, hop_length=HOP, f_min=LOWER, f_max=UPPER, n_mels=CHANNELS,
                   window_fn=torch.hann_window, power=1.0, center=False, norm=None, mel_scale="htk"))


def features(batch):
    """[clips, frames, coefficients], frames first as babble's (a transposed view of torchaudio's output)."""
    return mfcc(functional.pad(batch, PAD)).transpose(-1, -2)


def tf_filterbank(bins):
    """[bin, channel]: TF's MfccMelFilterbank as core/src/test/python/mfcc_reference.py writes it (mel_matrix)."""
    mel = lambda hz: 1127.0 * np.log1p(np.asarray(hz, dtype=np.float64) / 700.0)
    points = mel(LOWER) + (mel(UPPER) - mel(LOWER)) * np.arange(CHANNELS + 2) / (CHANNELS + 1)
    hz_per_bin = 0.5 * RATE / (bins - 1)
    start, end = int(1.5 + LOWER / hz_per_bin), min(int(UPPER / hz_per_bin), bins - 1)
    m = mel(np.arange(bins) * hz_per_bin)
    weights = np.zeros((CHANNELS, bins))
    for c in range(CHANNELS):
        rising = (m - points[c]) / (points[c + 1] - points[c])
        falling = (points[c + 2] - m) / (points[c + 2] - points[c + 1])
        weights[c] = np.clip(np.minimum(rising, falling), 0, None)
    weights[:, :start] = 0
    weights[:, end + 1:] = 0
    return torch.from_numpy(weights.T.astype(np.float32))


clips = torch.from_numpy(np.fromfile(f"{directory}/clips.f32", dtype="<f4").reshape(CLIPS, RATE))
babble = np.fromfile(f"{directory}/babble-first.f32", dtype="<f4").reshape(FRAMES, COEFFICIENTS)

with torch.inference_mode():
    best = {batch: float("inf") for batch in BATCHES}
    best_cpu = dict(best)
    for r in range(rounds + 1):  # the first round warms up and is not counted
        for batch in BATCHES:
            start, start_cpu = time.perf_counter(), time.process_time()
            for _ in range(PASSES):
                for b in range(0, CLIPS, batch):
                    features(clips[b:b + batch])
            wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
            if r > 0:
                best[batch], best_cpu[batch] = min(best[batch], wall), min(best_cpu[batch], cpu)
    for batch in BATCHES:
        print(f"torchaudio batch{batch} seconds {best[batch]:.4f} cpu_seconds {best_cpu[batch]:.4f} "
              f"frames {CLIPS * PASSES * FRAMES}")

    # the same work? torchaudio's first clip against babble's, as computed, then with coefficient 0 scaled by sqrt(2)
    # (TF's DCT scale), then with babble's filterbank too: the rest (framing, window, FFT, log, DCT) should then agree
    ours = features(clips[:1])[0].numpy().astype(np.float64)
    if ours.shape != babble.shape:
        sys.exit(f"torchaudio gives {ours.shape[0]}x{ours.shape[1]}, babble {babble.shape[0]}x{babble.shape[1]}")

    def closeness(name, x):
        y = babble.astype(np.float64)
        gap = np.abs(x - y)
        rest = np.corrcoef(x[:, 1:].ravel(), y[:, 1:].ravel())[0, 1]
        print(f"check {name} shape {x.shape[0]}x{x.shape[1]} corr {np.corrcoef(x.ravel(), y.ravel())[0, 1]:.6f} "
              f"corr_c1up {rest:.6f} max_abs {gap.max():.3g} max_abs_c1up {gap[:, 1:].max():.3g} "
              f"max_rel {gap.max() / np.abs(y).max():.3g}")

    closeness("as_is", ours)
    ours[:, 0] *= np.sqrt(2.0)
    closeness("c0_scaled", ours)
    fb = mfcc.MelSpectrogram.mel_scale.fb
    fb.copy_(tf_filterbank(fb.shape[0]))
    mfcc.dct_mat[:, 0] *= np.sqrt(2.0)
    closeness("tf_filterbank", features(clips[:1])[0].numpy().astype(np.float64))
