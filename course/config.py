"""The sizes of every network, in one place: a frozen dataclass per component.

Each has two presets: ``sd15()`` (Stable Diffusion 1.5, Rombach et al. 2022, "High-Resolution
Image Synthesis with Latent Diffusion Models") and ``tiny()`` (the size diffusers' own tests
use, so the whole graph runs on a CPU in milliseconds). Field names are those of the reference
configs (transformers ``CLIPTextConfig``, diffusers ``UNet2DConditionModel`` / ``AutoencoderKL``),
so ``from_reference_config`` only has to copy fields, and refuse what the course does not build.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


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

    @classmethod
    def sd15(cls) -> "TextEncoderConfig":
        return cls()

    @classmethod
    def tiny(cls) -> "TextEncoderConfig":
        return cls(vocab_size=1000, hidden_size=32, intermediate_size=37, num_hidden_layers=5, num_attention_heads=4)


@dataclass(frozen=True)
class UNetConfig:
    """UNet2DConditionModel as SD 1.x configures it."""

    sample_size: int = 64  # latent size the model was trained at: 512 px / 8
    in_channels: int = 4
    out_channels: int = 4
    block_out_channels: tuple[int, ...] = (320, 640, 1280, 1280)
    down_block_types: tuple[str, ...] = ("CrossAttnDownBlock2D",) * 3 + ("DownBlock2D",)
    up_block_types: tuple[str, ...] = ("UpBlock2D",) + ("CrossAttnUpBlock2D",) * 3
    layers_per_block: int = 2
    cross_attention_dim: int = 768  # width of the text encoder's output
    # diffusers calls this attention_head_dim, but in SD 1.x configs it is the number of heads: 8 heads of
    # 320/8 = 40, 640/8 = 80, ... An int applies to every block; a tuple gives one value per down block.
    attention_head_dim: int | tuple[int, ...] = 8
    norm_num_groups: int = 32
    norm_eps: float = 1e-5
    flip_sin_to_cos: bool = True  # timestep embedding is [cos, sin], not [sin, cos]
    freq_shift: int = 0
    downsample_padding: int = 1
    use_linear_projection: bool = False  # proj_in/proj_out: 1x1 conv (SD 1.x) or linear (SD 2.x)
    upcast_attention: bool = False
    transformer_layers_per_block: int = 1

    @classmethod
    def sd15(cls) -> "UNetConfig":
        return cls()

    @classmethod
    def tiny(cls) -> "UNetConfig":
        return cls(sample_size=32, block_out_channels=(32, 64), down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                   up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), cross_attention_dim=32, attention_head_dim=8)

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
                 "addition_embed_type": None, "time_embedding_type": "positional", "resnet_time_scale_shift": "default",
                 "time_cond_proj_dim": None, "conv_in_kernel": 3, "conv_out_kernel": 3, "encoder_hid_dim": None,
                 "num_attention_heads": None, "mid_block_scale_factor": 1, "attention_type": "default"},
    VAEConfig: {"act_fn": "silu", "shift_factor": None, "latents_mean": None, "latents_std": None},
}


def from_reference_config(cls, reference: dict):
    """Build one of the dataclasses above from a reference config dict (``model.config``).

    Copies the fields both know; raises ValueError, naming the setting, when the reference uses a
    feature the course does not implement (SDXL's added embeddings, a different activation, ...).
    """
    reference = dict(reference)
    for key, wanted in REQUIRED[cls].items():
        if key in reference and reference[key] is not None and _normalise(reference[key]) != _normalise(wanted):
            raise ValueError(f"{cls.__name__}: the reference sets {key}={reference[key]!r}, which the course does not "
                             f"implement (it builds {key}={wanted!r}, as SD 1.x). Use an SD 1.x/2.x model.")
    if cls is UNetConfig:
        layers = reference.get("transformer_layers_per_block", 1)
        if not isinstance(layers, int):
            if len(set(layers)) != 1:
                raise ValueError(f"transformer_layers_per_block={layers!r} differs per block (SDXL); SD 1.x uses 1.")
            reference["transformer_layers_per_block"] = layers[0]
    # a None in the reference (e.g. diffusers' sample_size when unset) keeps our default
    kwargs = {f.name: _normalise(reference[f.name]) for f in fields(cls) if reference.get(f.name) is not None}
    return cls(**kwargs)


def _normalise(value):
    return tuple(value) if isinstance(value, list) else value
