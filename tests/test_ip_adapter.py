"""IP-Adapter: our UNet with load_ip_adapter against diffusers' UNet2DConditionModel with the same adapter file
loaded by diffusers, and the files that are refused."""
from __future__ import annotations

import copy
import functools
import warnings

import pytest
import torch
from diffusers import UNet2DConditionModel
from diffusers.models.attention_processor import IPAdapterAttnProcessor2_0
from reference_parts import nested_ip_adapter, random_ip_adapter
from safetensors.torch import save_file

from course.io.ip_adapter_files import load_ip_adapter, read_ip_adapter, save_ip_adapter
from course.io.loading import from_reference
from course.nets.ip_adapter import IPAdapter, cross_attention_layers

TOL = 1e-5
D, N = 20, 4  # image_embeds width; diffusers builds the plain IP-Adapter with 4 image tokens, always
CONFIGS = {
    # cross-attention in down, up and mid blocks, per-block heads: 7 attn2 layers, numbered 1, 3, ..., 13
    "three_levels": dict(block_out_channels=(32, 32, 64), layers_per_block=1, norm_num_groups=8,
                         down_block_types=("CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"),
                         up_block_types=("UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"),
                         attention_head_dim=(2, 4, 8), cross_attention_dim=32),
    # two transformer layers per block and text tokens narrower than the pixels
    "two_layer_transformers": dict(block_out_channels=(32, 64), layers_per_block=2, norm_num_groups=8,
                                   down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                                   up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
                                   transformer_layers_per_block=2, cross_attention_dim=24),
}


@functools.cache
def reference(name: str) -> UNet2DConditionModel:
    """diffusers' UNet, seed 0, its norms moved off 1 and 0 (a swapped norm then shows); never given an adapter."""
    torch.manual_seed(0)
    unet = UNet2DConditionModel(**CONFIGS[name]).eval()
    with torch.no_grad():
        for key, p in unet.named_parameters():
            if "norm" in key:
                p.add_(0.1 * torch.randn_like(p))
    return unet


def adapter_file(name: str, seed: int = 3) -> dict[str, torch.Tensor]:
    """A random IP-Adapter for reference(name) in the original flat layout."""
    return random_ip_adapter(reference(name), CONFIGS[name]["cross_attention_dim"], D, N, spread=0.3, seed=seed)


def diffusers_with_adapter(name: str, flat: dict, scale: float = 1.0) -> UNet2DConditionModel:
    unet = copy.deepcopy(reference(name))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        unet._load_ip_adapter_weights([nested_ip_adapter(flat)])
    for processor in unet.attn_processors.values():
        if isinstance(processor, IPAdapterAttnProcessor2_0):
            processor.scale = [scale]  # what pipe.set_ip_adapter_scale(scale) does
    return unet


def inputs(name: str, batch: int = 2, seed: int = 1):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, 4, 16, 16, generator=g)
    context = torch.randn(batch, 77, CONFIGS[name]["cross_attention_dim"], generator=g)
    return x, context, torch.randn(batch, 3, D, generator=g)  # 3 pictures per row


def max_diff(a, b) -> float:
    assert a.shape == b.shape, (a.shape, b.shape)
    return (a - b).abs().max().item()


@pytest.fixture(scope="module", params=list(CONFIGS))
def case(request, tmp_path_factory):
    """(name, flat adapter, its .safetensors path, our UNet with the adapter loaded from that file at scale 1)."""
    name = request.param
    flat = adapter_file(name)
    path = tmp_path_factory.mktemp(name) / "ip-adapter.safetensors"
    save_file(flat, str(path))
    ours = from_reference(reference(name))
    adapter = load_ip_adapter(ours, path)
    return name, flat, path, ours, adapter


def test_numbering_is_diffusers(case):
    name, _, _, ours, _ = case
    layers = cross_attention_layers(ours)
    attn2 = [p.removesuffix(".processor") for p in reference(name).attn_processors if p.endswith("attn2.processor")]
    assert list(layers) == [str(2 * k + 1) for k in range(len(attn2))]
    assert all(layers[str(2 * k + 1)] is ours.get_submodule(path) for k, path in enumerate(attn2))


@pytest.mark.parametrize("scale", [1.0, 0.5])
def test_parity_with_diffusers(case, scale):
    name, flat, _, ours, adapter = case
    theirs = diffusers_with_adapter(name, flat, scale)
    x, context, embeds = inputs(name)
    adapter.scale = scale
    try:
        with torch.no_grad():
            for ours_embeds, their_embeds in ((embeds[:, 0], embeds[:, :1]), (embeds, embeds)):  # (B, D), (B, n, D)
                want = theirs(x, 500, context, added_cond_kwargs={"image_embeds": [their_embeds]}).sample
                got = ours(x, 500, context, image_embeds=ours_embeds)
                assert max_diff(got, want) <= TOL, (name, scale, tuple(ours_embeds.shape))
            plain = ours(x, 500, context)
        assert max_diff(got, plain) > 1e-3  # the picture did change the output
    finally:
        adapter.scale = 1.0


def test_a_zero_picture_for_the_unconditional_half(case):
    """Classifier-free guidance, as diffusers' pipeline does it: zeros for the uncond row, the picture for the cond."""
    name, flat, _, ours, _ = case
    theirs = diffusers_with_adapter(name, flat)
    x, context, embeds = inputs(name)
    embeds = torch.cat([torch.zeros_like(embeds[:1, 0]), embeds[1:, 0]])  # (2, D)
    with torch.no_grad():
        want = theirs(x, 10, context, added_cond_kwargs={"image_embeds": [embeds[:, None]]}).sample
        assert max_diff(ours(x, 10, context, image_embeds=embeds), want) <= TOL


def test_scale_zero_and_no_picture_are_the_plain_unet_bit_for_bit(case):
    name, _, _, ours, adapter = case
    plain = from_reference(reference(name))
    x, context, embeds = inputs(name)
    with torch.no_grad():
        want = plain(x, 500, context)
        assert torch.equal(ours(x, 500, context), want)  # attached, but no image_embeds
        adapter.scale = 0.0
        try:
            assert torch.equal(ours(x, 500, context, image_embeds=embeds), want)
        finally:
            adapter.scale = 1.0
    assert set(ours.state_dict()) == set(plain.state_dict())  # the adapter is not part of the UNet's weights


def test_remove_and_attach_again(case):
    name, _, _, ours, adapter = case
    x, context, embeds = inputs(name)
    with torch.no_grad():
        before = ours(x, 500, context, image_embeds=embeds)
        adapter.remove()
        try:
            with pytest.raises(ValueError, match="no IP-Adapter is attached"):
                ours(x, 500, context, image_embeds=embeds)
            assert torch.equal(ours(x, 500, context), from_reference(reference(name))(x, 500, context))
        finally:
            adapter.attach()
        assert torch.equal(ours(x, 500, context, image_embeds=embeds), before)
    with pytest.raises(ValueError, match="already has an IP-Adapter"):
        IPAdapter(ours, D).attach()


def test_files_round_trip_and_diffusers_reads_ours(case, tmp_path):
    """save_ip_adapter writes the original flat layout: the same keys, and diffusers' own file loader
    (pipe.load_ip_adapter from a local folder) gives the same UNet as ours."""
    from reference_parts import assemble_pipeline, tiny_clip, tiny_vae

    name, flat, path, ours, adapter = case
    saved = save_ip_adapter(adapter, tmp_path / "saved.safetensors")
    again = read_ip_adapter(saved)
    assert {f"{p}.{k}" for p in again for k in again[p]} == set(flat)
    assert all(torch.equal(again[p][k], flat[f"{p}.{k}"]) for p in again for k in again[p])
    pickled = tmp_path / "ip-adapter.bin"  # the original release's form: a pickled nested dict
    torch.save(nested_ip_adapter(flat), pickled)
    assert all(torch.equal(read_ip_adapter(pickled, allow_pickle=True)[p][k], v)
               for p, keys in nested_ip_adapter(flat).items() for k, v in keys.items())

    vae = tiny_vae()
    text_encoder = tiny_clip()
    pipe = assemble_pipeline(text_encoder, copy.deepcopy(reference(name)), vae)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe.load_ip_adapter(str(tmp_path), subfolder="", weight_name="saved.safetensors", image_encoder_folder=None)
    x, context, embeds = inputs(name, seed=5)
    with torch.no_grad():
        want = pipe.unet(x, 7, context, added_cond_kwargs={"image_embeds": [embeds]}).sample
        assert max_diff(ours(x, 7, context, image_embeds=embeds), want) <= TOL


def test_a_new_adapter_starts_from_the_text_path():
    """The original training script starts to_k_ip/to_v_ip as copies of to_k/to_v; only the adapter trains."""
    ours = from_reference(reference("two_layer_transformers"))
    adapter = IPAdapter(ours, image_embed_dim=D)
    for n, attn in cross_attention_layers(ours).items():
        assert torch.equal(adapter.ip_adapter[n].to_k_ip.weight, attn.to_k.weight)
        assert torch.equal(adapter.ip_adapter[n].to_v_ip.weight, attn.to_v.weight)
    assert sum(p.numel() for p in adapter.parameters()) == sum(v.numel() for v in adapter_file(
        "two_layer_transformers").values())


# ---- refusals: each names what it recognised and what to do ----

def test_image_embeds_of_the_wrong_shape(case):
    name, _, _, ours, _ = case
    x, context, embeds = inputs(name)
    for bad, message in [(embeds[..., :-1], f"\\(B, {D}\\)"), (embeds[:1], "one row per latent"),
                         (embeds[None], "n pictures each"), (embeds.tolist(), "must be a tensor")]:
        with pytest.raises(ValueError, match=message):
            ours(x, 10, context, image_embeds=bad)


def family(flat: dict, image_proj: dict | None = None, ip: dict | None = None) -> dict:
    out = {k: v for k, v in flat.items() if not (image_proj is not None and k.startswith("image_proj."))}
    out.update({f"image_proj.{k}": v for k, v in (image_proj or {}).items()})
    out.update({f"ip_adapter.{k}": v for k, v in (ip or {}).items()})
    return out


def test_other_members_of_the_family_are_refused_by_name(case, tmp_path):
    name, flat, _, ours, _ = case
    def t():
        return torch.zeros(4, 4)  # a new tensor per key: safetensors refuses to write shared ones

    cases = {
        "IP-Adapter Plus": family(flat, {k: t() for k in ("latents", "proj_in.weight", "proj_out.weight")}),
        "IP-Adapter Full Face": family(flat, {f"proj.{i}.weight": t() for i in (0, 1, 3)}),
        "IP-Adapter FaceID Plus": family(flat, {"proj.0.weight": t(), "perceiver_resampler.proj_in.weight": t()}),
        "IP-Adapter FaceID \\(image_proj": family(flat, {"proj.0.weight": t(), "proj.2.weight": t(),
                                                          "norm.weight": t()}),
        "FaceID-style adapter \\(its ip_adapter part carries LoRA": family(flat, ip={"1.to_k_lora.down.weight": t()}),
    }
    for message, state in cases.items():
        save_file(state, str(tmp_path / "other.safetensors"))
        with pytest.raises(ValueError, match=message):
            load_ip_adapter(ours, tmp_path / "other.safetensors")
        with pytest.raises(ValueError, match=message):
            load_ip_adapter(ours, nested_ip_adapter(state))


def test_damaged_or_mismatched_files_are_refused(case, tmp_path):
    name, flat, path, ours, _ = case
    other = "two_layer_transformers" if name == "three_levels" else "three_levels"
    nan = dict(flat)
    nan["image_proj.norm.bias"] = flat["image_proj.norm.bias"].clone()
    nan["image_proj.norm.bias"][0] = float("nan")
    some_layer = next(k for k in flat if k.startswith("ip_adapter."))
    cases = [
        ({k: v for k, v in flat.items() if k != "image_proj.proj.bias"}, "missing: image_proj.proj.bias"),
        ({k: v for k, v in flat.items() if k != some_layer}, "do not fit IPAdapter"),
        (nan, "NaN or inf"),
        ({**flat, "image_proj.proj.weight": flat["image_proj.proj.weight"].long()}, "floating point"),
        (adapter_file(other), "cross_attention_dim|cross-attention layers"),
        ({f"lora_unet_{k}": v for k, v in flat.items()}, "not an IP-Adapter file"),
        ({k: v for k, v in flat.items() if k.startswith("image_proj.")}, "one of the two parts is empty"),
        ({**flat, "image_proj.extra.weight": torch.zeros(1)}, "unknown: extra.weight"),
    ]
    for state, message in cases:
        save_file(state, str(tmp_path / "bad.safetensors"))
        with pytest.raises(ValueError, match=message):
            load_ip_adapter(ours, tmp_path / "bad.safetensors")
    assert ours.ip_adapter is case[4]  # nothing was attached by a refused file
    with pytest.raises(ValueError, match="course's UNet"):
        load_ip_adapter(reference(name), path)
    torch.save(nested_ip_adapter(flat), tmp_path / "ip.bin")
    with pytest.raises(ValueError, match="allow_pickle=True"):
        load_ip_adapter(ours, tmp_path / "ip.bin")
    with pytest.raises(ValueError, match="scale"):
        load_ip_adapter(ours, path, scale=float("inf"))
    with pytest.raises(ValueError, match="scale"):
        case[4].scale = "1"
    (tmp_path / "garbled.safetensors").write_bytes(b"not a file")
    with pytest.raises(ValueError, match="truncated or corrupted"):
        load_ip_adapter(ours, tmp_path / "garbled.safetensors")
