#!/usr/bin/env python3
"""PyTorch's side of bench/peer/inference.sh: rebuilds babble's exported network (DIR/model.onnx) layer by layer as
torch modules with the same weights, checks that it gives babble's scores for the same features, then prints the best
of its rounds at batch 1 and batch 100, and a 2048^2 float matrix multiply (the reference rate). Benchmark only: PyTorch is never a babble dependency.
Usage: torch_inference.py DIR [rounds] [threads]"""
import sys
import time

import numpy as np
import onnx
import torch
from onnx import numpy_helper

directory = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
threads = int(sys.argv[3]) if len(sys.argv) > 3 else torch.get_num_threads()
torch.set_num_threads(threads)

model = onnx.load(f"{directory}/model.onnx")
weights = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in model.graph.initializer}


def attribute(node, name):
    return next(list(a.ints) if a.ints else a.i for a in node.attribute if a.name == name)


class Network(torch.nn.Module):
    """The ONNX graph's operators in order: Transpose, (Conv, Relu)*, global pool, Flatten, Gemm, Softmax."""

    def __init__(self):
        super().__init__()
        self.steps = []
        self.convs = torch.nn.ModuleList()
        for node in model.graph.node:
            if node.op_type == "Conv":
                w, b = weights[node.input[1]], weights[node.input[2]]
                conv = torch.nn.Conv1d(w.shape[1], w.shape[0], w.shape[2], stride=attribute(node, "strides")[0])
                conv.weight.data, conv.bias.data = w, b
                self.convs.append(conv)
                self.steps.append(("conv", len(self.convs) - 1, attribute(node, "pads")))
            elif node.op_type in ("Relu", "GlobalMaxPool", "GlobalAveragePool", "Softmax", "Transpose"):
                self.steps.append((node.op_type, None, None))
            elif node.op_type == "Gemm":
                self.dense = torch.nn.Linear(*weights[node.input[1]].shape)
                self.dense.weight.data = weights[node.input[1]].t().contiguous()
                self.dense.bias.data = weights[node.input[2]]
                self.steps.append(("Gemm", None, None))

    def forward(self, x):
        for op, index, pads in self.steps:
            if op == "Transpose":
                x = x.transpose(1, 2)
            elif op == "conv":
                x = self.convs[index](torch.nn.functional.pad(x, pads))
            elif op == "Relu":
                x = torch.relu(x)
            elif op == "GlobalMaxPool":
                x = x.amax(dim=2)
            elif op == "GlobalAveragePool":
                x = x.mean(dim=2)
            elif op == "Gemm":
                x = self.dense(x)
            elif op == "Softmax":
                x = torch.softmax(x, dim=1)
        return x


def timed(work):
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


batch, frames, bins, labels, _ = map(int, open(f"{directory}/shape.txt").read().split())
features = torch.from_numpy(np.fromfile(f"{directory}/features.f32", dtype="<f4").reshape(batch, frames, bins))
expected = np.fromfile(f"{directory}/scores.f32", dtype="<f4").reshape(batch, labels)
network = Network().eval()
with torch.inference_mode():
    gap = float(np.abs(network(features).numpy() - expected).max())
    if gap > 1e-4:
        sys.exit(f"the rebuilt network differs from babble's by {gap}: not the same network")
    one = features[:1].contiguous()
    best1 = best100 = float("inf")
    for r in range(rounds + 1):  # the first round warms up and is not counted
        start = time.perf_counter()
        for _ in range(2000):
            network(one)
        ms1 = (time.perf_counter() - start) * 1e3 / 2000
        start = time.perf_counter()
        for _ in range(20):
            network(features)
        ms100 = (time.perf_counter() - start) * 1e3 / 20
        if r > 0:
            best1, best100 = min(best1, ms1), min(best100, ms100)
print(f"pytorch batch1_ms {best1:.4f} batch100_ms {best100:.3f} threads {threads} max_gap {gap:.2e}")
# the machine's reference rate: a 2048x2048 by 2048x2048 float multiply (OpenBLAS sgemm), best of 8
n = 2048
a, b = torch.rand(n, n), torch.rand(n, n)
torch.mm(a, b)
best = min(timed(lambda: torch.mm(a, b)) for _ in range(8))
print(f"sgemm pytorch {2 * n ** 3 / best / 1e9:.1f} threads {threads}")
