"""A small CLIP image tower for the bundled world: the image encoder the bundled IP-Adapter reads.

Radford et al. 2021, "Learning Transferable Visual Models From Natural Language Supervision" (CLIP): an image tower
and a text tower trained so that each picture's vector lies nearest its own caption's among a batch of N (the
symmetric InfoNCE loss of ``course.training.contrastive.clip_loss``). Here the text tower is not trained: the
bundled model's text encoder is frozen, and the image tower learns to land next to its pooled caption vector (the
EOS token's final state) through a learned projection, as Zhai et al. 2022 ("LiT: Zero-Shot Transfer with Locked-image
text Tuning") lock one tower and train the other. Locking it keeps one meaning of "red" across the course: the
picture's vector sits in the space of the words the UNet already reads.

Why contrastive, and not four classifiers for colour, shape, background and position: it is what the real image
encoder of an IP-Adapter (OpenCLIP's ViT-H/14) was trained with, it needs no labels but the captions, and its
zero-shot reading (the nearest of all 1,080 prompts of this world, ``zero_shot_accuracy``) measures it honestly.

The tower is ``course.nets.image_encoder.ImageEncoder``, CLIP's Vision Transformer at toy size: 32-px pictures in
8-px patches (16 patches and the class token), so the folder it is saved to (``save_image_encoder``:
config.json + model.safetensors) loads in transformers' ``CLIPVisionModelWithProjection`` and in
``load_image_encoder``, the same code that reads a real IP-Adapter's encoder. Pictures go in through CLIP's
preprocessing (``course.io.clip_images.clip_pixels``), as every picture prompt will. The text projection and the
temperature are thrown away after training, as IP-Adapter throws away CLIP's text tower.
"""
from __future__ import annotations

import dataclasses
import itertools
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from course.io.clip_images import clip_pixels
from course.nets.image_encoder import ImageEncoder, ImageEncoderConfig
from course.training import data
from course.training.contrastive import clip_loss
from course.training.stage import Stage, prepare_resume, recipe_settings

CHECKPOINT = "image_encoder.pt"


@dataclass(frozen=True)
class ImageEncoderRecipe:
    """The tower's size and its training. ``quick()``: a few steps, for tests."""

    hidden_size: int = 64
    layers: int = 3
    heads: int = 4
    patch_size: int = 8          # 32-px pictures: a 4×4 grid of patches
    projection_dim: int = 64     # the width of image_embeds, what the IP-Adapter's image_proj reads
    lr: float = 2e-3
    warmup: int = 50
    steps: int = 2000            # the shapes are learnt last (docs/ip_adapter.md)
    batch: int = 256             # InfoNCE: every other caption of the batch is a wrong answer
    seed: int = 0
    save_every_s: float = 60.0

    @classmethod
    def quick(cls) -> "ImageEncoderRecipe":
        return dataclasses.replace(cls(), layers=1, steps=3, batch=8, warmup=1)

    def config(self) -> ImageEncoderConfig:
        return ImageEncoderConfig(hidden_size=self.hidden_size, intermediate_size=4 * self.hidden_size,
                                  num_hidden_layers=self.layers, num_attention_heads=self.heads, image_size=32,
                                  patch_size=self.patch_size, hidden_act="quick_gelu",
                                  projection_dim=self.projection_dim)


class LockedTextPair(nn.Module):
    """The image tower being trained, a projection of the frozen text encoder's pooled vector, and CLIP's learned
    temperature. Only these are trained; the text encoder is not a submodule (its weights are not saved with it)."""

    def __init__(self, config: ImageEncoderConfig, text_width: int):
        super().__init__()
        self.image_encoder = ImageEncoder(config)
        self.text_projection = nn.Linear(text_width, config.projection_dim, bias=False)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))  # CLIP's starting temperature

    def forward(self, pixels: torch.Tensor, pooled: torch.Tensor) -> torch.Tensor:
        image = F.normalize(self.image_encoder(pixels), dim=-1)  # (N, E)
        text = F.normalize(self.text_projection(pooled), dim=-1)  # (N, E)
        return clip_loss(text, image, self.logit_scale.exp().clamp(max=100))


@torch.no_grad()
def pooled_text(parts, captions: list[str]) -> torch.Tensor:
    """The frozen text encoder's pooled vectors (B, D) of ``captions``: the EOS token's final state."""
    ids = parts.tokenizer(captions, warn=False)["input_ids"].to(parts.device)
    return parts.text_encoder(ids, output_hidden_states=True).pooled.float()


def pictures(uint8_images) -> torch.Tensor:
    """uint8 pictures (H, W, 3) -> the image encoder's input (B, 3, 32, 32), through CLIP's preprocessing."""
    return clip_pixels([np.ascontiguousarray(im) for im in uint8_images], 32)


def contrastive_batch(recipe: ImageEncoderRecipe, step: int):
    """Step ``step``'s (uint8 pictures, captions, Specs): ``batch`` new pictures of the training triples of
    ``course.training.data``, captioned as the bundled model's were; a pure function of (seed, step)."""
    rng = np.random.default_rng((recipe.seed + 20, step))
    specs = [data.sample_spec(rng) for _ in range(recipe.batch)]
    return [data.render(s, 32, rng=rng) for s in specs], [data.caption(s, rng) for s in specs], specs


def train_image_encoder(parts, recipe: ImageEncoderRecipe | None = None, workdir: str | Path = "runs/ip_adapter",
                        device: str | None = None, restart: bool = False):
    """Train the image tower against ``parts``' frozen text encoder; return (the ``LockedTextPair``, in eval mode:
    ``.image_encoder`` is the tower, losses of the steps run in this call). Resumes from ``<workdir>/
    image_encoder.pt`` when it was made with the same recipe (else refuses, naming what differs); ``restart=True``
    starts from step 0. Each step's batch: ``contrastive_batch``."""
    recipe = recipe or ImageEncoderRecipe()
    settings = recipe_settings(recipe)
    ImageEncoder(recipe.config())  # a tower that cannot be built is refused here, before any work
    prepare_resume(Path(workdir) / CHECKPOINT, settings, restart)
    device = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
    parts.text_encoder.to(device).requires_grad_(False).eval()
    torch.manual_seed(recipe.seed)
    pair = LockedTextPair(recipe.config(), parts.text_encoder.config.hidden_size).to(device)
    stage = Stage("image_encoder", pair, recipe.lr, Path(workdir), recipe.steps, recipe.warmup, settings=settings)
    losses = []

    def loss_at(step: int) -> torch.Tensor:
        images, captions, _ = contrastive_batch(recipe, step)
        loss = pair(pictures(images).to(device), pooled_text(parts, captions))
        losses.append(loss.item())
        return loss

    pair.train()
    stage.run(loss_at, recipe.save_every_s)
    return pair.eval().requires_grad_(False), losses


def all_specs() -> list[data.Spec]:
    """Every (colour, shape, background, position) of the world: 9·3·8·5 = 1,080 Specs."""
    return [data.Spec(c, s, b, p) for c, s, b, p in itertools.product(data.COLOURS, data.SHAPES, data.COLOURS,
                                                                       data.POSITIONS) if c != b]


@torch.no_grad()
def zero_shot_accuracy(parts, pair: LockedTextPair, n: int = 500, split: str = "train", seed: int = 0) -> dict:
    """CLIP's zero-shot reading on ``n`` new pictures of ``split`` ("train": the triples it was trained on, new
    renders; "heldout": the 26 held-out triples): each picture's nearest prompt (cosine of its image_embeds and
    the projected pooled prompt) among all 1,080 prompts of the world (``data.prompt`` of ``all_specs``); the share
    whose nearest prompt names its colour, shape, background and position, and all four."""
    specs = all_specs()
    text = F.normalize(pair.text_projection(pooled_text(parts, [data.prompt(s) for s in specs])), dim=-1)
    ds = data.ShapesDataset(n, seed=seed + 30, split=split)
    items = [ds.item(i) for i in range(n)]
    device = next(pair.parameters()).device
    image = F.normalize(pair.image_encoder(pictures([im for im, _, _ in items]).to(device)), dim=-1)
    nearest = [specs[i] for i in (image @ text.T).argmax(dim=1).tolist()]
    keys = ("colour", "shape", "background", "position")
    hits = {k: [getattr(a, k) == getattr(s, k) for a, (_, _, s) in zip(nearest, items)] for k in keys}
    hits["all four"] = [all(h) for h in zip(*hits.values())]
    return {**{k: float(np.mean(v)) for k, v in hits.items()}, "n": n}


__all__ = ["ImageEncoderRecipe", "LockedTextPair", "pooled_text", "pictures", "contrastive_batch",
           "train_image_encoder", "all_specs",
           "zero_shot_accuracy"]
