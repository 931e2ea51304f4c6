"""The denoiser of FLUX.1 (Black Forest Labs 2024): MMDiT's double-stream blocks, then single-stream blocks, with
rotary positions.

No paper; the reference code is black-forest-labs/flux and diffusers' ``FluxTransformer2DModel``, whose parameter
names the modules carry. What it takes from Esser et al. 2024 (mmdit.py) and what it changes:

    x (B, C, H, W) ─ pack 2×2 pixels: (B, N = H/2·W/2, 4C) ─ x_embedder (Linear) ─► image tokens (B, N, D)
    context (B, T, 4096) from T5 ─ context_embedder ─► text tokens (B, T, D)
    σ (B,) ·1000, guidance ·1000 (FLUX.1-dev), pooled CLIP-L (B, 768) ─ time_text_embed ─► c (B, D)
    ids: text (0, 0, 0), image patch (0, row, col) ─ RoPE ─► cos, sin (T+N, head_dim), used in every attention
        double-stream blocks × num_layers: SD3's joint block, text FIRST in the joint sequence, QK RMSNorm always
        concatenate [text ; image] ─► single-stream blocks × num_single_layers: shared weights, one adaLN (shift,
            scale, gate); attention and MLP side by side from the same input, outputs concatenated, one Linear
        image tokens ─ norm_out ─ proj_out ─► (B, N, 4C') ─ unpack 2×2 ─► v̂ (B, C', H, W)

RoPE (Su et al. 2021, "RoFormer"): instead of adding a position to the tokens once, each pair of channels of q and k
is rotated by an angle proportional to the position, so q·k depends only on the *difference* of positions. The
head's channels are split among three axes (16 + 56 + 56 = 128): a text index (always 0 in FLUX.1), the row, the
column. Nothing limits the image size (no table to crop from, unlike SD3).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from numbers import Integral

import torch
import torch.nn.functional as F
from torch import nn

from course.config import _normalise
from course.nets.attention import attention, merge_heads, split_heads
from course.nets.mmdit_blocks import (
    EPS,
    AdaLayerNormContinuous,
    AdaLayerNormZero,
    FeedForward,
    TextProjection,
    modulate,
)
from course.nets.unet_blocks import TimestepEmbedding, Timesteps


@dataclass(frozen=True)
class FluxConfig:
    """diffusers' ``FluxTransformer2DModel`` config, with that class's defaults (FLUX.1-schnell's sizes)."""

    patch_size: int = 1  # the 2×2 packing is done outside the network; only 1 is built here
    in_channels: int = 64  # 4 · the VAE's 16 latent channels
    out_channels: int | None = None  # None: in_channels
    num_layers: int = 19  # double-stream blocks
    num_single_layers: int = 38
    attention_head_dim: int = 128
    num_attention_heads: int = 24
    joint_attention_dim: int = 4096  # T5-XXL's width
    pooled_projection_dim: int = 768  # CLIP-L's pooled output
    guidance_embeds: bool = False  # FLUX.1-dev: True (the guidance scale is an input)
    axes_dims_rope: tuple[int, ...] = (16, 56, 56)  # RoPE channels per axis (text index, row, column): sum = head

    @classmethod
    def flux_dev(cls) -> "FluxConfig":
        """black-forest-labs/FLUX.1-dev's transformer/config.json (12 B parameters), guidance-distilled."""
        return cls(guidance_embeds=True)

    @classmethod
    def flux_schnell(cls) -> "FluxConfig":
        """black-forest-labs/FLUX.1-schnell's: the same network without the guidance embedding."""
        return cls()

    @classmethod
    def tiny(cls) -> "FluxConfig":
        """The transformer of diffusers' Flux pipeline tests: one block of each kind, 2 heads of 16."""
        return cls(in_channels=4, num_layers=1, num_single_layers=1, attention_head_dim=16, num_attention_heads=2,
                   joint_attention_dim=32, pooled_projection_dim=32, axes_dims_rope=(4, 4, 8))

    @property
    def dim(self) -> int:
        return self.num_attention_heads * self.attention_head_dim

    @property
    def channels_out(self) -> int:
        return self.out_channels or self.in_channels


def check_config(config: FluxConfig) -> None:
    """Refuse, by name, a config the Flux transformer cannot be built from."""
    for f in fields(config):
        value = getattr(config, f.name)
        if f.name in ("guidance_embeds", "axes_dims_rope") or (f.name == "out_channels" and value is None):
            continue
        if not isinstance(value, Integral) or isinstance(value, bool) or value < 1:
            raise ValueError(f"FluxConfig.{f.name}={value!r} must be a whole number >= 1 (FLUX.1: "
                             f"{getattr(FluxConfig(), f.name)!r}).")
    if not isinstance(config.guidance_embeds, bool):
        raise ValueError(f"FluxConfig.guidance_embeds={config.guidance_embeds!r} must be true or false.")
    if config.patch_size != 1:
        raise ValueError(f"FluxConfig.patch_size={config.patch_size}: the course builds FLUX.1's patch_size=1 (its "
                         "2×2 patches are packed into channels before the network).")
    for name, value in (("in_channels", config.in_channels), ("out_channels", config.channels_out)):
        if value % 4:
            raise ValueError(f"FluxConfig.{name}={value} must be a multiple of 4: each token holds 2×2 latent pixels.")
    axes = config.axes_dims_rope
    if not isinstance(axes, tuple) or len(axes) != 3 or any(not isinstance(a, Integral) or a < 2 or a % 2
                                                            for a in axes) or sum(axes) != config.attention_head_dim:
        raise ValueError(f"FluxConfig.axes_dims_rope={axes!r} must be three even numbers (text index, row, column) "
                         f"summing to attention_head_dim={config.attention_head_dim} (FLUX.1: (16, 56, 56)).")


def config_from_reference(reference: dict, source: str = "the reference config") -> FluxConfig:
    """A ``FluxConfig`` from a diffusers ``FluxTransformer2DModel`` config dict; absent fields keep its defaults."""
    kwargs = {f.name: _normalise(reference[f.name]) for f in fields(FluxConfig) if reference.get(f.name) is not None}
    config = FluxConfig(**kwargs)
    try:
        check_config(config)
    except ValueError as err:
        raise ValueError(f"{source}: {err}") from None
    return config


def rope(ids: torch.Tensor, axes: tuple[int, ...], theta: float = 10000.0) -> tuple[torch.Tensor, torch.Tensor]:
    """ids (S, 3) positions -> cos, sin (S, head_dim): for axis a with d_a channels, pair k turns by
    pos_a · theta^(-2k / d_a); each angle is repeated for the two channels of its pair."""
    cos, sin = [], []
    for i, d in enumerate(axes):
        freqs = 1.0 / theta ** (torch.arange(0, d, 2, dtype=torch.float64, device=ids.device) / d)  # (d/2,)
        angles = torch.outer(ids[:, i].float().double(), freqs)  # (S, d/2), in float64 as diffusers
        cos.append(angles.cos().repeat_interleave(2, dim=1).float())  # (S, d)
        sin.append(angles.sin().repeat_interleave(2, dim=1).float())
    return torch.cat(cos, dim=1), torch.cat(sin, dim=1)


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """Rotate each channel pair (x₀, x₁) of x (B, heads, S, d) by its angle: (x₀ cos − x₁ sin, x₁ cos + x₀ sin)."""
    pairs = x.view(*x.shape[:-1], -1, 2)  # (B, heads, S, d/2, 2)
    rotated = torch.stack([-pairs[..., 1], pairs[..., 0]], dim=-1).flatten(-2)  # (B, heads, S, d): (−x₁, x₀)
    return (x.float() * cos + rotated.float() * sin).to(x.dtype)


class FluxAttention(nn.Module):
    """Attention with QK RMSNorm and RoPE. ``joint``: the text has its own projections (``add_*``, ``to_add_out``)
    and comes first in the sequence; otherwise (single-stream) one set over the whole sequence and no ``to_out``
    (the block's proj_out follows)."""

    def __init__(self, dim: int, heads: int, head_dim: int, joint: bool):
        super().__init__()
        self.heads, self.joint = heads, joint
        inner = heads * head_dim
        # torch's RMSNorm here (diffusers' Flux uses it), not SD3's: the same formula, rounded differently in half
        self.norm_q, self.norm_k = nn.RMSNorm(head_dim, eps=EPS), nn.RMSNorm(head_dim, eps=EPS)
        self.to_q, self.to_k, self.to_v = (nn.Linear(dim, inner) for _ in range(3))
        if joint:
            self.to_out = nn.ModuleList([nn.Linear(inner, dim), nn.Dropout(0.0)])
            self.norm_added_q, self.norm_added_k = nn.RMSNorm(head_dim, eps=EPS), nn.RMSNorm(head_dim, eps=EPS)
            self.add_q_proj, self.add_k_proj, self.add_v_proj = (nn.Linear(dim, inner) for _ in range(3))
            self.to_add_out = nn.Linear(inner, dim)

    def forward(self, x: torch.Tensor, positions, context: torch.Tensor | None = None):
        q, k, v = (split_heads(p(x), self.heads) for p in (self.to_q, self.to_k, self.to_v))  # (B, heads, S, d)
        q, k = self.norm_q(q), self.norm_k(k)
        if context is not None:
            cq, ck, cv = (split_heads(p(context), self.heads) for p in (self.add_q_proj, self.add_k_proj,
                                                                        self.add_v_proj))
            cq, ck = self.norm_added_q(cq), self.norm_added_k(ck)
            q, k, v = torch.cat([cq, q], dim=2), torch.cat([ck, k], dim=2), torch.cat([cv, v], dim=2)  # text first
        q, k = apply_rope(q, *positions), apply_rope(k, *positions)
        out = merge_heads(attention(q, k, v))  # (B, S, heads·d)
        if context is None:
            return out
        t = context.shape[1]
        return self.to_out[1](self.to_out[0](out[:, t:])), self.to_add_out(out[:, :t])  # image, text


class FluxTransformerBlock(nn.Module):
    """Double-stream: SD3's JointTransformerBlock (mmdit_blocks.py) with RoPE and the text first."""

    def __init__(self, dim: int, heads: int, head_dim: int):
        super().__init__()
        self.norm1, self.norm1_context = AdaLayerNormZero(dim), AdaLayerNormZero(dim)
        self.attn = FluxAttention(dim, heads, head_dim, joint=True)
        self.ff, self.ff_context = FeedForward(dim), FeedForward(dim)

    def forward(self, x, context, c, positions):
        normed, gate, shift_mlp, scale_mlp, gate_mlp = self.norm1(x, c)
        c_normed, c_gate, c_shift_mlp, c_scale_mlp, c_gate_mlp = self.norm1_context(context, c)
        image_out, text_out = self.attn(normed, positions, c_normed)
        x = x + gate[:, None] * image_out
        x = x + gate_mlp[:, None] * self.ff(modulate(F.layer_norm(x, x.shape[-1:], eps=EPS), shift_mlp, scale_mlp))
        context = context + c_gate[:, None] * text_out
        c_normed = modulate(F.layer_norm(context, context.shape[-1:], eps=EPS), c_shift_mlp, c_scale_mlp)
        context = context + c_gate_mlp[:, None] * self.ff_context(c_normed)
        return x, _clip_half(context)


class AdaLayerNormZeroSingle(nn.Module):
    """c -> (shift, scale, gate): one modulation for the single-stream block's parallel attention and MLP."""

    def __init__(self, dim: int):
        super().__init__()
        self.linear = nn.Linear(dim, 3 * dim)

    def forward(self, x: torch.Tensor, c: torch.Tensor):
        shift, scale, gate = self.linear(F.silu(c)).chunk(3, dim=1)  # each (B, D)
        return modulate(F.layer_norm(x, x.shape[-1:], eps=EPS), shift, scale), gate


class FluxSingleTransformerBlock(nn.Module):
    """Single-stream: x + gate · proj_out([attention(h) ; GELU(proj_mlp(h))]) with h = adaLN(x), over [text ; image]
    as one sequence (Dehghani et al. 2023's parallel layout: one matmul chain instead of two in a row)."""

    def __init__(self, dim: int, heads: int, head_dim: int):
        super().__init__()
        self.norm = AdaLayerNormZeroSingle(dim)
        self.proj_mlp = nn.Linear(dim, 4 * dim)
        self.attn = FluxAttention(dim, heads, head_dim, joint=False)
        self.proj_out = nn.Linear(dim + 4 * dim, dim)

    def forward(self, x, c, positions):
        h, gate = self.norm(x, c)
        both = torch.cat([self.attn(h, positions), F.gelu(self.proj_mlp(h), approximate="tanh")], dim=2)  # (B,S,5D)
        return _clip_half(x + gate[:, None] * self.proj_out(both))


def _clip_half(x: torch.Tensor) -> torch.Tensor:
    """float16 overflows past ±65504 in FLUX's residual stream; diffusers clips there (so does this, for parity)."""
    return x.clip(-65504, 65504) if x.dtype == torch.float16 else x


class CombinedTimestepGuidanceTextProjEmbeddings(nn.Module):
    """c = MLP(sinusoids(t)) + MLP(sinusoids(guidance)) + MLP(pooled): FLUX.1-dev's conditioning."""

    def __init__(self, dim: int, pooled_dim: int, guidance: bool):
        super().__init__()
        self.time_proj = Timesteps(256, flip_sin_to_cos=True, freq_shift=0)
        self.timestep_embedder = TimestepEmbedding(256, dim)
        if guidance:
            self.guidance_embedder = TimestepEmbedding(256, dim)
        self.text_embedder = TextProjection(pooled_dim, dim)

    def forward(self, t: torch.Tensor, guidance: torch.Tensor | None, pooled: torch.Tensor) -> torch.Tensor:
        c = self.timestep_embedder(self.time_proj(t).to(pooled.dtype))
        if guidance is not None:
            c = c + self.guidance_embedder(self.time_proj(guidance).to(pooled.dtype))
        return c + self.text_embedder(pooled)


class Flux(nn.Module):
    """``flux(x, sigma, context, pooled, guidance=None)`` -> the predicted velocity, the shape of x."""

    def __init__(self, config: FluxConfig):
        super().__init__()
        check_config(config)
        self.config = config
        c, dim = config, config.dim
        self.time_text_embed = CombinedTimestepGuidanceTextProjEmbeddings(dim, c.pooled_projection_dim,
                                                                          c.guidance_embeds)
        self.context_embedder = nn.Linear(c.joint_attention_dim, dim)
        self.x_embedder = nn.Linear(c.in_channels, dim)
        self.transformer_blocks = nn.ModuleList(FluxTransformerBlock(dim, c.num_attention_heads, c.attention_head_dim)
                                                for _ in range(c.num_layers))
        self.single_transformer_blocks = nn.ModuleList(
            FluxSingleTransformerBlock(dim, c.num_attention_heads, c.attention_head_dim)
            for _ in range(c.num_single_layers))
        self.norm_out = AdaLayerNormContinuous(dim)
        self.proj_out = nn.Linear(dim, c.channels_out)

    def forward(self, x: torch.Tensor, sigma, context: torch.Tensor, pooled: torch.Tensor, guidance=None):
        """x (B, in_channels/4, H, W) latents, H and W even; sigma in [0, 1] (a number or (B,)): the network
        multiplies it by 1000 itself, as diffusers' Flux transformer; context (B, T, joint_attention_dim); pooled
        (B, pooled_projection_dim); guidance (FLUX.1-dev only): the guidance scale, a number or (B,).
        -> (B, out_channels/4, H, W)."""
        b, h, w = self._check_inputs(x, context, pooled, guidance)
        t = context.shape[1]
        tokens = x.reshape(b, -1, h, 2, w, 2).permute(0, 2, 4, 1, 3, 5)  # (B, h, w, C, 2, 2): a token per 2×2 patch
        tokens = self.x_embedder(tokens.reshape(b, h * w, -1))  # (B, N, 4C) -> (B, N, D)
        dtype = tokens.dtype  # σ and the guidance are rounded to it before ·1000, as diffusers does
        sigma = self._per_sample(sigma, b, x.device, "sigma").to(dtype) * 1000
        if guidance is not None:
            guidance = self._per_sample(guidance, b, x.device, "guidance").to(dtype) * 1000
        c = self.time_text_embed(sigma, guidance, pooled)  # (B, D)
        text = self.context_embedder(context)  # (B, T, D)

        rows, cols = torch.meshgrid(torch.arange(h), torch.arange(w), indexing="ij")  # patch (i, j)
        image_ids = torch.stack([torch.zeros_like(rows), rows, cols], dim=-1).view(h * w, 3)  # (N, 3): (0, i, j)
        ids = torch.cat([torch.zeros(t, 3, dtype=image_ids.dtype), image_ids]).to(x.device)  # (T+N, 3), text first
        positions = rope(ids, self.config.axes_dims_rope)  # cos, sin: (T+N, head_dim)

        for block in self.transformer_blocks:
            tokens, text = block(tokens, text, c, positions)
        joint = torch.cat([text, tokens], dim=1)  # (B, T+N, D): one stream from here on
        for block in self.single_transformer_blocks:
            joint = block(joint, c, positions)
        tokens = joint[:, t:]  # (B, N, D): the text's tokens are dropped

        out = self.proj_out(self.norm_out(tokens, c))  # (B, N, 4C')
        out = out.view(b, h, w, -1, 2, 2).permute(0, 3, 1, 4, 2, 5)  # (B, C', h, 2, w, 2)
        return out.reshape(b, -1, 2 * h, 2 * w)  # (B, C', H, W)

    def _check_inputs(self, x, context, pooled, guidance) -> tuple[int, int, int]:
        c = self.config
        channels = c.in_channels // 4
        if not isinstance(x, torch.Tensor) or x.ndim != 4 or x.shape[1] != channels:
            shape = tuple(x.shape) if isinstance(x, torch.Tensor) else type(x).__name__
            raise ValueError(f"Flux: x has shape {shape}; it must be (B, {channels}, H, W): latents with "
                             f"in_channels/4 = {channels} channels (FLUX.1's VAE gives 16; the network packs 2×2).")
        b, (height, width) = x.shape[0], x.shape[-2:]
        if height % 2 or width % 2:
            raise ValueError(f"Flux: the latent is {height}×{width}; both sides must be even (2×2 pixels make a "
                             "token): images whose sides are multiples of 16 pixels.")
        if not isinstance(context, torch.Tensor) or context.ndim != 3 or context.shape[0] != b \
                or context.shape[2] != c.joint_attention_dim:
            shape = tuple(context.shape) if isinstance(context, torch.Tensor) else type(context).__name__
            raise ValueError(f"Flux: context has shape {shape}; it must be (B={b}, tokens, joint_attention_dim="
                             f"{c.joint_attention_dim}): T5's token encodings, one sequence per latent.")
        if not isinstance(pooled, torch.Tensor) or pooled.shape != (b, c.pooled_projection_dim):
            shape = tuple(pooled.shape) if isinstance(pooled, torch.Tensor) else type(pooled).__name__
            raise ValueError(f"Flux: pooled has shape {shape}; it must be (B={b}, pooled_projection_dim="
                             f"{c.pooled_projection_dim}): CLIP-L's pooled output, one per latent.")
        if (guidance is None) == c.guidance_embeds:
            raise ValueError("Flux: this model is guidance-distilled (guidance_embeds=True): pass guidance, the "
                             "guidance scale (FLUX.1-dev: about 3.5)." if c.guidance_embeds else
                             "Flux: this model has no guidance embedding (guidance_embeds=False, as FLUX.1-schnell): "
                             "leave guidance out.")
        return b, height // 2, width // 2

    @staticmethod
    def _per_sample(value, b: int, device, name: str) -> torch.Tensor:
        value = torch.as_tensor(value, device=device)
        value = value[None] if value.ndim == 0 else value
        if value.ndim != 1 or value.shape[0] not in (1, b):
            raise ValueError(f"Flux: {name} has shape {tuple(value.shape)}; pass a number, a 0-d tensor, or a tensor "
                             f"of shape ({b},): one per latent.")
        return value.expand(b)


__all__ = ["Flux", "FluxConfig", "check_config", "config_from_reference", "rope", "apply_rope"]
