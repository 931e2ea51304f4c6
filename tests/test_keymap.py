"""course.io.keymap: the single-file key map, checked against diffusers' own converter of original checkpoints."""
import pytest
import torch
from diffusers import AutoencoderKL, UNet2DConditionModel
from diffusers.loaders.single_file_utils import convert_ldm_unet_checkpoint, convert_ldm_vae_checkpoint
from reference_parts import UNET_CONFIGS, VAE_CONFIGS, tiny_unet, tiny_vae

from course.config import UNetConfig, VAEConfig, from_reference_config
from course.io import keymap


@pytest.mark.parametrize("name", UNET_CONFIGS)
def test_unet_key_map_agrees_with_diffusers_converter(name):
    unet = tiny_unet(name)
    config = from_reference_config(UNetConfig, dict(unet.config))
    original = keymap.to_original(unet.state_dict(), "unet", config)
    assert all(k.startswith("model.diffusion_model.") for k in original)
    back = convert_ldm_unet_checkpoint(original, dict(unet.config))  # diffusers' original -> diffusers
    assert back.keys() == unet.state_dict().keys()
    assert all(torch.equal(back[k], v) for k, v in unet.state_dict().items())


@pytest.mark.parametrize("name", VAE_CONFIGS)
def test_vae_key_map_agrees_with_diffusers_converter(name):
    vae = tiny_vae(name)
    config = from_reference_config(VAEConfig, dict(vae.config))
    original = keymap.to_original(vae.state_dict(), "vae", config)
    assert original["first_stage_model.encoder.mid.attn_1.q.weight"].ndim == 4  # 1×1 conv in the original
    back = convert_ldm_vae_checkpoint(original, dict(vae.config))
    assert back.keys() == vae.state_dict().keys()
    assert all(torch.equal(back[k].reshape(v.shape), v) for k, v in vae.state_dict().items())


@pytest.mark.slow
def test_full_size_sd15_single_file_round_trips_through_the_key_map():
    with torch.device("meta"):  # names and shapes only: no 860M random numbers needed for a key map
        unet = UNet2DConditionModel(cross_attention_dim=768, sample_size=64)
        vae = AutoencoderKL(block_out_channels=(128, 256, 512, 512), layers_per_block=2,
                            down_block_types=["DownEncoderBlock2D"] * 4, up_block_types=["UpDecoderBlock2D"] * 4,
                            sample_size=512)
    for model, part, cls, converter in ((unet, "unet", UNetConfig, convert_ldm_unet_checkpoint),
                                        (vae, "vae", VAEConfig, convert_ldm_vae_checkpoint)):
        config = from_reference_config(cls, dict(model.config))
        assert config == cls.sd15()
        state = model.state_dict()
        original = keymap.to_original(state, part, config)
        assert len(original) == len(state) and len(set(original)) == len(original)
        back = converter(original, dict(model.config))
        assert back.keys() == state.keys()
        assert keymap.from_original(original, state, part, config).keys() == state.keys()


def test_other_model_families_are_named():
    with pytest.raises(ValueError, match="SDXL"):
        keymap.from_original({"conditioner.embedders.0.x": torch.zeros(1)}, {}, "unet", None)


