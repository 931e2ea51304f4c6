"""The layers SD3's MMDiT is built from (Esser et al. 2024, "Scaling Rectified Flow Transformers for
High-Resolution Image Synthesis"), on the DiT of Peebles & Xie 2023 ("Scalable Diffusion Models with Transformers").

- ``sincos_2d``, ``PatchEmbed``: the latent cut into p×p patches (one strided conv), plus a fixed 2-D sinusoidal
  position per patch, cropped from the centre of a larger grid so that many image sizes share one table.
- ``CombinedTimestepTextProjEmbeddings``: the conditioning vector c = MLP(sinusoids(t)) + MLP(pooled text).
- ``AdaLayerNormZero``: LayerNorm without weights whose shift and scale, and a gate on the residual branch, are
  computed from c ("adaLN-Zero": trained from zero, each block starts as the identity).
- ``AdaLayerNormContinuous``: the same without gates (the last block's text stream and the output norm).
- ``JointAttention``: each modality has its own q/k/v/out weights, but ONE softmax runs over the concatenated
  [image tokens, text tokens]: text reads the image and the image reads the text in the same operation.
- ``JointTransformerBlock``: adaLN-Zero, joint attention, MLP, for both streams; SD3.5's dual attention adds a
  second self-attention over the image tokens only.

Every name is diffusers' (``attn.add_q_proj``, ``norm1_context.linear``, ``ff_context.net.0.proj``, ...), so
``SD3Transformer2DModel``'s state dict loads with ``strict=True``.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from course.nets.attention import attention, merge_heads, split_heads
from course.nets.unet_blocks import TimestepEmbedding, Timesteps

EPS = 1e-6  # every LayerNorm and QK-norm of SD3 uses 1e-6, not PyTorch's 1e-5


def sincos_2d(dim: int, grid: int, base_size: int) -> torch.Tensor:
    """Fixed positions of a grid × grid table of patches -> (grid², dim), row-major (row i, column j at i·grid + j).

    The first half of the channels encodes the column, the second half the row, each with Vaswani et al.'s
    [sin(pos·ω_k), cos(pos·ω_k)], ω_k = 10000^(-k / (dim/4)). Positions are scaled by base_size / grid, so the
    table spans the same range of angles whatever its size (base_size: the trained latent's size in patches).
    """
    if dim % 4:
        raise ValueError(f"sincos_2d: dim={dim} must be a multiple of 4 (two axes, each sin and cos).")
    pos = torch.arange(grid, dtype=torch.float32) / (grid / base_size)  # float32 as diffusers, then float64 below
    omega = 1.0 / 10000 ** (torch.arange(dim // 4, dtype=torch.float64) / (dim / 4))  # (dim/4,)
    rows, cols = pos.repeat_interleave(grid), pos.repeat(grid)  # (grid²,) each: patch i·grid + j is at (i, j)

    def one_axis(p):
        angles = torch.outer(p.double(), omega)  # (grid², dim/4)
        return torch.cat([angles.sin(), angles.cos()], dim=1)  # (grid², dim/2)

    return torch.cat([one_axis(cols), one_axis(rows)], dim=1).float()  # (grid², dim): columns first, as diffusers


class PatchEmbed(nn.Module):
    """(B, C, H, W) -> (B, (H/p)·(W/p), D): a p×p patch becomes a token, plus its position from the centre crop of
    a ``max_size`` × ``max_size`` table (``pos_embed``, a buffer that diffusers saves with the weights)."""

    def __init__(self, sample_size: int, patch_size: int, in_channels: int, dim: int, max_size: int):
        super().__init__()
        self.patch_size, self.max_size = patch_size, max_size
        self.proj = nn.Conv2d(in_channels, dim, kernel_size=patch_size, stride=patch_size)
        table = sincos_2d(dim, max_size, base_size=sample_size // patch_size)
        self.register_buffer("pos_embed", table[None], persistent=True)  # (1, max_size², D)

    def cropped_pos_embed(self, h: int, w: int) -> torch.Tensor:
        """The h × w patches in the middle of the table -> (1, h·w, D)."""
        top, left = (self.max_size - h) // 2, (self.max_size - w) // 2
        table = self.pos_embed.view(1, self.max_size, self.max_size, -1)  # (1, rows, columns, D)
        return table[:, top:top + h, left:left + w].reshape(1, h * w, -1)  # (1, h·w, D)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h, w = x.shape[-2] // self.patch_size, x.shape[-1] // self.patch_size
        tokens = self.proj(x).flatten(2).transpose(1, 2)  # (B, D, h, w) -> (B, h·w, D), row-major
        return (tokens + self.cropped_pos_embed(h, w)).to(tokens.dtype)


class TextProjection(nn.Module):
    """The pooled text vector -> the width of c: linear, SiLU, linear (diffusers' PixArtAlphaTextProjection)."""

    def __init__(self, in_dim: int, dim: int):
        super().__init__()
        self.linear_1 = nn.Linear(in_dim, dim)
        self.linear_2 = nn.Linear(dim, dim)

    def forward(self, pooled: torch.Tensor) -> torch.Tensor:
        return self.linear_2(F.silu(self.linear_1(pooled)))


class CombinedTimestepTextProjEmbeddings(nn.Module):
    """c = MLP(sinusoids(t), 256 wide) + MLP(pooled text): (B,), (B, P) -> (B, D). The only global conditioning:
    every block's modulation is computed from c."""

    def __init__(self, dim: int, pooled_dim: int):
        super().__init__()
        self.time_proj = Timesteps(256, flip_sin_to_cos=True, freq_shift=0)
        self.timestep_embedder = TimestepEmbedding(256, dim)
        self.text_embedder = TextProjection(pooled_dim, dim)

    def forward(self, t: torch.Tensor, pooled: torch.Tensor) -> torch.Tensor:
        return self.timestep_embedder(self.time_proj(t).to(pooled.dtype)) + self.text_embedder(pooled)


def modulate(x: torch.Tensor, shift: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    """x (B, T, D) · (1 + scale) + shift, with shift and scale (B, D) broadcast over the tokens; 1 + scale so that a
    zero-initialised projection leaves the normalised x as it is."""
    return x * (1 + scale[:, None]) + shift[:, None]


class AdaLayerNormZero(nn.Module):
    """c -> 6 vectors (shift, scale, gate for the attention; shift, scale, gate for the MLP), or 9 with SD3.5's
    dual attention (a shift, scale, gate for ``attn2`` too); returns the modulated norm of x and the rest."""

    def __init__(self, dim: int, chunks: int = 6):
        super().__init__()
        self.chunks = chunks
        self.linear = nn.Linear(dim, chunks * dim)

    def forward(self, x: torch.Tensor, c: torch.Tensor):
        mods = self.linear(F.silu(c)).chunk(self.chunks, dim=1)  # each (B, D)
        shift, scale, gate, shift_mlp, scale_mlp, gate_mlp = mods[:6]
        normed = F.layer_norm(x, x.shape[-1:], eps=EPS)  # no weight, no bias: c supplies both
        out = (modulate(normed, shift, scale), gate, shift_mlp, scale_mlp, gate_mlp)
        if self.chunks == 9:  # dual attention: the same normalised x, modulated a second way for attn2
            shift2, scale2, gate2 = mods[6:]
            out += (modulate(normed, shift2, scale2), gate2)
        return out


class AdaLayerNormContinuous(nn.Module):
    """norm(x) · (1 + scale) + shift with (scale, shift) from c: no gate. Note the order: scale first, unlike
    adaLN-Zero's shift first (the original code's; the weights remember it)."""

    def __init__(self, dim: int):
        super().__init__()
        self.linear = nn.Linear(dim, 2 * dim)

    def forward(self, x: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
        scale, shift = self.linear(F.silu(c).to(x.dtype)).chunk(2, dim=1)  # each (B, D)
        return modulate(F.layer_norm(x, x.shape[-1:], eps=EPS), shift, scale)


class RMSNorm(nn.Module):
    """x / sqrt(mean(x²) + ε) · weight over the last axis (Zhang & Sennrich 2019): SD3.5's QK-norm, per head."""

    def __init__(self, dim: int):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        variance = x.float().pow(2).mean(-1, keepdim=True)  # in float32 even for half x, as diffusers
        return (x * torch.rsqrt(variance + EPS)).to(self.weight.dtype) * self.weight


def qk_norm(kind: str | None, head_dim: int) -> nn.Module | None:
    """QK-norm (Esser et al. 2024, sec. 5.3.2): normalising q and k per head keeps the attention logits from growing
    without bound in big models at high resolution. None: no norm (SD3 medium)."""
    if kind is None:
        return None
    return RMSNorm(head_dim) if kind == "rms_norm" else nn.LayerNorm(head_dim, eps=EPS)  # "layer_norm"


class GELU(nn.Module):
    """Linear, then GELU with the tanh approximation (as the original DiT code): diffusers' ``net.0`` (``proj``)."""

    def __init__(self, dim: int, inner: int):
        super().__init__()
        self.proj = nn.Linear(dim, inner)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.gelu(self.proj(x), approximate="tanh")


class FeedForward(nn.Module):
    """Linear to 4·D, GELU, linear back: ``net.0.proj``, ``net.2`` (``net.1`` is dropout, off)."""

    def __init__(self, dim: int):
        super().__init__()
        self.net = nn.ModuleList([GELU(dim, 4 * dim), nn.Dropout(0.0), nn.Linear(4 * dim, dim)])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for layer in self.net:
            x = layer(x)
        return x


class JointAttention(nn.Module):
    """Attention over [image tokens, text tokens] with separate projections per modality.

    ``joint=False`` builds a plain self-attention (SD3.5's ``attn2``: no ``add_*`` weights). ``context_pre_only``
    (the last block): the text's keys and values still feed the image, but the text's own output is dropped,
    so there is no ``to_add_out``.
    """

    def __init__(self, dim: int, heads: int, head_dim: int, norm: str | None, joint: bool = True,
                 context_pre_only: bool = False):
        super().__init__()
        self.heads, self.joint, self.context_pre_only = heads, joint, context_pre_only
        inner = heads * head_dim
        self.to_q, self.to_k, self.to_v = (nn.Linear(dim, inner) for _ in range(3))
        self.norm_q, self.norm_k = qk_norm(norm, head_dim), qk_norm(norm, head_dim)
        self.to_out = nn.ModuleList([nn.Linear(inner, dim), nn.Dropout(0.0)])
        if joint:
            self.add_q_proj, self.add_k_proj, self.add_v_proj = (nn.Linear(dim, inner) for _ in range(3))
            self.norm_added_q, self.norm_added_k = qk_norm(norm, head_dim), qk_norm(norm, head_dim)
            self.to_add_out = None if context_pre_only else nn.Linear(inner, dim)

    def _qkv(self, x: torch.Tensor, q, k, v, norm_q, norm_k):
        q, k, v = (split_heads(proj(x), self.heads) for proj in (q, k, v))  # each (B, heads, T, d)
        return (q if norm_q is None else norm_q(q)), (k if norm_k is None else norm_k(k)), v

    def forward(self, x: torch.Tensor, context: torch.Tensor | None = None):
        """x (B, N, D) image tokens, context (B, T, D) text tokens -> (image out (B, N, D), text out (B, T, D) or
        None); without context (``attn2``): the image out alone."""
        q, k, v = self._qkv(x, self.to_q, self.to_k, self.to_v, self.norm_q, self.norm_k)
        if context is None:
            return self.to_out[1](self.to_out[0](merge_heads(attention(q, k, v))))
        cq, ck, cv = self._qkv(context, self.add_q_proj, self.add_k_proj, self.add_v_proj, self.norm_added_q,
                               self.norm_added_k)
        n = x.shape[1]
        # one sequence: image first, then text (diffusers' order; softmax does not care, the split below does)
        q, k, v = (torch.cat(pair, dim=2) for pair in ((q, cq), (k, ck), (v, cv)))  # (B, heads, N+T, d)
        out = merge_heads(attention(q, k, v))  # (B, N+T, heads·d)
        image, text = out[:, :n], out[:, n:]  # (B, N, ·), (B, T, ·)
        image = self.to_out[1](self.to_out[0](image))
        return image, (None if self.context_pre_only else self.to_add_out(text))


class JointTransformerBlock(nn.Module):
    """One MMDiT block: two streams (image x, text context) with their own weights, meeting only in the attention.

        x ─────── adaLN(c) ─┐                                     ┌─ ·gate + x ─ adaLN(c) ─ ff ─ ·gate + ─► x'
                            ├─ joint attention over [x ; context] ┤
        context ─ adaLN(c) ─┘                                     └─ ·gate + context ─ ... ff_context ... ─► context'

    ``context_pre_only`` (the last block): the text stream stops after feeding the attention (returns None).
    ``dual``: SD3.5's second self-attention ``attn2`` on the image tokens, added next to the joint one.
    """

    def __init__(self, dim: int, heads: int, head_dim: int, context_pre_only: bool = False,
                 norm: str | None = None, dual: bool = False):
        super().__init__()
        self.context_pre_only, self.dual = context_pre_only, dual
        self.norm1 = AdaLayerNormZero(dim, chunks=9 if dual else 6)
        self.norm1_context = AdaLayerNormContinuous(dim) if context_pre_only else AdaLayerNormZero(dim)
        self.attn = JointAttention(dim, heads, head_dim, norm, context_pre_only=context_pre_only)
        self.attn2 = JointAttention(dim, heads, head_dim, norm, joint=False) if dual else None
        self.ff = FeedForward(dim)
        self.ff_context = None if context_pre_only else FeedForward(dim)

    def forward(self, x: torch.Tensor, context: torch.Tensor, c: torch.Tensor):
        """x (B, N, D), context (B, T, D), c (B, D) -> (x (B, N, D), context (B, T, D) or None)."""
        normed, gate, shift_mlp, scale_mlp, gate_mlp, *second = self.norm1(x, c)
        if self.context_pre_only:
            context_normed = self.norm1_context(context, c)
        else:
            context_normed, c_gate, c_shift_mlp, c_scale_mlp, c_gate_mlp = self.norm1_context(context, c)

        image_out, text_out = self.attn(normed, context_normed)
        x = x + gate[:, None] * image_out  # the gate starts at 0: the block starts as the identity
        if self.dual:
            normed2, gate2 = second
            x = x + gate2[:, None] * self.attn2(normed2)
        x = x + gate_mlp[:, None] * self.ff(modulate(F.layer_norm(x, x.shape[-1:], eps=EPS), shift_mlp, scale_mlp))

        if self.context_pre_only:
            return x, None
        context = context + c_gate[:, None] * text_out
        context_normed = modulate(F.layer_norm(context, context.shape[-1:], eps=EPS), c_shift_mlp, c_scale_mlp)
        return x, context + c_gate_mlp[:, None] * self.ff_context(context_normed)
