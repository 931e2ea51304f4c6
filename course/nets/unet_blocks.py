"""The layers the Stable Diffusion UNet is built from. Ronneberger et al. 2015 ("U-Net") gave the shape;
Ho et al. 2020 ("Denoising Diffusion Probabilistic Models") the ResNet blocks that also see the timestep;
Rombach et al. 2022 ("High-Resolution Image Synthesis with Latent Diffusion Models") the spatial
transformer whose cross-attention lets the text in.

- ``timestep_embedding``: t -> sinusoidal vector; ``TimestepEmbedding``: that vector -> an MLP's output.
- ``ResnetBlock2D``: two 3x3 convs, with the time embedding added in between.
- ``Transformer2DModel``: every pixel becomes a token; self-attention, cross-attention to the text, GEGLU MLP.
- ``Downsample2D`` / ``Upsample2D``: halve (stride-2 conv) / double (nearest, then conv) H and W.
- The containers ``DownBlock2D``, ``CrossAttnDownBlock2D``, ``UNetMidBlock2DCrossAttn``, ``UpBlock2D``,
  ``CrossAttnUpBlock2D``, which unet.py stacks.

Every name is diffusers' (``resnets.0.norm1``, ``attentions.0.transformer_blocks.0.attn2.to_q``, ...),
so diffusers' state dicts load with ``strict=True``.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from course.nets.attention import Attention


def timestep_embedding(t: torch.Tensor, dim: int, flip_sin_to_cos: bool = True, freq_shift: float = 0,
                       max_period: int = 10000) -> torch.Tensor:
    """Sinusoidal embedding of timesteps t (B,), which may be fractional, -> (B, dim) in float32.

    With half = dim // 2 and i = 0 .. half-1 (Vaswani et al. 2017's positional encoding, as DDPM uses it):

        f_i = exp(-ln(max_period) · i / (half - freq_shift))        one frequency per pair of channels
        emb = [sin(t·f_0) .. sin(t·f_{half-1}), cos(t·f_0) .. cos(t·f_{half-1})]

    ``flip_sin_to_cos`` puts the cosines first (SD 1.x: True, freq_shift 0). An odd ``dim`` gets a zero last column.
    """
    if t.ndim != 1:
        raise ValueError(f"timestep_embedding takes a 1-d tensor of timesteps, one per sample; got shape "
                         f"{tuple(t.shape)}. Pass t.reshape(-1) or t[None] for a single timestep.")
    half = dim // 2
    if half - freq_shift == 0:
        raise ValueError(f"timestep_embedding: dim // 2 - freq_shift must not be 0 (dim={dim}, "
                         f"freq_shift={freq_shift}); pick another dim or shift.")
    # float32 and this order of operations, as diffusers: t ~ 1000 turns a last-bit change in f_i
    # into ~1e-4 in the angle
    exponent = -math.log(max_period) * torch.arange(half, dtype=torch.float32, device=t.device) / (half - freq_shift)
    angles = t[:, None].float() * torch.exp(exponent)[None, :]  # (B, half)
    sin, cos = torch.sin(angles), torch.cos(angles)
    emb = torch.cat([cos, sin] if flip_sin_to_cos else [sin, cos], dim=-1)  # (B, 2·half)
    return F.pad(emb, (0, 1)) if dim % 2 else emb


def batch_timesteps(t, b: int, device, who: str = "UNet", units: str = "") -> torch.Tensor:
    """A python number, a 0-d, (1,) or (B,) tensor -> a (B,) tensor on ``device``; anything else is refused, naming
    ``who`` takes it and in which ``units``."""
    t = torch.as_tensor(t, device=device)
    if t.ndim == 0:
        t = t[None]
    if t.ndim != 1 or t.shape[0] not in (1, b):
        raise ValueError(f"{who}: t has shape {tuple(t.shape)}; pass a number, a 0-d tensor, or a tensor of shape "
                         f"({b},): one timestep per latent in the batch{units}.")
    return t.expand(b)


class Timesteps(nn.Module):
    """``timestep_embedding`` as a module without parameters: the UNet's ``time_proj``."""

    def __init__(self, dim: int, flip_sin_to_cos: bool = True, freq_shift: float = 0):
        super().__init__()
        self.dim, self.flip_sin_to_cos, self.freq_shift = dim, flip_sin_to_cos, freq_shift

    def forward(self, t: torch.Tensor) -> torch.Tensor:
        return timestep_embedding(t, self.dim, self.flip_sin_to_cos, self.freq_shift)


class TimestepEmbedding(nn.Module):
    """The MLP on top of the sinusoids: linear, SiLU, linear. (B, in_dim) -> (B, time_dim)."""

    def __init__(self, in_dim: int, time_dim: int):
        super().__init__()
        self.linear_1 = nn.Linear(in_dim, time_dim)
        self.linear_2 = nn.Linear(time_dim, time_dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear_2(F.silu(self.linear_1(x)))


class ResnetBlock2D(nn.Module):
    """x + F(x, emb) where F = norm, SiLU, conv3x3, + projected time embedding, norm, SiLU, conv3x3.

    When the channel count changes, the skip path goes through a 1x1 conv (``conv_shortcut``).
    """

    def __init__(self, in_channels: int, out_channels: int, temb_channels: int, groups: int = 32, eps: float = 1e-5):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, in_channels, eps=eps)
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, padding=1)
        self.time_emb_proj = nn.Linear(temb_channels, out_channels)
        self.norm2 = nn.GroupNorm(groups, out_channels, eps=eps)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1)
        self.conv_shortcut = nn.Conv2d(in_channels, out_channels, 1) if in_channels != out_channels else None

    def forward(self, x: torch.Tensor, emb: torch.Tensor) -> torch.Tensor:
        h = self.conv1(F.silu(self.norm1(x)))  # (B, C_out, H, W)
        h = h + self.time_emb_proj(F.silu(emb))[:, :, None, None]  # one shift per channel, from t
        h = self.conv2(F.silu(self.norm2(h)))
        skip = x if self.conv_shortcut is None else self.conv_shortcut(x)
        return skip + h


class GEGLU(nn.Module):
    """Shazeer 2020, "GLU Variants Improve Transformer": one projection to 2·inner, a · gelu(gate)."""

    def __init__(self, dim: int, inner: int):
        super().__init__()
        self.proj = nn.Linear(dim, 2 * inner)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a, gate = self.proj(x).chunk(2, dim=-1)
        return a * F.gelu(gate)


class FeedForward(nn.Module):
    """GEGLU to 4·dim, then back to dim; ``net`` = [GEGLU, Dropout, Linear] for diffusers' names."""

    def __init__(self, dim: int, mult: int = 4):
        super().__init__()
        self.net = nn.ModuleList([GEGLU(dim, mult * dim), nn.Dropout(0.0), nn.Linear(mult * dim, dim)])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net[2](self.net[1](self.net[0](x)))  # (B, T, dim) -> (B, T, 4·dim) -> (B, T, dim)


class BasicTransformerBlock(nn.Module):
    """Pre-norm transformer layer over pixel tokens: self-attention, cross-attention to the text, feed-forward."""

    def __init__(self, dim: int, heads: int, dim_head: int, context_dim: int):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn1 = Attention(dim, None, heads, dim_head)  # pixels look at pixels
        self.norm2 = nn.LayerNorm(dim)
        self.attn2 = Attention(dim, context_dim, heads, dim_head)  # pixels (Q) look at text tokens (K, V)
        self.norm3 = nn.LayerNorm(dim)
        self.ff = FeedForward(dim)

    def forward(self, x: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        x = x + self.attn1(self.norm1(x))
        x = x + self.attn2(self.norm2(x), context)
        return x + self.ff(self.norm3(x))


class Transformer2DModel(nn.Module):
    """The spatial transformer: feature map (B, C, H, W) -> H·W tokens -> transformer layers -> back, plus x.

    ``proj_in``/``proj_out`` are 1x1 convs (SD 1.x) or linear layers (``use_linear_projection``, SD 2.x):
    the same map, applied before or after flattening the pixels.
    """

    def __init__(self, channels: int, heads: int, dim_head: int, context_dim: int, num_layers: int = 1,
                 groups: int = 32, use_linear_projection: bool = False):
        super().__init__()
        inner = heads * dim_head
        self.use_linear_projection = use_linear_projection
        self.norm = nn.GroupNorm(groups, channels, eps=1e-6)  # 1e-6, whatever the UNet's norm_eps
        self.proj_in = nn.Linear(channels, inner) if use_linear_projection else nn.Conv2d(channels, inner, 1)
        self.transformer_blocks = nn.ModuleList(
            [BasicTransformerBlock(inner, heads, dim_head, context_dim) for _ in range(num_layers)])
        self.proj_out = nn.Linear(inner, channels) if use_linear_projection else nn.Conv2d(inner, channels, 1)

    def forward(self, x: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        b, c, h, w = x.shape
        residual = x
        x = self.norm(x)
        if not self.use_linear_projection:
            x = self.proj_in(x)  # (B, inner, H, W)
        x = x.permute(0, 2, 3, 1).reshape(b, h * w, x.shape[1])  # (B, H·W, inner or C): one token per pixel
        if self.use_linear_projection:
            x = self.proj_in(x)  # (B, H·W, inner)
        for block in self.transformer_blocks:
            x = block(x, context)
        if self.use_linear_projection:
            x = self.proj_out(x)  # (B, H·W, C)
        x = x.reshape(b, h, w, x.shape[-1]).permute(0, 3, 1, 2).contiguous()  # (B, inner or C, H, W)
        if not self.use_linear_projection:
            x = self.proj_out(x)  # (B, C, H, W)
        return x + residual


class Downsample2D(nn.Module):
    """3x3 conv with stride 2: (B, C, H, W) -> (B, C, ceil(H/2), ceil(W/2)) with padding 1."""

    def __init__(self, channels: int, padding: int = 1):
        super().__init__()
        self.padding = padding
        self.conv = nn.Conv2d(channels, channels, 3, stride=2, padding=padding)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.padding == 0:
            x = F.pad(x, (0, 1, 0, 1))  # pad right and bottom only, as diffusers does for padding=0
        return self.conv(x)


class Upsample2D(nn.Module):
    """Nearest-neighbour x2 (or to ``size``, the skip's H, W when it is odd), then a 3x3 conv."""

    def __init__(self, channels: int):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def forward(self, x: torch.Tensor, size: tuple[int, int] | None = None) -> torch.Tensor:
        scale = None if size is not None else 2.0
        x = F.interpolate(x, size=size, scale_factor=scale, mode="nearest")  # (B, C, 2H, 2W) or (B, C, *size)
        return self.conv(x)


# ---- the containers unet.py stacks. `config` is a UNetConfig (or anything with its field names). ----

def _resnet(config, in_channels: int, out_channels: int) -> ResnetBlock2D:
    temb = 4 * config.block_out_channels[0]  # width of the time embedding
    return ResnetBlock2D(in_channels, out_channels, temb, config.norm_num_groups, config.norm_eps)


def _transformer(config, channels: int, heads: int, depth: int) -> Transformer2DModel:
    # SD 1.x's and SDXL's attention_head_dim is the number of heads: each head gets channels // heads dimensions.
    # depth: its number of transformer layers (SD 1.x: 1; SDXL: 1, 2 or 10 by level)
    return Transformer2DModel(channels, heads, channels // heads, config.cross_attention_dim, depth,
                              config.norm_num_groups, config.use_linear_projection)


class DownBlock2D(nn.Module):
    """``layers`` ResNet blocks, then (except in the last block) a Downsample2D.

    Returns the output and the tuple of tensors the UNet pushes on its skip stack: one per ResNet
    block, and one after the downsampler.
    """

    def __init__(self, config, in_channels: int, out_channels: int, layers: int, add_downsample: bool):
        super().__init__()
        self.resnets = nn.ModuleList(
            [_resnet(config, in_channels if i == 0 else out_channels, out_channels) for i in range(layers)])
        self.attentions = None
        self.downsamplers = (nn.ModuleList([Downsample2D(out_channels, config.downsample_padding)])
                             if add_downsample else None)

    def forward(self, x: torch.Tensor, emb: torch.Tensor, context: torch.Tensor | None = None):
        skips = []
        for i, resnet in enumerate(self.resnets):
            x = resnet(x, emb)
            if self.attentions is not None:
                x = self.attentions[i](x, context)
            skips.append(x)  # (B, C_out, H, W)
        if self.downsamplers is not None:
            x = self.downsamplers[0](x)  # (B, C_out, H/2, W/2)
            skips.append(x)
        return x, tuple(skips)


class CrossAttnDownBlock2D(DownBlock2D):
    """DownBlock2D with a Transformer2DModel after every ResNet block; ``depths``: the layers of each."""

    def __init__(self, config, in_channels: int, out_channels: int, layers: int, add_downsample: bool, heads: int,
                 depths: tuple[int, ...]):
        super().__init__(config, in_channels, out_channels, layers, add_downsample)
        self.attentions = nn.ModuleList([_transformer(config, out_channels, heads, depths[i]) for i in range(layers)])


class UNetMidBlock2DCrossAttn(nn.Module):
    """At the lowest resolution: ResNet block, transformer (``depth`` layers), ResNet block."""

    def __init__(self, config, channels: int, heads: int, depth: int):
        super().__init__()
        self.resnets = nn.ModuleList([_resnet(config, channels, channels), _resnet(config, channels, channels)])
        self.attentions = nn.ModuleList([_transformer(config, channels, heads, depth)])

    def forward(self, x: torch.Tensor, emb: torch.Tensor, context: torch.Tensor) -> torch.Tensor:
        x = self.resnets[0](x, emb)
        x = self.attentions[0](x, context)
        return self.resnets[1](x, emb)


class UpBlock2D(nn.Module):
    """``layers`` ResNet blocks, each fed [x, one skip tensor] concatenated on channels; then (except in the
    last block) an Upsample2D.

    ``in_channels``: the channels of this block's last skip (the previous level's width);
    ``prev_channels``: the channels of x arriving from the block below.
    """

    def __init__(self, config, in_channels: int, prev_channels: int, out_channels: int, layers: int,
                 add_upsample: bool):
        super().__init__()
        resnets = []
        for i in range(layers):
            x_channels = prev_channels if i == 0 else out_channels
            skip_channels = in_channels if i == layers - 1 else out_channels
            resnets.append(_resnet(config, x_channels + skip_channels, out_channels))
        self.resnets = nn.ModuleList(resnets)
        self.attentions = None
        self.upsamplers = nn.ModuleList([Upsample2D(out_channels)]) if add_upsample else None

    def forward(self, x: torch.Tensor, skips: tuple[torch.Tensor, ...], emb: torch.Tensor,
                context: torch.Tensor | None = None, upsample_size: tuple[int, int] | None = None) -> torch.Tensor:
        """``skips``: this block's len(resnets) tensors from the skip stack, the last pushed last."""
        skips = list(skips)
        for i, resnet in enumerate(self.resnets):
            x = torch.cat([x, skips.pop()], dim=1)  # (B, C_x + C_skip, H, W): last pushed, first popped
            x = resnet(x, emb)
            if self.attentions is not None:
                x = self.attentions[i](x, context)
        if self.upsamplers is not None:
            x = self.upsamplers[0](x, upsample_size)  # (B, C_out, 2H, 2W)
        return x


class CrossAttnUpBlock2D(UpBlock2D):
    """UpBlock2D with a Transformer2DModel after every ResNet block; ``depths``: the layers of each."""

    def __init__(self, config, in_channels: int, prev_channels: int, out_channels: int, layers: int,
                 add_upsample: bool, heads: int, depths: tuple[int, ...]):
        super().__init__(config, in_channels, prev_channels, out_channels, layers, add_upsample)
        self.attentions = nn.ModuleList([_transformer(config, out_channels, heads, depths[i]) for i in range(layers)])
