"""The denoiser of Stable Diffusion 3: MMDiT, a transformer over image patches and text tokens together.

Esser et al. 2024, "Scaling Rectified Flow Transformers for High-Resolution Image Synthesis" (SD3; SD3.5 adds
QK-norm and, in its medium model, a second image-only attention in the first 13 blocks), built on the DiT of
Peebles & Xie 2023. Where the UNet lets the text in through cross-attention (image asks, text answers), MMDiT
keeps two streams with their own weights and lets them meet in one joint attention, so the text tokens are
updated by the image too. It predicts a velocity v = ε - x_0 (rectified flow), not the noise.

    x (B, C, H, W) ─ pos_embed: p×p conv + 2-D sincos crop ─► image tokens (B, N = H/p · W/p, D)
    context (B, T, joint) ─ context_embedder (Linear) ─► text tokens (B, T, D)
    t (B,) = σ·1000, pooled (B, P) ─ time_text_embed ─► c (B, D)            the only global conditioning
        ┌─────────────────────────────────────────────────────────────────────────────────┐
        │ JointTransformerBlock × num_layers (mmdit_blocks.py): adaLN-Zero(c) per stream, │
        │ ONE attention over [image ; text], gated residuals, an MLP per stream.          │
        │ The last block is context_pre_only: its text stream ends after the attention.   │
        └─────────────────────────────────────────────────────────────────────────────────┘
    image tokens ─ norm_out (adaLN(c), no gate) ─ proj_out ─► (B, N, p·p·C_out) ─ unpatchify ─► v̂ (B, C_out, H, W)

Built from an ``MMDiTConfig`` with the field names of diffusers' ``SD3Transformer2DModel``, whose parameter names
the modules carry (``pos_embed.proj``, ``time_text_embed.timestep_embedder.linear_1``, ``transformer_blocks.0.attn.
add_q_proj``, ``norm_out.linear``, ``proj_out``), so its state dict loads with ``strict=True``.

How Flux (``FluxTransformer2DModel``, Black Forest Labs 2024; course/nets/flux.py) differs:
- positions are rotary (RoPE over three axes: a text index, the row, the column) applied to q and k in every
  attention, not a sincos table added once at the input, so there is no ``pos_embed_max_size`` to crop from;
- patchify is done by the pipeline (2×2 latent pixels packed into 64 channels) and ``x_embedder`` is a Linear;
- after 19 double-stream blocks (these MMDiT blocks, with QK RMSNorm always, text placed *before* the image in
  the joint sequence and no ``context_pre_only`` block) come 38 single-stream blocks: text and image are one
  sequence with shared weights, and each block runs attention and MLP in parallel from one adaLN (shift, scale,
  gate), concatenates their outputs and projects them with one Linear;
- the conditioning adds a guidance embedding (FLUX.1-dev is guidance-distilled: the scale is an input, no second
  batch half) and the model multiplies σ and the guidance by 1000 itself (its t is σ in [0, 1]);
- the text tokens come from T5 alone (4096 wide), the pooled vector from CLIP-L (768).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from numbers import Integral

import torch
from torch import nn

from course.config import _normalise
from course.nets.mmdit_blocks import (
    AdaLayerNormContinuous,
    CombinedTimestepTextProjEmbeddings,
    JointTransformerBlock,
    PatchEmbed,
)
from course.nets.unet_blocks import batch_timesteps

QK_NORMS = (None, "rms_norm", "layer_norm")  # what SD3 (None), SD3.5 ("rms_norm") and some fine-tunes use


@dataclass(frozen=True)
class MMDiTConfig:
    """diffusers' ``SD3Transformer2DModel`` config; the defaults are that class's (so a config file that leaves a
    field out means what it means to diffusers). The width D of both streams is num_attention_heads ·
    attention_head_dim."""

    sample_size: int = 128  # latent size the model was trained at (1024 px / 8); sets the position scale
    patch_size: int = 2
    in_channels: int = 16
    num_layers: int = 18
    attention_head_dim: int = 64
    num_attention_heads: int = 18
    joint_attention_dim: int = 4096  # width of the text tokens given (CLIP-L ‖ CLIP-G padded, then T5-XXL)
    caption_projection_dim: int = 1152  # what context_embedder maps them to: must equal D
    pooled_projection_dim: int = 2048  # pooled CLIP-L (768) ‖ pooled CLIP-G (1280)
    out_channels: int | None = 16  # None: in_channels
    pos_embed_max_size: int = 96  # side of the position table, in patches: the largest latent is this · patch_size
    dual_attention_layers: tuple[int, ...] = ()  # SD3.5 medium: blocks 0..12 also have attn2
    qk_norm: str | None = None

    @classmethod
    def sd3_medium(cls) -> "MMDiTConfig":
        """stabilityai/stable-diffusion-3-medium-diffusers' transformer/config.json (2.0 B parameters)."""
        return cls(num_layers=24, num_attention_heads=24, caption_projection_dim=1536, pos_embed_max_size=192)

    @classmethod
    def sd35_medium(cls) -> "MMDiTConfig":
        """stabilityai/stable-diffusion-3.5-medium's: MMDiT-X (dual attention in blocks 0..12), QK RMSNorm."""
        return cls(num_layers=24, num_attention_heads=24, caption_projection_dim=1536, pos_embed_max_size=384,
                   dual_attention_layers=tuple(range(13)), qk_norm="rms_norm")

    @classmethod
    def sd35_large(cls) -> "MMDiTConfig":
        """stabilityai/stable-diffusion-3.5-large's: 38 blocks of 38 heads, QK RMSNorm."""
        return cls(num_layers=38, num_attention_heads=38, caption_projection_dim=2432, pos_embed_max_size=192,
                   qk_norm="rms_norm")

    @classmethod
    def tiny(cls) -> "MMDiTConfig":
        """The transformer of diffusers' SD3 pipeline tests: one block (context_pre_only), D = 4 · 8 = 32."""
        return cls(sample_size=32, patch_size=1, in_channels=4, num_layers=1, attention_head_dim=8,
                   num_attention_heads=4, joint_attention_dim=32, caption_projection_dim=32, pooled_projection_dim=64,
                   out_channels=4)

    @property
    def dim(self) -> int:
        return self.num_attention_heads * self.attention_head_dim

    @property
    def channels_out(self) -> int:
        return self.in_channels if self.out_channels is None else self.out_channels


def _whole(value, least: int) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool) and value >= least


def check_config(config: MMDiTConfig) -> None:
    """Refuse, by name, a config the MMDiT cannot be built from."""
    sizes = [f.name for f in fields(config) if f.name not in ("out_channels", "dual_attention_layers", "qk_norm")]
    for name in sizes + (["out_channels"] if config.out_channels is not None else []):
        if not _whole(getattr(config, name), 1):
            raise ValueError(f"MMDiTConfig.{name}={getattr(config, name)!r} must be a whole number >= 1 "
                             f"(SD3 medium: {getattr(MMDiTConfig.sd3_medium(), name)!r}).")
    if config.caption_projection_dim != config.dim:
        raise ValueError(f"MMDiTConfig: caption_projection_dim={config.caption_projection_dim} must equal "
                         f"num_attention_heads · attention_head_dim = {config.dim}: the text tokens join the image "
                         "tokens in one attention, so both streams have the same width. Fix one of them.")
    if config.dim % 4:
        raise ValueError(f"MMDiTConfig: the width {config.dim} (num_attention_heads · attention_head_dim) must be a "
                         "multiple of 4: the 2-D sincos positions use a sin and a cos per axis.")
    if config.sample_size < config.patch_size:
        raise ValueError(f"MMDiTConfig: sample_size={config.sample_size} is smaller than patch_size="
                         f"{config.patch_size}; the trained latent must hold at least one patch.")
    layers = config.dual_attention_layers
    if not isinstance(layers, tuple) or not all(_whole(i, 0) and i < config.num_layers for i in layers):
        raise ValueError(f"MMDiTConfig.dual_attention_layers={layers!r} must list block indices in 0 .. "
                         f"{config.num_layers - 1} (num_layers={config.num_layers}); SD3.5 medium: 0 .. 12.")
    if config.qk_norm not in QK_NORMS:
        raise ValueError(f"MMDiTConfig.qk_norm={config.qk_norm!r} is not one the course builds: None (SD3), "
                         "'rms_norm' (SD3.5) or 'layer_norm'.")


def config_from_reference(reference: dict, source: str = "the reference config") -> MMDiTConfig:
    """An ``MMDiTConfig`` from a diffusers ``SD3Transformer2DModel`` config dict (``model.config``): the fields
    both know, JSON lists as tuples; absent or null fields keep diffusers' defaults, except
    ``pos_embed_max_size``, whose null diffusers reads as "interpolate the table" (not built here)."""
    if not isinstance(reference, dict):
        raise ValueError(f"{source} is not a JSON object of settings; pass the transformer's config.json.")
    if "pos_embed_max_size" in reference and reference["pos_embed_max_size"] is None:
        raise ValueError(f"{source}: pos_embed_max_size is null; the course builds SD3's cropped position table "
                         "only. Give the side of the table in patches (SD3 medium: 192).")
    kwargs = {f.name: _normalise(reference[f.name]) for f in fields(MMDiTConfig)
              if reference.get(f.name) is not None or (f.name in ("qk_norm", "out_channels") and f.name in reference)}
    config = MMDiTConfig(**kwargs)
    try:
        check_config(config)
    except ValueError as err:
        raise ValueError(f"{source}: {err}") from None
    return config


def unpatchify(tokens: torch.Tensor, h: int, w: int, p: int) -> torch.Tensor:
    """(B, h·w, p·p·C) -> (B, C, h·p, w·p): each token's numbers, in the order (row u, column v, channel) within its
    patch, back to their pixels; the tokens row by row over the h × w grid (SD3's and DiT's layout)."""
    b = tokens.shape[0]
    out = tokens.reshape(b, h, w, p, p, -1)  # (B, h, w, p, p, C): token (i, j), pixel (u, v) within it
    out = out.permute(0, 5, 1, 3, 2, 4)  # (B, C, h, p, w, p): row i·p + u, column j·p + v
    return out.reshape(b, -1, h * p, w * p)  # (B, C, H, W)


class MMDiT(nn.Module):
    """``mmdit(x, t, context, pooled)`` -> the predicted velocity, (B, C_out, H, W)."""

    def __init__(self, config: MMDiTConfig):
        super().__init__()
        check_config(config)
        self.config = config
        c, dim = config, config.dim
        self.pos_embed = PatchEmbed(c.sample_size, c.patch_size, c.in_channels, dim, c.pos_embed_max_size)
        self.time_text_embed = CombinedTimestepTextProjEmbeddings(dim, c.pooled_projection_dim)
        self.context_embedder = nn.Linear(c.joint_attention_dim, c.caption_projection_dim)
        self.transformer_blocks = nn.ModuleList(
            JointTransformerBlock(dim, c.num_attention_heads, c.attention_head_dim, context_pre_only=i == c.num_layers
                                  - 1, norm=c.qk_norm, dual=i in c.dual_attention_layers)
            for i in range(c.num_layers))
        self.norm_out = AdaLayerNormContinuous(dim)
        self.proj_out = nn.Linear(dim, c.patch_size * c.patch_size * c.channels_out)

    def forward(self, x: torch.Tensor, t, context: torch.Tensor, pooled: torch.Tensor) -> torch.Tensor:
        """x (B, in_channels, H, W) latents, H and W multiples of patch_size; t a number, a 0-d, (1,) or (B,) tensor
        in diffusers' units (σ·1000); context (B, T, joint_attention_dim); pooled (B, pooled_projection_dim)."""
        self._check_inputs(x, context, pooled)
        b, _, height, width = x.shape
        p = self.config.patch_size
        h, w = height // p, width // p

        tokens = self.pos_embed(x)  # (B, h·w, D), positions added
        c = self.time_text_embed(self._timesteps(t, b, x.device), pooled)  # (B, D)
        text = self.context_embedder(context)  # (B, T, D)
        for block in self.transformer_blocks:
            tokens, text = block(tokens, text, c)  # the last block returns text None

        out = self.proj_out(self.norm_out(tokens, c))  # (B, h·w, p·p·C_out): each token, its patch's pixels
        return unpatchify(out, h, w, p)  # (B, C_out, H, W)

    # ---- input checks: each error names the value, the rule and the fix ----

    def _check_inputs(self, x: torch.Tensor, context: torch.Tensor, pooled: torch.Tensor) -> None:
        c = self.config
        if not isinstance(x, torch.Tensor) or x.ndim != 4 or x.shape[1] != c.in_channels:
            shape = tuple(x.shape) if isinstance(x, torch.Tensor) else type(x).__name__
            raise ValueError(f"MMDiT: x has shape {shape}; it must be (B, {c.in_channels}, H, W), a batch of "
                             f"latents with in_channels={c.in_channels} (SD3's VAE gives 16).")
        b, (height, width), p, most = x.shape[0], x.shape[-2:], c.patch_size, c.pos_embed_max_size * c.patch_size
        if height % p or width % p:
            raise ValueError(f"MMDiT: the latent is {height}×{width}; both sides must be multiples of patch_size={p} "
                             f"(images whose sides are multiples of {8 * p} pixels). Resize or crop it.")
        if height > most or width > most:
            raise ValueError(f"MMDiT: the latent is {height}×{width}, larger than the position table allows: at most "
                             f"pos_embed_max_size · patch_size = {most} per side ({8 * most} pixels). Pass a smaller "
                             "image.")
        if not isinstance(context, torch.Tensor) or context.ndim != 3 or context.shape[0] != b \
                or context.shape[2] != c.joint_attention_dim:
            shape = tuple(context.shape) if isinstance(context, torch.Tensor) else type(context).__name__
            raise ValueError(f"MMDiT: context has shape {shape}; it must be (B={b}, tokens, joint_attention_dim="
                             f"{c.joint_attention_dim}): one sequence of text tokens per latent (SD3: CLIP-L and "
                             "CLIP-G side by side, padded to 4096, then T5-XXL's tokens).")
        if not isinstance(pooled, torch.Tensor) or pooled.shape != (b, c.pooled_projection_dim):
            shape = tuple(pooled.shape) if isinstance(pooled, torch.Tensor) else type(pooled).__name__
            raise ValueError(f"MMDiT: pooled has shape {shape}; it must be (B={b}, pooled_projection_dim="
                             f"{c.pooled_projection_dim}): one pooled text vector per latent (SD3: the pooled "
                             "outputs of CLIP-L and CLIP-G, concatenated).")

    @staticmethod
    def _timesteps(t, b: int, device) -> torch.Tensor:
        return batch_timesteps(t, b, device, "MMDiT", ", in diffusers' units (σ·1000)")


__all__ = ["MMDiT", "MMDiTConfig", "check_config", "config_from_reference", "unpatchify", "QK_NORMS"]
