"""DreamBooth: teach the bundled model a new concept by fine-tuning the UNet itself, with a rare word for it.

Ruiz et al. 2022, "DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation"; the recipe
of diffusers' examples/dreambooth/train_dreambooth.py on a small scale. A few dozen pictures of the concept (split
"new" of ``course.training.data``, a pink shape, or "new_shape", a ring) are captioned with a rare identifier
("sks", whose tokens no caption of the model's training holds) in place of the concept's word, and the whole UNet
(and with ``train_text_encoder`` the text encoder) trains on them with the usual ε loss. Fine-tuning all the weights
on 40 pictures drifts the model: old words start to draw the new concept (the paper's "language drift"). The fix
is prior preservation: before training, the frozen model itself draws ``class_images`` pictures of the old
concepts (the concept's captions with an old colour or shape in place of the identifier), and every step also
regresses the noise on those, weighted by ``prior_weight`` (``prior_preservation_loss``): the model is asked to
keep drawing what it drew. Unlike textual inversion, which can only steer the frozen model to what it can already
draw, DreamBooth changes the network, so a new shape is within its reach (measured in docs/results.md).

The loop is ``course.training.stage.Stage``: a progress bar, a checkpoint ``<workdir>/dreambooth.pt`` every minute
and on Ctrl-C, and the same command continues from it with the same batches (each is a pure function of seed and
step). The result is a whole model folder (``course.io.loading.save_folder``), as diffusers' script writes one.

    python -m course train-dreambooth --out runs/dreambooth/model
"""
from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn
from tqdm.auto import tqdm

from course.io.loading import load_bundled, save_folder
from course.pipeline import text_to_image
from course.sampling.schedules import add_noise, training_alphas_cumprod
from course.training import data
from course.training.stage import Stage, concept_recipe, prepare_resume, recipe_settings, step_generator
from course.training.textual_inversion import concept_word, with_token

CHECKPOINT = "dreambooth.pt"
# the concepts the bundled model has never seen: the split of their pictures; ``DreamBoothRecipe.of(name)``
CONCEPTS = {"pink": dict(split="new"), "ring": dict(split="new_shape")}
MAX_CLASS_IMAGES = 1024  # drawn in one call of the pipeline (course.sampling.arguments.LIMITS["max_batch"])


@dataclass(frozen=True)
class DreamBoothRecipe:
    """What to learn and how. ``quick()``: a few steps, for tests; ``of(concept)``: pink (default) or the ring."""

    identifier: str = "sks"      # the rare word in place of the concept's ("a sks circle ..."), the paper's choice
    split: str = "new"           # course.training.data split of the concept's pictures: pink shapes
    images: int = 40             # pictures of the concept ("a few dozen"; the LoRA's and textual inversion's 40)
    class_images: int = 100      # pictures of old concepts the frozen model draws first (diffusers' default 100)
    prior_weight: float = 1.0    # of the class pictures' loss (0: no prior preservation); the paper's 1
    train_text_encoder: bool = False
    lr: float = 5e-4
    warmup: int = 20
    steps: int = 300
    batch: int = 16              # concept pictures per step; with prior preservation as many class pictures
    caption_dropout: float = 0.1  # as in the base training: CFG's unconditional prediction stays trained
    seed: int = 0
    save_every_s: float = 60.0

    @classmethod
    def quick(cls) -> "DreamBoothRecipe":
        return dataclasses.replace(cls(), images=6, class_images=4, steps=4, batch=4, warmup=1)

    @classmethod
    def of(cls, concept: str, **changes) -> "DreamBoothRecipe":
        """The recipe for one of CONCEPTS ("pink", the default, or "ring", a new shape), with ``changes``."""
        return concept_recipe(cls, CONCEPTS, concept, changes)


def prior_preservation_loss(pred: torch.Tensor, target: torch.Tensor, n_instance: int,
                            prior_weight: float) -> torch.Tensor:
    """DreamBooth's loss: the rows of ``pred`` and ``target`` (the UNet's prediction and the noise) are the concept's
    ``n_instance`` pictures first, then the class pictures. It is the mean squared error of the concept's rows plus
    ``prior_weight`` times the mean squared error of the class rows (each a mean over its own elements, as diffusers'
    ``F.mse_loss(...) + prior_loss_weight * F.mse_loss(...)``). With ``prior_weight`` 0, or no class rows, it is
    the plain mean squared error of the concept's rows. Summed in float32."""
    if pred.shape != target.shape or not 1 <= n_instance <= len(pred):
        raise ValueError(f"pred {tuple(pred.shape)} and target {tuple(target.shape)} must have the same shape, and "
                         f"n_instance={n_instance} must be 1 to {len(pred)}: the concept's rows come first.")
    pred, target = pred.float(), target.float()
    loss = (pred[:n_instance] - target[:n_instance]).pow(2).mean()
    if prior_weight and n_instance < len(pred):
        loss = loss + prior_weight * (pred[n_instance:] - target[n_instance:]).pow(2).mean()
    return loss


def trained_token_ids(tokenizer) -> set:
    """The ids of every token in the captions the bundled model was trained on (course.training.data's words)."""
    words = [w for options in data.TEMPLATES.values() for t in options for w in t.split() if "{" not in w]
    words += [*data.COLOURS, *data.SHAPES, *data.POSITIONS, "middle", "an"]
    return set(tokenizer.encode(" ".join(words)))


def instance_pictures(parts, recipe: DreamBoothRecipe, device):
    """The VAE's posterior (mean, std) of the concept's pictures (seed + 10: the LoRA's and textual inversion's),
    and their captions with the identifier in place of the concept's word, once."""
    ds = data.ShapesDataset(recipe.images, seed=recipe.seed + 10, split=recipe.split, size=32)
    items = [ds.item(i) for i in range(recipe.images)]
    images = torch.stack([torch.from_numpy(im).permute(2, 0, 1).float() / 255 for im, _, _ in items])
    with torch.no_grad():
        posterior = parts.vae.encode(images.to(device) * 2 - 1)
    return posterior.mean, posterior.std, [with_token(text, spec, recipe.identifier) for _, text, spec in items]


def class_prompts(recipe: DreamBoothRecipe) -> list:
    """``class_images`` (caption, Spec) of old concepts: pictures of the concept's split (seed + 12) with its new
    word replaced by a random old colour (pink) or shape (ring), chosen among the training triples only, so no
    held-out triple, which measures the drift, is ever trained on; captions phrased as in training."""
    rng = np.random.default_rng(recipe.seed + 12)
    out = []
    for _ in range(recipe.class_images):
        spec = data.sample_spec(rng, recipe.split)
        kind = "shape" if concept_word(spec) == spec.shape else "colour"
        options = [w for w in (data.SHAPES if kind == "shape" else data.COLOURS)
                   if w != spec.background and data.split_of(*dataclasses.astuple(
                       dataclasses.replace(spec, **{kind: w}))[:3]) == "train"]
        spec = dataclasses.replace(spec, **{kind: options[rng.integers(len(options))]})
        out.append((data.caption(spec, rng), spec))
    return out


def draw_class_pictures(parts, recipe: DreamBoothRecipe, device) -> dict:
    """The class pictures, drawn by ``parts`` itself (the frozen model, before any training) for ``class_prompts``
    in one call, seed ``recipe.seed``, at the model's own sampler, steps and guidance; then encoded by the VAE.
    Returns {"images": (N, 3, H, W) in [0, 1], "mean", "std": the VAE's posterior, "captions", "specs"}."""
    prompts = class_prompts(recipe)
    captions = [c for c, _ in prompts]
    images = text_to_image(parts, captions, seed=recipe.seed, output_type="pt", progress=False)
    with torch.no_grad():
        posterior = parts.vae.encode(images.to(device) * 2 - 1)
    return {"images": images, "mean": posterior.mean, "std": posterior.std, "captions": captions,
            "specs": [s for _, s in prompts]}


def train_dreambooth(parts, recipe: DreamBoothRecipe | None = None, workdir: str | Path = "runs/dreambooth",
                     device: str | None = None, log=None, log_every: int = 100, restart: bool = False):
    """Fine-tune ``parts`` (``course.parts.Parts``, changed in place: the UNet, and the text encoder if
    ``recipe.train_text_encoder``) on the recipe's concept; return (parts, losses of the steps run in this call).

    ``log(stage)`` runs every ``log_every`` steps. Resumes from ``<workdir>/dreambooth.pt`` when it exists and was
    made with the same recipe (else refuses, naming what differs); ``restart=True`` starts from step 0."""
    recipe = recipe or DreamBoothRecipe()
    _check(recipe)
    prepare_resume(Path(workdir) / CHECKPOINT, recipe_settings(recipe), restart)  # before the slow setup
    _check_parts(parts, recipe)
    device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
    for module in (parts.unet, parts.text_encoder, parts.vae):
        module.to(device).requires_grad_(False).eval()
    prior = recipe.prior_weight > 0
    # drawn by the model as it is now, before the checkpoint (a fine-tuned UNet) is loaded into it
    classes = draw_class_pictures(parts, recipe, device) if prior else None
    mean, std, captions = instance_pictures(parts, recipe, device)
    trained = nn.ModuleDict({"unet": parts.unet, **({"text_encoder": parts.text_encoder}
                                                    if recipe.train_text_encoder else {})})
    trained.requires_grad_(True)
    ac = training_alphas_cumprod(parts.scheduler_config).to(device)  # the schedule the base model learnt
    stage = Stage("dreambooth", trained, recipe.lr, Path(workdir), recipe.steps, recipe.warmup,
                  settings=recipe_settings(recipe))
    losses = []

    def loss_at(step: int) -> torch.Tensor:
        g, b = step_generator(recipe.seed, step), recipe.batch
        idx = torch.randint(0, len(captions), (b,), generator=g)
        means, stds, texts = mean[idx], std[idx], [captions[i] for i in idx.tolist()]
        if prior:  # the concept's rows first, then as many class rows: what prior_preservation_loss expects
            cidx = torch.randint(0, len(classes["captions"]), (b,), generator=g)
            means, stds = torch.cat([means, classes["mean"][cidx]]), torch.cat([stds, classes["std"][cidx]])
            texts += [classes["captions"][i] for i in cidx.tolist()]
        drop = torch.rand(len(texts), generator=g) < recipe.caption_dropout
        texts = ["" if d else c for c, d in zip(texts, drop.tolist())]
        z = (means + stds * torch.randn(means.shape, generator=g).to(device)) * parts.vae.scaling_factor
        t = torch.randint(0, len(ac), (len(texts),), generator=g).to(device)
        noise = torch.randn(z.shape, generator=g).to(device)
        ids = parts.tokenizer(texts, warn=False)["input_ids"].to(device)
        with torch.set_grad_enabled(recipe.train_text_encoder):
            context = parts.text_encoder(ids)  # (2b, T, D)
        pred = parts.unet(add_noise(z, noise, ac[t]), t, context)
        loss = prior_preservation_loss(pred, noise, b, recipe.prior_weight)
        losses.append(loss.item())
        return loss

    trained.train()
    try:
        stage.run(loss_at, recipe.save_every_s, log=log, log_every=log_every)
    finally:
        trained.eval().requires_grad_(False)
    return parts, losses


def _check(recipe: DreamBoothRecipe) -> None:
    recipe_settings(recipe)  # NaN, inf, steps/batch/lr <= 0
    if recipe.images < 1:
        raise ValueError(f"images={recipe.images}: DreamBooth needs at least one picture of the concept (3 to 5 in "
                         "the paper, a few dozen here).")
    if recipe.prior_weight < 0:
        raise ValueError(f"prior_weight={recipe.prior_weight} must be >= 0: the weight of the class pictures' loss "
                         "(1 in the paper; 0 turns prior preservation off).")
    if recipe.prior_weight > 0 and not 1 <= recipe.class_images <= MAX_CLASS_IMAGES:
        raise ValueError(f"class_images={recipe.class_images}: prior preservation (prior_weight="
                         f"{recipe.prior_weight}) needs 1 to {MAX_CLASS_IMAGES} class pictures (diffusers draws "
                         "100), or prior_weight=0.")
    if not 0 <= recipe.caption_dropout < 1:
        raise ValueError(f"caption_dropout={recipe.caption_dropout} must be in [0, 1): the share of captions "
                         "replaced by the empty prompt (0.1 keeps CFG's unconditional prediction trained).")
    if recipe.split not in [c["split"] for c in CONCEPTS.values()]:
        raise ValueError(f"split={recipe.split!r} holds no new concept: use DreamBoothRecipe.of('pink') (split "
                         "'new') or DreamBoothRecipe.of('ring') (split 'new_shape').")
    if not isinstance(recipe.identifier, str) or len(recipe.identifier.split()) != 1:
        raise ValueError(f"identifier={recipe.identifier!r}: give one rare word, e.g. 'sks'.")


def _check_parts(parts, recipe: DreamBoothRecipe) -> None:
    """The identifier must be new to the model, and the trained networks in float32."""
    known = trained_token_ids(parts.tokenizer) & set(parts.tokenizer.encode(recipe.identifier))
    if known:
        words = ", ".join(repr(parts.tokenizer.decoder[i]) for i in sorted(known))
        raise ValueError(f"identifier={recipe.identifier!r} is read with tokens the model was trained on ({words}): "
                         "its prior would fight the new concept. Pick a rare word such as 'sks'.")
    nets = [parts.unet] + ([parts.text_encoder] if recipe.train_text_encoder else [])
    if any(next(n.parameters()).dtype != torch.float32 for n in nets):
        raise ValueError("DreamBooth fine-tunes the weights themselves, and AdamW's small updates vanish in half "
                         "precision: load the parts in float32 (the default of load_bundled).")


def train_dreambooth_command(out: str | Path, workdir: str | Path = "runs/dreambooth",
                             recipe: DreamBoothRecipe | None = None, device: str | None = None,
                             restart: bool = False) -> Path:
    """Load the bundled model, fine-tune it (resuming a stopped run made with the same recipe; ``restart``: start
    anew), write it to the folder ``out`` (a diffusers model folder that ``load_folder`` reads, with the bundled
    model's sampling defaults) with ``dreambooth.json`` in it: the recipe, the prompt word and the timing."""
    recipe = recipe or DreamBoothRecipe()
    _check(recipe)
    prepare_resume(Path(workdir) / CHECKPOINT, recipe_settings(recipe), restart)  # before loading anything
    started = time.monotonic()
    parts = load_bundled()
    _, losses = train_dreambooth(parts, recipe, workdir, device=device)
    seconds = torch.load(Path(workdir) / CHECKPOINT, map_location="cpu", weights_only=True).get("seconds", 0.0)
    info = {"recipe": dataclasses.asdict(recipe), "prompt": f"the concept's word is {recipe.identifier!r}",
            "training_seconds": round(seconds, 1), "this_run_seconds": round(time.monotonic() - started, 1),
            "torch_threads": torch.get_num_threads(), "losses": [round(x, 5) for x in losses]}
    path = save_folder(parts, out, extra={"bundled.json": {"defaults": parts.defaults}, "dreambooth.json": info})
    tqdm.write(f"wrote {path} (the concept's word: {recipe.identifier}); training took {seconds:.0f} s")
    return path


__all__ = ["CONCEPTS", "DreamBoothRecipe", "prior_preservation_loss", "trained_token_ids", "instance_pictures",
           "class_prompts", "draw_class_pictures", "train_dreambooth", "train_dreambooth_command"]
