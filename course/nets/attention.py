"""Scaled dot-product attention, the one operation all three networks of Stable Diffusion share.

Vaswani et al. 2017, "Attention Is All You Need":  Attention(Q, K, V) = softmax(Q Kᵀ / √d) V.

- CLIP's text encoder uses it as causal self-attention over the 77 tokens;
- the UNet as self-attention over latent pixels and as cross-attention from latent pixels (Q)
  to the text tokens (K, V): this is where the prompt enters the image;
- the VAE as self-attention over the pixels of its smallest feature map.

``attention`` is written out (what you would derive on paper) and has a fast path through
``F.scaled_dot_product_attention``; both give the same numbers to float precision. The
``Attention`` module carries diffusers' names (``to_q``, ``to_k``, ``to_v``, ``to_out.0``, and
``group_norm`` for the VAE) so diffusers weights load with ``strict=True``; CLIP's module with
transformers' names (``q_proj``, ...) lives in text_encoder.py and calls the same function.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn


def attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, *, causal: bool = False,
              fast: bool = True, return_probs: bool = False):
    """softmax(q kᵀ / √d) v for q (B, heads, Tq, d) and k, v (B, heads, Tk, d) -> (B, heads, Tq, d).

    ``causal``: position i may only look at positions <= i (CLIP's text encoder).
    ``return_probs``: also return the attention probabilities (B, heads, Tq, Tk); this takes the
    written-out path, because the fast kernel never materialises them.
    """
    if fast and not return_probs:
        return F.scaled_dot_product_attention(q, k, v, is_causal=causal)
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])  # (B, heads, Tq, Tk)
    if causal:
        tq, tk = scores.shape[-2:]
        future = torch.ones(tq, tk, dtype=torch.bool, device=q.device).triu(1)
        scores = scores.masked_fill(future, float("-inf"))
    probs = scores.softmax(dim=-1)
    out = probs @ v  # (B, heads, Tq, d)
    return (out, probs) if return_probs else out


def split_heads(x: torch.Tensor, heads: int) -> torch.Tensor:
    """(B, T, heads·d) -> (B, heads, T, d)."""
    b, t, _ = x.shape
    return x.view(b, t, heads, -1).transpose(1, 2)


def merge_heads(x: torch.Tensor) -> torch.Tensor:
    """(B, heads, T, d) -> (B, T, heads·d)."""
    b, heads, t, d = x.shape
    return x.transpose(1, 2).reshape(b, t, heads * d)


class Attention(nn.Module):
    """Multi-head attention with diffusers' parameter names.

    Self-attention when ``context`` is None, cross-attention otherwise (``context_dim`` is then
    the width of the context, e.g. the text encoder's 768). For the VAE, ``norm_groups`` adds a
    GroupNorm before the projections and the input may be a feature map (B, C, H, W), which is
    attended over its H·W pixels and returned with the input added back (residual).

    Set ``keep_probs = True`` to store the last attention probabilities in ``self.probs``
    (B, heads, Tq, Tk): the attention-map tools read them (the text's, never an IP-Adapter's image tokens').

    IP-Adapter (course/nets/ip_adapter.py) sets ``image_attention`` on a cross-attention; ``context`` is then a pair
    (text tokens, image tokens), and the layer's attention becomes the adapter's decoupled one (text half plus
    λ · softmax(Q K_iᵀ / √d) V_i) before ``to_out``.
    """

    def __init__(self, query_dim: int, context_dim: int | None = None, heads: int = 8, dim_head: int = 64,
                 bias: bool = False, norm_groups: int | None = None, eps: float = 1e-5, residual: bool = False):
        super().__init__()
        inner = heads * dim_head
        self.heads = heads
        self.residual = residual
        self.group_norm = nn.GroupNorm(norm_groups, query_dim, eps=eps) if norm_groups else None
        self.to_q = nn.Linear(query_dim, inner, bias=bias)
        self.to_k = nn.Linear(context_dim or query_dim, inner, bias=bias)
        self.to_v = nn.Linear(context_dim or query_dim, inner, bias=bias)
        self.to_out = nn.ModuleList([nn.Linear(inner, query_dim), nn.Dropout(0.0)])
        self.keep_probs = False
        self.probs: torch.Tensor | None = None
        self.image_attention = None  # an IP-Adapter's DecoupledCrossAttention while one is attached (a reference)

    def forward(self, x: torch.Tensor, context=None) -> torch.Tensor:
        """x (B, T, C) or (B, C, H, W); context None (self-attention), text tokens (B, Tk, context_dim), or
        (text tokens, image tokens) when the UNet was given ``image_embeds``."""
        residual = x
        context, image_tokens = context if isinstance(context, tuple) else (context, None)
        image = x.ndim == 4
        if image:
            b, c, h, w = x.shape
            x = x.view(b, c, h * w).transpose(1, 2)  # (B, H·W, C): each pixel is a token
        if self.group_norm is not None:
            x = self.group_norm(x.transpose(1, 2)).transpose(1, 2)
        context = x if context is None else context
        q = split_heads(self.to_q(x), self.heads)  # (B, heads, Tq, d)
        k = split_heads(self.to_k(context), self.heads)  # (B, heads, Tk, d)
        v = split_heads(self.to_v(context), self.heads)
        ip = self.image_attention
        if image_tokens is not None and ip is not None and ip.scale != 0:  # λ = 0: the plain layer, bit for bit
            out = ip(q, k, v, image_tokens)  # decoupled cross-attention: attn(text) + λ · attn(image), same Q
            if self.keep_probs:  # the maps show the text's probabilities, as without the adapter
                self.probs = attention(q, k, v, return_probs=True)[1]
        elif self.keep_probs:
            out, self.probs = attention(q, k, v, return_probs=True)
        else:
            out = attention(q, k, v)
        out = self.to_out[1](self.to_out[0](merge_heads(out)))  # (B, Tq, C)
        if image:
            out = out.transpose(1, 2).reshape(b, c, h, w)
        return out + residual if self.residual else out
