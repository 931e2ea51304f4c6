"""A small MMDiT trained by rectified flow on the bundled model's data: SD3's recipe beside SD 1.x's, same world.

Esser et al. 2024, "Scaling Rectified Flow Transformers for High-Resolution Image Synthesis" (SD3), on a small
scale: the transformer (course/nets/mmdit.py) learns the velocity v = ε - x_0 along the straight path
x_σ = (1 - σ) x_0 + σ ε, σ drawn logit-normal (more draws mid-path, where the picture's layout is decided), plain
mean squared error (``course.sampling.flow.flow_matching_loss``). Everything else is the bundled model's
(course/training/bundled.py), so the comparison is of the two families and nothing else: the same VAE latents
(the bundled VAE, frozen; its posterior sampled anew each step), the same pool of 20,000 pictures and captions
(``encode_pool``, ``pool_batch``), the same tokenizer and a text encoder of the same size trained jointly from
scratch, as the bundled recipe does (``frozen_text_encoder=True`` keeps the bundled model's trained one frozen
instead, SD3's way with its pre-trained encoders; docs/flow.md measures both), 10% captions dropped for
classifier-free guidance, AdamW with warm-up and cosine, an EMA, one ``Stage``. The pooled vector SD3 takes from
CLIP is this text encoder's pooled output (EOS's final state).

Checkpoints and resume as every stage: ``<workdir>/flow.pt``, saved every few minutes, on Ctrl-C and at the end;
the loss of every step goes to ``<workdir>/flow_log.jsonl`` (step, loss, seconds). One process (no launcher).

    python -m course.training.flow                      # trains and writes course/bundled_flow/
    python -m course.training.flow --out runs/flow/model --steps 1250 --stop-at 300   # the first 300 of 1250
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from course.config import TextEncoderConfig
from course.io.loading import load_bundled
from course.nets.mmdit import MMDiT, MMDiTConfig, check_config
from course.nets.text_encoder import TextEncoder
from course.sampling.flow import flow_matching_loss
from course.sampling.flow_pipeline import (
    BUNDLED_FLOW_DIR,
    FlowParts,
    encode_text,
    flow_text_to_image,
    save_flow_folder,
    velocity_fn,
)
from course.training import data
from course.training.bundled import Recipe, encode_pool, pool_batch
from course.training.stage import Stage, log_evaluations, log_row, prepare_resume, recipe_settings, step_generator

_BUNDLED = Recipe()


@dataclass(frozen=True)
class FlowRecipe:
    """Sizes and training settings of the flow model (``quick()``: a few steps, for tests). The pool, text encoder
    and caption dropout are the bundled recipe's; the MMDiT has about the bundled UNet's parameter count."""

    image_size: int = _BUNDLED.image_size
    text: TextEncoderConfig = _BUNDLED.text
    # latents 8×8×4 in 2×2 patches: 16 image tokens, as the UNet's attention sees a 4×4 grid; width 160 = 5 heads
    # of 32, 4 blocks: 3.56 M parameters (the UNet: 3.98 M). Patch 1 (64 tokens) costs more per step.
    mmdit: MMDiTConfig = MMDiTConfig(sample_size=8, patch_size=2, in_channels=4, out_channels=4, num_layers=4,
                                     attention_head_dim=32, num_attention_heads=5, joint_attention_dim=128,
                                     caption_projection_dim=160, pooled_projection_dim=128, pos_embed_max_size=4)
    seed: int = 0
    pool: int = _BUNDLED.pool
    steps: int = 3750  # the bundled UNet's CPU minutes (docs/flow.md); 1250 gives its number of samples
    batch: int = _BUNDLED.batch
    lr: float = _BUNDLED.lr
    warmup: int = 40
    ema_decay: float = _BUNDLED.ema_decay
    shift: float = 1.0  # SD3's static shift of the training σ's (SD3: 3.0 at 1024 px); 1: none
    logit_mean: float = 0.0
    logit_std: float = 1.0
    caption_dropout: float = _BUNDLED.caption_dropout
    # False: a text encoder of the bundled size trained jointly from scratch, as the bundled recipe does. True: the
    # bundled model's trained one, frozen (SD3 keeps its pre-trained encoders frozen); docs/flow.md measures both
    frozen_text_encoder: bool = False
    stop_at: int | None = None  # end the run at this step, the schedule still that of `steps` (a time limit)
    save_every_s: float = 120.0
    eval_every: int = 200  # steps between quick evaluations (training triples, 20 flow-Euler steps)
    eval_prompts: int = 20
    choice_prompts: int = 100  # prompts that choose between the EMA and the last weights at the end
    defaults: dict = field(default_factory=lambda: {"sampler": "flow_euler", "steps": 20, "guidance_scale": 3.0})

    @classmethod
    def quick(cls) -> "FlowRecipe":
        return dataclasses.replace(cls(), pool=16, steps=3, batch=4, warmup=1, eval_every=2, eval_prompts=2,
                                   choice_prompts=4, defaults={"sampler": "flow_euler", "steps": 2,
                                                               "guidance_scale": 3.0})


NOT_TRAINING = ("stop_at", "save_every_s", "eval_every", "eval_prompts", "choice_prompts", "defaults")


def check_flow_recipe(recipe: FlowRecipe) -> dict:
    """Refuse a recipe that cannot train, by name; returns the settings the checkpoint is saved with."""
    settings = recipe_settings(recipe, NOT_TRAINING)  # NaN/inf, lr, steps, batch
    check_config(recipe.mmdit)
    m, width = recipe.mmdit, recipe.text.hidden_size
    if m.joint_attention_dim != width or m.pooled_projection_dim != width:
        raise ValueError(f"mmdit.joint_attention_dim={m.joint_attention_dim} and pooled_projection_dim="
                         f"{m.pooled_projection_dim} must both equal the text encoder's width {width}: the MMDiT "
                         "reads its tokens and its pooled vector.")
    if m.in_channels != 4 or m.channels_out != 4:
        raise ValueError(f"mmdit.in_channels={m.in_channels}, out_channels={m.channels_out}: the bundled VAE's "
                         "latents have 4 channels; use 4 for both.")
    side = recipe.image_size // 2 ** (len(_BUNDLED.vae.block_out_channels) - 1)  # the bundled VAE's latents
    if m.sample_size != side or m.sample_size % m.patch_size:
        raise ValueError(f"mmdit.sample_size={m.sample_size} must be the side of the bundled VAE's latents, {side} "
                         f"(image_size={recipe.image_size} / 4), and a multiple of patch_size={m.patch_size}.")
    if not recipe.shift > 0 or not recipe.logit_std > 0:
        raise ValueError(f"shift={recipe.shift}, logit_std={recipe.logit_std}: both must be > 0 (SD3: 3.0 and 1.0; "
                         "shift 1 is no shift).")
    if not 0 <= recipe.caption_dropout < 1:
        raise ValueError(f"caption_dropout={recipe.caption_dropout} must be in [0, 1) (the bundled recipe: 0.1).")
    if not 0 <= recipe.warmup < recipe.steps:
        raise ValueError(f"warmup={recipe.warmup} must be >= 0 and below steps={recipe.steps}.")
    if recipe.stop_at is not None and not 0 < recipe.stop_at <= recipe.steps:
        raise ValueError(f"stop_at={recipe.stop_at} must be in 1 .. steps={recipe.steps} (None: train to the end).")
    if not 0 < recipe.ema_decay < 1:
        raise ValueError(f"ema_decay={recipe.ema_decay} must be in (0, 1) (the bundled recipe: 0.999).")
    return settings


class TextAndMMDiT(torch.nn.Module):
    """The two networks trained together, so one optimizer and one EMA cover both."""

    def __init__(self, recipe: FlowRecipe):
        super().__init__()
        self.text_encoder, self.transformer = TextEncoder(recipe.text), MMDiT(recipe.mmdit)


def _parts(recipe: FlowRecipe, tok, vae, both: TextAndMMDiT) -> FlowParts:
    return FlowParts(tok, both.text_encoder.eval(), both.transformer.eval(), vae, {"shift": recipe.shift},
                     dict(recipe.defaults))


def prompt_following(recipe: FlowRecipe, tok, vae, both: TextAndMMDiT, n: int) -> dict:
    """Accuracies on ``n`` prompts of training triples (the held-out ones are kept for the comparison)."""
    rng = np.random.default_rng(recipe.seed + 7)
    specs = [data.sample_spec(rng) for _ in range(n)]
    images = flow_text_to_image(_parts(recipe, tok, vae, both), [data.prompt(s) for s in specs], seed=0)
    both.train()
    return data.evaluate(images, specs)


def _pool(recipe: FlowRecipe, vae, workdir: Path, device):
    """``encode_pool`` once per workdir (minutes on a busy CPU): kept in ``pool.pt`` with what it depends on."""
    path, key = workdir / "pool.pt", [recipe.pool, recipe.seed, recipe.image_size, float(vae.scaling_factor)]
    if path.is_file():
        saved = torch.load(path, map_location=device, weights_only=True)
        if saved["key"] == key:
            return saved["means"], saved["stds"], saved["captions"]
    means, stds, captions = encode_pool(recipe, vae, device)
    workdir.mkdir(parents=True, exist_ok=True)
    torch.save({"key": key, "means": means, "stds": stds, "captions": captions}, path)
    return means, stds, captions


def batch_loss(recipe: FlowRecipe, tok, vae, pool, both: TextAndMMDiT, step: int, device="cpu") -> torch.Tensor:
    """The rectified-flow loss of training step ``step``'s batch: its draws (pictures, dropped captions, the
    posterior's noise, ε, σ) are a pure function of (seed, step), so a resumed run sees what it would have seen."""
    g = step_generator(recipe.seed, step)
    z, texts = pool_batch(pool, recipe.batch, recipe.caption_dropout, vae.scaling_factor, g, device)
    context = encode_text(tok, both.text_encoder, texts, device)  # (B, T + 1, D): the tokens, then pooled
    return flow_matching_loss(velocity_fn(both.transformer), z, generator=g, scheduler_config={"shift": recipe.shift},
                              logit_mean=recipe.logit_mean, logit_std=recipe.logit_std, context=context)


def train_flow(recipe: FlowRecipe | None = None, workdir: Path = Path("runs/flow"), device: str = "cpu",
               restart: bool = False, parts=None, pool=None) -> tuple[Stage, FlowParts]:
    """Train (resuming a checkpoint of the same recipe in ``workdir``); returns the stage and the parts of the
    weights that follow the training prompts better, EMA or last. ``parts``: the bundled model's (loaded if None);
    ``pool``: its ``encode_pool`` of the recipe (encoded here if None)."""
    recipe = recipe or FlowRecipe()
    settings = check_flow_recipe(recipe)
    workdir = Path(workdir)
    prepare_resume(workdir / "flow.pt", settings, restart)
    if restart:
        (workdir / "flow_log.jsonl").unlink(missing_ok=True)
    bundled = parts or load_bundled()
    tok, vae = bundled.tokenizer, bundled.vae.to(device).eval().requires_grad_(False)
    pool = _pool(recipe, vae, workdir, device) if pool is None else pool
    torch.manual_seed(recipe.seed)
    both = TextAndMMDiT(recipe).to(device)
    if recipe.frozen_text_encoder:
        both.text_encoder.load_state_dict(bundled.text_encoder.state_dict())
        both.text_encoder.requires_grad_(False)  # AdamW skips parameters that get no gradient
    stage = Stage("flow", both, recipe.lr, workdir, recipe.steps, recipe.warmup, recipe.ema_decay, settings)
    if recipe.stop_at is not None:  # the LR schedule keeps `steps` (it was built with it); the loop ends here
        stage.steps = recipe.stop_at
    log = workdir / "flow_log.jsonl"
    cpu_start, seconds_start = time.process_time(), stage.seconds

    def loss_at(step: int) -> torch.Tensor:
        loss = batch_loss(recipe, tok, vae, pool, stage.model, step, device)
        log_row(log, {"step": step, "loss": round(loss.item(), 5), "cpu_s": round(time.process_time() - cpu_start, 1)})
        return loss

    def evaluate(stage: Stage) -> None:
        log_evaluations(stage, log, lambda model: prompt_following(recipe, tok, vae, model, recipe.eval_prompts))

    log.parent.mkdir(parents=True, exist_ok=True)
    stage.run(loss_at, recipe.save_every_s, log=evaluate, log_every=recipe.eval_every)
    stage.cpu_seconds = time.process_time() - cpu_start  # this session's; stage.seconds is wall time, all sessions
    stage.session_seconds = stage.seconds - seconds_start
    scores = {name: prompt_following(recipe, tok, vae, m, recipe.choice_prompts)
              for name, m in (("ema", stage.ema), ("last", stage.model))}
    chosen = "ema" if scores["ema"]["all"] >= scores["last"]["all"] else "last"
    stage.choice = {"chosen": chosen, **{k: {m: round(v, 3) for m, v in r.items()} for k, r in scores.items()}}
    return stage, _parts(recipe, tok, vae, stage.ema if chosen == "ema" else stage.model)


def write_flow_model(stage: Stage, parts: FlowParts, recipe: FlowRecipe, out: Path = BUNDLED_FLOW_DIR) -> Path:
    """The model folder (fp16) with flow.json: recipe, training time, parameters, the EMA/last choice."""
    info = {"recipe": dataclasses.asdict(recipe), "wall_seconds": round(stage.seconds, 1),
            "cpu_seconds_last_session": round(getattr(stage, "cpu_seconds", 0.0), 1),
            "torch_threads": torch.get_num_threads(), "load_average": [round(x, 2) for x in os.getloadavg()],
            "weights": getattr(stage, "choice", {}),
            "parameters": {"text_encoder": sum(p.numel() for p in parts.text_encoder.parameters()),
                           "transformer": sum(p.numel() for p in parts.transformer.parameters()),
                           "vae": sum(p.numel() for p in parts.vae.parameters())}}
    return save_flow_folder(parts, out, torch.float16, info)


def write_flow_card(folder: Path) -> None:
    """The model card, README.md in the folder, from its flow.json (tools/compare_flow.py's figures go in its
    "evaluation" entry)."""
    info = json.loads((Path(folder) / "flow.json").read_text())
    r, n, m = info["recipe"], info["parameters"], info["recipe"]["mmdit"]
    size = sum(p.stat().st_size for p in Path(folder).rglob("*.safetensors"))
    lines = [
        "# The course's bundled flow model", "",
        "A small SD3-style model trained from scratch by rectified flow on the bundled model's data (the same "
        "pictures, captions, tokenizer and VAE latents as course/bundled/; course/training/flow.py): an MMDiT "
        "predicts the velocity v = ε - x_0 along the straight path from the latent to the noise.", "",
        "| part | architecture | parameters |", "| --- | --- | ---: |",
        f"| tokenizer | the bundled model's byte-level BPE, {r['text']['max_position_embeddings']} tokens | – |",
        f"| text encoder | CLIP text transformer, {r['text']['num_hidden_layers']} layers, width "
        f"{r['text']['hidden_size']}, "
        + ("the bundled model's, frozen" if r["frozen_text_encoder"] else "trained jointly from scratch")
        + f"; pooled = EOS's state | {n['text_encoder']:,} |",
        f"| MMDiT | SD3Transformer2DModel: {m['num_layers']} joint blocks, width {m['num_attention_heads']} × "
        f"{m['attention_head_dim']}, patch {m['patch_size']} on latents {m['sample_size']}×{m['sample_size']}×4 "
        f"| {n['transformer']:,} |",
        f"| VAE | the bundled model's, unchanged | {n['vae']:,} |", "",
        f"Weights: {size / 1e6:.1f} MB of fp16 safetensors. Training: {r['steps']} steps of {r['batch']} "
        f"(logit-normal σ, shift {r['shift']}, lr {r['lr']}, {r['caption_dropout']:.0%} captions dropped, EMA "
        f"{r['ema_decay']}), {info['wall_seconds'] / 60:.1f} minutes of wall time on a CPU with "
        f"{info['torch_threads']} thread{'s' * (info['torch_threads'] != 1)} (load average at the end "
        f"{info['load_average'][0]})." + (f" {info['training_note']}" if info.get("training_note") else ""), "",
        "Train it again: `python -m course.training.flow` (writes course/bundled_flow/); load it with "
        "`course.sampling.flow_pipeline.load_bundled_flow()` and draw with `flow_text_to_image(parts, prompts)`.", "",
        "Recommended settings: " + ", ".join(f"{k} {v}" for k, v in info["defaults"].items()) + ".", ""]
    if "evaluation" in info:
        lines += ["## Evaluation", "", info["evaluation"], ""]
    (Path(folder) / "README.md").write_text("\n".join(lines))


def read_log(path: Path, evaluations: str | None = None) -> list[dict]:
    """A run log (``flow_log.jsonl``, or the UNet's ``unet_log.jsonl``): the loss of every step, or with
    ``evaluations="EMA"`` / ``"weights"`` those evaluations; the last row of each step (a resume repeats some)."""
    rows = {}
    for line in Path(path).read_text().splitlines():
        row = json.loads(line)
        if row.get("eval") == evaluations and (evaluations or "loss" in row):
            rows[row["step"]] = row
    return [rows[k] for k in sorted(rows)]


def main(argv=None) -> None:  # pragma: no cover - the command; train_flow is tested
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(BUNDLED_FLOW_DIR))
    parser.add_argument("--workdir", default="runs/flow")
    parser.add_argument("--restart", action="store_true")
    parser.add_argument("--steps", type=int, default=None)
    parser.add_argument("--batch", type=int, default=None)
    parser.add_argument("--shift", type=float, default=None)
    parser.add_argument("--stop-at", type=int, default=None, help="end at this step, on the schedule of --steps")
    parser.add_argument("--frozen-text-encoder", action="store_true",
                        help="keep the bundled model's trained text encoder, frozen, instead of training one")
    args = parser.parse_args(argv)
    changes = {k: v for k, v in (("steps", args.steps), ("batch", args.batch), ("shift", args.shift),
                                 ("stop_at", args.stop_at), ("frozen_text_encoder", args.frozen_text_encoder or None))
               if v is not None}
    recipe = dataclasses.replace(FlowRecipe(), **changes)
    stage, parts = train_flow(recipe, Path(args.workdir), restart=args.restart)
    out = write_flow_model(stage, parts, recipe, Path(args.out))
    write_flow_card(out)
    print(f"wrote {out}; choice {json.dumps(stage.choice)}")


if __name__ == "__main__":  # pragma: no cover
    main()
