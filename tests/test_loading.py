"""course.io.loading and course.io.keymap: reference modules, diffusers folders, single-file checkpoints, errors."""
import argparse

import pytest
import torch
from diffusers import UNet2DConditionModel
from reference_parts import UNET_CONFIGS, tiny_clip, tiny_unet, tiny_vae
from safetensors.torch import load_file, save_file

from course.config import TextEncoderConfig, UNetConfig, VAEConfig, from_reference_config
from course.io import keymap
from course.io.loading import from_reference, load_folder, load_single_file
from course.io.weights import load_weights, read_state_dict

# ---- from_reference ---------------------------------------------------------------------------

def test_from_reference_refuses_unknown_modules():
    with pytest.raises(ValueError, match="CLIPTextModel"):
        from_reference(torch.nn.Linear(2, 2))


def test_from_reference_names_an_unsupported_setting():
    torch.manual_seed(0)
    unet = UNet2DConditionModel(**UNET_CONFIGS["tiny"], class_embed_type="timestep")
    with pytest.raises(ValueError, match="class_embed_type"):
        from_reference(unet)


def test_load_weights_lists_missing_unexpected_and_shapes():
    model = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Linear(3, 1))
    state = {"0.weight": torch.zeros(3, 2), "0.bias": torch.zeros(4), "extra.weight": torch.zeros(1)}
    with pytest.raises(ValueError) as info:
        load_weights(model, state, source="test.safetensors")
    text = str(info.value)
    assert "test.safetensors" in text and "2 missing: 1.weight, 1.bias" in text
    assert "1 unexpected: extra.weight" in text and "0.bias: model (3,), file (4,)" in text


# ---- files and folders ------------------------------------------------------------------------

def _same_outputs(parts, unet, vae, clip):
    ids = torch.tensor([[0, 5, 9, 2] + [2] * 73])
    with torch.no_grad():
        assert (parts.text_encoder(ids) - clip(ids).last_hidden_state).abs().max() <= 1e-5
        x, ctx = torch.randn(1, 4, 16, 16), torch.randn(1, 77, 32)
        assert (parts.unet(x, 10, ctx) - unet(x, 10, ctx).sample).abs().max() <= 1e-5
        z = torch.randn(1, 4, 8, 8)
        assert (parts.vae.decode(z) - vae.decode(z).sample).abs().max() <= 1e-5


def test_load_folder_matches_the_reference(model_folder):
    parts = load_folder(model_folder)
    assert parts.scheduler_config["_class_name"] == "PNDMScheduler"
    assert parts.tokenizer.encode("a red circle") == parts.tokenizer.encode("A  RED circle")
    _same_outputs(parts, tiny_unet(), tiny_vae(), tiny_clip())
    assert parts.defaults == {}  # a plain diffusers folder recommends nothing


def test_a_trained_folder_brings_its_recommended_settings(model_folder):
    """A folder written by train-bundled (tools evaluate such folders with --model) has bundled.json: its
    sampler, steps, guidance scale and size become parts.defaults, as load_bundled's do."""
    import json
    import shutil

    from course.io.loading import load_bundled
    from course.parts import BUNDLED_DIR

    assert load_folder(BUNDLED_DIR).defaults == load_bundled().defaults == \
        json.loads((BUNDLED_DIR / "bundled.json").read_text())["defaults"]
    assert load_bundled().defaults["sampler"]  # not empty
    shutil.copy(BUNDLED_DIR / "bundled.json", model_folder / "bundled.json")  # the tiny folder is the test's own
    assert load_folder(model_folder).defaults == load_bundled().defaults


def test_load_folder_reads_transformers_4_text_encoder_names(model_folder):
    """Real SD 1.5 files say 'text_model.embeddings...' and carry a position_ids buffer."""
    path = model_folder / "text_encoder" / "model.safetensors"
    state = load_file(str(path))
    state = {"text_model." + k: v for k, v in state.items()}
    state["text_model.embeddings.position_ids"] = torch.arange(77)[None]
    save_file(state, str(path))
    _same_outputs(load_folder(model_folder), tiny_unet(), tiny_vae(), tiny_clip())


def test_missing_component_folder_is_named(model_folder):
    import shutil

    shutil.rmtree(model_folder / "vae")
    with pytest.raises(FileNotFoundError, match=r"\['vae'\]"):
        load_folder(model_folder)


def test_hub_ids_are_refused_with_a_way_out():
    with pytest.raises(FileNotFoundError, match="local folder"):
        load_folder("runwayml/stable-diffusion-v1-5")


def test_corrupted_safetensors_is_named(model_folder):
    path = model_folder / "unet" / "diffusion_pytorch_model.safetensors"
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(ValueError, match="corrupted"):
        load_folder(model_folder)


def test_pickle_is_refused_unless_asked_and_then_weights_only(tmp_path):
    path = tmp_path / "model.ckpt"
    torch.save({"state_dict": {"w": torch.ones(2)}}, path)
    with pytest.raises(ValueError, match="allow_pickle=True"):
        read_state_dict(path)
    assert torch.equal(read_state_dict(path, allow_pickle=True)["w"], torch.ones(2))
    evil = tmp_path / "evil.pt"
    torch.save({"w": torch.ones(1), "payload": argparse.Namespace(code="anything")}, evil)  # an arbitrary object, not a tensor
    with pytest.raises(ValueError, match="weights_only"):
        read_state_dict(evil, allow_pickle=True)


def test_single_file_checkpoint_loads_like_the_folder(tmp_path):
    unet, vae, clip = tiny_unet(), tiny_vae(), tiny_clip()
    unet_config = from_reference_config(UNetConfig, dict(unet.config))
    vae_config = from_reference_config(VAEConfig, dict(vae.config))
    text_config = from_reference_config(TextEncoderConfig, clip.config.to_dict())
    checkpoint = {**keymap.to_original(unet.state_dict(), "unet", unet_config),
                  **keymap.to_original(vae.state_dict(), "vae", vae_config),
                  **keymap.to_original(clip.state_dict(), "text_encoder", text_config),
                  "cond_stage_model.transformer.text_model.embeddings.position_ids": torch.arange(77)[None],
                  "alphas_cumprod": torch.ones(1000)}  # the original files carry the schedule too
    save_file(checkpoint, str(tmp_path / "tiny.safetensors"))
    parts = load_single_file(tmp_path / "tiny.safetensors", unet_config=unet_config, vae_config=vae_config,
                             text_config=text_config, tokenizer=object())
    _same_outputs(parts, unet, vae, clip)

    del checkpoint["model.diffusion_model.out.2.weight"]
    save_file(checkpoint, str(tmp_path / "broken.safetensors"))
    with pytest.raises(ValueError, match=r"lacks 1 unet weights: model\.diffusion_model\.out\.2\.weight \(for conv_out"):
        load_single_file(tmp_path / "broken.safetensors", unet_config=unet_config, vae_config=vae_config,
                         text_config=text_config, tokenizer=object())
