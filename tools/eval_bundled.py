"""Evaluate the bundled model: does it draw what the prompt says? Prints a markdown table.

Run: ``.venv/bin/python tools/eval_bundled.py [--n 200] [--cfg 1,4] [--model course/bundled]``.
Prompts come from held-out (colour, shape, background) triples the model never saw together in training
(``course.training.data.heldout_prompts``, positions balanced); each image is read back with the analytic checker
(``course.training.data.read``: no neural network) and scored for colour, shape, background, position, and "all"
(colour + shape + background). Also times one image at the default steps, unbatched, and sums the weights.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course.io.loading import load_bundled, load_folder  # noqa: E402
from course.pipeline import text_to_image  # noqa: E402
from course.training import data  # noqa: E402


def adherence(parts, n: int, cfg: float, sampler=None, steps=None, batch: int = 50, seed: int = 0) -> dict:
    prompts = data.heldout_prompts(n, seed=seed)
    images = []
    for start in range(0, n, batch):
        chunk = [p for p, _ in prompts[start:start + batch]]
        images.append(text_to_image(parts, chunk, guidance_scale=cfg, sampler=sampler, steps=steps, seed=seed + start,
                                    output_type="pt", progress=False))
    return data.evaluate(torch.cat(images), [spec for _, spec in prompts])


def choose_cfg(parts, scales, sampler, steps, n: int = 300) -> dict:
    """Adherence on prompts of TRAINING triples for each scale: the model's CFG is picked here, not on the held-out
    prompts the table reports (picking it there would flatter the table)."""
    rng = np.random.default_rng(12345)
    specs = [data.sample_spec(rng) for _ in range(n)]
    rows = {}
    for cfg in scales:
        images = torch.cat([text_to_image(parts, [data.prompt(s) for s in specs[i:i + 50]], sampler=sampler,
                                          steps=steps, guidance_scale=cfg, seed=1000 + i, output_type="pt",
                                          progress=False) for i in range(0, n, 50)])
        rows[f"CFG {cfg:g}"] = data.evaluate(images, specs)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="a model folder (default: the bundled model)")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--cfg", default=None, help="guidance scales, comma-separated (default: 1 and the model's)")
    parser.add_argument("--sampler", default=None)
    parser.add_argument("--steps", type=int, default=None)
    parser.add_argument("--write", action="store_true", help="put the results in the model's card (README.md)")
    parser.add_argument("--choose-cfg", default=None, metavar="SCALES",
                        help="instead: adherence on 300 prompts of training triples at these comma-separated scales")
    args = parser.parse_args()
    parts = load_folder(args.model) if args.model else load_bundled()  # a trained folder's defaults too
    d = parts.defaults
    if args.choose_cfg:
        scales = [float(c) for c in args.choose_cfg.split(",")]
        print("300 prompts of training triples (for choosing the CFG):")
        print(data.format_table(choose_cfg(parts, scales, args.sampler or d.get("sampler", "euler"),
                                           args.steps or d.get("steps", 20))))
        return
    scales = [float(c) for c in args.cfg.split(",")] if args.cfg else sorted({1.0, float(d.get("guidance_scale", 7.5))})
    sampler, steps = args.sampler or d.get("sampler", "euler"), args.steps or d.get("steps", 20)
    print(f"{args.n} held-out prompts, {sampler}, {steps} steps, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads")
    rows = {}
    for cfg in scales:
        start = time.perf_counter()
        rows[f"CFG {cfg:g}"] = adherence(parts, args.n, cfg, sampler, steps)
        print(f"CFG {cfg:g}: {time.perf_counter() - start:.1f} s for {args.n} images (batches of 50)")
    table = data.format_table(rows)
    print(table)
    one = []
    for i in range(5):  # one image, not batched
        start = time.perf_counter()
        text_to_image(parts, "a red circle in the top left on a blue background", seed=i, progress=False)
        one.append(time.perf_counter() - start)
    print(f"one image, {steps} steps, CFG {d.get('guidance_scale', 7.5)}: median {statistics.median(one):.3f} s "
          f"of 5 (min {min(one):.3f} s)")
    folder = Path(args.model) if args.model else Path(data.__file__).parent / "bundled"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"model folder {folder}: {size / 1e6:.1f} MB on disk")
    if args.write:
        from course.training.bundled import write_card

        info = json.loads((folder / "bundled.json").read_text())
        info["evaluation"] = (f"{args.n} prompts from the held-out triples (positions balanced), {sampler}, {steps} "
                              f"steps, read back by the analytic checker (course.training.data.read); \"all\" = colour, shape "
                              f"and background right.\n\n{table}\n\nOne image at {steps} steps, not batched: "
                              f"{statistics.median(one):.2f} s on this machine ({torch.get_num_threads()} CPU threads).")
        (folder / "bundled.json").write_text(json.dumps(info, indent=1))
        write_card(folder)
        print(f"wrote the evaluation into {folder / 'README.md'}")


if __name__ == "__main__":
    main()
