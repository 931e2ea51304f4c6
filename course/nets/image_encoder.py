"""CLIP's image tower: a Vision Transformer that turns a picture into one vector, IP-Adapter's image prompt.

Radford et al. 2021, "Learning Transferable Visual Models From Natural Language Supervision" (CLIP), whose image
tower is the Vision Transformer of Dosovitskiy et al. 2021, "An Image is Worth 16x16 Words". IP-Adapter for SD 1.x
(Ye et al. 2023) reads the image embedding of OpenCLIP's ViT-H/14: 32 layers, width 1280, 16×16 patches of 14 px.

    pixels (B, 3, S, S) -> patch_embedding: a conv with kernel = stride = p     (B, D, S/p, S/p): one vector per patch
                        -> [class_embedding, patches] + position_embedding     (B, 1 + (S/p)², D)
                        -> pre_layrnorm                                         x = hidden_states[0]
                        -> L times:  x = x + attn(LN1(x));  x = x + mlp(LN2(x))  hidden_states[1..L]
                        -> post_layernorm of the class token -> visual_projection     (B, projection_dim): image_embeds

The layers are the text tower's (course/nets/text_encoder.py), built with ``causal=False``: every patch sees every
other. The class token holds no picture of its own; after L layers of attention it has gathered the whole image,
and CLIP trained its projection to sit next to the caption's vector. IP-Adapter Plus reads ``hidden_states[-2]``,
the penultimate layer's 257 token vectors, instead of the one pooled vector.

Parameter names are those of transformers' ``CLIPVisionModelWithProjection`` (``vision_model.embeddings.
patch_embedding.weight``, ..., ``visual_projection.weight``), so its state dict loads with ``strict=True``.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import torch
from torch import nn

from course.config import check_reference
from course.nets.text_encoder import CLIPEncoder, check_transformer_config

__all__ = ["ImageEncoder", "ImageEncoderConfig", "ImageEncoderOutput", "config_from_reference"]


@dataclass(frozen=True)
class ImageEncoderConfig:
    """transformers' ``CLIPVisionConfig`` fields; the defaults are ViT-H/14, IP-Adapter SD 1.5's image encoder."""

    hidden_size: int = 1280
    intermediate_size: int = 5120
    num_hidden_layers: int = 32
    num_attention_heads: int = 16
    num_channels: int = 3
    image_size: int = 224  # the only size it takes: one learned position per patch of a 224 px square
    patch_size: int = 14
    hidden_act: str = "gelu"  # OpenCLIP's exact GELU; OpenAI's ViT-L/14 uses quick_gelu
    layer_norm_eps: float = 1e-5
    projection_dim: int = 1024  # the width of image_embeds, the vector IP-Adapter's image_proj reads

    @classmethod
    def vit_h14(cls) -> "ImageEncoderConfig":
        return cls()

    @classmethod
    def tiny(cls) -> "ImageEncoderConfig":
        """The size of transformers' own CLIP tests: 32 wide, 30 px images in 2 px patches."""
        return cls(hidden_size=32, intermediate_size=37, num_hidden_layers=2, num_attention_heads=4, image_size=30,
                   patch_size=2, hidden_act="quick_gelu", projection_dim=24)

    def grid(self) -> int:
        """Patches along each side: the conv's stride is the patch size, so a remainder of pixels is dropped."""
        return self.image_size // self.patch_size


def config_from_reference(reference: dict, source: str = "the image encoder's config") -> ImageEncoderConfig:
    """``ImageEncoderConfig`` from a ``CLIPVisionConfig`` dict (``model.config.to_dict()`` or config.json).

    A full ``CLIPConfig`` (both towers) is read through its ``vision_config``."""
    if not isinstance(reference, dict):
        raise ValueError(f"{source}: a config is a JSON object of settings, not {type(reference).__name__}.")
    reference = reference.get("vision_config", reference)
    kind = reference.get("model_type", "clip_vision_model")
    if kind not in ("clip_vision_model", "clip"):
        raise ValueError(f"{source} is for a {kind!r} model; the course builds CLIP's vision tower "
                         "(model_type 'clip_vision_model', transformers' CLIPVisionModelWithProjection).")
    checked = check_reference(ImageEncoderConfig, reference, source)  # each field of the right type and range
    return ImageEncoderConfig(**{f.name: checked[f.name] for f in dataclasses.fields(ImageEncoderConfig)
                                 if checked.get(f.name) is not None})


@dataclass
class ImageEncoderOutput:
    image_embeds: torch.Tensor  # (B, projection_dim): the projected class token, what IP-Adapter reads
    last_hidden_state: torch.Tensor  # (B, 1 + grid², D) the last layer's tokens, without post_layernorm
    hidden_states: tuple[torch.Tensor, ...]  # L + 1 tensors (B, 1 + grid², D): after pre_layrnorm, then each layer


class CLIPVisionEmbeddings(nn.Module):
    """Pixels -> one token per patch, a learned class token in front, a learned position added to each."""

    def __init__(self, config: ImageEncoderConfig):
        super().__init__()
        width = config.hidden_size
        self.class_embedding = nn.Parameter(torch.randn(width))
        # kernel = stride = patch size: each output pixel is a linear map of one patch, and patches do not overlap
        self.patch_embedding = nn.Conv2d(config.num_channels, width, config.patch_size, stride=config.patch_size,
                                         bias=False)
        self.position_embedding = nn.Embedding(config.grid() ** 2 + 1, width)

    def forward(self, pixels: torch.Tensor) -> torch.Tensor:
        patches = self.patch_embedding(pixels.to(self.patch_embedding.weight.dtype))  # (B, D, grid, grid)
        patches = patches.flatten(2).transpose(1, 2)  # (B, grid², D): row by row, as the positions were learned
        cls = self.class_embedding.expand(pixels.shape[0], 1, -1)  # (B, 1, D)
        return torch.cat([cls, patches], dim=1) + self.position_embedding.weight  # (B, 1 + grid², D)


class CLIPVisionTransformer(nn.Module):
    """The tower without its projection; it exists so the names read ``vision_model.…``, as in transformers."""

    def __init__(self, config: ImageEncoderConfig):
        super().__init__()
        self.embeddings = CLIPVisionEmbeddings(config)
        self.pre_layrnorm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)  # sic: CLIP's spelling
        self.encoder = CLIPEncoder(config, causal=False)
        self.post_layernorm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)


class ImageEncoder(nn.Module):
    """CLIP's image tower. ``image_encoder(pixels)`` -> image_embeds (B, projection_dim).

    ``pixels``: (B, num_channels, image_size, image_size), normalised as CLIP was trained (resized, centre-cropped,
    then each channel minus CLIP's mean, over its std: what transformers' ``CLIPImageProcessor`` does).
    """

    def __init__(self, config: ImageEncoderConfig):
        super().__init__()
        check_transformer_config(config, "OpenCLIP's ViT-H/14: 'gelu', OpenAI's ViT-L/14: 'quick_gelu'")
        if config.grid() < 1:
            raise ValueError(f"image_size={config.image_size} is smaller than one patch (patch_size="
                             f"{config.patch_size}); the image must hold at least one patch.")
        self.config = config
        self.vision_model = CLIPVisionTransformer(config)
        self.visual_projection = nn.Linear(config.hidden_size, config.projection_dim, bias=False)

    def forward(self, pixels: torch.Tensor, output_hidden_states: bool = False):
        """pixels (B, C, S, S) -> image_embeds (B, projection_dim), or with ``output_hidden_states=True`` an
        ``ImageEncoderOutput(image_embeds, last_hidden_state, hidden_states)`` (IP-Adapter Plus reads
        ``hidden_states[-2]``)."""
        self._check(pixels)
        tower = self.vision_model
        x = tower.pre_layrnorm(tower.embeddings(pixels))  # (B, 1 + grid², D)
        hidden_states = [x]
        for layer in tower.encoder.layers:
            x = layer(x)
            hidden_states.append(x)
        pooled = tower.post_layernorm(x[:, 0])  # (B, D): the class token, which has attended to every patch
        image_embeds = self.visual_projection(pooled)  # (B, projection_dim)
        if not output_hidden_states:
            return image_embeds
        return ImageEncoderOutput(image_embeds, x, tuple(hidden_states))

    def _check(self, pixels) -> None:
        cfg = self.config
        want = f"(B, {cfg.num_channels}, {cfg.image_size}, {cfg.image_size})"
        if not isinstance(pixels, torch.Tensor) or not pixels.is_floating_point() or pixels.ndim != 4:
            got = f"{tuple(pixels.shape)} {pixels.dtype}" if isinstance(pixels, torch.Tensor) else type(pixels).__name__
            raise ValueError(f"pixels must be a float tensor {want}; got {got}. Use pixels[None] for one image, "
                             "and CLIP's preprocessing (resize, centre crop, normalise) for a picture.")
        if pixels.shape[0] == 0 or tuple(pixels.shape[1:]) != (cfg.num_channels, cfg.image_size, cfg.image_size):
            raise ValueError(f"pixels have shape {tuple(pixels.shape)}, but this image encoder takes {want}: "
                             f"{cfg.num_channels} channels, {cfg.image_size}×{cfg.image_size} pixels (its positions "
                             f"were learned for a {cfg.grid()}×{cfg.grid()} grid of {cfg.patch_size} px patches). "
                             f"Resize and centre-crop the picture to {cfg.image_size} px (RGB) first.")
