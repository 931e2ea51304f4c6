"""Does a LoRA teach the bundled model a new colour, and what does it cost the old ones? Prints a markdown table.

    python tools/eval_lora.py                                 # train the LoRA (runs/lora), then evaluate it
    python tools/eval_lora.py --lora runs/lora/pink.safetensors   # evaluate a LoRA file
    python tools/eval_lora.py --sensitivity docs/lora_sensitivity.png  # loss curves over learning rate and rank

The new concept: ``--concept-prompts`` prompts of split "new" of course.training.data (a pink circle, square or triangle
at one of five places on one of nine backgrounds: 27 triples, most never among the LoRA's few dozen pictures).
The old concepts: ``--base-prompts`` of ``course.training.data.heldout_prompts`` (the bundled model's own evaluation).
Every picture is read back by the analytic checker (``course.training.data.read``), before (the bundled model alone) and
after (with the LoRA at weight 1), at the model's defaults (DPM++ 2M, 20 steps, CFG 3), seed 0.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from course.io.loading import load_bundled  # noqa: E402
from course.io.lora_files import load_lora  # noqa: E402
from course.pipeline import text_to_image  # noqa: E402
from course.training import data  # noqa: E402
from course.training.lora import LoRARecipe, train_lora, train_lora_command  # noqa: E402


def concept_prompts(n: int, seed: int = 0) -> list:
    """``n`` (prompt, Spec) of split "new": a pink shape, evaluation phrasing."""
    rng = np.random.default_rng(seed)
    specs = [data.sample_spec(rng, "new") for _ in range(n)]
    return [(data.prompt(s), s) for s in specs]


def adherence(parts, prompts, batch: int = 50) -> dict:
    """The checker's accuracies on the pictures the model draws for ``prompts`` (seed 0 for every batch)."""
    images = []
    for start in range(0, len(prompts), batch):
        chunk = [p for p, _ in prompts[start:start + batch]]
        images.append(text_to_image(parts, chunk, seed=0, output_type="pt", progress=False))
    return data.evaluate(torch.cat(images), [s for _, s in prompts])


def evaluate(lora_path: Path, n_concept: int, n_base: int) -> str:
    parts = load_bundled()
    concept, base = concept_prompts(n_concept), data.heldout_prompts(n_base)
    rows = {}
    started = time.monotonic()
    rows[f"pink, {n_concept} prompts, before"] = adherence(parts, concept)
    rows[f"old concepts, {n_base} held-out prompts, before"] = adherence(parts, base)
    network = load_lora(parts, lora_path)
    rows[f"pink, {n_concept} prompts, with the LoRA"] = adherence(parts, concept)
    rows[f"old concepts, {n_base} held-out prompts, with the LoRA"] = adherence(parts, base)
    network.remove()
    table = data.format_table(rows)
    seconds = time.monotonic() - started
    return f"{table}\n\n(LoRA {lora_path}; {2 * (n_concept + n_base)} pictures drawn and read in {seconds:.0f} s)"


# ---- sensitivity: learning rate and rank ---------------------------------------------------------------

def sensitivity(png: Path, steps: int, workdir: Path) -> None:
    """Loss curves of short runs over the learning rate (rank 4) and the rank (α = rank, lr 2e-3), and the share
    of 20 pink prompts each run's LoRA gets right; writes ``png`` and prints the series."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = {"lr": [(dict(lr=lr), f"lr {lr:g}") for lr in (2e-4, 2e-3, 2e-2, 2e-1)],
            "rank": [(dict(rank=r, alpha=float(r)), f"rank {r}, α {r}") for r in (1, 4, 16, 64)]}
    prompts = concept_prompts(20, seed=1)
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.4))
    for ax, (what, settings) in zip(axes, runs.items()):
        for change, label in settings:
            recipe = dataclasses.replace(LoRARecipe(), steps=steps, warmup=0, **change)
            parts = load_bundled()
            run_dir = workdir / f"{what}-{label.split(',')[0].replace(' ', '')}"
            for old in run_dir.glob("lora.pt"):
                old.unlink()  # always a fresh run
            started = time.monotonic()
            network, losses = train_lora(parts, recipe, run_dir)
            seconds = time.monotonic() - started
            pink = adherence(parts, prompts)["colour"] if np.isfinite(losses).all() else float("nan")
            smooth = np.convolve(losses, np.ones(10) / 10, mode="valid")
            ax.plot(np.arange(len(smooth)) + 10, smooth, label=f"{label}: pink {pink:.0%}")
            print(f"{label:14} {seconds:5.0f} s  pink {pink:4.0%}  loss every 25 steps: "
                  + " ".join(f"{x:.3f}" for x in losses[::25]) + f"  last 20: {np.mean(losses[-20:]):.3f}")
        ax.set_title(f"LoRA on the bundled model: {what}", fontsize=9)
        ax.set_xlabel("step"), ax.set_ylabel("loss (10-step mean)"), ax.set_yscale("log"), ax.legend(fontsize=7)
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=90)
    print(f"wrote {png}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lora", type=Path, default=None, help="a LoRA file (default: train one into runs/lora)")
    parser.add_argument("--workdir", type=Path, default=Path("runs/lora"))
    parser.add_argument("--concept-prompts", type=int, default=60)
    parser.add_argument("--base-prompts", type=int, default=200)
    parser.add_argument("--sensitivity", type=Path, default=None, help="write loss curves over lr and rank here")
    parser.add_argument("--sensitivity-steps", type=int, default=150)
    args = parser.parse_args()
    if args.sensitivity:
        sensitivity(args.sensitivity, args.sensitivity_steps, args.workdir / "sensitivity")
        return
    path = args.lora
    if path is None:
        path = train_lora_command(args.workdir / "pink.safetensors", args.workdir)
    print(evaluate(path, args.concept_prompts, args.base_prompts))


if __name__ == "__main__":
    main()
