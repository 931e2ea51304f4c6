"""Benchmark: forward time of our text encoder, UNet and VAE decoder against the reference modules.

Run: ``.venv/bin/python tools/bench_networks.py [--full] [--device cuda] [--dtype float16]``.
Each network is built once by the reference library with random weights and converted with
``course.io.loading.from_reference``, so both compute on the same weights and inputs. Runs are
interleaved in ABBA order (ours, theirs, theirs, ours, ...) after a warm-up, and the median of each is
reported with the ratio ours / theirs (below 1.00: ours is faster).
"""
from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course.config import TextEncoderConfig  # noqa: E402
from course.io.loading import from_reference  # noqa: E402


def reference_networks(full: bool, vocab_size: int = 1000):
    """The reference CLIPTextModel, UNet2DConditionModel and AutoencoderKL, random weights (seed 0): SD 1.5's
    sizes with ``full``, else tiny ones (``vocab_size`` tokens: 49408 takes the real CLIP tokenizer)."""
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel

    torch.manual_seed(0)
    if full:
        return (CLIPTextModel(CLIPTextConfig(**dataclasses.asdict(TextEncoderConfig.sd15()))),
                UNet2DConditionModel(cross_attention_dim=768, sample_size=64),
                AutoencoderKL(block_out_channels=(128, 256, 512, 512), layers_per_block=2,
                              down_block_types=["DownEncoderBlock2D"] * 4, up_block_types=["UpDecoderBlock2D"] * 4))
    return (CLIPTextModel(CLIPTextConfig(vocab_size=vocab_size, hidden_size=32, intermediate_size=37,
                                         num_hidden_layers=5, num_attention_heads=4, eos_token_id=2)),
            UNet2DConditionModel(block_out_channels=(32, 64), down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                                 up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), cross_attention_dim=32),
            AutoencoderKL(block_out_channels=(32, 64), down_block_types=["DownEncoderBlock2D"] * 2,
                          up_block_types=["UpDecoderBlock2D"] * 2))


def build(full: bool, device: torch.device, dtype: torch.dtype):
    """(name, reference module, our module, reference call, our call) for each network."""
    clip, unet, vae = reference_networks(full)
    width, latent, vocab = (768, 32, 49408) if full else (32, 16, 1000)
    ids = torch.randint(0, vocab, (2, 77), device=device)
    x, context, z = (torch.randn(*shape).to(device, dtype) for shape in
                     [(2, 4, latent, latent), (2, 77, width), (1, 4, latent, latent)])
    networks = [
        ("text encoder", clip, lambda m: m(ids).last_hidden_state, lambda m: m(ids)),
        (f"UNet, 2×4×{latent}×{latent}", unet, lambda m: m(x, 500, context).sample, lambda m: m(x, 500, context)),
        (f"VAE decode, 1×4×{latent}×{latent}", vae, lambda m: m.decode(z).sample, lambda m: m.decode(z)),
    ]
    return [(name, ref.eval().to(device, dtype), from_reference(ref).to(device, dtype), run_ref, run_ours)
            for name, ref, run_ref, run_ours in networks]


def timed(fn, sync) -> float:
    sync()
    start = time.perf_counter()
    fn()
    sync()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="SD 1.5 sizes (random weights) instead of tiny")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--dtype", default="float32", choices=["float32", "float16", "bfloat16"])
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    device, dtype = torch.device(args.device), getattr(torch, args.dtype)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    print(f"{'tiny' if not args.full else 'SD 1.5 size'}, {device}, {args.dtype}, median of {args.repeats} interleaved runs")
    print(f"{'network':<28} {'ours ms':>9} {'reference ms':>13} {'ratio':>7} {'max |Δ|':>9}")
    for name, reference, ours, run_ref, run_ours in build(args.full, device, dtype):
        with torch.no_grad():
            diff = (run_ours(ours).float() - run_ref(reference).float()).abs().max().item()
            for _ in range(2):  # warm-up
                run_ours(ours), run_ref(reference)
            t_ours, t_ref = [], []
            for i in range(args.repeats):  # ABBA order: whoever runs second in a pair has no systematic edge
                pair = [(t_ours, lambda: run_ours(ours)), (t_ref, lambda: run_ref(reference))]
                for times, run in pair if i % 2 == 0 else pair[::-1]:
                    times.append(timed(run, sync))
        mo, mr = statistics.median(t_ours) * 1e3, statistics.median(t_ref) * 1e3
        print(f"{name:<28} {mo:9.2f} {mr:13.2f} {mo / mr:7.2f} {diff:9.1e}")


if __name__ == "__main__":
    main()
