"""course.config: the presets are the reference libraries' SD 1.5 and test sizes; unsupported settings are named."""
import pytest
from diffusers import AutoencoderKL, UNet2DConditionModel
from transformers import CLIPTextConfig

from course.config import TextEncoderConfig, UNetConfig, VAEConfig, from_reference_config


def test_sd15_unet_preset_is_what_diffusers_builds_for_sd15():
    reference = dict(UNet2DConditionModel(cross_attention_dim=768, sample_size=64, block_out_channels=(32, 32, 32, 32),
                                          norm_num_groups=8).config)
    # diffusers' defaults are SD 1.x's except the widths we shrank to keep the test small
    ours = from_reference_config(UNetConfig, {**reference, "block_out_channels": (320, 640, 1280, 1280),
                                              "norm_num_groups": 32})
    assert ours == UNetConfig.sd15()


def test_sd15_vae_and_text_presets():
    vae = AutoencoderKL(block_out_channels=(8, 8, 8, 8), norm_num_groups=4, layers_per_block=2,
                        down_block_types=["DownEncoderBlock2D"] * 4, up_block_types=["UpDecoderBlock2D"] * 4)
    ours = from_reference_config(VAEConfig, {**dict(vae.config), "block_out_channels": (128, 256, 512, 512),
                                             "norm_num_groups": 32, "sample_size": 512})
    assert ours == VAEConfig.sd15()
    # the values of SD 1.5's text_encoder/config.json (OpenAI's ViT-L/14 text tower); transformers' defaults are ViT-B's
    clip = CLIPTextConfig(hidden_size=768, intermediate_size=3072, num_attention_heads=12, num_hidden_layers=12,
                          hidden_act="quick_gelu", eos_token_id=2).to_dict()
    assert from_reference_config(TextEncoderConfig, clip) == TextEncoderConfig.sd15()


def test_tiny_presets_are_small():
    assert UNetConfig.tiny().block_out_channels == (32, 64)
    assert VAEConfig.tiny().block_out_channels == (32, 64)
    assert TextEncoderConfig.tiny().hidden_size == 32


# (SDXL's addition_embed_type "text_time" and per-block transformer_layers_per_block are built: test_unet_sdxl.py)
@pytest.mark.parametrize("setting", [{"addition_embed_type": "text"}, {"act_fn": "gelu"},
                                     {"class_embed_type": "timestep"}, {"addition_embed_type": "image"}])
def test_unsupported_settings_are_named(setting):
    reference = {**dict(UNet2DConditionModel(block_out_channels=(32, 64), norm_num_groups=8,
                                             down_block_types=("DownBlock2D",) * 2,
                                             up_block_types=("UpBlock2D",) * 2).config), **setting}
    with pytest.raises(ValueError, match=next(iter(setting))):
        from_reference_config(UNetConfig, reference)
