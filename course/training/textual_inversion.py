"""Textual inversion: teach the bundled model a word for a new concept by learning only that word's vectors.

Gal et al. 2022, "An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion"; the
recipe of diffusers' examples/textual_inversion/textual_inversion.py on a small scale. The UNet, the VAE and the
text encoder stay frozen; a new token ``<pink>`` (with ``vectors`` > 1: ``<pink>``, ``<pink>_1``, ...) is added to
the tokenizer, its vectors start at a related word's ("purple"), and the usual ε-prediction loss (pick t, noise
the latent, regress the noise with a mean squared error) on pictures of the concept, captioned with the token
where the concept's word would be ("a <pink> circle in the top left on a blue background"), trains those vectors
alone. The concepts (``CONCEPTS``): pink (split "new" of ``course.training.data``, the LoRA's colour), a colour the
model has never drawn, and a ring (split "new_shape"), a shape it has never drawn. Nothing else changes, so every
old prompt gives exactly the pictures it gave before; the price: a word can only steer the model to what its frozen
UNet and VAE can already draw. Pink lies between colours it knows; a ring, a hole in a shape, does not (measured
in docs/results.md), which is what DreamBooth and LoRA, which change the UNet, are for.

The loop is ``course.training.stage.Stage``: a progress bar, a checkpoint ``<workdir>/textual_inversion.pt`` every
minute and on Ctrl-C, and the same command continues from it with the same batches (each is a pure function of
seed and step). The result is an embedding file (course/io/embeddings.py), diffusers' or A1111's layout.

    python -m course train-textual-inversion --out runs/textual_inversion/learned_embeds.safetensors
"""
from __future__ import annotations

import dataclasses
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn
from tqdm.auto import tqdm

from course.io.embeddings import save_textual_inversion
from course.io.loading import load_bundled
from course.pipeline import text_to_image
from course.sampling.schedules import add_noise, training_alphas_cumprod
from course.training import data
from course.training.stage import Stage, concept_recipe, prepare_resume, recipe_settings, step_generator

CHECKPOINT = "textual_inversion.pt"
# the concepts the bundled model has never seen (course.training.data): the token, the word its vectors start
# from, and the split of the pictures; ``TextualInversionRecipe.of(name)``
CONCEPTS = {"pink": dict(token="<pink>", init_word="purple", split="new"),
            "ring": dict(token="<ring>", init_word="circle", split="new_shape")}


@dataclass(frozen=True)
class TextualInversionRecipe:
    """What to learn and how. ``quick()``: a few steps, for tests."""

    token: str = "<pink>"        # the new word; with vectors > 1 also <pink>_1, ... (diffusers' names)
    init_word: str = "purple"    # the vectors start at this word's (the mean of its tokens' vectors)
    vectors: int = 1             # the paper's default; more did not help the ring (docs/results.md)
    images: int = 40             # pictures of the concept ("a few dozen")
    split: str = "new"           # course.training.data split they come from
    lr: float = 5e-3
    warmup: int = 20
    steps: int = 300
    batch: int = 32
    seed: int = 0
    save_every_s: float = 60.0

    @classmethod
    def quick(cls) -> "TextualInversionRecipe":
        return dataclasses.replace(cls(), images=6, steps=4, batch=4, warmup=1, vectors=2)

    @classmethod
    def of(cls, concept: str, **changes) -> "TextualInversionRecipe":
        """The recipe for one of CONCEPTS ("pink", the LoRA's colour and the default, or "ring"), with ``changes``."""
        return concept_recipe(cls, CONCEPTS, concept, changes)


class NewTokens(nn.Module):
    """The new tokens' vectors (n, D) as a parameter of their own, put in place of their rows of the token table by a
    forward hook, so the gradient reaches them and nothing else.

    Why not train the token table with a gradient mask: the optimizer would still change the frozen rows. AdamW's
    weight decay shrinks every weight it holds, gradient or not (diffusers' script copies the old rows back after
    each step for that reason), and the checkpoint would carry Adam's moments for all V rows. A separate (n, D)
    parameter is exactly what trains, is all the checkpoint holds, and leaves the table untouched until ``write``."""

    def __init__(self, start: torch.Tensor, first_id: int):
        super().__init__()
        self.vectors = nn.Parameter(start.detach().clone())  # (n, D)
        self.first_id, self.hook = first_id, None

    def install(self, text_encoder) -> None:
        def put_vectors(module, inputs, out):
            ids = inputs[0]
            new = (ids >= self.first_id) & (ids < self.first_id + len(self.vectors))
            rows = self.vectors[(ids - self.first_id).clamp(0, len(self.vectors) - 1)].to(out.dtype)
            return torch.where(new[..., None], rows, out)  # (B, T, D)

        self.hook = text_encoder.embeddings.token_embedding.register_forward_hook(put_vectors)

    def write(self, text_encoder) -> None:
        """Put the vectors into the token table for good (as loading the file would) and remove the hook."""
        table = text_encoder.embeddings.token_embedding.weight
        with torch.no_grad():
            table[self.first_id:self.first_id + len(self.vectors)] = self.vectors.to(table.dtype)
        if self.hook is not None:
            self.hook.remove()
            self.hook = None


def concept_word(spec: data.Spec) -> str:
    """The word of ``spec`` that names the new concept: its shape if it is one of NEW_SHAPES, else its colour (split
    "new": pink, the LoRA's colour), so the same trainer learns either kind of concept."""
    return spec.shape if spec.shape in data.NEW_SHAPES else spec.colour


def with_token(text: str, spec: data.Spec, token: str) -> str:
    """The caption with the concept's word replaced by the token: "a drawing of a red <ring> ..." (whole words)."""
    return re.sub(rf"\b{re.escape(concept_word(spec))}\b", token, text)


def encode_pictures(parts, recipe: TextualInversionRecipe, device):
    """The VAE's posterior (mean, std) of the concept's pictures, and their captions with the token, once."""
    ds = data.ShapesDataset(recipe.images, seed=recipe.seed + 10, split=recipe.split, size=32)
    items = [ds.item(i) for i in range(recipe.images)]
    images = torch.stack([torch.from_numpy(im).permute(2, 0, 1).float() / 255 for im, _, _ in items])
    with torch.no_grad():
        posterior = parts.vae.encode(images.to(device) * 2 - 1)
    return posterior.mean, posterior.std, [with_token(text, spec, recipe.token) for _, text, spec in items]


def add_new_tokens(parts, recipe: TextualInversionRecipe) -> NewTokens:
    """Add the recipe's tokens to the tokenizer (and rows to the text encoder when it has no spare ones); returns
    their vectors, started at ``init_word``'s, hooked into the text encoder."""
    tokenizer, encoder = parts.tokenizer, parts.text_encoder
    init = tokenizer.encode(recipe.init_word)
    if not init:
        raise ValueError(f"init_word={recipe.init_word!r} has no tokens: give a word related to the concept, e.g. "
                         "'circle' for a ring.")
    names = [recipe.token] + [f"{recipe.token}_{i}" for i in range(1, recipe.vectors)]
    taken = [n for n in names if n in tokenizer.encoder]
    if taken:
        raise ValueError(f"token {taken[0]!r} is already in the tokenizer's vocabulary; pass another token (e.g. "
                         "'<my-ring>'), or train on fresh parts (load_bundled()).")
    table = encoder.embeddings.token_embedding.weight
    start = table[init].detach().mean(dim=0).repeat(recipe.vectors, 1)  # (n, D)
    ids = tokenizer.add_tokens(names)
    if encoder.embeddings.token_embedding.num_embeddings <= max(ids):
        encoder.resize_token_embeddings(max(ids) + 1)
    new = NewTokens(start, ids[0]).to(table.device)
    new.install(encoder)
    return new


def train_textual_inversion(parts, recipe: TextualInversionRecipe | None = None,
                            workdir: str | Path = "runs/textual_inversion", device: str | None = None, log=None,
                            log_every: int = 100, restart: bool = False):
    """Learn the recipe's token on ``parts`` (``course.parts.Parts``, changed in place: the tokenizer gets the
    token, the text encoder its vectors) and return (vectors (n, D), losses of the steps run in this call).

    ``log(stage)`` runs every ``log_every`` steps. Resumes from ``<workdir>/textual_inversion.pt`` when it exists and
    was made with the same recipe (else refuses, naming what differs); ``restart=True`` starts from step 0."""
    recipe = recipe or TextualInversionRecipe()
    _check(recipe)
    prepare_resume(Path(workdir) / CHECKPOINT, recipe_settings(recipe), restart)  # before the slow setup
    device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
    for module in (parts.unet, parts.text_encoder, parts.vae):
        module.to(device).requires_grad_(False).eval()
    new = add_new_tokens(parts, recipe)
    mean, std, captions = encode_pictures(parts, recipe, device)
    ac = training_alphas_cumprod(parts.scheduler_config).to(device)
    stage = Stage("textual_inversion", new, recipe.lr, Path(workdir), recipe.steps, recipe.warmup,
                  settings=recipe_settings(recipe))
    losses = []

    def loss_at(step: int) -> torch.Tensor:
        g = step_generator(recipe.seed, step)
        idx = torch.randint(0, len(captions), (recipe.batch,), generator=g)
        z = (mean[idx] + std[idx] * torch.randn(mean[idx].shape, generator=g).to(device)) * parts.vae.scaling_factor
        t = torch.randint(0, len(ac), (recipe.batch,), generator=g).to(device)
        noise = torch.randn(z.shape, generator=g).to(device)
        ids = parts.tokenizer([captions[i] for i in idx.tolist()], warn=False)["input_ids"].to(device)
        context = parts.text_encoder(ids)  # the hook puts the new vectors in: the gradient reaches them alone
        loss = (parts.unet(add_noise(z, noise, ac[t]), t, context) - noise).pow(2).mean()
        losses.append(loss.item())
        return loss

    try:
        stage.run(loss_at, recipe.save_every_s, log=log, log_every=log_every)
    finally:
        new.write(parts.text_encoder)
    return new.vectors.detach().clone(), losses


def concept_prompts(token: str, n: int = 60, seed: int = 1, split: str = "new_shape") -> list:
    """``n`` (prompt, Spec) of ``split`` in the evaluation phrasing, the token in place of the shape's name; seed 1,
    so other pictures than the training ones (seed + 10 of the recipe)."""
    rng = np.random.default_rng(seed)
    specs = [data.sample_spec(rng, split) for _ in range(n)]
    return [(with_token(data.prompt(s), s, token), s) for s in specs]


def adherence(parts, prompts, batch: int = 50) -> dict:
    """The analytic checker's accuracies (``data.evaluate``) on the pictures drawn for ``prompts`` (seed 0 per
    batch, the model's default sampler, steps and guidance)."""
    images = [text_to_image(parts, [p for p, _ in prompts[i:i + batch]], seed=0, output_type="pt", progress=False)
              for i in range(0, len(prompts), batch)]
    return data.evaluate(torch.cat(images), [s for _, s in prompts])


def _check(recipe: TextualInversionRecipe) -> None:
    recipe_settings(recipe)  # NaN, inf, steps/batch/lr <= 0
    if recipe.images < 1 or recipe.vectors < 1:
        raise ValueError(f"images={recipe.images}, vectors={recipe.vectors}: textual inversion needs at least one "
                         "picture of the concept (a few dozen) and one vector (1 to 8 are usual).")
    data.ShapesDataset(1, split=recipe.split)  # checks the split's name
    if not isinstance(recipe.token, str) or not recipe.token.strip():
        raise ValueError(f"token={recipe.token!r}: give the new word, e.g. '<ring>'.")


def train_textual_inversion_command(out: str | Path, workdir: str | Path = "runs/textual_inversion",
                                    recipe: TextualInversionRecipe | None = None, layout: str = "diffusers",
                                    device: str | None = None, restart: bool = False) -> Path:
    """Load the bundled model, learn the token (resuming a stopped run made with the same recipe; ``restart``:
    start anew), write the embedding to ``out`` with a JSON of the recipe and timing next to it."""
    recipe = recipe or TextualInversionRecipe()
    _check(recipe)
    prepare_resume(Path(workdir) / CHECKPOINT, recipe_settings(recipe), restart)  # before loading anything
    started = time.monotonic()
    parts = load_bundled()
    _, losses = train_textual_inversion(parts, recipe, workdir, device=device)
    path = save_textual_inversion(parts, out, recipe.token, layout=layout)
    seconds = torch.load(Path(workdir) / CHECKPOINT, map_location="cpu", weights_only=True).get("seconds", 0.0)
    info = {"recipe": dataclasses.asdict(recipe), "training_seconds": round(seconds, 1),
            "this_run_seconds": round(time.monotonic() - started, 1), "torch_threads": torch.get_num_threads(),
            "losses": [round(x, 5) for x in losses]}
    path.with_suffix(".json").write_text(json.dumps(info, indent=1))
    tqdm.write(f"wrote {path} ({layout} layout, token {recipe.token}); training took {seconds:.0f} s")
    return path


__all__ = ["CONCEPTS", "TextualInversionRecipe", "NewTokens", "train_textual_inversion",
           "train_textual_inversion_command", "add_new_tokens", "encode_pictures", "concept_prompts", "adherence",
           "with_token", "concept_word"]
