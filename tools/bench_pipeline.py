"""Benchmark: our text_to_image against diffusers' StableDiffusionPipeline on the same parts, sampler and steps.

Run: ``.venv/bin/python tools/bench_pipeline.py [--full] [--size 256] [--steps 2] [--device cuda] [--dtype float16]
[--compile [MODE]]``.
The pipeline is built by diffusers with random weights (tiny, or SD 1.5's sizes with ``--full``) and converted with
``course.io.loading.from_reference``, so both run the same computation: prompt and negative prompt, CFG, the sampler
loop and the VAE decode, returning a tensor. Runs are interleaved in ABBA order after a warm-up; the median of each
is reported with the ratio ours / diffusers (below 1.00: ours is faster) and the max |Δ| of the images.
``--compile`` runs our UNet and VAE decoder through ``torch.compile`` (``course.pipeline.compile_parts``); the first
call, which compiles, is timed apart ("first s"), diffusers stays eager.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_networks import reference_networks  # noqa: E402

from course.io.loading import from_reference  # noqa: E402
from course.pipeline import compile_parts, text_to_image  # noqa: E402
from course.sampling.samplers import SAMPLERS  # noqa: E402
from course.text.tokenizer import load_clip_tokenizer  # noqa: E402

SD15_SCHEDULER = dict(num_train_timesteps=1000, beta_start=0.00085, beta_end=0.012, beta_schedule="scaled_linear",
                      steps_offset=1, set_alpha_to_one=False, skip_prk_steps=True, clip_sample=False)


def build(full: bool):
    import diffusers
    from diffusers import PNDMScheduler, StableDiffusionPipeline
    from transformers import CLIPTokenizer as HFCLIPTokenizer

    clip, unet, vae = reference_networks(full, vocab_size=49408)
    tok = load_clip_tokenizer()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = StableDiffusionPipeline(vae=vae.eval(), text_encoder=clip.eval(),
                                       tokenizer=HFCLIPTokenizer(vocab=tok.encoder, merges=tok.merges, model_max_length=77),
                                       unet=unet.eval(), scheduler=PNDMScheduler.from_config(SD15_SCHEDULER),
                                       safety_checker=None, feature_extractor=None, requires_safety_checker=False)
    pipe.set_progress_bar_config(disable=True)
    return pipe, diffusers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="SD 1.5 sizes (random weights) instead of tiny")
    parser.add_argument("--size", type=int, default=None, help="image side in pixels (default: 64 tiny, 256 full)")
    parser.add_argument("--steps", type=int, default=None, help="sampling steps (default: 20 tiny, 2 full)")
    parser.add_argument("--samplers", default="euler,dpmpp_2m_karras")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--dtype", default="float32", choices=["float32", "float16", "bfloat16"])
    parser.add_argument("--repeats", type=int, default=None, help="timed runs of each (default: 10 tiny, 3 full)")
    parser.add_argument("--compile", nargs="?", const="default", default=None, metavar="MODE",
                        help="torch.compile our UNet and VAE decoder (mode: default, reduce-overhead, max-autotune)")
    args = parser.parse_args()
    size = args.size or (256 if args.full else 64)
    steps = args.steps or (2 if args.full else 20)
    repeats = args.repeats or (3 if args.full else 10)
    device, dtype = torch.device(args.device), getattr(torch, args.dtype)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    pipe, diffusers = build(args.full)
    if device.type != "cpu" or dtype != torch.float32:
        pipe = pipe.to(device, dtype)
    parts = from_reference(pipe)
    if args.compile:
        parts = compile_parts(parts, mode=args.compile)
    base = dict(pipe.scheduler.config)
    prompt, negative = "a photo of an astronaut riding a horse", "blurry, low quality"
    print(f"{'SD 1.5 size' if args.full else 'tiny'}, {size}×{size}, {steps} steps, CFG 7.5, {device}, {args.dtype}, "
          f"median of {repeats} interleaved runs, torch {torch.__version__}, {torch.get_num_threads()} threads"
          + (f", ours compiled ({args.compile})" if args.compile else ""))
    print(f"{'sampler':<18} {'first s':>8} {'ours s':>9} {'diffusers s':>12} {'ratio':>7} {'max |Δ| image':>14}")
    for key in args.samplers.split(","):
        info = SAMPLERS[key]
        pipe.scheduler = getattr(diffusers, info.diffusers).from_config(base, **info.diffusers_options)

        def ours():
            return text_to_image(parts, prompt, negative_prompt=negative, steps=steps, sampler=key, seed=0,
                                 height=size, width=size, output_type="pt", progress=False)

        def theirs():
            with torch.no_grad():
                return pipe(prompt, negative_prompt=negative, num_inference_steps=steps, height=size, width=size,
                            generator=torch.Generator().manual_seed(0), output_type="pt").images

        sync()
        start = time.perf_counter()
        first = ours()  # the warm-up; with --compile, the compilation too
        sync()
        first_s = time.perf_counter() - start
        diff = (first.float() - theirs().float()).abs().max().item()
        times = {ours: [], theirs: []}
        for i in range(repeats):  # ABBA: whoever runs second in a pair has no systematic edge
            for fn in (ours, theirs) if i % 2 == 0 else (theirs, ours):
                sync()
                start = time.perf_counter()
                fn()
                sync()
                times[fn].append(time.perf_counter() - start)
        mo, mt = statistics.median(times[ours]), statistics.median(times[theirs])
        print(f"{key:<18} {first_s:8.2f} {mo:9.3f} {mt:12.3f} {mo / mt:7.2f} {diff:14.1e}")


if __name__ == "__main__":
    main()
