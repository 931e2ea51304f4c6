"""SDXL single-file checkpoints (generative-models' layout): load_single_file against diffusers' own single-file
loader (StableDiffusionXLPipeline.from_single_file, diffusers.loaders.single_file_utils) on tiny models.

The file is written here from the tiny diffusers SDXL pipeline: the UNet and the VAE through our key map's inverse
(course.io.keymap.to_original), CLIP ViT-L under conditioner.embedders.0.transformer.text_model., and OpenCLIP bigG
under conditioner.embedders.1.model. in open_clip's own names, written out below (q, k, v stacked into in_proj,
the projection transposed). Both loaders must give back the very tensors the pipeline holds.
"""
import warnings

import pytest
import torch
from diffusers import StableDiffusionXLPipeline
from reference_sdxl import SDXL_SCHEDULER, sdxl_base, sdxl_refiner
from safetensors.torch import save_file

from course.io import keymap
from course.io.loading import from_reference, load_single_file
from course.io.sdxl_file import open_clip_key
from course.pipeline import image_to_image, text_to_image

OPEN_CLIP_LAYER = {"layer_norm1": "ln_1", "layer_norm2": "ln_2", "mlp.fc1": "mlp.c_fc", "mlp.fc2": "mlp.c_proj",
                   "self_attn.out_proj": "attn.out_proj"}
OPEN_CLIP_TOP = {"embeddings.token_embedding.weight": "token_embedding.weight",
                 "embeddings.position_embedding.weight": "positional_embedding",
                 "final_layer_norm.weight": "ln_final.weight", "final_layer_norm.bias": "ln_final.bias"}


def open_clip_layout(encoder, prefix: str) -> dict:
    """A transformers CLIPTextModelWithProjection's weights as open_clip names them."""
    state = {k.removeprefix("text_model."): v for k, v in encoder.state_dict().items()}
    out = {prefix + "text_projection": state.pop("text_projection.weight").T.contiguous()}  # x @ W: (D, P)
    for key in [k for k in state if k in OPEN_CLIP_TOP]:
        out[prefix + OPEN_CLIP_TOP[key]] = state.pop(key)
    for i in range(encoder.config.num_hidden_layers):
        layer, block = f"encoder.layers.{i}.", f"{prefix}transformer.resblocks.{i}."
        for kind in ("weight", "bias"):
            out[f"{block}attn.in_proj_{kind}"] = torch.cat([state.pop(f"{layer}self_attn.{p}_proj.{kind}")
                                                            for p in "qkv"])  # (3·D, ...): q, k, v stacked
            for ours, theirs in OPEN_CLIP_LAYER.items():
                out[f"{block}{theirs}.{kind}"] = state.pop(f"{layer}{ours}.{kind}")
    assert not state, sorted(state)  # every tensor written
    return out


def single_file(pipe, parts) -> dict:
    """The original-layout checkpoint of an SDXL pipeline (base: two text encoders; refiner: OpenCLIP alone, at 0)."""
    checkpoint = {**keymap.to_original(parts.unet.state_dict(), "unet", parts.unet.config),
                  **keymap.to_original(parts.vae.state_dict(), "vae", parts.vae.config)}
    if pipe.text_encoder is not None:
        checkpoint.update({"conditioner.embedders.0.transformer.text_model." + k.removeprefix("text_model."): v
                           for k, v in pipe.text_encoder.state_dict().items()})
    index = 1 if pipe.text_encoder is not None else 0
    checkpoint.update(open_clip_layout(pipe.text_encoder_2, f"conditioner.embedders.{index}.model."))
    return {k: v.contiguous() for k, v in checkpoint.items()}


@pytest.fixture(scope="module")
def base():
    pipe = sdxl_base()
    return pipe, from_reference(pipe)


def configs(parts) -> dict:
    return dict(unet_config=parts.unet.config, vae_config=parts.vae.config, tokenizer=parts.tokenizer,
                tokenizer_2=parts.tokenizer_2, text_config_2=parts.text_encoder_2.config,
                text_config=parts.text_encoder.config if parts.text_encoder is not None else None)


def same_state(a, b) -> bool:
    a, b = ({k.removeprefix("text_model."): v for k, v in m.state_dict().items()} for m in (a, b))
    return set(a) == set(b) and all(torch.equal(a[k], b[k]) for k in a)


def test_open_clip_names():
    assert open_clip_key("encoder.layers.3.self_attn.k_proj.bias") == ("transformer.resblocks.3.attn.in_proj_bias", 1)
    assert open_clip_key("encoder.layers.0.mlp.fc2.weight") == ("transformer.resblocks.0.mlp.c_proj.weight", None)
    assert open_clip_key("embeddings.position_embedding.weight") == ("positional_embedding", None)


def test_base_file_loads_as_diffusers_loads_it(base, tmp_path):
    pipe, parts = base
    save_file(single_file(pipe, parts), str(tmp_path / "sdxl.safetensors"))
    pipe.save_pretrained(tmp_path / "config")  # diffusers reads the configs from here, the weights from the file
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = StableDiffusionXLPipeline.from_single_file(str(tmp_path / "sdxl.safetensors"),
                                                            config=str(tmp_path / "config"), local_files_only=True)
    ours = load_single_file(tmp_path / "sdxl.safetensors", **configs(parts))
    assert {k: ours.scheduler_config[k] for k in SDXL_SCHEDULER} == SDXL_SCHEDULER
    for name in ("unet", "vae", "text_encoder", "text_encoder_2"):
        assert same_state(getattr(ours, name), getattr(pipe, name)), name
        assert same_state(getattr(theirs, name), getattr(pipe, name)), name  # the file is the layout diffusers reads
    kw = dict(steps=3, seed=0, height=32, width=32, output_type="latent", progress=False)
    assert torch.equal(text_to_image(ours, "a red circle", **kw), text_to_image(parts, "a red circle", **kw))


def test_refiner_file_has_only_open_clip(base, tmp_path):
    pipe = sdxl_refiner(base[0])
    parts = from_reference(pipe)
    save_file(single_file(pipe, parts), str(tmp_path / "refiner.safetensors"))
    ours = load_single_file(tmp_path / "refiner.safetensors", **configs(parts))
    assert ours.text_encoder is None and ours.tokenizer is None and ours.force_zeros_for_empty_prompt is False
    assert same_state(ours.text_encoder_2, pipe.text_encoder_2) and same_state(ours.unet, pipe.unet)
    kw = dict(strength=0.5, steps=3, seed=0, output_type="latent", progress=False)
    picture = torch.rand(1, 3, 32, 32, generator=torch.Generator().manual_seed(0))
    assert torch.equal(image_to_image(ours, "a red circle", picture, **kw),
                       image_to_image(parts, "a red circle", picture, **kw))
    with pytest.raises(ValueError, match=r"an SDXL refiner .*pass unet_config"):
        load_single_file(tmp_path / "refiner.safetensors")


def test_missing_text_encoder_weights_are_named(base, tmp_path):
    pipe, parts = base
    checkpoint = single_file(pipe, parts)
    del checkpoint["conditioner.embedders.1.model.transformer.resblocks.2.attn.in_proj_weight"]
    save_file(checkpoint, str(tmp_path / "broken.safetensors"))
    with pytest.raises(ValueError, match=r"\(text_encoder_2\) lacks 3 text encoder weights: .*resblocks\.2\.attn\."
                                         r"in_proj_weight \(for encoder\.layers\.2\.self_attn\.q_proj\.weight\)"):
        load_single_file(tmp_path / "broken.safetensors", **configs(parts))
