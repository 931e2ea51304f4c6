"""The denoiser of Stable Diffusion 1.x and SDXL: a UNet that predicts the noise in a latent, given t and the text.

Rombach et al. 2022, "High-Resolution Image Synthesis with Latent Diffusion Models" (the UNet of
Ronneberger et al. 2015, with the ResNet blocks of Ho et al. 2020 and cross-attention to the text);
Podell et al. 2023, "SDXL" for what its config changes: no attention at the highest resolution, deeper
transformers lower down (``transformer_layers_per_block``), and the size/crop micro-conditioning.

    x (B, 4, h, w) ─ conv_in ─► down blocks ──► mid block ──► up blocks ─ norm, SiLU, conv_out ─► ε̂ (B, 4, h, w)
                                 │ push skips      (+ControlNet)     ▲ pop skips, concatenate
                                 └───────────────────────────────────┘
    t ─► sinusoids (time_proj) ─► MLP (time_embedding) ─► emb: added inside every ResNet block
    context (B, 77·k, 768) from the text encoder ─► K, V of every cross-attention (attn2)     (SDXL: 2048 wide)
    SDXL only: text_embeds (B, P) pooled text, time_ids (B, 6) size and crop ─► micro_conditioning ─► + emb
    image_embeds (B, D), with an IP-Adapter attached ─► image tokens ─► a second K, V in every attn2 (ip_adapter.py)

Built from a ``UNetConfig`` with diffusers' ``UNet2DConditionModel`` parameter names, so its
weights load with ``strict=True``. Latents whose H or W is not a multiple of 2^(number of
downsamplers) work as in diffusers: each upsampler resizes to the exact size of the skip it meets.
Every ``Attention`` is an ordinary submodule: set ``keep_probs`` on any ``...attn2`` found through
``named_modules()`` to read its attention maps.
"""
from __future__ import annotations

import torch
from torch import nn

from course.config import CHOICES, UNetConfig
from course.nets.micro_conditioning import check_micro_inputs, micro_conditioning
from course.nets.unet_blocks import (
    CrossAttnDownBlock2D,
    CrossAttnUpBlock2D,
    DownBlock2D,
    TimestepEmbedding,
    Timesteps,
    UNetMidBlock2DCrossAttn,
    UpBlock2D,
    batch_timesteps,
)

DOWN_BLOCKS = ("CrossAttnDownBlock2D", "DownBlock2D")
UP_BLOCKS = ("CrossAttnUpBlock2D", "UpBlock2D")
ADDITION_EMBED_TYPES = CHOICES[UNetConfig]["addition_embed_type"]  # None: SD 1.x; "text_time": SDXL's


def _per_block(value, n: int, name: str) -> tuple:
    """An int applies to every block; a tuple must give one value per block."""
    if isinstance(value, int):
        return (value,) * n
    if len(value) != n:
        raise ValueError(f"UNetConfig.{name}={value!r} has {len(value)} entries but there are {n} blocks "
                         f"(len(block_out_channels)); give one per block, or a single int.")
    return tuple(value)


def _per_resnet(value, k: int, name: str) -> tuple[int, ...]:
    """A block's transformer depth: an int for each of its k ResNets, or a tuple of k."""
    if isinstance(value, int):
        return (value,) * k
    if len(value) != k:
        raise ValueError(f"UNetConfig.{name}={value!r} has {len(value)} entries but that block has {k} ResNet blocks "
                         "(each followed by a transformer); give one per ResNet, or a single int.")
    return tuple(value)


def transformer_depths(config) -> tuple[tuple[tuple[int, ...], ...], int, tuple[tuple[int, ...], ...]]:
    """The layers of every Transformer2DModel, read from ``transformer_layers_per_block`` as diffusers reads it:
    (per down block, one per ResNet), the mid block's, (per up block, one per ResNet).

    The mid block takes the last down block's (first) value; the up path the down path's reversed, unless
    ``reverse_transformer_layers_per_block`` gives its own (it must, when a down block has a tuple).
    """
    n = len(config.block_out_channels)
    layers = _per_block(config.layers_per_block, n, "layers_per_block")
    per_down = _per_block(config.transformer_layers_per_block, n, "transformer_layers_per_block")
    down = tuple(_per_resnet(v, k, f"transformer_layers_per_block[{i}]")
                 for i, (v, k) in enumerate(zip(per_down, layers)))
    mid = per_down[-1] if isinstance(per_down[-1], int) else per_down[-1][0]
    per_up = config.reverse_transformer_layers_per_block
    if per_up is None:
        if not all(isinstance(v, int) for v in per_down):
            raise ValueError(f"UNetConfig.transformer_layers_per_block={config.transformer_layers_per_block!r} gives "
                             "one value per ResNet; the up blocks have one ResNet more, so also give "
                             "reverse_transformer_layers_per_block (one entry per up block), as diffusers requires.")
        per_up = per_down[::-1]
    per_up = _per_block(per_up, n, "reverse_transformer_layers_per_block")
    up = tuple(_per_resnet(v, k + 1, f"reverse_transformer_layers_per_block[{i}]")
               for i, (v, k) in enumerate(zip(per_up, layers[::-1])))
    return down, mid, up


def check_config(config: UNetConfig) -> None:
    """Refuse, by name, a config the UNet cannot be built from."""
    n = len(config.block_out_channels)
    if len(config.down_block_types) != n or len(config.up_block_types) != n:
        raise ValueError(f"UNetConfig: block_out_channels has {n} entries, down_block_types "
                         f"{len(config.down_block_types)} and up_block_types {len(config.up_block_types)}; "
                         "all three need one entry per level.")
    for kind, allowed in ((config.down_block_types, DOWN_BLOCKS), (config.up_block_types, UP_BLOCKS)):
        for name in kind:
            if name not in allowed:
                raise ValueError(f"UNetConfig: block type {name!r} is not one the course builds; use one of {allowed}.")
    heads = _per_block(config.attention_head_dim, n, "attention_head_dim")
    transformer_depths(config)  # also checks layers_per_block
    if not isinstance(config.cross_attention_dim, int):
        raise ValueError(f"UNetConfig.cross_attention_dim={config.cross_attention_dim!r}: the course builds one "
                         "value for every block (SD 1.x, SDXL); give a single int.")
    # levels with attention: a cross-attention block on either path, and the lowest level (the mid block)
    attended = {i for i, kind in enumerate(config.down_block_types) if kind.startswith("CrossAttn")}
    attended |= {n - 1 - i for i, kind in enumerate(config.up_block_types) if kind.startswith("CrossAttn")} | {n - 1}
    for i in sorted(attended):
        channels, h = config.block_out_channels[i], heads[i]
        if channels % h:
            raise ValueError(f"UNetConfig: {channels} channels do not split into attention_head_dim={h} heads "
                             "(in SD 1.x and SDXL configs attention_head_dim is the number of heads); pick a divisor.")
    _check_addition(config)


def _check_addition(config: UNetConfig) -> None:
    kind = config.addition_embed_type
    if kind not in ADDITION_EMBED_TYPES:
        raise ValueError(f"UNetConfig.addition_embed_type={kind!r} is not one the course builds: None (SD 1.x) or "
                         "'text_time' (SDXL's pooled text and size/crop conditioning). Use an SD 1.x or SDXL model.")
    if kind == "text_time":
        for name in ("addition_time_embed_dim", "projection_class_embeddings_input_dim"):
            value = getattr(config, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"UNetConfig.{name}={value!r}: addition_embed_type='text_time' needs it as a whole "
                                 "number >= 1 (SDXL: addition_time_embed_dim=256, "
                                 "projection_class_embeddings_input_dim=2816).")


class UNet(nn.Module):
    """``unet(x, t, context)`` -> predicted noise, the shape of x."""

    def __init__(self, config: UNetConfig):
        super().__init__()
        check_config(config)
        self.config = config
        channels = config.block_out_channels  # e.g. (320, 640, 1280, 1280): the width of each level
        n = len(channels)
        heads = config.heads()  # heads of each down block; the mid block uses the last, the up blocks them reversed
        layers = _per_block(config.layers_per_block, n, "layers_per_block")
        depths, mid_depth, up_depths = transformer_depths(config)  # transformer layers, per ResNet

        self.conv_in = nn.Conv2d(config.in_channels, channels[0], 3, padding=1)
        self.time_proj = Timesteps(channels[0], config.flip_sin_to_cos, config.freq_shift)
        self.time_embedding = TimestepEmbedding(channels[0], 4 * channels[0])
        if config.addition_embed_type == "text_time":  # SDXL: pooled text + size/crop numbers -> added to emb
            self.add_time_proj = Timesteps(config.addition_time_embed_dim, config.flip_sin_to_cos, config.freq_shift)
            self.add_embedding = TimestepEmbedding(config.projection_class_embeddings_input_dim, 4 * channels[0])

        self.down_blocks = nn.ModuleList()
        for i, kind in enumerate(config.down_block_types):
            cin, cout, last = channels[max(i - 1, 0)], channels[i], i == n - 1
            if kind == "CrossAttnDownBlock2D":
                block = CrossAttnDownBlock2D(config, cin, cout, layers[i], not last, heads[i], depths[i])
            else:
                block = DownBlock2D(config, cin, cout, layers[i], not last)
            self.down_blocks.append(block)

        self.mid_block = UNetMidBlock2DCrossAttn(config, channels[-1], heads[-1], mid_depth)

        # The up path mirrors the down path: up block i works at the level of down block n-1-i and reads
        # the per-block settings (heads, layers) reversed. It has one ResNet more than its down twin: it
        # also consumes the skip pushed just before the twin ran (the level above's downsampler, or conv_in).
        self.up_blocks = nn.ModuleList()
        rev_channels, rev_heads, rev_layers = channels[::-1], heads[::-1], layers[::-1]
        for i, kind in enumerate(config.up_block_types):
            prev, cout, last = rev_channels[max(i - 1, 0)], rev_channels[i], i == n - 1
            cin = rev_channels[min(i + 1, n - 1)]  # channels of that extra skip: the level above's width
            if kind == "CrossAttnUpBlock2D":
                block = CrossAttnUpBlock2D(config, cin, prev, cout, rev_layers[i] + 1, not last, rev_heads[i],
                                           up_depths[i])
            else:
                block = UpBlock2D(config, cin, prev, cout, rev_layers[i] + 1, not last)
            self.up_blocks.append(block)

        self.conv_norm_out = nn.GroupNorm(config.norm_num_groups, channels[0], eps=config.norm_eps)
        self.conv_act = nn.SiLU()
        self.conv_out = nn.Conv2d(channels[0], config.out_channels, 3, padding=1)
        self.ip_adapter = None  # an IP-Adapter (course/nets/ip_adapter.py) while one is attached: not our weights

    def forward(self, x: torch.Tensor, t, context: torch.Tensor,
                down_block_additional_residuals: tuple[torch.Tensor, ...] | None = None,
                mid_block_additional_residual: torch.Tensor | None = None,
                image_embeds: torch.Tensor | None = None, text_embeds: torch.Tensor | None = None,
                time_ids: torch.Tensor | None = None) -> torch.Tensor:
        """x (B, in_channels, h, w); t a number, a 0-d tensor or a (B,) tensor; context (B, T, cross_attention_dim).

        ``down_block_additional_residuals`` (one tensor per skip, in push order) and
        ``mid_block_additional_residual`` are ControlNet's outputs: added to the skips and to the mid
        block's output. Pass both or neither.

        ``image_embeds`` (B, D) or (B, n, D): an image prompt, read through the attached IP-Adapter
        (``course.io.ip_adapter_files.load_ip_adapter``); without it an attached adapter adds nothing.

        ``text_embeds`` (B, P) and ``time_ids`` (B, 6): SDXL's micro-conditioning, required by a config with
        ``addition_embed_type="text_time"`` (and refused without it): the pooled text of the second encoder, and
        per image [original height, original width, crop top, crop left, target height, target width].
        """
        self._check_inputs(x, context)
        b = x.shape[0]
        check_micro_inputs(self.config, text_embeds, time_ids, b)
        if image_embeds is not None:
            # IP-Adapter: the picture becomes image tokens that every attn2 reads with its own keys and values
            context = (context, self._image_tokens(image_embeds, b))

        # 1. time: t -> (B,) -> sinusoids (B, C0) -> MLP (B, 4·C0)
        emb = self.time_proj(self._timesteps(t, b, x.device)).to(x.dtype)
        emb = self.time_embedding(emb)  # (B, 4·C0)
        if self.config.addition_embed_type == "text_time":  # SDXL: what to draw, at which size and framing
            emb = emb + micro_conditioning(text_embeds, time_ids, self.add_time_proj, self.add_embedding, emb.dtype)

        # 2. down: every tensor pushed here is concatenated back in the up path
        x = self.conv_in(x)  # (B, C0, h, w)
        skips = [x]
        for block in self.down_blocks:
            x, pushed = block(x, emb, context)  # one per ResNet(+transformer), one after the downsampler
            skips.extend(pushed)

        # ControlNet: its residuals are added to every skip and to the mid block's output
        if down_block_additional_residuals is not None or mid_block_additional_residual is not None:
            self._check_residuals(skips, down_block_additional_residuals, mid_block_additional_residual)
            skips = [s + r for s, r in zip(skips, down_block_additional_residuals)]

        # 3. mid, at the lowest resolution: (B, C_last, h/2^(n-1), w/2^(n-1))
        x = self.mid_block(x, emb, context)
        if mid_block_additional_residual is not None:
            self._check_mid_residual(x, mid_block_additional_residual)
            x = x + mid_block_additional_residual

        # 4. up: each block pops as many skips as it has ResNet blocks
        for block in self.up_blocks:
            k = len(block.resnets)
            popped, skips = skips[-k:], skips[:-k]
            size = skips[-1].shape[-2:] if skips else None  # the next level's H, W: what the upsampler must produce
            x = block(x, popped, emb, context, upsample_size=size)

        # 5. out: (B, C0, h, w) -> (B, out_channels, h, w)
        return self.conv_out(self.conv_act(self.conv_norm_out(x)))

    # ---- input checks: each error names the value, the rule and the fix ----

    def _check_inputs(self, x: torch.Tensor, context: torch.Tensor) -> None:
        c = self.config
        if x.ndim != 4 or x.shape[1] != c.in_channels:
            raise ValueError(f"UNet: x has shape {tuple(x.shape)}; it must be (B, {c.in_channels}, h, w), a batch "
                             f"of latents with in_channels={c.in_channels}. Pass latents "
                             "(vae.encode(...) · scaling_factor), not images.")
        if context.ndim != 3 or context.shape[0] != x.shape[0] or context.shape[2] != c.cross_attention_dim:
            raise ValueError(f"UNet: context has shape {tuple(context.shape)}; it must be (B={x.shape[0]}, tokens, "
                             f"cross_attention_dim={c.cross_attention_dim}): one text encoding per latent, from a text "
                             f"encoder whose hidden_size is {c.cross_attention_dim}.")

    def _image_tokens(self, image_embeds: torch.Tensor, b: int) -> torch.Tensor:
        if self.ip_adapter is None:
            raise ValueError("UNet: image_embeds were given but no IP-Adapter is attached to this UNet; load one first "
                             "(course.io.ip_adapter_files.load_ip_adapter(unet, path)), or leave image_embeds out.")
        if isinstance(image_embeds, torch.Tensor) and image_embeds.ndim in (2, 3) and image_embeds.shape[0] != b:
            raise ValueError(f"UNet: image_embeds has shape {tuple(image_embeds.shape)}; it needs one row per latent "
                             f"(B={b}): with classifier-free guidance, a row for the unconditional half too (zeros, "
                             "as diffusers, for 'no picture').")
        return self.ip_adapter(image_embeds)  # (B, n·N, C)

    @staticmethod
    def _timesteps(t, b: int, device) -> torch.Tensor:
        return batch_timesteps(t, b, device, "UNet")

    def _check_residuals(self, skips, down, mid) -> None:
        if down is None or mid is None:
            raise ValueError("UNet: ControlNet residuals come as a pair; pass both down_block_additional_residuals "
                             "and mid_block_additional_residual (what the ControlNet returns), or neither.")
        if len(down) != len(skips):
            raise ValueError(f"UNet: down_block_additional_residuals has {len(down)} tensors; this UNet pushes "
                             f"{len(skips)} skips, so pass {len(skips)} (one per skip, in order, as the ControlNet "
                             "built from this UNet's config returns them).")
        for i, (s, r) in enumerate(zip(skips, down)):
            if r.shape != s.shape:
                raise ValueError(f"UNet: down_block_additional_residuals[{i}] has shape {tuple(r.shape)}; the "
                                 f"skip it is added to has shape {tuple(s.shape)}. Pass residuals made for this "
                                 "latent size.")

    @staticmethod
    def _check_mid_residual(x: torch.Tensor, mid: torch.Tensor) -> None:
        if mid.shape != x.shape:
            raise ValueError(f"UNet: mid_block_additional_residual has shape {tuple(mid.shape)}; the mid block's "
                             f"output has shape {tuple(x.shape)}. Pass the residual made for this latent size.")


__all__ = ["UNet", "UNetConfig", "check_config", "transformer_depths"]
