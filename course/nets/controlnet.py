"""ControlNet: steer a frozen Stable Diffusion with a picture (edges, depth, pose, ...) besides the prompt.

Zhang, Rao & Agrawala 2023, "Adding Conditional Control to Text-to-Image Diffusion Models". The UNet stays
frozen. A trainable copy of its encoder (conv_in, the down blocks, the mid block) reads the noisy latent plus the
hint, and every tensor the copy would push on the skip stack goes through a 1×1 convolution that starts at zero
("zero convolution") and is added to the UNet's own skip; the copy's mid output likewise to the UNet's mid output:

    hint (B, 3, H, W) in [0, 1] ─ hint encoder: convs, SiLU, stride 2 down to (h, w) ─ zero conv ─┐
    x (B, 4, h, w) ─ conv_in ──────────────────────────────────────────────────────────────── + ─► copy of the
        UNet's down blocks ─► each skip ─ zero 1×1 conv ─► down residual k (k = 0 .. pushes-1)
                           └► mid block ─ zero 1×1 conv ─► mid residual
    unet(x, t, context, down_block_additional_residuals, mid_block_additional_residual)

At the start every zero conv outputs 0, so the UNet computes exactly what it did before, and the copy starts
from weights that already understand latents: training can only add control, never first break the model.
The gradient reaches the zero convs at once (their input is not zero) and the copy after the first step.

Names are diffusers' ``ControlNetModel``'s (``controlnet_cond_embedding``, ``controlnet_down_blocks.k``,
``controlnet_mid_block``, ...), so its weights load with ``strict=True``. ``Control`` is the pipeline's side:
hints per image, conditioning scale, start/end fraction of the steps, guess mode and several ControlNets at once,
with the semantics of diffusers' ``StableDiffusionControlNetPipeline``.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

from course.config import CHOICES, REQUIRED, UNetConfig, _normalise
from course.nets.micro_conditioning import check_micro_inputs, micro_conditioning
from course.nets.unet import UNet, check_config, transformer_depths
from course.nets.unet_blocks import (
    CrossAttnDownBlock2D,
    DownBlock2D,
    TimestepEmbedding,
    Timesteps,
    UNetMidBlock2DCrossAttn,
)

__all__ = ["ControlNetConfig", "ControlNet", "ControlNetConditioningEmbedding", "zero_conv", "guess_mode_scales",
           "config_from_reference"]


@dataclass(frozen=True)
class ControlNetConfig:
    """diffusers' ``ControlNetModel`` config, the fields SD 1.x and SDXL use: the UNet encoder's sizes plus the
    hint's (SDXL ControlNets also carry the UNet's micro-conditioning: see UNetConfig)."""

    in_channels: int = 4
    block_out_channels: tuple[int, ...] = (320, 640, 1280, 1280)
    down_block_types: tuple[str, ...] = ("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",)
    layers_per_block: int = 2
    cross_attention_dim: int = 768
    attention_head_dim: int | tuple[int, ...] = 8  # SD 1.x: the number of heads (see UNetConfig)
    norm_num_groups: int = 32
    norm_eps: float = 1e-5
    flip_sin_to_cos: bool = True
    freq_shift: int = 0
    downsample_padding: int = 1
    use_linear_projection: bool = False
    upcast_attention: bool = False
    transformer_layers_per_block: int | tuple[int | tuple[int, ...], ...] = 1  # as UNetConfig's (down path only)
    addition_embed_type: str | None = None  # "text_time": SDXL's pooled text and size/crop numbers, as the UNet
    addition_time_embed_dim: int | None = None
    projection_class_embeddings_input_dim: int | None = None
    conditioning_channels: int = 3  # the hint's channels: an RGB picture
    # the hint encoder's widths: each after the first halves H and W, so 4 entries go from 512 px down to 64
    conditioning_embedding_out_channels: tuple[int, ...] = (16, 32, 96, 256)
    controlnet_conditioning_channel_order: str = "rgb"  # "bgr": the hint's channels are flipped first
    global_pool_conditions: bool = False  # the residuals are averaged over H, W (the "shuffle" ControlNet)

    @classmethod
    def sd15(cls) -> "ControlNetConfig":
        return cls()

    @classmethod
    def tiny(cls) -> "ControlNetConfig":
        """diffusers' test size: UNetConfig.tiny()'s encoder, a hint encoder that halves H, W once."""
        return cls.from_unet_config(UNetConfig.tiny(), conditioning_embedding_out_channels=(16, 32))

    @classmethod
    def from_unet_config(cls, unet: UNetConfig, **hint) -> "ControlNetConfig":
        """The encoder's sizes from a UNet's config; ``hint``: the hint fields (conditioning_channels, ...)."""
        shared = {f.name: getattr(unet, f.name) for f in dataclasses.fields(cls) if hasattr(unet, f.name)}
        return cls(**shared, **hint)

    def unet_config(self) -> UNetConfig:
        """A UNetConfig with the same encoder (the up path mirrors the down path), for ``check_config``."""
        ups = tuple("CrossAttnUpBlock2D" if d.startswith("CrossAttn") else "UpBlock2D"
                    for d in reversed(self.down_block_types))
        shared = {f.name: getattr(self, f.name) for f in dataclasses.fields(UNetConfig) if hasattr(self, f.name)}
        per_block = self.transformer_layers_per_block
        if not isinstance(per_block, int) and not all(isinstance(v, int) for v in per_block):
            # depths per ResNet: the (unbuilt) up path needs its own, one more per block; mirror the down path's
            shared["reverse_transformer_layers_per_block"] = tuple(
                v if isinstance(v, int) else tuple(v) + (v[-1],) for v in reversed(per_block))
        return UNetConfig(**shared, up_block_types=ups)

    def heads(self) -> tuple[int, ...]:
        return self.unet_config().heads()

    @property
    def hint_factor(self) -> int:
        """How many pixels of the hint make one latent pixel: 2 ** (stride-2 convs in the hint encoder)."""
        return 2 ** (len(self.conditioning_embedding_out_channels) - 1)


def config_from_reference(reference: dict) -> ControlNetConfig:
    """``ControlNetConfig`` from a diffusers ``ControlNetModel`` config dict; a feature the course does not build
    (SDXL's added embeddings, a class embedding, another mid block) is refused by name."""
    for key, wanted in {**REQUIRED[UNetConfig], "num_class_embeds": None}.items():
        value = reference.get(key)
        values = value if isinstance(value, (list, tuple)) else [value]  # a per-block list: every entry must fit
        if value is not None and any(v != wanted for v in values):
            raise ValueError(f"ControlNetConfig: the reference sets {key}={value!r}, which the course does not build "
                             f"(it builds {key}={wanted!r}, as SD 1.x and SDXL). Use an SD 1.x/2.x or SDXL "
                             "ControlNet.")
    for key, allowed in CHOICES[UNetConfig].items():
        if reference.get(key) not in allowed:
            raise ValueError(f"ControlNetConfig: the reference sets {key}={reference[key]!r}, which the course does "
                             f"not build (it builds {' or '.join(map(repr, allowed))}). Use an SD 1.x/2.x or SDXL "
                             "ControlNet.")
    order = reference.get("controlnet_conditioning_channel_order", "rgb")
    if order not in ("rgb", "bgr"):
        raise ValueError(f"controlnet_conditioning_channel_order={order!r}: diffusers knows 'rgb' and 'bgr'.")
    kwargs = {}
    for f in dataclasses.fields(ControlNetConfig):
        value = reference.get(f.name)
        if value is not None:
            kwargs[f.name] = _normalise(value)  # JSON lists as tuples, nested ones too
    return ControlNetConfig(**kwargs)


def zero_conv(channels: int) -> nn.Conv2d:
    """A 1×1 convolution whose weight and bias start at exactly 0: its output is 0 until training moves it."""
    conv = nn.Conv2d(channels, channels, 1)
    nn.init.zeros_(conv.weight)
    nn.init.zeros_(conv.bias)
    return conv


class ControlNetConditioningEmbedding(nn.Module):
    """The hint encoder: (B, C_hint, H, W) -> (B, C0, H/f, W/f), f = 2 ** (len(widths) - 1).

    conv_in to widths[0]; per step up in width, a 3x3 conv and a stride-2 3x3 conv; SiLU after each; a last 3x3
    conv (``conv_out``) to the UNet's first width, initialised to zero like the zero convs.
    """

    def __init__(self, out_channels: int, in_channels: int = 3, widths: tuple[int, ...] = (16, 32, 96, 256)):
        super().__init__()
        self.conv_in = nn.Conv2d(in_channels, widths[0], 3, padding=1)
        self.blocks = nn.ModuleList()
        for cin, cout in zip(widths[:-1], widths[1:]):
            self.blocks.append(nn.Conv2d(cin, cin, 3, padding=1))
            self.blocks.append(nn.Conv2d(cin, cout, 3, padding=1, stride=2))  # halves H and W
        self.conv_out = nn.Conv2d(widths[-1], out_channels, 3, padding=1)
        nn.init.zeros_(self.conv_out.weight)
        nn.init.zeros_(self.conv_out.bias)

    def forward(self, hint: torch.Tensor) -> torch.Tensor:
        x = F.silu(self.conv_in(hint))
        for conv in self.blocks:
            x = F.silu(conv(x))
        return self.conv_out(x)  # (B, C0, H/f, W/f)


def guess_mode_scales(n: int, scale: float, device=None) -> torch.Tensor:
    """Guess mode's weights of the n down residuals and the mid one (last): 10 ** linspace(-1, 0, n + 1) · scale,
    from 0.1 at the highest resolution to 1 at the mid block, as diffusers (float32 on the sample's device)."""
    return torch.logspace(-1, 0, n + 1, device=device) * scale


class ControlNet(nn.Module):
    """``controlnet(x, t, context, hint, scale=1.0)`` -> (down residuals, one per UNet skip; mid residual)."""

    def __init__(self, config: ControlNetConfig):
        super().__init__()
        check_config(config.unet_config())
        self.config = config
        channels, heads, n = config.block_out_channels, config.heads(), len(config.block_out_channels)
        depths, mid_depth, _ = transformer_depths(config.unet_config())  # transformer layers, per ResNet
        self.conv_in = nn.Conv2d(config.in_channels, channels[0], 3, padding=1)
        self.time_proj = Timesteps(channels[0], config.flip_sin_to_cos, config.freq_shift)
        self.time_embedding = TimestepEmbedding(channels[0], 4 * channels[0])
        if config.addition_embed_type == "text_time":  # SDXL: the UNet's micro-conditioning, copied with it
            self.add_time_proj = Timesteps(config.addition_time_embed_dim, config.flip_sin_to_cos, config.freq_shift)
            self.add_embedding = TimestepEmbedding(config.projection_class_embeddings_input_dim, 4 * channels[0])
        self.controlnet_cond_embedding = ControlNetConditioningEmbedding(
            channels[0], config.conditioning_channels, config.conditioning_embedding_out_channels)

        # the copy of the UNet's encoder, block for block, and one zero conv per tensor it pushes
        self.down_blocks = nn.ModuleList()
        self.controlnet_down_blocks = nn.ModuleList([zero_conv(channels[0])])  # for conv_in's output
        for i, kind in enumerate(config.down_block_types):
            cin, cout, last = channels[max(i - 1, 0)], channels[i], i == n - 1
            block = (CrossAttnDownBlock2D(config, cin, cout, config.layers_per_block, not last, heads[i], depths[i])
                     if kind == "CrossAttnDownBlock2D" else DownBlock2D(config, cin, cout, config.layers_per_block,
                                                                        not last))
            self.down_blocks.append(block)
            pushes = config.layers_per_block + (0 if last else 1)  # one per ResNet, one after the downsampler
            self.controlnet_down_blocks.extend(zero_conv(cout) for _ in range(pushes))
        self.mid_block = UNetMidBlock2DCrossAttn(config, channels[-1], heads[-1], mid_depth)
        self.controlnet_mid_block = zero_conv(channels[-1])

    @classmethod
    def from_unet(cls, unet: UNet, conditioning_embedding_out_channels: tuple[int, ...] = (16, 32, 96, 256),
                  conditioning_channels: int = 3) -> "ControlNet":
        """A new ControlNet for ``unet``: its encoder copied (weights included), zero convs at 0, as the paper
        starts training (diffusers' ``ControlNetModel.from_unet``). The hint encoder's first convs are random."""
        config = ControlNetConfig.from_unet_config(unet.config, conditioning_channels=conditioning_channels,
                                                   conditioning_embedding_out_channels=tuple(
                                                       conditioning_embedding_out_channels))
        param = next(unet.parameters())
        net = cls(config).to(device=param.device, dtype=param.dtype)
        copied = ("conv_in", "time_embedding", "down_blocks", "mid_block") + (
            ("add_embedding",) if config.addition_embed_type == "text_time" else ())
        for name in copied:
            getattr(net, name).load_state_dict(getattr(unet, name).state_dict())
        return net

    def forward(self, x: torch.Tensor, t, context: torch.Tensor, hint: torch.Tensor, scale: float = 1.0,
                guess_mode: bool = False, text_embeds: torch.Tensor | None = None,
                time_ids: torch.Tensor | None = None) -> tuple[tuple[torch.Tensor, ...], torch.Tensor]:
        """x (B, in_channels, h, w); t as for the UNet; context (B, T, D); hint (B, conditioning_channels, h·f, w·f)
        in [0, 1], f = ``config.hint_factor``. ``scale`` multiplies every residual (0 = no control); in
        ``guess_mode`` residual k of n is further weighted by 10 ** (k/n - 1) (0.1 ... 1, the mid one 1).
        ``text_embeds``, ``time_ids``: an SDXL ControlNet's micro-conditioning, the same tensors the UNet gets."""
        self._check_inputs(x, context, hint)
        check_micro_inputs(self.config, text_embeds, time_ids, x.shape[0], who="ControlNet")
        if self.config.controlnet_conditioning_channel_order == "bgr":
            hint = hint.flip(1)
        emb = self.time_embedding(self.time_proj(UNet._timesteps(t, x.shape[0], x.device)).to(x.dtype))  # (B, 4·C0)
        if self.config.addition_embed_type == "text_time":
            emb = emb + micro_conditioning(text_embeds, time_ids, self.add_time_proj, self.add_embedding, emb.dtype)

        x = self.conv_in(x) + self.controlnet_cond_embedding(hint)  # (B, C0, h, w): the hint enters here, once
        skips = [x]
        for block in self.down_blocks:
            x, pushed = block(x, emb, context)
            skips.extend(pushed)
        x = self.mid_block(x, emb, context)

        down = [conv(s) for conv, s in zip(self.controlnet_down_blocks, skips)]  # zero convs: (B, C_k, h_k, w_k)
        mid = self.controlnet_mid_block(x)
        if guess_mode and not self.config.global_pool_conditions:
            scales = guess_mode_scales(len(down), scale, x.device)
            down, mid = [d * s for d, s in zip(down, scales)], mid * scales[-1]
        else:
            down, mid = [d * scale for d in down], mid * scale
        if self.config.global_pool_conditions:  # one value per channel, broadcast over the UNet's H, W
            down, mid = [d.mean(dim=(2, 3), keepdim=True) for d in down], mid.mean(dim=(2, 3), keepdim=True)
        return tuple(down), mid

    def _check_inputs(self, x: torch.Tensor, context: torch.Tensor, hint: torch.Tensor) -> None:
        c = self.config
        if x.ndim != 4 or x.shape[1] != c.in_channels:
            raise ValueError(f"ControlNet: x has shape {tuple(x.shape)}; it must be (B, {c.in_channels}, h, w), the "
                             "same noisy latents the UNet gets.")
        if context.ndim != 3 or context.shape[0] != x.shape[0] or context.shape[2] != c.cross_attention_dim:
            raise ValueError(f"ControlNet: context has shape {tuple(context.shape)}; it must be (B={x.shape[0]}, "
                             f"tokens, {c.cross_attention_dim}): the text encoding the UNet gets.")
        f, (h, w) = c.hint_factor, x.shape[2:]
        want = (x.shape[0], c.conditioning_channels, h * f, w * f)
        if tuple(hint.shape) != want:
            raise ValueError(f"ControlNet: hint has shape {tuple(hint.shape)}; for latents {h}×{w} it must be "
                             f"{want}: one picture per latent, {f}× the latent's size (the image size), "
                             f"{c.conditioning_channels} channels in [0, 1]. Resize the hint to the image size.")
