"""course.nets.lora: the layers against hand computations, injection, merge/unmerge, scale, several LoRAs, the two file
layouts, clear errors, and parity with diffusers' own LoRA loading (peft) on tiny parts."""
import copy
import dataclasses
import json
import warnings

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from course.config import UNetConfig
from course.io import lora_files
from course.nets import lora
from course.nets.unet import UNet

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")

# cross-attention at both levels, like the bundled model: down_blocks.0 has attentions, as in SD 1.x
CONFIG = UNetConfig(sample_size=8, block_out_channels=(32, 64), layers_per_block=1, norm_num_groups=8,
                    down_block_types=("CrossAttnDownBlock2D",) * 2, up_block_types=("CrossAttnUpBlock2D",) * 2,
                    cross_attention_dim=16, attention_head_dim=4)


def small_unet(seed=0):
    torch.manual_seed(seed)
    unet = UNet(CONFIG).eval()
    with torch.no_grad():
        for p in unet.parameters():
            p.add_(0.05 * torch.randn_like(p))  # no constant norms
    return unet


def randomize(network, seed=1, scale=0.1):
    """Random A and B (B is zero after injection: a test with B = 0 could not fail)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in network.parameters():
            p.copy_(scale * torch.randn(p.shape, generator=g))
    return network


def inputs(batch=2, width=16, seed=3):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(batch, 4, 8, 8, generator=g), torch.tensor([10, 600][:batch]), torch.randn(batch, 7, width, generator=g)


def by_hand(unet, network, weight=1.0):
    """A copy of ``unet`` whose adapted weights are W₀ + weight·(α/r)·B A, from the network's tensors."""
    merged = copy.deepcopy(unet)
    for module in merged.modules():
        module._forward_hooks.clear()
    with torch.no_grad():
        for name, path in network.paths.items():
            layer, module = getattr(network, name), merged.get_submodule(path.partition(".")[2])
            down, up = layer.lora_down.weight, layer.lora_up.weight
            delta = up.flatten(1) @ down.flatten(1)  # (out, in·k·k)
            module.weight += weight * float(layer.alpha) / layer.rank * delta.view(module.weight.shape)
    return merged


# ---- the layers ---------------------------------------------------------------------------------------

def test_lora_linear_starts_at_zero_and_computes_the_low_rank_update():
    torch.manual_seed(0)
    base = nn.Linear(24, 40)
    layer = lora.LoRALinear(base, rank=4, alpha=2.0)
    x = torch.randn(3, 5, 24)
    assert torch.equal(layer.lora_up.weight, torch.zeros(40, 4)) and layer(x).abs().max() == 0
    bound = 1 / 24 ** 0.5  # nn.Linear's own init: U(±1/√fan_in)
    assert 0.5 * bound < layer.lora_down.weight.abs().max() <= bound
    randomize(layer)
    layer.scale = 0.7
    a, b = layer.lora_down.weight, layer.lora_up.weight
    assert torch.allclose(layer(x), 0.7 * 2.0 / 4 * (x @ a.T @ b.T), atol=1e-6)
    assert torch.allclose(base(x) + layer(x), F.linear(x, base.weight + layer.delta_weight(), base.bias), atol=1e-6)


@pytest.mark.parametrize("kernel, stride, padding", [(3, 1, 1), (3, 2, 1), (1, 1, 0)])
def test_locon_update_is_one_conv_with_the_kernel_b_times_a(kernel, stride, padding):
    torch.manual_seed(0)
    base = nn.Conv2d(8, 12, kernel, stride=stride, padding=padding)
    layer = randomize(lora.LoRAConv2d(base, rank=3, alpha=6.0))
    x = torch.randn(2, 8, 9, 7)
    kernel_by_hand = torch.einsum("or,rikl->oikl", layer.lora_up.weight[:, :, 0, 0], layer.lora_down.weight) * 2.0
    assert torch.allclose(layer.delta_weight(), kernel_by_hand, atol=1e-6)
    expected = F.conv2d(x, base.weight + kernel_by_hand, base.bias, stride=stride, padding=padding)
    assert torch.allclose(base(x) + layer(x), expected, atol=1e-5)


# ---- injection, merge, scale ------------------------------------------------------------------------

def test_inject_freezes_the_model_and_changes_nothing_at_first():
    unet = small_unet()
    x, t, context = inputs()
    with torch.no_grad():
        before = unet(x, t, context)
    network = lora.inject_lora(unet, rank=4)
    adapted = [m for n, m in unet.named_modules() if isinstance(m, nn.Linear) and
               (n.endswith(("attn1.to_q", "attn1.to_k", "attn1.to_v", "attn1.to_out.0",
                            "attn2.to_q", "attn2.to_k", "attn2.to_v", "attn2.to_out.0")))]
    blocks = sum(type(m).__name__ == "BasicTransformerBlock" for m in unet.modules())
    assert blocks == 7 and len(network.paths) == len(adapted) == blocks * 8  # 2 down, 1 mid, 2×2 up; 2 attentions × 4
    assert not any(p.requires_grad for p in unet.parameters())
    assert all(p.requires_grad for p in network.parameters())
    assert network.trainable_parameters() == sum(4 * (m.in_features + m.out_features) for m in adapted)
    assert "56 layers" in network.summary() and f"{network.trainable_parameters():,}" in network.summary()
    with torch.no_grad():
        assert torch.equal(unet(x, t, context), before)
    loss = unet(x, t, context).pow(2).mean()
    loss.backward()  # gradients reach B even though it is zero (A is not)
    assert all(getattr(network, n).lora_up.weight.grad.abs().sum() > 0 for n in network.paths)


def test_hooked_merged_and_hand_merged_outputs_agree_and_unmerge_restores_the_weights():
    unet = small_unet()
    w0 = {k: v.clone() for k, v in unet.state_dict().items()}
    network = randomize(lora.inject_lora(unet, rank=4, alpha=8.0, targets=["attention", "resnets"]))
    x, t, context = inputs()
    with torch.no_grad():
        base = by_hand(unet, network, 0.0)(x, t, context)
        hooked = unet(x, t, context)
        expected = by_hand(unet, network, 1.0)(x, t, context)
        lora.merge_lora(network)
        merged = unet(x, t, context)
        assert (merged - hooked).abs().max() <= 1e-5 and (hooked - expected).abs().max() <= 1e-5
        assert (hooked - base).abs().max() > 0.01  # the LoRA does something, so the test can fail
        lora.unmerge_lora(network)
    for k, v in unet.state_dict().items():
        assert (v - w0[k]).abs().max() <= 1e-6 * max(1.0, w0[k].abs().max().item()), k
    with torch.no_grad():
        assert (unet(x, t, context) - hooked).abs().max() <= 1e-5


def test_scale_zero_is_the_base_model_and_a_scale_weights_the_update():
    unet = small_unet()
    network = randomize(lora.inject_lora(unet, rank=2))
    x, t, context = inputs()
    with torch.no_grad():
        base = by_hand(unet, network, 0.0)(x, t, context)
        network.scale = 0.0
        assert torch.equal(unet(x, t, context), base)
        network.scale = 0.4
        assert (unet(x, t, context) - by_hand(unet, network, 0.4)(x, t, context)).abs().max() <= 1e-5
        network.merge()
        with pytest.raises(ValueError, match="merged at scale 0.4; unmerge_lora"):
            network.scale = 1.0
        network.remove()  # unmerges and takes the hooks off
        assert (unet(x, t, context) - base).abs().max() <= 1e-5
        assert not any(m._forward_hooks for m in unet.modules())


def test_two_loras_add_up_each_at_its_weight():
    unet = small_unet()
    a = randomize(lora.inject_lora(unet, rank=4), seed=1)
    b = randomize(lora.inject_lora(unet, rank=2, alpha=1.0, targets=r"attn2\.to_(k|v)$"), seed=2)
    a.scale, b.scale = 0.7, -0.5
    x, t, context = inputs()
    expected = by_hand(by_hand(unet, a, 0.7), b, -0.5)
    with torch.no_grad():
        hooked = unet(x, t, context)
        assert (hooked - expected(x, t, context)).abs().max() <= 1e-5
        lora.merge_lora(a, b)
        assert (unet(x, t, context) - hooked).abs().max() <= 1e-5


# ---- files --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["kohya", "diffusers"])
def test_save_and_load_give_the_same_outputs(tmp_path, layout):
    unet = small_unet()
    network = randomize(lora.inject_lora(unet, rank=4, alpha=2.0, targets=["attention", "resnets"]))
    network.scale = 0.8  # the scale is not part of the file; load_lora takes its own
    x, t, context = inputs()
    with torch.no_grad():
        expected = by_hand(unet, network, 1.0)(x, t, context)
    path = lora_files.save_lora(network, tmp_path / "a.safetensors", layout=layout)
    fresh = small_unet()
    loaded = lora_files.load_lora(fresh, path)
    assert loaded.paths == network.paths and loaded.scale == 1.0
    with torch.no_grad():
        assert (fresh(x, t, context) - expected).abs().max() <= 1e-5
    assert lora_files.read_lora(path)[0] == layout


def test_the_kohya_layout_has_a1111s_names(tmp_path):
    from safetensors.torch import load_file

    network = lora.inject_lora(small_unet(), rank=4, alpha=1.0)
    state = load_file(str(lora_files.save_lora(network, tmp_path / "k.safetensors")))
    name = "lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn1_to_q"
    assert state[f"{name}.lora_down.weight"].shape == (4, 32) and state[f"{name}.lora_up.weight"].shape == (32, 4)
    assert float(state[f"{name}.alpha"]) == 1.0
    assert "lora_unet_up_blocks_1_attentions_0_transformer_blocks_0_attn2_to_out_0.alpha" in state
    assert len(state) == 56 * 3


def test_diffusers_layout_keeps_rank_and_alpha_in_peft_metadata(tmp_path):
    from safetensors import safe_open

    network = lora.inject_lora(small_unet(), rank=4, alpha=2.0)
    path = lora_files.save_lora(network, tmp_path / "d.safetensors", layout="diffusers")
    with safe_open(str(path), "pt") as f:
        keys, config = list(f.keys()), json.loads(f.metadata()["lora_adapter_metadata"])
    assert "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q.lora_A.weight" in keys
    assert config["unet.r"] == 4 and config["unet.lora_alpha"] == 2.0 and len(config["unet.target_modules"]) == 56


def test_kohya_file_without_alpha_means_alpha_equals_rank(tmp_path):
    from safetensors.torch import save_file

    network = randomize(lora.inject_lora(small_unet(), rank=4, alpha=4.0))
    state = {k: v for k, v in network.state_dict().items() if not k.endswith(".alpha")}
    save_file(state, str(tmp_path / "no_alpha.safetensors"))
    loaded = lora_files.load_lora(small_unet(), tmp_path / "no_alpha.safetensors")
    assert all(float(layer.alpha) == 4.0 for layer in loaded.children())


def test_unmatched_keys_are_listed(tmp_path):
    from safetensors.torch import save_file

    state = lora.inject_lora(small_unet(), rank=4).state_dict()
    state["lora_unet_input_blocks_1_1_proj_in.lora_down.weight"] = torch.zeros(4, 32)
    state["lora_unet_input_blocks_1_1_proj_in.lora_up.weight"] = torch.zeros(32, 4)
    save_file(state, str(tmp_path / "sgm.safetensors"))
    with pytest.raises(ValueError, match=r"1 of the 57 LoRA layers .* match no .*lora_unet_input_blocks_1_1_proj_in.*"
                                         r"named like lora_unet_.*input_blocks"):
        lora_files.load_lora(small_unet(), tmp_path / "sgm.safetensors")
    bigger = lora.inject_lora(UNet(dataclasses.replace(CONFIG, block_out_channels=(32, 96))), rank=4)
    lora_files.save_lora(bigger, tmp_path / "wide.safetensors")
    with pytest.raises(ValueError, match=r"do not fit the shapes .*\(4, 96\)"):
        lora_files.load_lora(small_unet(), tmp_path / "wide.safetensors")
    save_file({"lora_unet_x.weight": torch.zeros(2, 2)}, str(tmp_path / "odd.safetensors"))
    with pytest.raises(ValueError, match="1 of 1 keys are in no LoRA layout .*lora_unet_x.weight.*kohya"):
        lora_files.load_lora(small_unet(), tmp_path / "odd.safetensors")  # LoHa, LoKr, ...: test_lora_layouts.py


def test_bad_arguments_say_what_to_do(tmp_path):
    unet = small_unet()
    with pytest.raises(ValueError, match="rank=0 must be"):
        lora.inject_lora(unet, rank=0)
    with pytest.raises(ValueError, match="match none of the .* layers .*TARGETS"):
        lora.inject_lora(unet, targets=r"no_such_layer$")
    with pytest.raises(ValueError, match="layout='a1111'"):
        lora_files.save_lora(lora.inject_lora(unet), tmp_path / "x.safetensors", layout="a1111")
    with pytest.raises(ValueError, match="ending in .safetensors"):
        lora_files.save_lora(lora.inject_lora(unet), tmp_path / "x.pt")


# ---- parity with diffusers (peft) ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def reference():
    """diffusers' tiny pipeline and, per call, fresh course parts with the same weights."""
    from reference_parts import tiny_pipeline

    from course.io.loading import from_reference
    pipe = tiny_pipeline()
    return pipe, lambda: from_reference(pipe)


def diffusers_outputs(pipe, ids, x, t):
    with torch.no_grad():
        context = pipe.text_encoder(ids)[0]
        return context, pipe.unet(x, t, context).sample


@pytest.mark.parametrize("layout", ["kohya", "diffusers"])
@pytest.mark.parametrize("targets", [("attention",), ("attention", "text_encoder"), ("transformer", "resnets")],
                         ids=["unet attention", "with text encoder", "transformer + LoCon resnets"])
def test_our_file_in_diffusers_gives_our_outputs(tmp_path, reference, layout, targets):
    pipe, fresh_parts = reference
    parts = fresh_parts()
    network = randomize(lora.inject_lora(parts, rank=4, alpha=2.0, targets=targets), scale=0.2)
    path = lora_files.save_lora(network, tmp_path / "lora.safetensors", layout=layout)
    ids = torch.randint(0, 49408, (2, 77), generator=torch.Generator().manual_seed(0))
    x, t, _ = inputs(width=32)
    theirs = copy.deepcopy(pipe)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs.load_lora_weights(str(path))
    their_context, their_out = diffusers_outputs(theirs, ids, x, t)
    _, base_out = diffusers_outputs(pipe, ids, x, t)
    loaded = fresh_parts()
    lora_files.load_lora(loaded, path)
    with torch.no_grad():
        context = loaded.text_encoder(ids)
        out = loaded.unet(x, t, context)
        assert (context - their_context).abs().max() <= 1e-5
        assert (out - their_out).abs().max() <= 1e-5
        assert (their_out - base_out).abs().max() > 1e-3  # diffusers did load something: the test can fail


def test_a_file_written_by_diffusers_loads_into_ours(tmp_path, reference):
    from diffusers import StableDiffusionPipeline
    from peft import LoraConfig
    from peft.utils import get_peft_model_state_dict

    pipe, fresh_parts = reference
    theirs = copy.deepcopy(pipe)
    config = LoraConfig(r=4, lora_alpha=8, init_lora_weights=False,  # random B: the test can fail
                        target_modules=["to_q", "to_k", "to_v", "to_out.0", "conv1", "conv2"])
    theirs.unet.add_adapter(config)
    StableDiffusionPipeline.save_lora_weights(tmp_path, unet_lora_layers=get_peft_model_state_dict(theirs.unet),
                                              unet_lora_adapter_metadata=config.to_dict())
    ids = torch.randint(0, 49408, (2, 77), generator=torch.Generator().manual_seed(0))
    x, t, _ = inputs(width=32)
    _, their_out = diffusers_outputs(theirs, ids, x, t)
    _, base_out = diffusers_outputs(pipe, ids, x, t)
    parts = fresh_parts()
    network = lora_files.load_lora(parts, tmp_path / "pytorch_lora_weights.safetensors")
    assert {float(layer.alpha) for layer in network.children()} == {8.0}
    with torch.no_grad():
        out = parts.unet(x, t, parts.text_encoder(ids))
    assert (out - their_out).abs().max() <= 1e-5 and (their_out - base_out).abs().max() > 1e-3
