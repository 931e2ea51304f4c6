"""SDXL-style UNets (course/nets/unet.py configured, course/nets/micro_conditioning.py): parity with diffusers'
UNet2DConditionModel with ``added_cond_kwargs={"text_embeds", "time_ids"}``, the full SDXL config on the meta
device, the single-file key map against diffusers' converter, and the refusals."""
from __future__ import annotations

import copy
import dataclasses
import functools
import warnings

import pytest
import torch
from diffusers import ControlNetModel, UNet2DConditionModel
from diffusers.loaders.single_file_utils import convert_ldm_unet_checkpoint
from reference_parts import nested_ip_adapter, random_ip_adapter, seeded_unet
from test_unet import control_residuals

from course.config import UNetConfig, from_reference_config
from course.io import keymap
from course.io.ip_adapter_files import load_ip_adapter
from course.io.loading import from_reference, load_unet
from course.io.weights import load_weights
from course.nets.controlnet import ControlNet
from course.nets.unet import UNet

TOL = 1e-5
# diffusers' SDXL pipeline tests' UNet (tests/pipelines/stable_diffusion_xl, before they shrank it to widths (2, 4))
TINY_SDXL = dict(sample_size=32, block_out_channels=(32, 64), layers_per_block=2,
                 down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                 up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), attention_head_dim=(2, 4),
                 use_linear_projection=True, addition_embed_type="text_time", addition_time_embed_dim=8,
                 transformer_layers_per_block=(1, 2), projection_class_embeddings_input_dim=80, cross_attention_dim=64)
SDXL_ORDER = dict(down_block_types=("DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"),
                  up_block_types=("CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"))
CONFIGS = {
    "tiny_sdxl": TINY_SDXL,
    # SDXL base's shape: three levels, attention only below the top, deeper transformers lower down
    "three_levels": {**TINY_SDXL, **SDXL_ORDER, "block_out_channels": (32, 64, 64), "attention_head_dim": (1, 2, 4),
                     "transformer_layers_per_block": (1, 2, 3), "addition_time_embed_dim": 4,
                     "projection_class_embeddings_input_dim": 16 + 6 * 4, "cross_attention_dim": 48},
    # SDXL refiner's shape: four levels, attention in the middle two, one depth for all, five time_ids
    "refiner_like": {**TINY_SDXL, "block_out_channels": (32, 64, 64, 64), "layers_per_block": 1,
                     "down_block_types": ("DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
                     "up_block_types": ("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"),
                     "attention_head_dim": (2, 2, 4, 4), "transformer_layers_per_block": 2,
                     "projection_class_embeddings_input_dim": 24 + 5 * 8},
    # 1×1-conv projections (SD 1.x's), heads as one int, per-block layers
    "conv_projection": {**TINY_SDXL, "use_linear_projection": False, "attention_head_dim": 4,
                        "layers_per_block": (1, 2), "up_block_types": ("CrossAttnUpBlock2D", "CrossAttnUpBlock2D")},
    # diffusers' "asymmetrical" UNet (SSD-1B, Vega): a depth per ResNet, and the up path's own
    "asymmetric": {**TINY_SDXL, "transformer_layers_per_block": ((1, 2), (2, 3)),
                   "reverse_transformer_layers_per_block": ((3, 1, 2), (1, 2, 1)),
                   "down_block_types": ("CrossAttnDownBlock2D",) * 2, "up_block_types": ("CrossAttnUpBlock2D",) * 2},
}


@functools.cache
def models(name: str):
    """reference_parts.seeded_unet of CONFIGS[name], cached."""
    return seeded_unet(CONFIGS[name])


def widths(name: str) -> tuple[int, int]:
    """(pooled text width P, number of time_ids K) with P + K·d = projection_class_embeddings_input_dim."""
    k = 5 if name == "refiner_like" else 6
    cfg = CONFIGS[name]
    return cfg["projection_class_embeddings_input_dim"] - k * cfg["addition_time_embed_dim"], k


def inputs(name: str, batch: int = 2, size: tuple[int, int] = (16, 16), seed: int = 1):
    """x, context, text_embeds and time_ids as the pipeline makes them: sizes in pixels, crops, (aesthetic score)."""
    cfg = CONFIGS[name]
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, 4, *size, generator=g)
    context = torch.randn(batch, 77, cfg["cross_attention_dim"], generator=g)
    pooled, k = widths(name)
    text_embeds = torch.randn(batch, pooled, generator=g)
    rows = [[1024, 1024, 0, 0, 1024, 1024], [512, 768, 16, 32, 896, 1152], [640, 640, 100, 0, 832, 1216]]
    time_ids = torch.tensor([r[:4] + [6.0] if k == 5 else r for r in rows[:batch]], dtype=torch.float32)
    return x, context, text_embeds, time_ids


def max_diff(a: torch.Tensor, b: torch.Tensor) -> float:
    assert a.shape == b.shape, (a.shape, b.shape)
    return (a - b).abs().max().item()


def reference_output(ref, x, t, context, text_embeds, time_ids, **kw):
    return ref(x, t, context, added_cond_kwargs={"text_embeds": text_embeds, "time_ids": time_ids, **kw}).sample


@pytest.mark.parametrize("name", CONFIGS)
def test_parity_with_diffusers(name):
    ref, ours = models(name)
    x, context, text_embeds, time_ids = inputs(name)
    for t in (981, 499.5, torch.tensor([10, 900])):
        with torch.no_grad():
            want = reference_output(ref, x, t, context, text_embeds, time_ids)
            got = ours(x, t, context, text_embeds=text_embeds, time_ids=time_ids)
        assert max_diff(got, want) <= TOL, (name, t)


@pytest.mark.parametrize("name", ["tiny_sdxl", "three_levels"])
def test_the_micro_conditioning_is_read(name):
    """Another size/crop or another pooled prompt changes the output, as in diffusers."""
    ref, ours = models(name)
    x, context, text_embeds, time_ids = inputs(name)
    other_ids = time_ids.flip(0)
    with torch.no_grad():
        base = ours(x, 500, context, text_embeds=text_embeds, time_ids=time_ids)
        for te, ti in ((text_embeds, other_ids), (-text_embeds, time_ids)):
            got = ours(x, 500, context, text_embeds=te, time_ids=ti)
            assert max_diff(got, reference_output(ref, x, 500, context, te, ti)) <= TOL
            assert max_diff(got, base) > 1e-3


def test_the_module_names_are_diffusers_and_the_depths_theirs():
    ref, ours = models("asymmetric")
    assert ours.state_dict().keys() == ref.state_dict().keys()
    for name in ("down_blocks.1.attentions.1", "up_blocks.0.attentions.0", "up_blocks.1.attentions.2", "mid_block"):
        mine = [k for k in ours.state_dict() if k.startswith(name) and k.endswith("attn1.to_q.weight")]
        theirs = [k for k in ref.state_dict() if k.startswith(name) and k.endswith("attn1.to_q.weight")]
        assert mine == theirs and mine


@pytest.mark.parametrize("name", ["three_levels", "refiner_like"])
def test_parity_with_control_residuals_and_odd_sizes(name):
    ref, ours = models(name)
    x, context, text_embeds, time_ids = inputs(name, size=(12, 10))
    down, mid = control_residuals(ref, x)
    with torch.no_grad():
        want = reference_output(ref, x, 500, context, text_embeds, time_ids)
        assert max_diff(ours(x, 500, context, text_embeds=text_embeds, time_ids=time_ids), want) <= TOL
        want = ref(x, 500, context, added_cond_kwargs={"text_embeds": text_embeds, "time_ids": time_ids},
                   down_block_additional_residuals=down, mid_block_additional_residual=mid).sample
        got = ours(x, 500, context, down, mid, text_embeds=text_embeds, time_ids=time_ids)
    assert max_diff(got, want) <= TOL


def test_half_precision_matches_diffusers_in_the_same_dtype():
    """bfloat16 on both sides (CPU): the pooled text and the sinusoids (float32) meet as diffusers has them meet."""
    ref, ours = models("tiny_sdxl")
    ref, ours = copy.deepcopy(ref).to(torch.bfloat16), copy.deepcopy(ours).to(torch.bfloat16)
    x, context, text_embeds, time_ids = (v.to(torch.bfloat16) for v in inputs("tiny_sdxl"))
    with torch.no_grad():
        want = reference_output(ref, x, 500, context, text_embeds, time_ids)
        got = ours(x, 500, context, text_embeds=text_embeds, time_ids=time_ids)
    assert got.dtype == torch.bfloat16
    assert torch.equal(got, want)


def test_ip_adapter_on_an_sdxl_unet():
    """image_embeds still work with the micro-conditioning: diffusers with the same adapter file, all three inputs."""
    ref, _ = models("three_levels")
    width, image_dim = CONFIGS["three_levels"]["cross_attention_dim"], 20
    flat = random_ip_adapter(ref, width, image_dim)
    theirs = copy.deepcopy(ref)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs._load_ip_adapter_weights([nested_ip_adapter(flat)])
    ours = from_reference(ref)
    load_ip_adapter(ours, flat)
    x, context, text_embeds, time_ids = inputs("three_levels")
    embeds = torch.randn(2, image_dim, generator=torch.Generator().manual_seed(5))
    with torch.no_grad():
        want = reference_output(theirs, x, 500, context, text_embeds, time_ids, image_embeds=[embeds[:, None]])
        got = ours(x, 500, context, image_embeds=embeds, text_embeds=text_embeds, time_ids=time_ids)
        plain = ours(x, 500, context, text_embeds=text_embeds, time_ids=time_ids)
    assert max_diff(got, want) <= TOL
    assert max_diff(got, plain) > 1e-3


# ---- SDXL ControlNets: the UNet's encoder with its micro-conditioning ----

@pytest.mark.parametrize("name", ["tiny_sdxl", "three_levels", "asymmetric"])
def test_sdxl_controlnet_matches_diffusers(name):
    """diffusers' ControlNetModel.from_unet of an SDXL-style UNet (every weight moved, zero convs too) and ours."""
    ref_unet, our_unet = models(name)
    torch.manual_seed(3)
    net = ControlNetModel.from_unet(ref_unet, conditioning_embedding_out_channels=(16, 32)).eval()
    with torch.no_grad():
        for p in net.parameters():
            p.add_(0.05 * torch.randn_like(p))
    ours = from_reference(net)
    assert isinstance(ours, ControlNet) and ours.state_dict().keys() == net.state_dict().keys()
    x, context, text_embeds, time_ids = inputs(name)
    hint = torch.rand(2, 3, 32, 32, generator=torch.Generator().manual_seed(4))
    added = {"text_embeds": text_embeds, "time_ids": time_ids}
    with torch.no_grad():
        down, mid = net(x, 500, context, hint, conditioning_scale=0.7, added_cond_kwargs=added, return_dict=False)
        our_down, our_mid = ours(x, 500, context, hint, scale=0.7, text_embeds=text_embeds, time_ids=time_ids)
        assert max(max_diff(a, b) for a, b in zip(our_down, down)) <= TOL and max_diff(our_mid, mid) <= TOL
        want = ref_unet(x, 500, context, added_cond_kwargs=added, down_block_additional_residuals=down,
                        mid_block_additional_residual=mid).sample  # the UNet with those residuals
        got = our_unet(x, 500, context, our_down, our_mid, text_embeds=text_embeds, time_ids=time_ids)
        assert max_diff(got, want) <= TOL
    with pytest.raises(ValueError, match="ControlNet: time_ids missing"):
        ours(x, 500, context, hint, text_embeds=text_embeds)


def test_sdxl_controlnet_from_our_unet_copies_the_micro_conditioning():
    _, unet = models("tiny_sdxl")
    net = ControlNet.from_unet(unet, conditioning_embedding_out_channels=(16, 32))
    assert torch.equal(net.add_embedding.linear_1.weight, unet.add_embedding.linear_1.weight)
    x, context, text_embeds, time_ids = inputs("tiny_sdxl")
    down, mid = net(x, 10, context, torch.rand(2, 3, 32, 32), text_embeds=text_embeds, time_ids=time_ids)
    assert all(not d.any() for d in down) and not mid.any()  # zero convs: no control until trained


# ---- presets ----

def test_tiny_sdxl_preset_is_the_tiny_reference():
    _, ours = models("tiny_sdxl")
    assert ours.config == UNetConfig.tiny_sdxl()


# stabilityai/stable-diffusion-xl-base-1.0, unet/config.json (diffusers 0.19), as the file has it
SDXL_BASE_CONFIG_JSON = {
    "_class_name": "UNet2DConditionModel", "act_fn": "silu", "addition_embed_type": "text_time",
    "addition_embed_type_num_heads": 64, "addition_time_embed_dim": 256, "attention_head_dim": [5, 10, 20],
    "block_out_channels": [320, 640, 1280], "center_input_sample": False, "class_embed_type": None,
    "class_embeddings_concat": False, "conv_in_kernel": 3, "conv_out_kernel": 3, "cross_attention_dim": 2048,
    "cross_attention_norm": None, "down_block_types": ["DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"],
    "downsample_padding": 1, "dual_cross_attention": False, "encoder_hid_dim": None, "encoder_hid_dim_type": None,
    "flip_sin_to_cos": True, "freq_shift": 0, "in_channels": 4, "layers_per_block": 2,
    "mid_block_only_cross_attention": None, "mid_block_scale_factor": 1, "mid_block_type": "UNetMidBlock2DCrossAttn",
    "norm_eps": 1e-05, "norm_num_groups": 32, "num_attention_heads": None, "num_class_embeds": None,
    "only_cross_attention": False, "out_channels": 4, "projection_class_embeddings_input_dim": 2816,
    "resnet_out_scale_factor": 1.0, "resnet_skip_time_act": False, "resnet_time_scale_shift": "default",
    "sample_size": 128, "time_cond_proj_dim": None, "time_embedding_act_fn": None, "time_embedding_dim": None,
    "time_embedding_type": "positional", "timestep_post_act": None, "transformer_layers_per_block": [1, 2, 10],
    "up_block_types": ["CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"], "upcast_attention": None,
    "use_linear_projection": True,
}


def test_sdxl_preset_is_the_sdxl_base_config_file():
    assert from_reference_config(UNetConfig, dict(SDXL_BASE_CONFIG_JSON)) == UNetConfig.sdxl()


@functools.cache
def sdxl_on_meta():
    """diffusers' UNet from SDXL base's config file and ours from UNetConfig.sdxl(): names and shapes, no numbers."""
    with torch.device("meta"):
        kwargs = {k: v for k, v in SDXL_BASE_CONFIG_JSON.items() if not k.startswith("_")}
        return UNet2DConditionModel(**kwargs), UNet(UNetConfig.sdxl())


def test_sdxl_builds_on_meta_with_diffusers_parameters():
    ref, ours = sdxl_on_meta()
    assert sum(p.numel() for p in ours.parameters()) == sum(p.numel() for p in ref.parameters())
    theirs = ref.state_dict()
    assert {k: v.shape for k, v in ours.state_dict().items()} == {k: v.shape for k, v in theirs.items()}
    ours.load_state_dict(theirs, strict=True, assign=True)
    blocks = ours.down_blocks[2].attentions[0]
    assert len(blocks.transformer_blocks) == 10 and blocks.transformer_blocks[0].attn2.heads == 20


@pytest.mark.parametrize("name", ["tiny_sdxl", "asymmetric"])
def test_a_diffusers_folder_loads(name, tmp_path):
    """save_pretrained's config.json (JSON lists, nested for the asymmetric one) and weights -> load_unet."""
    ref, ours = models(name)
    ref.save_pretrained(tmp_path / "unet")
    loaded = load_unet(tmp_path / "unet")
    assert loaded.config == ours.config
    x, context, text_embeds, time_ids = inputs(name)
    with torch.no_grad():
        want = reference_output(ref, x, 300, context, text_embeds, time_ids)
        assert max_diff(loaded(x, 300, context, text_embeds=text_embeds, time_ids=time_ids), want) <= TOL


# ---- single files: the key map against diffusers' converter of original (LDM) checkpoints ----

@pytest.mark.parametrize("name", ["tiny_sdxl", "three_levels", "refiner_like"])
def test_key_map_agrees_with_diffusers_converter(name):
    ref, ours = models(name)
    original = keymap.to_original(ref.state_dict(), "unet", ours.config)
    assert "model.diffusion_model.label_emb.0.0.weight" in original
    back = convert_ldm_unet_checkpoint(original, dict(ref.config))  # diffusers' original -> diffusers
    assert back.keys() == ref.state_dict().keys()
    assert all(torch.equal(back[k], v) for k, v in ref.state_dict().items())
    # and into a fresh UNet through the map, in a file that also holds SDXL's two text encoders
    checkpoint = {**original, "conditioner.embedders.1.model.text_projection": torch.zeros(2, 2)}
    fresh = UNet(ours.config)
    load_weights(fresh, keymap.from_original(checkpoint, fresh.state_dict(), "unet", fresh.config))
    x, context, text_embeds, time_ids = inputs(name)
    with torch.no_grad():
        want = reference_output(ref, x, 300, context, text_embeds, time_ids)
        assert max_diff(fresh(x, 300, context, text_embeds=text_embeds, time_ids=time_ids), want) <= TOL


def test_full_size_sdxl_key_map_round_trips():
    ref, ours = sdxl_on_meta()
    state = ref.state_dict()
    original = keymap.to_original(state, "unet", ours.config)
    assert len(set(original)) == len(original) == len(state)
    assert "model.diffusion_model.input_blocks.7.1.transformer_blocks.9.attn2.to_k.weight" in original
    assert convert_ldm_unet_checkpoint(original, dict(ref.config)).keys() == state.keys()
    assert keymap.from_original(original, state, "unet", ours.config).keys() == state.keys()


# ---- refusals ----

def test_missing_micro_conditioning_names_what_to_pass():
    _, ours = models("tiny_sdxl")
    x, context, text_embeds, time_ids = inputs("tiny_sdxl")
    for kw, missing in (({}, "text_embeds and time_ids missing"), ({"time_ids": time_ids}, "text_embeds missing"),
                        ({"text_embeds": text_embeds}, "time_ids missing")):
        with pytest.raises(ValueError, match=missing) as err:
            ours(x, 10, context, **kw)
        assert r"shape (B, P)" in str(err.value) and "shape (B, K)" in str(err.value)
        assert "crop top, crop left" in str(err.value) and "= 80" in str(err.value)


def test_wrong_micro_conditioning_shapes():
    _, ours = models("tiny_sdxl")
    x, context, text_embeds, time_ids = inputs("tiny_sdxl")
    with pytest.raises(ValueError, match=r"time_ids has shape \(12,\); it needs one row per latent \(B=2\)"):
        ours(x, 10, context, text_embeds=text_embeds, time_ids=time_ids.flatten())
    with pytest.raises(ValueError, match=r"text_embeds has shape \(1, 32\); it needs one row per latent"):
        ours(x, 10, context, text_embeds=text_embeds[:1], time_ids=time_ids)
    with pytest.raises(ValueError, match=r"give 32 \+ 5·8 = 72 numbers, but add_embedding takes 80"):
        ours(x, 10, context, text_embeds=text_embeds, time_ids=time_ids[:, :5])
    with pytest.raises(ValueError, match=r"give 64 \+ 6·8 = 112 numbers"):
        ours(x, 10, context, text_embeds=torch.cat([text_embeds, text_embeds], 1), time_ids=time_ids)


def test_an_sd1_unet_refuses_the_micro_conditioning():
    ours = UNet(UNetConfig.tiny()).eval()
    g = torch.Generator().manual_seed(0)
    x, context = torch.randn(1, 4, 8, 8, generator=g), torch.randn(1, 77, 32, generator=g)
    with pytest.raises(ValueError, match="has no size and crop conditioning"):
        ours(x, 10, context, text_embeds=torch.zeros(1, 32), time_ids=torch.zeros(1, 6))


@pytest.mark.parametrize("change, message", [
    (dict(transformer_layers_per_block=((1, 2), (2, 2))), "also give reverse_transformer_layers_per_block"),
    (dict(transformer_layers_per_block=((1, 2, 3), 2)), r"has 3 entries but that block has 2 ResNet blocks"),
    (dict(transformer_layers_per_block=(1, 2, 3)), "one per block"),
    (dict(reverse_transformer_layers_per_block=(2, (1, 1))), r"reverse_transformer_layers_per_block\[1\]"),
    (dict(addition_embed_type="text"), "addition_embed_type='text' is not one the course builds"),
    (dict(addition_time_embed_dim=None), "addition_time_embed_dim=None: addition_embed_type='text_time' needs it"),
    (dict(attention_head_dim=(2, 5)), "64 channels do not split into attention_head_dim=5 heads"),
])
def test_config_errors(change, message):
    with pytest.raises(ValueError, match=message):
        UNet(dataclasses.replace(UNetConfig.tiny_sdxl(), **change))


def test_heads_only_need_to_divide_where_there_is_attention():
    """SDXL's first level has no attention: its head count is never used, so it need not divide the width."""
    UNet(dataclasses.replace(UNetConfig.tiny_sdxl(), attention_head_dim=(3, 4)))


def test_weights_of_the_other_family_are_named():
    sdxl, sd1 = models("tiny_sdxl")[0].state_dict(), UNet(UNetConfig.tiny()).state_dict()
    with pytest.raises(ValueError, match=r"has add_embedding\.\* \(SDXL's size/crop conditioning\) but the config has "
                                         "no addition_embed_type: load it with an SDXL config"):
        load_weights(UNet(UNetConfig.tiny()), sdxl)
    with pytest.raises(ValueError, match=r"config is SDXL's .* no add_embedding\.\*: it looks like an SD 1.x"):
        load_weights(UNet(UNetConfig.tiny_sdxl()), sd1)
    # the same in the single-file layout
    sdxl_file = keymap.to_original(sdxl, "unet", UNetConfig.tiny_sdxl())
    sd1_file = keymap.to_original(sd1, "unet", UNetConfig.tiny())
    with pytest.raises(ValueError, match="looks like an SDXL checkpoint .* load it with an SDXL config"):
        keymap.from_original(sdxl_file, sd1, "unet", UNetConfig.tiny())
    with pytest.raises(ValueError, match="looks like an SD 1.x/2.x checkpoint, but the UNet config is SDXL's"):
        keymap.from_original(sd1_file, sdxl, "unet", UNetConfig.tiny_sdxl())
