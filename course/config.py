"""The sizes of every network, in one place: a frozen dataclass per component.

Each has two presets: ``sd15()`` (Stable Diffusion 1.5, Rombach et al. 2022, "High-Resolution
Image Synthesis with Latent Diffusion Models") and ``tiny()`` (the size diffusers' own tests
use, so the whole graph runs on a CPU in milliseconds); the UNet also ``sdxl()`` and ``tiny_sdxl()``
(Podell et al. 2023, "SDXL"). Field names are those of the reference
configs (transformers ``CLIPTextConfig``, diffusers ``UNet2DConditionModel`` / ``AutoencoderKL``),
so ``from_reference_config`` only has to copy fields, and refuse what the course does not build.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, fields
from numbers import Integral, Real
from pathlib import Path


@dataclass(frozen=True)
class TextEncoderConfig:
    """CLIP's text transformer (ViT-L/14's text tower in SD 1.x)."""

    vocab_size: int = 49408
    hidden_size: int = 768
    intermediate_size: int = 3072
    num_hidden_layers: int = 12
    num_attention_heads: int = 12
    max_position_embeddings: int = 77
    hidden_act: str = "quick_gelu"  # x * sigmoid(1.702 x), as OpenAI trained it
    layer_norm_eps: float = 1e-5
    # eos_token_id == 2 is the legacy value in SD 1.x's config: the pooled output then sits at argmax(ids),
    # which is the first EOS because 49407 is the largest id. Any other value: the first position holding it.
    eos_token_id: int = 2
    # CLIPTextModelWithProjection (SDXL's second encoder, OpenCLIP ViT-bigG) maps the pooled vector through
    # text_projection, a Linear(hidden_size, projection_dim) without bias; None: no projection (CLIPTextModel)
    projection_dim: int | None = None

    @classmethod
    def sd15(cls) -> "TextEncoderConfig":
        return cls()

    @classmethod
    def sdxl_2(cls) -> "TextEncoderConfig":
        """SDXL's second text encoder, OpenCLIP ViT-bigG/14's text tower (its first is SD 1.x's, ``sd15()``)."""
        return cls(hidden_size=1280, intermediate_size=5120, num_hidden_layers=32, num_attention_heads=20,
                   hidden_act="gelu", projection_dim=1280)

    @classmethod
    def tiny(cls) -> "TextEncoderConfig":
        return cls(vocab_size=1000, hidden_size=32, intermediate_size=37, num_hidden_layers=5, num_attention_heads=4)


@dataclass(frozen=True)
class UNetConfig:
    """UNet2DConditionModel as SD 1.x and SDXL configure it (Podell et al. 2023, "SDXL: Improving Latent Diffusion
    Models for High-Resolution Image Synthesis": three levels, no attention at the highest resolution, deeper
    transformers lower down, a 2048-wide text context and the size/crop micro-conditioning)."""

    sample_size: int = 64  # latent size the model was trained at: 512 px / 8
    in_channels: int = 4
    out_channels: int = 4
    block_out_channels: tuple[int, ...] = (320, 640, 1280, 1280)
    down_block_types: tuple[str, ...] = ("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",)
    up_block_types: tuple[str, ...] = ("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 3
    layers_per_block: int = 2
    cross_attention_dim: int = 768  # width of the text encoder's output
    # diffusers calls this attention_head_dim, but in SD 1.x and SDXL configs it is the number of heads: 8 heads of
    # 320/8 = 40, 640/8 = 80, ...; SDXL's (5, 10, 20) gives heads of 64. An int applies to every block; a tuple gives
    # one value per down block (the up blocks read them reversed, the mid block the last).
    attention_head_dim: int | tuple[int, ...] = 8
    norm_num_groups: int = 32
    norm_eps: float = 1e-5
    flip_sin_to_cos: bool = True  # timestep embedding is [cos, sin], not [sin, cos]
    freq_shift: int = 0
    downsample_padding: int = 1
    use_linear_projection: bool = False  # proj_in/proj_out: 1x1 conv (SD 1.x) or linear (SD 2.x, SDXL)
    upcast_attention: bool = False
    # transformer layers in each Transformer2DModel: an int for all, one per down block (SDXL: (1, 2, 10)), or per
    # down block a tuple with one per ResNet of that block; the mid block takes the last block's (first) value
    transformer_layers_per_block: int | tuple[int | tuple[int, ...], ...] = 1
    # the up path's: by default the down path's reversed; diffusers' "asymmetrical" UNets (SSD-1B, Vega) give one
    # entry per up block (an int, or a tuple with one per ResNet of that up block)
    reverse_transformer_layers_per_block: tuple[int | tuple[int, ...], ...] | None = None
    # SDXL's micro-conditioning (course/nets/micro_conditioning.py): "text_time" adds an embedding of the pooled
    # text and of the size/crop numbers (time_ids) to the time embedding; None (SD 1.x) adds nothing
    addition_embed_type: str | None = None
    addition_time_embed_dim: int | None = None  # sinusoid width of each time_id (SDXL: 256)
    projection_class_embeddings_input_dim: int | None = None  # pooled width + len(time_ids)·that (SDXL: 1280 + 6·256)

    @classmethod
    def sd15(cls) -> "UNetConfig":
        return cls()

    @classmethod
    def tiny(cls) -> "UNetConfig":
        return cls(sample_size=32, block_out_channels=(32, 64),
                   down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                   up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), cross_attention_dim=32, attention_head_dim=8)

    @classmethod
    def sdxl(cls) -> "UNetConfig":
        """stabilityai/stable-diffusion-xl-base-1.0's unet/config.json (2.6 B parameters)."""
        return cls(sample_size=128, block_out_channels=(320, 640, 1280),
                   down_block_types=("DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"),
                   up_block_types=("CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"),
                   cross_attention_dim=2048, attention_head_dim=(5, 10, 20), use_linear_projection=True,
                   transformer_layers_per_block=(1, 2, 10), addition_embed_type="text_time",
                   addition_time_embed_dim=256, projection_class_embeddings_input_dim=2816)

    @classmethod
    def tiny_sdxl(cls) -> "UNetConfig":
        """The SDXL-shaped UNet of diffusers' SDXL pipeline tests: pooled text 32 wide, 6 time_ids of 8 (32 + 48)."""
        return cls(sample_size=32, block_out_channels=(32, 64),
                   down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                   up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), cross_attention_dim=64,
                   attention_head_dim=(2, 4), use_linear_projection=True, transformer_layers_per_block=(1, 2),
                   addition_embed_type="text_time", addition_time_embed_dim=8, projection_class_embeddings_input_dim=80)

    def heads(self) -> tuple[int, ...]:
        """Number of attention heads of each down block (the up blocks use them reversed)."""
        if isinstance(self.attention_head_dim, int):
            return (self.attention_head_dim,) * len(self.block_out_channels)
        return tuple(self.attention_head_dim)


@dataclass(frozen=True)
class VAEConfig:
    """AutoencoderKL: images (B, 3, H, W) in [-1, 1] <-> latents (B, 4, H/8, W/8)."""

    in_channels: int = 3
    out_channels: int = 3
    latent_channels: int = 4
    block_out_channels: tuple[int, ...] = (128, 256, 512, 512)  # each block after the first halves H and W
    layers_per_block: int = 2
    norm_num_groups: int = 32
    sample_size: int = 512
    # latents are multiplied by this before the UNet sees them, so their std is about 1 (measured on data)
    scaling_factor: float = 0.18215
    # SD3's VAE also centres its latents: the denoiser sees (z - shift_factor) · scaling_factor (None: no shift)
    shift_factor: float | None = None
    mid_block_add_attention: bool = True
    use_quant_conv: bool = True
    use_post_quant_conv: bool = True

    @classmethod
    def sd15(cls) -> "VAEConfig":
        return cls()

    @classmethod
    def tiny(cls) -> "VAEConfig":
        return cls(block_out_channels=(32, 64), layers_per_block=1, sample_size=32)


# What each config must say for the course to build it faithfully; anything else is refused, by name.
REQUIRED = {
    TextEncoderConfig: {"model_type": "clip_text_model"},
    UNetConfig: {"center_input_sample": False, "mid_block_type": "UNetMidBlock2DCrossAttn", "act_fn": "silu",
                 "only_cross_attention": False, "dual_cross_attention": False, "class_embed_type": None,
                 "time_embedding_type": "positional", "resnet_time_scale_shift": "default",
                 "time_cond_proj_dim": None, "conv_in_kernel": 3, "conv_out_kernel": 3, "encoder_hid_dim": None,
                 "num_attention_heads": None, "mid_block_scale_factor": 1, "attention_type": "default",
                 "time_embedding_dim": None, "time_embedding_act_fn": None, "timestep_post_act": None,
                 "class_embeddings_concat": False, "encoder_hid_dim_type": None, "num_class_embeds": None,
                 "resnet_skip_time_act": False, "resnet_out_scale_factor": 1, "cross_attention_norm": None},
    VAEConfig: {"act_fn": "silu", "latents_mean": None, "latents_std": None},
}


# Settings with more than one value the course builds (None: SD 1.x; "text_time": SDXL's micro-conditioning).
CHOICES = {UNetConfig: {"addition_embed_type": (None, "text_time")}}


def from_reference_config(cls, reference: dict, source: str = "the reference config"):
    """Build one of the dataclasses above from a reference config dict (``model.config``).

    Copies the fields both know; raises ValueError, naming the setting, when the reference uses a
    feature the course does not implement (SDXL's added embeddings, a different activation, ...), or
    when a field has the wrong type or range (``check_reference``; ``source`` names the file in the message).
    """
    reference = check_reference(cls, reference, source)
    if cls is TextEncoderConfig and "CLIPTextModelWithProjection" not in (reference.get("architectures") or ()):
        # every CLIPTextConfig carries a projection_dim (SD 1.5's file says 768), but only the class that the
        # architectures field names decides whether there is a text_projection layer to build
        reference["projection_dim"] = None
    for key, wanted in REQUIRED[cls].items():
        if key in reference and reference[key] is not None and _normalise(reference[key]) != _normalise(wanted):
            raise ValueError(f"{cls.__name__}: the reference sets {key}={reference[key]!r}, which the course does not "
                             f"implement (it builds {key}={wanted!r}, as SD 1.x and SDXL). Use an SD 1.x/2.x or SDXL "
                             "model.")
    for key, allowed in CHOICES.get(cls, {}).items():
        if reference.get(key) not in allowed:
            raise ValueError(f"{cls.__name__}: the reference sets {key}={reference[key]!r}, which the course does not "
                             f"implement (it builds {' or '.join(map(repr, allowed))}). Use an SD 1.x/2.x or SDXL model.")
    # a None in the reference (e.g. diffusers' sample_size when unset) keeps our default
    kwargs = {f.name: _normalise(reference[f.name]) for f in fields(cls) if reference.get(f.name) is not None}
    return cls(**kwargs)


def _normalise(value):
    """Lists (JSON's) as tuples, nested ones too: [[1, 1], [2, 2]] -> ((1, 1), (2, 2))."""
    return tuple(_normalise(v) for v in value) if isinstance(value, (list, tuple)) else value


# ---- checking what a config file says ----------------------------------------------------------------------

# Fields that size the weights: a null there cannot mean "the default" (the weights would not fit), so it is refused.
NOT_NULL = {"vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads",
            "max_position_embeddings", "in_channels", "out_channels", "latent_channels", "block_out_channels",
            "down_block_types", "up_block_types", "layers_per_block", "cross_attention_dim", "attention_head_dim",
            "norm_num_groups", "conditioning_channels", "conditioning_embedding_out_channels"}
# Whole-number fields that may be 0; every other one is a size and must be >= 1.
MAY_BE_ZERO = {"freq_shift", "downsample_padding", "eos_token_id"}
# diffusers also takes one value per block for these (the course's UNet does too)
PER_BLOCK = {"layers_per_block", "transformer_layers_per_block"}
# ... and for these, per block, also a list with one value per ResNet of the block (SSD-1B's, Vega's)
NESTED = {"transformer_layers_per_block", "reverse_transformer_layers_per_block"}


def _show(value) -> str:
    """A value as the JSON file writes it (null, true, "32"), so the message quotes what the person sees."""
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)


def _whole(value, least: int) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool) and value >= least


def _rule(kind: str, name: str, per_block: bool) -> str:
    """What a field of this kind must be, in words."""
    if name in NESTED:
        return ("a whole number >= 1, or a list with one entry per block, each a whole number >= 1 or a list of them "
                "(one per ResNet of the block)")
    if kind in ("int", "int | tuple[int, ...]", "int | None"):
        least = 0 if name in MAY_BE_ZERO else 1
        return f"a whole number >= {least}" + (" or a list of them, one per block" if per_block else "")
    return {"float": "a finite number > 0", "bool": "true or false", "str": "a string",
            "tuple[int, ...]": "a non-empty list of whole numbers >= 1",
            "tuple[str, ...]": "a non-empty list of strings"}.get(kind, "of the reference's type")


_WRONG = object()


def _plain(kind: str, name: str, per_block: bool, value):
    """``value`` as plain Python (int, float, list, ...) when it fits a field of this kind, else ``_WRONG``."""
    least = 0 if name in MAY_BE_ZERO else 1
    is_list = isinstance(value, (list, tuple)) and len(value) > 0
    if name in NESTED:
        if _whole(value, 1):
            return int(value)
        inner = lambda v: isinstance(v, (list, tuple)) and len(v) > 0 and all(_whole(u, 1) for u in v)  # noqa: E731
        if is_list and all(_whole(v, 1) or inner(v) for v in value):
            return [int(v) if _whole(v, 1) else [int(u) for u in v] for v in value]
        return _WRONG
    if kind in ("int", "int | tuple[int, ...]", "int | None"):
        if _whole(value, least):
            return int(value)
        if per_block and is_list and all(_whole(v, least) for v in value):
            return [int(v) for v in value]
        return _WRONG
    if kind == "float":
        ok = isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value) and value > 0
        return float(value) if ok else _WRONG
    if kind == "bool":
        return value if isinstance(value, bool) else _WRONG
    if kind == "str":
        return value if isinstance(value, str) else _WRONG
    if kind == "tuple[int, ...]":
        return [int(v) for v in value] if is_list and all(_whole(v, 1) for v in value) else _WRONG
    if kind == "tuple[str, ...]":
        return list(value) if is_list and all(isinstance(v, str) for v in value) else _WRONG
    return value


def check_reference(cls, reference, source: str = "the reference config") -> dict:
    """Check the fields of ``cls`` (a config dataclass) that a reference config dict sets: each must have the
    field's type and a sensible range. Returns a copy with plain Python values; raises ValueError naming
    ``source`` (the file), the field, its value and what it must be, with SD 1.5's value as an example."""
    if not isinstance(reference, dict):
        raise ValueError(f"{source} holds {_kind(reference)}, but a config is a JSON object of settings "
                         "({\"block_out_channels\": [...], ...}). Restore the file from the model's original download.")
    checked, defaults = dict(reference), cls()
    for f in fields(cls):
        value = reference.get(f.name)
        if value is None and (f.name not in reference or f.name not in NOT_NULL):
            continue  # absent, or a null that means "the default" (diffusers' sample_size, ...)
        default, kind = getattr(defaults, f.name), str(f.type).removesuffix(" | None")  # a null was handled above
        # one value per block: attention_head_dim always, and (UNet, ControlNet) the PER_BLOCK fields
        per_block = kind != "int" or (f.name in PER_BLOCK and hasattr(defaults, "down_block_types"))
        example = f"(SD 1.5: {_show(list(default) if isinstance(default, tuple) else default)})"
        if value is None:
            raise ValueError(f"{source}: {f.name} is null, but the weights' sizes depend on it: it must be "
                             f"{_rule(kind, f.name, per_block)} {example}. Restore the file from the model's original "
                             "download.")
        plain = _plain(kind, f.name, per_block, value)
        if plain is _WRONG:
            raise ValueError(f"{source}: {f.name}={_show(value)} must be {_rule(kind, f.name, per_block)} {example}. "
                             "Fix that field (or restore the file from the model's original download).")
        checked[f.name] = plain
    groups = checked.get("norm_num_groups") or getattr(defaults, "norm_num_groups", None)
    widths = checked.get("block_out_channels") or getattr(defaults, "block_out_channels", ())
    uneven = [w for w in widths if groups and w % groups]
    if uneven:  # GroupNorm splits each block's channels into norm_num_groups groups
        raise ValueError(f"{source}: block_out_channels={_show(list(widths))} do not all split into norm_num_groups="
                         f"{groups} groups ({uneven[0]} does not); every width must be a multiple of norm_num_groups "
                         "(SD 1.5: widths [320, 640, 1280, 1280], 32 groups). Fix one of the two fields.")
    return checked


def _kind(value) -> str:
    names = {list: "a JSON list", str: "a JSON string", bool: "a JSON boolean", type(None): "null",
             int: "a number", float: "a number", dict: "a JSON object"}
    return names.get(type(value), f"a {type(value).__name__}")


def read_json(path: str | Path, what: str = "a config") -> dict:
    """A JSON file that must hold an object: its dict, or one ValueError that names the file and says what is wrong
    (not UTF-8 text, the line and column of a syntax error, a list or a number where an object belongs)."""
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Windows editors write one) is not an error
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise ValueError(f"{path}, line {line}: byte {data[err.start:err.start + 1]!r} is not UTF-8 text, so this is "
                         f"not a JSON file ({what}). Restore it from the model's original download.") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"{path} is not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}. It should "
                         f"hold {what} as a JSON object; fix that spot (a missing comma or quote, a trailing comma) or "
                         "restore the file from the model's original download.") from None
    if not isinstance(value, dict):
        raise ValueError(f"{path} holds {_kind(value)}, but it should hold {what} as a JSON object "
                         "({\"name\": value, ...}). Restore the file from the model's original download.")
    return value


# What the course reads from a diffusers scheduler_config.json, and what it can do with it
# (the values mirror course.sampling: schedules.betas, schedules.SPACINGS and samplers.Denoiser).
SCHEDULER_CHOICES = {"beta_schedule": ("scaled_linear", "linear"), "prediction_type": ("epsilon", "v_prediction"),
                     "timestep_spacing": ("leading", "trailing", "linspace")}
SCHEDULER_FLAGS = ("set_alpha_to_one", "clip_sample", "thresholding", "skip_prk_steps")


def check_scheduler_config(config, source: str = "the scheduler config") -> dict:
    """Refuse a scheduler config whose settings the course reads have the wrong type or value, naming ``source``."""
    if not isinstance(config, dict):
        raise ValueError(f"{source} holds {_kind(config)}, but a scheduler config is a JSON object of settings.")

    def refuse(name, rule, example):
        raise ValueError(f"{source}: {name}={_show(config[name])} must be {rule} (SD 1.5: {example}). Fix that "
                         "field (or restore the file from the model's original download).")

    if "num_train_timesteps" in config and not _whole(config["num_train_timesteps"], 1):
        refuse("num_train_timesteps", "a whole number >= 1", 1000)
    if "steps_offset" in config and not _whole(config["steps_offset"], 0):
        refuse("steps_offset", "a whole number >= 0", 1)
    for name, example in (("beta_start", 0.00085), ("beta_end", 0.012)):
        value = config.get(name, example)
        if isinstance(value, bool) or not isinstance(value, Real) or not 0 < value < 1:
            refuse(name, "a number between 0 and 1", example)
    if config.get("beta_start", 0.00085) > config.get("beta_end", 0.012):
        refuse("beta_start", f"at most beta_end={_show(config.get('beta_end', 0.012))}", 0.00085)
    for name, choices in SCHEDULER_CHOICES.items():
        if name in config and config[name] not in choices:
            refuse(name, "one of " + ", ".join(f'"{c}"' for c in choices), f'"{choices[0]}"')
    for name in SCHEDULER_FLAGS:
        if name in config and not isinstance(config[name], bool):
            refuse(name, "true or false", "false" if name != "skip_prk_steps" else "true")
    return config
