"""Training a LoRA: teach the bundled model a colour it has never seen, from a few dozen pictures.

The recipe of kohya's train_network.py and diffusers' train_text_to_image_lora.py on a small scale: the model is
frozen, ``course.nets.lora.inject_lora`` adds rank-r updates to the UNet's attention (by default), and the usual DDPM
loss (pick t, noise the latent, regress ε with a mean squared error) trains only those. The data is ``images``
pictures of split "new" of ``course.training.data`` (a pink shape: the word and the colour are new to the model), and,
mixed into every batch, pictures of the old concepts: DreamBooth's prior preservation (Ruiz et al. 2022), which
keeps the LoRA from repainting everything pink. Pictures are encoded by the VAE once.

The loop is ``course.training.stage.Stage``: a progress bar, a checkpoint ``<workdir>/lora.pt`` every minute and on Ctrl-C,
and the same command continues from it with the very same batches (each is a pure function of seed and step).

    python -m course train-lora --out runs/lora/pink.safetensors
"""
from __future__ import annotations

import dataclasses
import json
import time
from dataclasses import dataclass
from pathlib import Path

import torch
from tqdm.auto import tqdm

from course.io.loading import load_bundled
from course.io.lora_files import save_lora
from course.nets.lora import LoRANetwork, inject_lora
from course.sampling.schedules import add_noise, training_alphas_cumprod
from course.training import data
from course.training.stage import Stage, prepare_resume, recipe_settings, step_generator


@dataclass(frozen=True)
class LoRARecipe:
    """What to learn and how. ``quick()``: a few steps, for tests."""

    images: int = 40             # pictures of the new concept ("a few dozen")
    split: str = "new"           # course.training.data split they come from: a pink shape on one of the nine backgrounds
    prior_images: int = 400      # pictures of the old concepts (the model's training split)
    prior_share: float = 0.5     # of every batch (0: plain LoRA, which forgets more of the old concepts)
    rank: int = 4
    alpha: float = 4.0           # the update is scaled by alpha / rank
    targets: tuple = ("attention",)
    dropout: float = 0.0
    lr: float = 2e-3
    warmup: int = 20
    steps: int = 800             # fewer steps draw the new colour less often (docs/recipes.md)
    batch: int = 32
    caption_dropout: float = 0.1  # as in the base training: CFG's unconditional prediction stays trained
    seed: int = 0
    save_every_s: float = 60.0

    @classmethod
    def quick(cls) -> "LoRARecipe":
        return dataclasses.replace(cls(), images=6, prior_images=6, steps=4, batch=4, warmup=1)


def encode_pictures(parts, recipe: LoRARecipe, device) -> dict:
    """The VAE's posterior (mean, std) of the concept's and the prior's pictures, and their captions, once."""
    out = {}
    for name, split, n, seed in (("concept", recipe.split, recipe.images, recipe.seed + 10),
                                 ("prior", "train", recipe.prior_images, recipe.seed + 11)):
        ds = data.ShapesDataset(max(n, 1), seed=seed, split=split, size=32)
        items = [ds[i] for i in range(n)]
        with torch.no_grad():
            pixels = torch.stack([im for im, _ in items]).to(next(parts.vae.parameters())) if n else None  # its dtype
            posterior = parts.vae.encode(pixels * 2 - 1) if n else None
        out[name] = (posterior.mean if n else None, posterior.std if n else None, [c for _, c in items])
    return out


def batch_at(pictures: dict, recipe: LoRARecipe, step: int, generator: torch.Generator):
    """The latent means, stds and captions of step ``step``'s batch: concept and prior pictures, drawn with
    ``generator`` (seeded from the step, so a resumed run sees the same batches)."""
    n_prior = round(recipe.batch * recipe.prior_share) if pictures["prior"][0] is not None else 0
    parts = []
    for name, k in (("concept", recipe.batch - n_prior), ("prior", n_prior)):
        mean, std, captions = pictures[name]
        if k:
            idx = torch.randint(0, len(captions), (k,), generator=generator)
            parts.append((mean[idx], std[idx], [captions[i] for i in idx.tolist()]))
    return (torch.cat([p[0] for p in parts]), torch.cat([p[1] for p in parts]), sum((p[2] for p in parts), []))


def train_lora(parts, recipe: LoRARecipe | None = None, workdir: str | Path = "runs/lora",
               network: LoRANetwork | None = None, device: str | None = None, log=None, log_every: int = 100,
               restart: bool = False):
    """Train a LoRA on ``parts`` (a frozen model: ``course.parts.Parts``) and return (network, losses).

    ``network``: an injected LoRA to train (notebook 06 passes one built from the learner's layers); default
    ``inject_lora(parts, recipe.rank, recipe.alpha, recipe.targets)``. ``losses``: the loss of every step run in
    this call. ``log(stage)`` runs every ``log_every`` steps (``stage.model`` is the network, ``stage.step`` the step).
    Resumes from ``<workdir>/lora.pt`` when it exists and was made with the same recipe (else refuses, naming what
    differs); ``restart=True`` deletes that checkpoint and starts from step 0.
    """

    recipe = recipe or LoRARecipe()
    _check(recipe)
    prepare_resume(Path(workdir) / "lora.pt", recipe_settings(recipe), restart)  # before the slow setup
    device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
    for module in (parts.unet, parts.text_encoder, parts.vae):
        module.to(device)
    torch.manual_seed(recipe.seed)  # the LoRA's initial A
    if network is None:
        network = inject_lora(parts, recipe.rank, recipe.alpha, recipe.targets, recipe.dropout)
    for module in (parts.unet, parts.text_encoder, parts.vae):
        module.eval()  # the frozen model keeps eval mode; only the LoRA layers train
    train_text = any(p.startswith("text_encoder.") for p in network.paths.values())
    pictures = encode_pictures(parts, recipe, device)
    ac = training_alphas_cumprod(parts.scheduler_config).to(device)  # the schedule the base model learnt
    stage = Stage("lora", network, recipe.lr, Path(workdir), recipe.steps, recipe.warmup,
                  settings=recipe_settings(recipe))
    losses = []

    def loss_at(step: int) -> torch.Tensor:
        g = step_generator(recipe.seed, step)
        mean, std, captions = batch_at(pictures, recipe, step, g)
        drop = torch.rand(len(captions), generator=g) < recipe.caption_dropout
        texts = ["" if d else c for c, d in zip(captions, drop.tolist())]
        like = next(parts.unet.parameters())  # half-precision parts: the UNet's dtype (the VAE's may be float32)
        z = ((mean + std * torch.randn(mean.shape, generator=g).to(mean)) * parts.vae.scaling_factor).to(like)
        t = torch.randint(0, len(ac), (len(texts),), generator=g).to(device)
        noise = torch.randn(z.shape, generator=g).to(z)
        x_t = add_noise(z, noise, ac[t]).to(like)  # (B, 4, h, w); ᾱ is float32
        ids = parts.tokenizer(texts, warn=False)["input_ids"].to(device)
        with torch.set_grad_enabled(train_text):
            context = parts.text_encoder(ids)
        loss = (parts.unet(x_t, t, context).float() - noise.float()).pow(2).mean()  # summed in float32
        losses.append(loss.item())
        return loss

    network.train()
    stage.run(loss_at, recipe.save_every_s, log=log, log_every=log_every)
    network.eval()
    return network, losses


def _check(recipe: LoRARecipe) -> None:
    if recipe.images < 1:
        raise ValueError(f"images={recipe.images}: a LoRA needs at least one picture of the concept (a few dozen).")
    if not 0 <= recipe.prior_share < 1:
        raise ValueError(f"prior_share={recipe.prior_share} must be in [0, 1): the share of each batch that shows "
                         "old concepts (0.5 keeps them; 0 is plain LoRA).")
    if recipe.prior_share > 0 and recipe.prior_images < 1:
        raise ValueError(f"prior_share={recipe.prior_share} needs prior_images >= 1 (or prior_share=0).")


def train_lora_command(out: str | Path, workdir: str | Path = "runs/lora", recipe: LoRARecipe | None = None,
                       layout: str = "kohya", device: str | None = None, restart: bool = False) -> Path:
    """Load the bundled model, train the LoRA (resuming a stopped run made with the same recipe; ``restart``:
    discard the checkpoint and start anew), write it to ``out`` with a JSON of the recipe and timing next to it."""

    recipe = recipe or LoRARecipe()
    _check(recipe)
    prepare_resume(Path(workdir) / "lora.pt", recipe_settings(recipe), restart)  # before loading anything
    started = time.monotonic()
    parts = load_bundled()
    network, losses = train_lora(parts, recipe, workdir, device=device)
    print(network.summary())
    path = save_lora(network, out, layout=layout)
    seconds = torch.load(Path(workdir) / "lora.pt", map_location="cpu", weights_only=True).get("seconds", 0.0)
    info = {"recipe": dataclasses.asdict(recipe), "training_seconds": round(seconds, 1),
            "this_run_seconds": round(time.monotonic() - started, 1), "torch_threads": torch.get_num_threads(),
            "losses": [round(x, 5) for x in losses]}
    path.with_suffix(".json").write_text(json.dumps(info, indent=1))
    tqdm.write(f"wrote {path} ({layout} layout); training took {seconds:.0f} s")
    return path


__all__ = ["LoRARecipe", "train_lora", "train_lora_command", "encode_pictures", "batch_at"]
