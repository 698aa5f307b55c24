#!/usr/bin/env python3
"""PyTorch's side of bench/peer/train-step.sh: the networks babble's PeerTrainStep trains, rebuilt as torch modules
(the default tc_resnet over bins-as-channels and TF's conv), each timed over training steps (forward, backward, Adam at
1e-3) at batch 100 on random features and labels, in turns, round after round; the first round warms up. Prints, per
network, the best round's mean step time and its forward multiply-adds per clip (counted from the modules, to check
that it is babble's network), then a 2048^2 float matrix multiply (the reference rate). Benchmark only: PyTorch is
never a babble dependency. Usage: torch_train_step.py [rounds] [threads]"""
import sys
import time
import warnings

import torch
from torch import nn
from torch.nn import functional

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
threads = int(sys.argv[2]) if len(sys.argv) > 2 else torch.get_num_threads()
torch.set_num_threads(threads)
torch.manual_seed(7)
# "same" padding of an even kernel pads a copy of the input: a known cost of this network in PyTorch, not a problem
warnings.filterwarnings("ignore", message="Using padding='same'")
BATCH, FRAMES, BINS, LABELS = 100, 98, 40, 6


class TcResnet(nn.Module):
    """babble's TcResnetDesign: per stage a bias-free temporal conv with DL4J's "Same" padding (the odd frame after),
    batch norm (eps 1e-5, DL4J's decay 0.9 is momentum 0.1) and ReLU; then the mean over time, dropout, dense."""

    STAGES = ((5, 2, 64), (9, 2, 96), (9, 2, 128))

    def __init__(self):
        super().__init__()
        self.convs, self.norms, self.pads = nn.ModuleList(), nn.ModuleList(), []
        channels, frames = BINS, FRAMES
        for kernel, stride, out in self.STAGES:
            self.convs.append(nn.Conv1d(channels, out, kernel, stride=stride, bias=False))
            self.norms.append(nn.BatchNorm1d(out, eps=1e-5, momentum=0.1))
            after = -(-frames // stride)
            total = max(0, (after - 1) * stride + kernel - frames)
            self.pads.append((total // 2, total - total // 2))
            channels, frames = out, after
        self.dropout = nn.Dropout(0.5)
        self.dense = nn.Linear(channels, LABELS)

    def forward(self, x):  # x: [batch, bins, frames]
        for conv, norm, pad in zip(self.convs, self.norms, self.pads):
            x = torch.relu(norm(conv(functional.pad(x, pad))))
        return self.dense(self.dropout(x.mean(dim=2)))


class TfConv(nn.Module):
    """TF speech_commands' conv as babble's TfConv builds it: 20x8 and 10x4 convs of 64 filters ("same", with bias),
    each followed by ReLU and dropout, a 2x2 max-pool between them, then one dense layer."""

    def __init__(self):
        super().__init__()
        self.first = nn.Conv2d(1, 64, (20, 8), padding="same")
        self.second = nn.Conv2d(64, 64, (10, 4), padding="same")
        self.dropout = nn.Dropout(0.5)
        self.dense = nn.Linear(64 * (FRAMES // 2) * (BINS // 2), LABELS)

    def forward(self, x):  # x: [batch, 1, frames, bins]
        x = functional.max_pool2d(self.dropout(torch.relu(self.first(x))), 2)
        x = self.dropout(torch.relu(self.second(x)))
        return self.dense(x.flatten(1))


def multiply_adds(network, x):
    """Forward multiply-adds of one clip through the network's convolutions and dense layers."""
    total = 0

    def count(module, _, output):
        nonlocal total
        if isinstance(module, (nn.Conv1d, nn.Conv2d)):
            total += output[0].numel() * module.weight[0].numel()
        elif isinstance(module, nn.Linear):
            total += module.weight.numel()

    hooks = [m.register_forward_hook(count) for m in network.modules()]
    with torch.no_grad():
        network(x[:1])
    for hook in hooks:
        hook.remove()
    return total


# name, network, input, steps per round (as PeerTrainStep's: conv costs about sixty times the default's multiply-adds)
work = [
    ("tc_resnet", TcResnet(), torch.randn(BATCH, BINS, FRAMES), 10),
    ("conv", TfConv(), torch.randn(BATCH, 1, FRAMES, BINS), 1),
]
labels = torch.randint(LABELS, (BATCH,))
optimizers = [torch.optim.Adam(network.parameters(), lr=1e-3) for _, network, _, _ in work]
best = [float("inf")] * len(work)
for r in range(rounds + 1):  # the first round warms up and is not counted
    for i, (_, network, x, steps) in enumerate(work):
        network.train()
        start = time.perf_counter()
        for _ in range(steps):
            optimizers[i].zero_grad()
            functional.cross_entropy(network(x), labels).backward()
            optimizers[i].step()
        ms = (time.perf_counter() - start) * 1e3 / steps
        if r > 0:
            best[i] = min(best[i], ms)
for (name, network, x, _), ms in zip(work, best):
    print(f"pytorch {name} step_ms {ms:.2f} threads {threads} macs {multiply_adds(network, x)}")
# the machine's reference rate: a 2048x2048 by 2048x2048 float multiply (OpenBLAS sgemm), best of 8
n = 2048
a, b = torch.rand(n, n), torch.rand(n, n)
torch.mm(a, b)
times = []
for _ in range(8):
    start = time.perf_counter()
    torch.mm(a, b)
    times.append(time.perf_counter() - start)
print(f"sgemm pytorch {2 * n ** 3 / min(times) / 1e9:.1f} threads {threads}")
