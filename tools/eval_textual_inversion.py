"""Does textual inversion teach the bundled model a new concept? Trains the embedding, then prints a markdown table.

    python tools/eval_textual_inversion.py                      # the ring (a new shape), default recipe
    python tools/eval_textual_inversion.py --concept pink       # pink (a new colour, the LoRA's concept)

For each concept: ``train_textual_inversion_command`` (fresh run in ``--workdir``), then ``--n`` prompts of the
concept with the token in place of its word (``course.training.textual_inversion.concept_prompts``, new pictures:
with ``--seed 0`` and pink they are the 60 prompts of tools/eval_lora.py, and the 40 training pictures are the
LoRA's too) drawn at the model's defaults (DPM++ 2M, 20 steps, CFG 3, seed 0 per batch of 50) and read back by the
analytic checker, before (the token's starting vectors, the related word's) and after.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from course.io.embeddings import load_textual_inversion  # noqa: E402
from course.io.loading import load_bundled  # noqa: E402
from course.pipeline import text_to_image  # noqa: E402
from course.training import data  # noqa: E402
from course.training.textual_inversion import (  # noqa: E402
    TextualInversionRecipe,
    add_new_tokens,
    adherence,
    concept_prompts,
    train_textual_inversion_command,
)


def evaluate(recipe: TextualInversionRecipe, workdir: Path, n: int, seed: int = 0) -> dict:
    out = train_textual_inversion_command(workdir / "learned_embeds.safetensors", workdir, recipe, restart=True)
    info = json.loads(out.with_suffix(".json").read_text())
    prompts = concept_prompts(recipe.token, n, seed, recipe.split)
    key = "shape" if recipe.split == "new_shape" else "colour"
    start = load_bundled()
    add_new_tokens(start, recipe).write(start.text_encoder)
    trained = load_bundled()
    load_textual_inversion(trained, out)
    rows = {f"{recipe.token}, {n} prompts, before (the vectors of {recipe.init_word!r})": adherence(start, prompts),
            f"{recipe.token}, {n} prompts, after {recipe.steps} steps": adherence(trained, prompts)}
    old = [p for p, _ in data.heldout_prompts(50)]  # the old concepts: the very same pictures with the embedding
    same = bool(torch.equal(text_to_image(load_bundled(), old, seed=0, output_type="pt", progress=False),
                            text_to_image(trained, old, seed=0, output_type="pt", progress=False)))
    losses = info["losses"]
    first, last = (sum(losses[i:i + 50]) / len(losses[i:i + 50]) for i in (0, len(losses) - 50))
    return {"table": data.format_table(rows), "concept accuracy": key, "training_seconds": info["training_seconds"],
            "parameters": recipe.vectors * trained.text_encoder.config.hidden_size, "file_bytes": out.stat().st_size,
            "loss, first and last 50 steps": (round(first, 4), round(last, 4)),
            "50 held-out old prompts: bit-identical pictures with the embedding loaded": same}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concept", default="ring", choices=("ring", "pink"))
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0, help="of the prompts (0: pink's are tools/eval_lora.py's)")
    parser.add_argument("--steps", type=int, default=None)
    parser.add_argument("--vectors", type=int, default=None)
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--workdir", default="runs/eval_textual_inversion")
    args = parser.parse_args()
    changes = {k: v for k, v in (("steps", args.steps), ("vectors", args.vectors), ("lr", args.lr)) if v is not None}
    recipe = TextualInversionRecipe.of(args.concept, **changes)
    result = evaluate(recipe, Path(args.workdir) / args.concept, args.n, args.seed)
    print(result.pop("table"))
    print(json.dumps({"recipe": dataclasses.asdict(recipe), **result}, indent=1))


if __name__ == "__main__":
    main()
