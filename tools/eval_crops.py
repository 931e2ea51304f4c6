"""Size and crop conditioning, measured: how often each model cuts its shape off, on held-out prompts.

Run: ``.venv/bin/python tools/eval_crops.py [--n 200] [--workdir runs/crops] [--restart]``. Trains the two UNets of
``course.training.micro_conditioning`` first (or resumes their checkpoints in ``--workdir``: a finished run is only
read), then prints markdown: the cut-off detector on rendered pictures (uncropped ones, the training data's
crops, with the share that truly lost shape pixels), and for the bundled UNet, the plain one (trained on the
crops without conditioning) and the micro-conditioned one at several time_ids: the share of pictures whose shape
reaches the frame ("cut off"), with no shape, and colour/shape/background accuracy (``data.read``). Prompts: the
held-out triples of ``data.heldout_prompts`` without position words; the same noise for every model.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course.io.loading import load_bundled  # noqa: E402
from course.training import data  # noqa: E402
from course.training.micro_conditioning import (  # noqa: E402
    SIDE,
    UNCROPPED,
    CropRecipe,
    crop_example,
    framing,
    sample,
    train_pair,
)

REQUESTS = {"crop (0, 0) of 32×32 (uncropped)": UNCROPPED, "crop (0, 0) of 48×48": (48, 48, 0, 0, SIDE, SIDE),
            "crop (8, 8) of 48×48": (48, 48, 8, 8, SIDE, SIDE), "crop (16, 16) of 48×48": (48, 48, 16, 16, SIDE, SIDE)}
KEYS = ("cut off", "no shape", "colour", "shape", "background", "all")


def table(rows: dict, keys=KEYS) -> str:
    lines = ["| | " + " | ".join(keys) + " | n |", "|---" * (len(keys) + 2) + "|"]
    lines += [f"| {name} | " + " | ".join(f"{100 * r[k]:.1f}%" for k in keys) + f" | {r['n']} |"
              for name, r in rows.items()]
    return "\n".join(lines)


def rendered(recipe: CropRecipe, specs: list) -> dict:
    """The detector on pictures drawn as the training data is, for the held-out triples: uncropped ones, cropped
    ones, and all (the training mix); plus the share of each that truly lost shape pixels (noiseless masks)."""
    groups = {"uncropped": ([], [], []), "cropped": ([], [], []), "all (the training mix)": ([], [], [])}
    for i, spec in enumerate(specs):
        item = crop_example(np.random.default_rng((recipe.seed + 4, i)), (spec.colour, spec.shape, spec.background),
                            recipe)
        clean = data.render(item.spec, item.canvas, noise=0) == np.array(data.COLOURS[item.spec.colour])
        (top, left), (ct, cl) = item.origin, item.time_ids[2:4]
        whole = clean.all(-1)  # (canvas, canvas): the shape's pixels
        kept = whole[top + ct:top + ct + SIDE, left + cl:left + cl + SIDE].sum()
        for name in ("uncropped" if item.time_ids == UNCROPPED else "cropped", "all (the training mix)"):
            groups[name][0].append(item.picture)
            groups[name][1].append(item.spec)
            groups[name][2].append(kept < whole.sum())
    out = {}
    for name, (pictures, group_specs, lost) in groups.items():
        out[f"rendered, {name}"] = {**framing(pictures, group_specs), "lost": float(np.mean(lost))}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=200, help="held-out prompts per row")
    parser.add_argument("--workdir", default="runs/crops")
    parser.add_argument("--restart", action="store_true", help="delete the checkpoints and train anew")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    recipe, parts = CropRecipe(), load_bundled()
    load, started = os.getloadavg(), time.monotonic()
    stages = train_pair(recipe, parts, Path(args.workdir), restart=args.restart)
    print(f"training: {', '.join(f'{k} {s.seconds / 60:.1f} min' for k, s in stages.items())} (over all sessions; "
          f"this session's wall time {(time.monotonic() - started) / 60:.1f} min incl. the pool), "
          f"{torch.get_num_threads()} threads, load average {load[0]:.2f} before, {os.getloadavg()[0]:.2f} after\n")

    pairs = data.heldout_prompts(args.n)
    specs = [s for _, s in pairs]
    prompts = [data._articles(f"a {s.colour} {s.shape} on a {s.background} background") for s in specs]
    check = rendered(recipe, specs)
    print("The detector on rendered pictures of the held-out triples (\"lost\": the share whose crop truly removed "
          "shape pixels, from noiseless masks; \"cut off\": the detector's share):\n")
    print(table(check, ("lost",) + KEYS) + "\n")

    started = time.monotonic()
    runs = {"bundled UNet (no fine-tuning)": (parts.unet, None),
            "plain (crops, no conditioning)": (stages["plain"].model, None)}
    runs.update({f"micro, {name}": (stages["micro"].model, ids) for name, ids in REQUESTS.items()})
    rows = {}
    for name, (unet, ids) in runs.items():
        images = torch.cat([sample(parts, unet, prompts[i:i + 50], ids, seed=i) for i in range(0, args.n, 50)])
        rows[name] = framing(images, specs)
    d = parts.defaults
    print(f"{args.n} held-out prompts (\"a red square on a blue background\": no position), {d['sampler']}, "
          f"{d['steps']} steps, CFG {d['guidance_scale']}, the same noise for every row "
          f"({(time.monotonic() - started) / 60:.1f} min):\n")
    print(table(rows))


if __name__ == "__main__":
    main()
