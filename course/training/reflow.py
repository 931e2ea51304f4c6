"""Reflow: straighten a rectified-flow model's paths by training it again on its own (noise, picture) pairs.

Liu et al. 2022, "Flow Straight and Fast" ("reflow"); InstaFlow (Liu et al. 2023) applies it to text-to-image.
A model trained on independent pairs (x_0 from the data, ε drawn apart from it) learns, through each point, the
average velocity of all the straight lines that cross there, and averages of crossing lines curve: few Euler steps
go wrong. Reflow draws the pairs from the model itself: ε, and the x_0 its ODE carries ε to (20 guided flow-Euler
steps here). The ODE's paths never cross, so the straight lines between their two ends cross far less than lines
between independent pairs; a model trained on those lines follows them closely, and its paths straighten (repeated,
towards paths one Euler step can follow). The pairs are drawn with guidance, so the reflowed model is sampled
without it. Here the course's shipped MMDiT (course/bundled_flow/) is fine-tuned on such pairs; docs/flow.md ("Few
steps: guidance is what breaks, and reflow") measures it at 1, 2, 4, 8 and 20 steps.

    python -m course.training.reflow --out runs/reflow/model --workdir runs/reflow
    python tools/compare_flow.py --only flow --flow runs/reflow/model --cfg-flow 1 --json runs/reflow/results.json
"""
from __future__ import annotations

import argparse
import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from tqdm.auto import tqdm

from course.sampling.flow import flow_noisy, flow_velocity, sample_training_u, training_sigmas
from course.sampling.flow_pipeline import FlowParts, encode_text, flow_text_to_image, load_bundled_flow, velocity_fn
from course.training import data
from course.training.flow import FlowRecipe, TextAndMMDiT, write_flow_model
from course.training.stage import Stage, log_row, prepare_resume, recipe_settings, step_generator


@dataclass(frozen=True)
class ReflowRecipe:
    pairs: int = 20_000  # prompts of training triples, one (noise, picture) pair each
    pair_steps: int = 20  # flow-Euler steps that make each pair's picture (the shipped model's default)
    guidance_scale: float = 3.0  # the pairs are drawn as the model is used: guided
    steps: int = 1000
    batch: int = 128
    lr: float = 2e-4  # a fine-tune of a trained model: a quarter of the first training's
    warmup: int = 20
    ema_decay: float = 0.999
    caption_dropout: float = 0.1  # the unconditional branch keeps being trained, for guidance
    seed: int = 1
    save_every_s: float = 120.0


def make_pairs(parts: FlowParts, recipe: ReflowRecipe, chunk: int = 500) -> dict:
    """{"noise": (n, C, h, w), "latents": (n, C, h, w), "captions": [n]}: each prompt's noise and the latent the
    model's guided ODE carries it to."""
    rng = np.random.default_rng(recipe.seed)
    captions = [data.prompt(data.sample_spec(rng)) for _ in range(recipe.pairs)]
    net = parts.transformer.config
    g = torch.Generator().manual_seed(recipe.seed)
    noise = torch.randn((recipe.pairs, net.in_channels, net.sample_size, net.sample_size), generator=g)
    latents = []
    with torch.no_grad():
        for i in tqdm(range(0, recipe.pairs, chunk), desc="pairs"):
            latents.append(flow_text_to_image(parts, captions[i:i + chunk], steps=recipe.pair_steps,
                                              guidance_scale=recipe.guidance_scale, output_type="latent",
                                              latents=noise[i:i + chunk]))
    return {"noise": noise, "latents": torch.cat(latents), "captions": captions}


def reflow_loss(both: TextAndMMDiT, tok, pairs: dict, recipe: ReflowRecipe, step: int) -> torch.Tensor:
    """The flow-matching loss on step ``step``'s batch of pairs: x_σ between a pair's picture and *its* noise."""
    g = step_generator(recipe.seed, step)
    rows = torch.randint(0, len(pairs["captions"]), (recipe.batch,), generator=g)
    z0, z1 = pairs["latents"][rows], pairs["noise"][rows]
    dropped = torch.rand(recipe.batch, generator=g) < recipe.caption_dropout
    texts = ["" if d else pairs["captions"][i] for i, d in zip(rows.tolist(), dropped.tolist())]
    sigmas, t = training_sigmas(sample_training_u(recipe.batch, generator=g))
    x = flow_noisy(z0, z1, sigmas)
    pred = velocity_fn(both.transformer)(x, t, encode_text(tok, both.text_encoder, texts))
    return ((pred.float() - flow_velocity(z0, z1).float()) ** 2).mean()


def train_reflow(recipe: ReflowRecipe | None = None, workdir: Path = Path("runs/reflow"),
                 parts: FlowParts | None = None) -> tuple[Stage, FlowParts]:
    """Pairs from ``parts`` (the shipped flow model if None; kept in ``workdir``/pairs.pt), then a fine-tune of a
    copy of it on them; returns the stage and the fine-tuned parts (EMA)."""
    recipe = recipe or ReflowRecipe()
    settings = recipe_settings(recipe)
    workdir = Path(workdir)
    prepare_resume(workdir / "reflow.pt", settings)
    parts = parts or load_bundled_flow()
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "pairs.pt"
    if path.is_file():
        pairs = torch.load(path, weights_only=True)
    else:
        pairs = make_pairs(parts, recipe)
        torch.save(pairs, path)
    start = FlowRecipe(mmdit=parts.transformer.config, text=parts.text_encoder.config)
    both = TextAndMMDiT(start)
    both.text_encoder.load_state_dict(parts.text_encoder.state_dict())
    both.transformer.load_state_dict(parts.transformer.state_dict())
    stage = Stage("reflow", both, recipe.lr, workdir, recipe.steps, recipe.warmup, recipe.ema_decay, settings)
    log = workdir / "reflow_log.jsonl"

    def loss_at(step: int) -> torch.Tensor:
        loss = reflow_loss(stage.model, parts.tokenizer, pairs, recipe, step)
        log_row(log, {"step": step, "loss": round(loss.item(), 5)})
        return loss

    stage.run(loss_at, recipe.save_every_s)
    tuned = FlowParts(parts.tokenizer, stage.ema.text_encoder.eval(), stage.ema.transformer.eval(), parts.vae,
                      dict(parts.scheduler_config), dict(parts.defaults))
    return stage, tuned


def main(argv=None) -> None:  # pragma: no cover - the command; train_reflow is tested
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="runs/reflow/model")
    parser.add_argument("--workdir", default="runs/reflow")
    parser.add_argument("--steps", type=int, default=None)
    parser.add_argument("--pairs", type=int, default=None)
    args = parser.parse_args(argv)
    changes = {k: v for k, v in (("steps", args.steps), ("pairs", args.pairs)) if v is not None}
    recipe = dataclasses.replace(ReflowRecipe(), **changes)
    stage, parts = train_reflow(recipe, Path(args.workdir))
    stage.choice = {"chosen": "ema", "reflow": dataclasses.asdict(recipe)}
    out = write_flow_model(stage, parts, FlowRecipe(mmdit=parts.transformer.config, text=parts.text_encoder.config),
                           Path(args.out))
    print(f"wrote {out}: {json.dumps(stage.choice)}")


if __name__ == "__main__":  # pragma: no cover
    main()
