#!/usr/bin/env python3
"""Reference for the autoencoder step benchmark: the classic deepfake autoencoder in PyTorch.

The same network, loss, optimizer and step as the autoencoder plugin (one shared encoder, decoders A
and B, MAE, one Adam per autoencoder with lr 5e-5, betas 0.5/0.999), timed per training step (A then B)
on random 64x64 batches, with the median forward, backward and optimizer time of one side. Run by
AutoencoderStepBenchmark with the same batch size and thread count; usable alone:
python3 bench/autoencoder_step.py --batch 8 --threads 2 --steps 10 [--device cuda].
"""
import argparse
import statistics
import time

import torch
from torch import nn


def conv(cin, cout, kernel, stride=1):
    return nn.Conv2d(cin, cout, kernel, stride=stride, padding=kernel // 2)


class Upsample(nn.Module):
    def forward(self, x):
        return nn.functional.interpolate(x, scale_factor=2, mode="nearest")


class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.view(x.shape[0], *self.shape)


def encoder():
    layers, cin = [], 3
    for filters in (128, 256, 512, 1024):
        layers += [conv(cin, filters, 5, 2), nn.LeakyReLU(0.1)]
        cin = filters
    layers += [nn.Flatten(), nn.Linear(4 * 4 * 1024, 1024), nn.Linear(1024, 4 * 4 * 1024), Reshape(1024, 4, 4),
               Upsample(), conv(1024, 512, 3), nn.LeakyReLU(0.1)]
    return nn.Sequential(*layers)


def decoder():
    layers, cin = [], 512
    for filters in (256, 128, 64):
        layers += [Upsample(), conv(cin, filters, 3), nn.LeakyReLU(0.1)]
        cin = filters
    layers += [conv(cin, 3, 5), nn.Sigmoid()]
    return nn.Sequential(*layers)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--device", default="cpu", help="cpu or cuda (bench/gpu-check.sh)")
    args = parser.parse_args()
    device = torch.device(args.device)
    # On a GPU the kernels run asynchronously: wait for them before reading the clock.
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    shared = encoder()
    decoder_a, decoder_b = decoder(), decoder()
    sides = []
    for dec in (decoder_a, decoder_b):
        model = nn.Sequential(shared, dec).to(device)
        optimizer = torch.optim.Adam(model.parameters(), lr=5e-5, betas=(0.5, 0.999), eps=1e-7)
        sides.append((model, optimizer))
    count = sum(p.numel() for p in shared.parameters()) + sum(p.numel() for p in decoder_a.parameters()) * 2
    warped = torch.rand(args.batch, 3, 64, 64, device=device)
    target = torch.rand(args.batch, 3, 64, 64, device=device)
    times = []
    phases = {"forward": [], "backward": [], "optimizer": []}
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        for model, optimizer in sides:
            optimizer.zero_grad()
            begin = time.perf_counter()
            loss = (model(warped) - target).abs().mean()
            loss.item()
            forward = time.perf_counter()
            loss.backward()
            sync()
            backward = time.perf_counter()
            optimizer.step()
            sync()
            if step >= args.warmup:
                phases["forward"].append(forward - begin)
                phases["backward"].append(backward - forward)
                phases["optimizer"].append(time.perf_counter() - backward)
        if step >= args.warmup:
            times.append(time.perf_counter() - start)
    per_side = " ".join(f"{name}_ms {statistics.median(values) * 1000:.1f}" for name, values in phases.items())
    print(f"torch {torch.__version__} device {args.device} parameters {count} batch {args.batch} threads {args.threads} "
          f"median_step_ms {statistics.median(times) * 1000:.1f} min_step_ms {min(times) * 1000:.1f} per side: {per_side}")


if __name__ == "__main__":
    main()
