"""Contrastive pre-training of the text encoder against a small image tower, as CLIP was trained.

Radford et al. 2021, "Learning Transferable Visual Models From Natural Language Supervision": embed a batch of
N images and their N captions, and train both towers so that each image's embedding is closest (cosine
similarity, scaled by a learned temperature) to its own caption's among the N, and each caption's to its own
image: a cross-entropy over the N x N similarity matrix in both directions (InfoNCE). SD 1.x took such a
pre-trained text tower (OpenAI's ViT-L/14) and kept it frozen while training the UNet.

The bundled model's text encoder is trained jointly with the UNet instead; ``tools/compare_text_encoders.py``
measures which of the two follows prompts better at equal UNet training. The image tower here is a few
convolutions, enough for 32x32 pictures of one shape.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from course.nets.text_encoder import TextEncoder
from course.training import data
from course.training.stage import Stage


class ImageTower(nn.Module):
    """(B, 3, H, W) in [-1, 1] -> (B, dim): four stride-2 convolutions, then the average over the pixels."""

    def __init__(self, dim: int, channels: tuple = (32, 64, 128, 128)):
        super().__init__()
        layers, c_in = [], 3
        for c in channels:
            layers += [nn.Conv2d(c_in, c, 3, stride=2, padding=1), nn.GroupNorm(8, c), nn.SiLU()]
            c_in = c
        self.convs = nn.Sequential(*layers)
        self.proj = nn.Linear(c_in, dim)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        return self.proj(self.convs(images).mean(dim=(2, 3)))  # (B, C, h, w) -> (B, C) -> (B, dim)


class CLIPPair(nn.Module):
    """The text encoder being trained, the image tower, CLIP's text projection and its learned temperature."""

    def __init__(self, text_encoder: TextEncoder, embed_dim: int = 128):
        super().__init__()
        self.text_encoder = text_encoder
        self.image_tower = ImageTower(embed_dim)
        self.text_projection = nn.Linear(text_encoder.config.hidden_size, embed_dim, bias=False)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))  # CLIP's starting temperature

    def forward(self, ids: torch.Tensor, images: torch.Tensor) -> torch.Tensor:
        """The contrastive loss of a batch of N (caption, image) pairs."""
        pooled = self.text_encoder(ids, output_hidden_states=True).pooled  # (N, D): the EOS token's state
        text = F.normalize(self.text_projection(pooled), dim=-1)  # (N, E)
        image = F.normalize(self.image_tower(images), dim=-1)  # (N, E)
        return clip_loss(text, image, self.logit_scale.exp().clamp(max=100))


def clip_loss(text: torch.Tensor, image: torch.Tensor, scale: torch.Tensor | float) -> torch.Tensor:
    """Symmetric InfoNCE on unit vectors text (N, E) and image (N, E): pair i is the right answer for row i."""
    logits = scale * text @ image.T  # (N, N): caption i against image j
    target = torch.arange(len(text), device=text.device)
    return (F.cross_entropy(logits, target) + F.cross_entropy(logits.T, target)) / 2


def pretrain(recipe, tok, workdir: Path, device, steps: int = 300, batch: int = 256, lr: float = 1e-3) -> TextEncoder:
    """Contrastive pre-training of a new text encoder (resumable, as every stage); returns it."""

    torch.manual_seed(recipe.seed)
    pair = CLIPPair(TextEncoder(recipe.text)).to(device)
    stage = Stage("contrastive", pair, lr, workdir, steps, warmup=min(50, steps))
    ds = data.ShapesDataset(10**7, seed=recipe.seed + 2, size=recipe.image_size)

    def loss_at(step: int) -> torch.Tensor:
        items = [ds[int(i)] for i in np.random.default_rng((recipe.seed, step)).integers(0, len(ds), batch)]
        images = torch.stack([im for im, _ in items]).to(device) * 2 - 1
        ids = tok([c for _, c in items], warn=False)["input_ids"].to(device)
        return pair(ids, images)

    stage.run(loss_at, recipe.save_every_s)
    return pair.text_encoder
