"""Does DreamBooth teach the bundled model a new concept, and how much do the old words drift? Prints a markdown table.

    python tools/eval_dreambooth.py                              # pink: before, no prior, prior, prior + text encoder
    python tools/eval_dreambooth.py --concept ring --runs none prior
    python tools/eval_dreambooth.py --lr 1e-4 --steps 200 --runs prior   # one setting

For each run: ``train_dreambooth`` on a fresh bundled model (a fresh run in ``--workdir``), then two sets of prompts
drawn at the model's defaults (DPM++ 2M, 20 steps, CFG 3, seed 0 per batch of 50) and read back by the analytic
checker: ``--n`` prompts of the concept with the identifier in place of its word
(``course.training.textual_inversion.concept_prompts``: with ``--seed 0`` and pink, the 60 prompts of
tools/eval_lora.py and tools/eval_textual_inversion.py), and ``--base`` held-out prompts of the old concepts
(``course.training.data.heldout_prompts``, as tools/eval_lora.py): the language drift. "new concept on old words":
the share of the held-out pictures read as the new colour or shape, which the old words never asked for.
Runs: "before" (the bundled model), "none" (prior_weight 0), "prior" (the recipe's prior_weight), "text" (prior,
and the text encoder trained too).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from course.io.loading import load_bundled  # noqa: E402
from course.pipeline import text_to_image  # noqa: E402
from course.training import data  # noqa: E402
from course.training.dreambooth import CHECKPOINT, DreamBoothRecipe, train_dreambooth  # noqa: E402
from course.training.textual_inversion import concept_prompts  # noqa: E402

RUNS = {"none": dict(prior_weight=0.0), "prior": {}, "text": dict(train_text_encoder=True)}


def draw(parts, prompts, batch: int = 50) -> list:
    """The pictures drawn for ``prompts`` (seed 0 per batch, the model's defaults): as textual_inversion.adherence."""
    return [im for i in range(0, len(prompts), batch)
            for im in text_to_image(parts, [p for p, _ in prompts[i:i + batch]], seed=0, output_type="pt",
                                    progress=False)]


def measure(parts, concept, old, key: str, new_word: str) -> dict:
    """Accuracy on the concept's prompts (``key``: colour or shape) and all-three on the old ones, and how many old
    pictures show the new word's colour or shape."""
    mine, theirs = draw(parts, concept), draw(parts, old)
    readings = [data.read(im) for im in theirs]
    return {"concept": data.evaluate(mine, [s for _, s in concept])[key],
            "concept all three": data.evaluate(mine, [s for _, s in concept])["all"],
            "old all three": data.evaluate(theirs, [s for _, s in old])["all"],
            "new concept on old words": sum(getattr(r, key) == new_word for r in readings) / len(readings)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concept", default="pink", choices=("pink", "ring"))
    parser.add_argument("--runs", nargs="+", default=["before", "none", "prior", "text"],
                        choices=["before", *RUNS])
    parser.add_argument("--n", type=int, default=60, help="prompts of the concept")
    parser.add_argument("--base", type=int, default=200, help="held-out prompts of the old concepts")
    parser.add_argument("--seed", type=int, default=0, help="of the concept's prompts")
    parser.add_argument("--steps", type=int, default=None)
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--prior-weight", type=float, default=None)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workdir", default="runs/eval_dreambooth")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    changes = {k: v for k, v in (("steps", args.steps), ("lr", args.lr), ("prior_weight", args.prior_weight))
               if v is not None}
    base = DreamBoothRecipe.of(args.concept, **changes)
    key, new_word = ("shape", "ring") if base.split == "new_shape" else ("colour", "pink")
    concept = concept_prompts(base.identifier, args.n, args.seed, base.split)
    old = data.heldout_prompts(args.base)
    rows, record = [], {}
    for run in args.runs:
        parts = load_bundled()
        if run == "before":
            seconds, recipe = 0.0, None
        else:
            recipe = dataclasses.replace(base, **RUNS[run])
            workdir = Path(args.workdir) / f"{args.concept}-{run}"
            train_dreambooth(parts, recipe, workdir, restart=True)
            seconds = torch.load(workdir / CHECKPOINT, map_location="cpu", weights_only=True)["seconds"]
        started = time.monotonic()
        result = measure(parts, concept, old, key, new_word)
        record[run] = {**result, "training_seconds": round(seconds, 1),
                       "eval_seconds": round(time.monotonic() - started, 1),
                       "recipe": dataclasses.asdict(recipe) if recipe else None}
        print(json.dumps({run: record[run]}), flush=True)
        text = "trained" if recipe and recipe.train_text_encoder else "frozen"
        what = "the bundled model" if run == "before" else f"{run}: prior_weight {recipe.prior_weight:g}, text {text}"
        rows.append(f"| {what} | {100 * result['concept']:.1f}% | {100 * result['concept all three']:.1f}% | "
                    f"{100 * result['old all three']:.1f}% | {100 * result['new concept on old words']:.1f}% | "
                    f"{seconds:.0f} s |")
    print(f"\n| run ({base.identifier!r} for {new_word}, {base.steps} steps, lr {base.lr:g}, {args.threads} threads) | "
          f"{new_word} read right, {args.n} prompts | all three | old concepts all three, {args.base} held-out | "
          f"{new_word} on old words | training |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
