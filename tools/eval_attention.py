"""Do the bundled model's cross-attention maps point at what the words name? Prints the localisation rates.

Run: ``nice -n 19 .venv/bin/python tools/eval_attention.py [--n 200] [--top 0.25] [--model FOLDER]`` (``--n 0``:
the timings alone).
For n held-out prompts (``course.training.data.heldout_prompts``: triples never seen in training, positions balanced)
the model draws a picture while ``course.notebook.attention_maps.record`` keeps its cross-attention; the analytic checker
finds the shape's pixels in the GENERATED picture (``course.training.data.shape_mask``). Then, per word:
- shape word and colour word: is the map's peak inside the shape's mask? Peak = ``attention_maps.peak``, the
  centroid of the map's top ``--top`` share of pixels (also printed: the plain centroid, the argmax, and the
  chance level, the picture's centre, which is where a flat map's centroid lies);
- the background's colour word: the share of its map's mass outside the mask, against the share of the
  picture outside the mask (what a flat map would give), and how often the first exceeds the second;
- "a", a word that names nothing in the picture, as a control.
Each for all steps and both resolutions (the default of ``Record.map``), and for the first / second half of the
steps and each resolution alone. Also the time of one ``record`` call against ``text_to_image`` alone, as wall
time and as this process's CPU time (which other jobs on a busy machine disturb less).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course.io.loading import load_bundled, load_folder  # noqa: E402
from course.notebook.attention_maps import peak, record  # noqa: E402
from course.pipeline import text_to_image  # noqa: E402
from course.training import data  # noqa: E402


def inside(mask: np.ndarray, yx) -> bool:
    y, x = yx
    return bool(mask[min(int(y), mask.shape[0] - 1), min(int(x), mask.shape[1] - 1)])


def selections(rec) -> dict:
    """Name -> Record.map options: the default (everything) first."""
    half = rec.steps // 2
    out = {"all steps, all resolutions": {}, f"steps 0-{half - 1}": {"steps": range(half)},
           f"steps {half}-{rec.steps - 1}": {"steps": range(half, rec.steps)}}
    out.update({f"resolution {r} only": {"resolutions": [r]} for r in rec.resolutions})
    return out


def score(rec, spec, mask, options, top: float) -> dict:
    words = [spec.shape, spec.colour, spec.background, "a"]
    maps = rec.maps(words, **options)
    out = {}
    for key, word in (("shape", spec.shape), ("colour", spec.colour), ("a", "a")):
        m = maps[word]
        out[f"{key} top"] = inside(mask, peak(m, top))
        out[f"{key} centroid"] = inside(mask, peak(m, 1.0))
        out[f"{key} argmax"] = inside(mask, np.unravel_index(int(m.argmax()), m.shape))
    bg = maps[spec.background]
    out["bg out"] = float((bg * ~mask).sum() / bg.sum())
    out["area out"] = float((~mask).mean())
    out["bg more out"] = out["bg out"] > out["area out"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="a model folder (default: the bundled model)")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--top", type=float, default=0.25, help="share of pixels the peak's centroid keeps")
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    parts = load_folder(args.model) if args.model else load_bundled()
    d = parts.defaults
    print(f"{args.n} held-out prompts, {d.get('sampler', 'euler')}, {d.get('steps', 20)} steps, CFG "
          f"{d.get('guidance_scale', 7.5)}, peak = centroid of the top {args.top:.0%} of each map; torch "
          f"{torch.__version__}, {torch.get_num_threads()} threads")
    if args.n > 0:
        localisation(parts, args)
    timings(parts, args.seed)


def localisation(parts, args) -> None:
    prompts = data.heldout_prompts(args.n, seed=args.seed)
    rows, no_shape, centre = {}, 0, []
    start = time.perf_counter()
    for first in range(0, args.n, args.batch):
        batch = prompts[first:first + args.batch]
        recs = record(parts, [p for p, _ in batch], seed=args.seed + first)
        for rec, (_, spec) in zip(recs, batch):
            mask = data.shape_mask(np.asarray(rec.image))
            no_shape += not mask.any()
            centre.append(inside(mask, (mask.shape[0] / 2, mask.shape[1] / 2)))
            for name, options in selections(rec).items():
                rows.setdefault(name, []).append(score(rec, spec, mask, options, args.top))
    print(f"recorded {args.n} prompts in {time.perf_counter() - start:.1f} s (batches of {args.batch}); "
          f"{no_shape} pictures with no shape found (counted as misses)")
    print(f"chance: the picture's centre lies in the shape for {np.mean(centre):.1%} of the pictures\n")
    keys = ["shape top", "shape centroid", "shape argmax", "colour top", "colour centroid", "colour argmax", "a top"]
    print("| maps from | " + " | ".join(keys) + " | bg word mass outside | area outside | bg > area |")
    print("|---" * (len(keys) + 4) + "|")
    for name, scores in rows.items():
        mean = {k: float(np.mean([s[k] for s in scores])) for k in scores[0]}
        print(f"| {name} | " + " | ".join(f"{mean[k]:.1%}" for k in keys) +
              f" | {mean['bg out']:.1%} | {mean['area out']:.1%} | {mean['bg more out']:.1%} |")



def timings(parts, seed: int, repeat: int = 5) -> None:
    prompt = data.heldout_prompts(1, seed=seed)[0][0]
    record(parts, prompt, seed=0)  # warm up
    runs = {"text_to_image": [], "record": [], "record + maps of every word": []}
    for i in range(repeat):
        for key, times in runs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            if key == "text_to_image":
                text_to_image(parts, prompt, seed=i, progress=False)
            else:
                rec = record(parts, prompt, seed=i)
                if key != "record":
                    rec.maps()
            times.append((time.perf_counter() - wall, time.process_time() - cpu))
    print(f"\none prompt, not batched, median of {repeat}:")
    for key, times in runs.items():
        print(f"  {key}: {statistics.median(w for w, _ in times):.2f} s wall (min {min(w for w, _ in times):.2f}), "
              f"{statistics.median(c for _, c in times):.2f} s CPU")


if __name__ == "__main__":
    main()
