"""course.nets.controlnet against diffusers: the module, the UNet with its residuals, the pipeline, and loading.

Module parity: diffusers' ControlNetModel (random weights, zero convs moved off zero) and ours with the same
weights, fp32 CPU, max |Δ| <= 1e-5. Pipeline parity: course.pipeline.text_to_image(control=...) against
StableDiffusionControlNetPipeline on the same tiny parts and seed: latents to 1e-5 of their size, images to 1/255.
"""
import warnings

import diffusers
import numpy as np
import pytest
import torch
from diffusers import ControlNetModel, PNDMScheduler, StableDiffusionControlNetPipeline
from diffusers.loaders.single_file_utils import convert_controlnet_checkpoint
from PIL import Image
from reference_parts import SD15_SCHEDULER, UNET_CONFIGS, tiny_pipeline, tiny_unet
from safetensors.torch import save_file

from course.io import keymap
from course.io.loading import from_reference, load_controlnet, save_controlnet
from course.nets.controlnet import ControlNet, ControlNetConfig, config_from_reference, guess_mode_scales
from course.pipeline import text_to_image
from course.sampling.control import Control
from course.sampling.samplers import SAMPLERS

PROMPT, NEGATIVE = "a photo of a red cat", "blurry"


def nudged_controlnet(unet, seed=3, widths=(16, 32)):
    """diffusers' ControlNetModel.from_unet, every parameter moved (the zero convs too, or they would hide bugs)."""
    torch.manual_seed(seed)
    net = ControlNetModel.from_unet(unet, conditioning_embedding_out_channels=widths).eval()
    with torch.no_grad():
        for p in net.parameters():
            p.add_(0.05 * torch.randn_like(p))
    return net


def max_delta(a, b) -> float:
    return max(float((x - y).abs().max()) for x, y in zip(a, b))


def inputs(seed=0, b=2, size=16, factor=2):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(b, 4, size, size, generator=g), torch.tensor([10, 700][:b]),
            torch.randn(b, 7, 32, generator=g), torch.rand(b, 3, size * factor, size * factor, generator=g))


# ---- the module ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", UNET_CONFIGS)
@pytest.mark.parametrize("guess_mode,scale", [(False, 1.0), (False, 0.6), (True, 0.8)])
def test_controlnet_and_unet_match_diffusers(name, guess_mode, scale):
    unet = tiny_unet(name)
    net = nudged_controlnet(unet)
    ours, our_unet = from_reference(net), from_reference(unet)
    assert isinstance(ours, ControlNet) and ours.state_dict().keys() == net.state_dict().keys()
    x, t, context, hint = inputs()
    with torch.no_grad():
        down, mid = net(x, t, context, hint, conditioning_scale=scale, guess_mode=guess_mode, return_dict=False)
        our_down, our_mid = ours(x, t, context, hint, scale, guess_mode=guess_mode)
        # conv_in's output, then per level one per ResNet and one after the downsampler (none after the last)
        c = unet.config
        assert len(our_down) == len(down) == 1 + len(c.block_out_channels) * (c.layers_per_block + 1) - 1
        print(f"{name}, guess_mode={guess_mode}, scale={scale}: residuals max |Δ| = "
              f"{max(max_delta(down, our_down), max_delta([mid], [our_mid])):.1e}")
        assert max_delta(down, our_down) <= 1e-5 and max_delta([mid], [our_mid]) <= 1e-5
        # the UNet's residual path (down_block_additional_residuals / mid_block_additional_residual)
        ref = unet(x, t, context, down_block_additional_residuals=down, mid_block_additional_residual=mid).sample
        got = our_unet(x, t, context, our_down, our_mid)
        assert float((ref - unet(x, t, context).sample).abs().max()) > 1e-2  # the residuals changed the output
    print(f"  UNet with the residuals: max |Δ| = {float((ref - got).abs().max()):.1e}")
    assert float((ref - got).abs().max()) <= 1e-5


def test_bgr_order_and_pooled_conditions_match_diffusers():
    unet = tiny_unet()
    torch.manual_seed(4)
    net = ControlNetModel.from_unet(unet, conditioning_embedding_out_channels=(16, 32),
                                    controlnet_conditioning_channel_order="bgr").eval()
    net.register_to_config(global_pool_conditions=True)
    with torch.no_grad():
        for p in net.parameters():
            p.add_(0.05 * torch.randn_like(p))
    ours = from_reference(net)
    assert ours.config.controlnet_conditioning_channel_order == "bgr" and ours.config.global_pool_conditions
    x, t, context, hint = inputs(1)
    with torch.no_grad():
        down, mid = net(x, t, context, hint, return_dict=False)
        our_down, our_mid = ours(x, t, context, hint)
    assert our_mid.shape[2:] == (1, 1) and max_delta(down, our_down) <= 1e-5 and max_delta([mid], [our_mid]) <= 1e-5


def test_guess_mode_scales_by_hand():
    # 10 ** (-1 + k/n), k = 0..n, written out for n = 4 residuals + the mid one
    expected = [0.1, 10 ** -0.75, 10 ** -0.5, 10 ** -0.25, 1.0]
    assert torch.allclose(guess_mode_scales(4, 1.0), torch.tensor(expected), rtol=1e-6)
    assert torch.allclose(guess_mode_scales(4, 0.5), 0.5 * torch.tensor(expected), rtol=1e-6)


def test_zero_initialised_controlnet_leaves_the_unet_exactly_unchanged():
    unet = from_reference(tiny_pipeline().unet)
    net = ControlNet.from_unet(unet, conditioning_embedding_out_channels=(16, 32))
    x, t, context, hint = inputs(2)
    with torch.no_grad():
        down, mid = net(x, t, context, hint)
        assert all(bool((r == 0).all()) for r in (*down, mid))
        assert torch.equal(unet(x, t, context, down, mid), unet(x, t, context))  # bit for bit


def test_from_unet_copies_the_encoder_as_diffusers_does():
    ref_unet = tiny_unet("sd-order")
    ref = ControlNetModel.from_unet(ref_unet, conditioning_embedding_out_channels=(16, 32))
    ours = ControlNet.from_unet(from_reference(ref_unet), conditioning_embedding_out_channels=(16, 32))
    assert config_from_reference(dict(ref.config)) == ours.config
    theirs = ref.state_dict()
    for k, v in ours.state_dict().items():
        if k.startswith(("controlnet_cond_embedding.conv_in", "controlnet_cond_embedding.blocks")):
            continue  # the hint encoder's first convs start random in both
        assert torch.equal(v, theirs[k]), k
    for k, v in ours.named_parameters():  # every zero conv, and the hint encoder's last conv, start at 0
        if k.startswith(("controlnet_down_blocks", "controlnet_mid_block", "controlnet_cond_embedding.conv_out")):
            assert bool((v == 0).all()), k


def test_the_first_training_step_cannot_change_the_unet():
    """At step 0 the loss gradient reaches the zero convs only: the copy's weights get exactly zero gradient (its
    output is multiplied by a zero weight), so after one step the copy is unchanged and the UNet's output moves by
    the zero convs' small update alone."""
    unet = from_reference(tiny_pipeline().unet).requires_grad_(False)
    net = ControlNet.from_unet(unet, conditioning_embedding_out_channels=(16, 32))
    x, t, context, hint = inputs(3)
    loss = unet(x, t, context, *net(x, t, context, hint)).pow(2).mean()
    loss.backward()
    grads = {k: p.grad for k, p in net.named_parameters()}
    zero_convs = [k for k in grads if k.startswith(("controlnet_down_blocks", "controlnet_mid_block"))]
    copy = [k for k in grads if k.startswith(("conv_in", "time_embedding", "down_blocks", "mid_block"))]
    assert all(grads[k] is None or bool((grads[k] == 0).all()) for k in copy)
    assert any(grads[k].abs().max() > 0 for k in zero_convs if k.endswith("weight"))


@pytest.mark.parametrize("bad,match", [
    (lambda x, t, c, h: (x, t, c, h[:, :, :16]), r"hint has shape \(2, 3, 16, 32\).*\(2, 3, 32, 32\)"),
    (lambda x, t, c, h: (x[:, :3], t, c, h), r"x has shape \(2, 3, 16, 16\); it must be \(B, 4, h, w\)"),
    (lambda x, t, c, h: (x, t, c[:, :, :8], h), r"context has shape \(2, 7, 8\); it must be \(B=2, tokens, 32\)"),
])
def test_forward_errors(bad, match):
    net = ControlNet(ControlNetConfig.tiny())
    with pytest.raises(ValueError, match=match):
        net(*bad(*inputs()))


def test_unsupported_reference_configs_are_refused_by_name():
    config = dict(ControlNetModel.from_unet(tiny_unet(), conditioning_embedding_out_channels=(16, 32)).config)
    with pytest.raises(ValueError, match=r"addition_embed_type='text'"):  # SDXL's 'text_time' is built (test_unet_sdxl)
        config_from_reference({**config, "addition_embed_type": "text"})
    with pytest.raises(ValueError, match=r"num_class_embeds=10"):
        config_from_reference({**config, "num_class_embeds": 10})


# ---- the pipeline ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def setup():
    """diffusers' tiny SD pipeline, two nudged ControlNets for its UNet, two hints, and ours of each."""
    pipe = tiny_pipeline()
    nets = [nudged_controlnet(pipe.unet, seed) for seed in (5, 6)]
    hints = []
    for seed in (0, 1):  # pictures with edges: random blocks, upsampled
        blocks = np.random.default_rng(seed).integers(0, 2, (4, 4, 1)) * 255
        hints.append(Image.fromarray(np.kron(blocks, np.ones((8, 8, 3))).astype(np.uint8)))  # (32, 32, 3)
    return pipe, nets, hints, from_reference(pipe), [from_reference(n) for n in nets]


def reference(pipe, nets, images, key, scale, steps=5, **kw):
    components = {k: v for k, v in pipe.components.items() if k in ("vae", "text_encoder", "tokenizer", "unet")}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = StableDiffusionControlNetPipeline(**components, controlnet=nets if len(nets) > 1 else nets[0],
                                                scheduler=PNDMScheduler.from_config(SD15_SCHEDULER),
                                                safety_checker=None, feature_extractor=None,
                                                requires_safety_checker=False)
    info = SAMPLERS[key]
    ref.scheduler = getattr(diffusers, info.diffusers).from_config(ref.scheduler.config, **info.diffusers_options)
    ref.set_progress_bar_config(disable=True)
    with torch.no_grad():
        return ref(PROMPT, images if len(images) > 1 else images[0], negative_prompt=NEGATIVE, num_inference_steps=steps,
                   guidance_scale=7.5, generator=torch.Generator().manual_seed(0), output_type="pt",
                   controlnet_conditioning_scale=scale, **kw).images


def ours(parts, nets, images, key, scale, steps=5, **kw):
    scales = scale if isinstance(scale, list) else [scale]
    return text_to_image(parts, PROMPT, negative_prompt=NEGATIVE, steps=steps, guidance_scale=7.5, sampler=key, seed=0,
                         output_type="pt", progress=False, control=list(zip(nets, images, scales)), **kw)


def _map(kw):  # our argument names -> diffusers'
    names = {"control_start": "control_guidance_start", "control_end": "control_guidance_end"}
    return {names.get(k, k): v for k, v in kw.items()}


@pytest.mark.parametrize("key,n,scale,kw", [
    ("euler", 1, 0.8, {}),
    ("dpmpp_2m", 1, 1.0, {"control_start": 0.2, "control_end": 0.7}),
    ("ddim", 1, 1.0, {"guess_mode": True}),
    ("euler_a", 2, [0.7, 1.2], {"control_start": [0.0, 0.4], "control_end": [0.6, 1.0]}),
    ("dpmpp_2m", 2, [1.0, 0.5], {"guess_mode": True}),
])
def test_pipeline_matches_diffusers_controlnet_pipeline(setup, key, n, scale, kw):
    pipe, nets, hints, parts, our_nets = setup
    ref = reference(pipe, nets[:n], hints[:n], key, scale, **_map(kw))
    got = ours(parts, our_nets[:n], hints[:n], key, scale, **kw)
    assert got.shape == ref.shape == (1, 3, 32, 32)
    print(f"{key}, {n} ControlNet(s), {kw}: images max |Δ| = {float((got - ref).abs().max()):.2e}")
    assert float((got - ref).abs().max()) <= 1 / 255
    plain = text_to_image(parts, PROMPT, negative_prompt=NEGATIVE, steps=5, guidance_scale=7.5, sampler=key, seed=0,
                          height=32, width=32, output_type="pt", progress=False)
    assert float((got - plain).abs().max()) > 10 / 255  # the control did something


def test_latents_match_diffusers(setup):
    pipe, nets, hints, parts, our_nets = setup
    components = {k: v for k, v in pipe.components.items() if k in ("vae", "text_encoder", "tokenizer", "unet")}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = StableDiffusionControlNetPipeline(**components, controlnet=nets[0], scheduler=diffusers.EulerDiscreteScheduler
                                                .from_config(SD15_SCHEDULER), safety_checker=None,
                                                feature_extractor=None, requires_safety_checker=False)
    ref.set_progress_bar_config(disable=True)
    with torch.no_grad():
        b = ref(PROMPT, hints[0], negative_prompt=NEGATIVE, num_inference_steps=5, guidance_scale=7.5,
                generator=torch.Generator().manual_seed(0), output_type="latent").images
    a = text_to_image(parts, PROMPT, negative_prompt=NEGATIVE, steps=5, guidance_scale=7.5, sampler="euler", seed=0,
                      output_type="latent", progress=False, control=[(our_nets[0], hints[0], 1.0)])
    print(f"euler latents: max |Δ| = {float((a - b).abs().max()):.2e} (latents up to {float(b.abs().max()):.1f})")
    assert float((a - b).abs().max()) <= 1e-5 * max(1.0, float(b.abs().max()))


def test_control_steps_by_hand():
    """N = 10 steps, start 0.2, end 0.7: step i acts unless i/10 < 0.2 or (i+1)/10 > 0.7, so steps 2..6."""
    net = ControlNet(ControlNetConfig.tiny())
    control = Control([(net, torch.zeros(3, 32, 32), 1.0)], 0.2, 0.7)
    control.steps = 10
    assert [i for i in range(10) if control.active(0, i)] == [2, 3, 4, 5, 6]


def test_control_outside_its_steps_is_no_control(setup):
    _, _, hints, parts, our_nets = setup
    kw = dict(negative_prompt=NEGATIVE, steps=4, seed=0, sampler="euler", output_type="latent", progress=False)
    # end 0.2 of 4 steps: step 0 would need (0+1)/4 <= 0.2, so no step has control
    off = text_to_image(parts, PROMPT, control=[(our_nets[0], hints[0], 1.0)], control_end=0.2, **kw)
    assert torch.equal(off, text_to_image(parts, PROMPT, height=32, width=32, **kw))
    zero = text_to_image(parts, PROMPT, control=[(our_nets[0], hints[0], 0.0)], **kw)
    assert float((zero - off).abs().max()) <= 1e-6  # scale 0: residuals of 0 added


def test_guess_mode_controls_only_the_conditional_half(setup):
    """With CFG, guess mode gives the uncond rows zero residuals: the UNet's uncond prediction is the plain one."""
    _, _, hints, parts, our_nets = setup
    control = Control([(our_nets[0], hints[0], 1.0)], guess_mode=True)
    from course.sampling.conditioning import Conditioning
    cond = Conditioning(parts, PROMPT, "", 4, 0, 1, next(parts.unet.parameters()))
    control.bind(cond, next(parts.unet.parameters()), 32, 32, 4)
    x = torch.randn(2, 4, 16, 16)
    c, u, _ = cond.at(0)
    with torch.no_grad():
        extra = control.residuals(x, torch.tensor(500), torch.cat([u, c]), 0)
    assert all(bool((r[0] == 0).all()) for r in (*extra["down_block_additional_residuals"],
                                                 extra["mid_block_additional_residual"]))
    assert all(float(r[1].abs().max()) > 0 for r in extra["down_block_additional_residuals"])


def test_hints_per_prompt_and_images_per_prompt(setup):
    _, _, hints, parts, our_nets = setup
    kw = dict(steps=2, seed=0, output_type="latent", progress=False)
    stack = torch.stack([torch.from_numpy(np.array(h)).permute(2, 0, 1).float() / 255 for h in hints[:2]])
    two = text_to_image(parts, [PROMPT, PROMPT], control=[(our_nets[0], stack, 1.0)], num_images_per_prompt=2, **kw)
    first = text_to_image(parts, PROMPT, control=[(our_nets[0], hints[0], 1.0)], num_images_per_prompt=2, **kw)
    assert two.shape == (4, 4, 16, 16)
    assert float((two[:2] - first).abs().max()) <= 1e-5 * max(1.0, float(first.abs().max()))  # prompt 0's hint 0 ...
    assert float((two[2:] - first).abs().max()) > 1e-3  # ... and prompt 1's hint 1


@pytest.mark.parametrize("control,kw,match", [
    ("edges.png", {}, r"control='edges.png': pass a list of \(controlnet, hint_image, scale\)"),
    ([("net", "hint")], {}, r"control\[0\] is .*course.nets.controlnet.ControlNet"),
    (None, {"control_start": 0.5, "control_end": 0.5}, r"control_start=0.5, control_end=0.5: need 0 <= start < end"),
    (None, {"control_end": [1.0, 1.0]}, r"control_end=\[1.0, 1.0\] has 2 entries for 1 ControlNets"),
    (None, {"height": 64}, r"hint is 32×32 but the image is 32×64 \(width×height\): resize the hint"),
    ("scale", {}, r"control\[0\] has scale nan"),
])
def test_pipeline_errors(setup, control, kw, match):
    _, _, hints, parts, our_nets = setup
    if control is None:
        control = [(our_nets[0], hints[0], 1.0)]
    elif control == "scale":
        control = [(our_nets[0], hints[0], float("nan"))]
    with pytest.raises(ValueError, match=match):
        text_to_image(parts, PROMPT, steps=2, progress=False, control=control, **kw)


# ---- loading ---------------------------------------------------------------------------------------------------

def test_diffusers_folder_round_trip(tmp_path, setup):
    pipe, nets, _, _, our_nets = setup
    nets[0].save_pretrained(tmp_path / "theirs")
    loaded = load_controlnet(tmp_path / "theirs")
    assert all(torch.equal(v, our_nets[0].state_dict()[k]) for k, v in loaded.state_dict().items())
    save_controlnet(loaded, tmp_path / "ours", dtype=torch.float16)
    back = ControlNetModel.from_pretrained(tmp_path / "ours")  # diffusers reads our folder
    x, t, context, hint = inputs(4)
    with torch.no_grad():
        down, mid = back.float()(x, t, context, hint, return_dict=False)
        our_down, our_mid = load_controlnet(tmp_path / "ours")(x, t, context, hint)
    assert max_delta(down, our_down) <= 1e-5 and max_delta([mid], [our_mid]) <= 1e-5


@pytest.mark.parametrize("prefix", ["control_model.", ""])
def test_single_file_in_lllyasviel_layout(tmp_path, prefix):
    """A ControlNet with SD 1.5's hint encoder (4 widths: input_hint_block.0 ... .14, the only size diffusers'
    converter knows) written in the original layout: diffusers' converter and ours read it back the same."""
    unet = tiny_unet()
    net = nudged_controlnet(unet, widths=(4, 8, 8, 16))
    config = config_from_reference(dict(net.config))
    original = keymap.to_original(net.state_dict(), "controlnet", config)
    assert "control_model.input_hint_block.14.weight" in original and "control_model.zero_convs.5.0.bias" in original
    assert "control_model.middle_block_out.0.weight" in original
    bare = {k.removeprefix("control_model."): v for k, v in original.items()}
    converted = convert_controlnet_checkpoint(bare, dict(net.config))
    assert converted.keys() == net.state_dict().keys()
    assert all(torch.equal(converted[k], v) for k, v in net.state_dict().items())
    path = tmp_path / "control_tiny.safetensors"
    save_file({(prefix + k.removeprefix("control_model.")): v.contiguous() for k, v in original.items()}, str(path))
    loaded = load_controlnet(path, config)
    assert all(torch.equal(v, net.state_dict()[k]) for k, v in loaded.state_dict().items())


def test_sd15_size_key_map_on_meta():
    with torch.device("meta"):
        net = ControlNetModel(cross_attention_dim=768)
    config = config_from_reference(dict(net.config))
    assert config == ControlNetConfig.sd15()
    original = keymap.to_original(net.state_dict(), "controlnet", config)
    assert len(set(original)) == len(original) == len(net.state_dict())
    assert {k.split(".")[1] for k in original} == {"time_embed", "input_blocks", "zero_convs", "input_hint_block",
                                                   "middle_block", "middle_block_out"}


def test_loading_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"does not exist. Pass a diffusers ControlNet folder"):
        load_controlnet(tmp_path / "nothing")
    with pytest.raises(FileNotFoundError, match=r"looks like a model hub id"):
        load_controlnet("lllyasviel/control_v11p_sd15_canny")
    tiny_unet().save_pretrained(tmp_path / "unet")
    with pytest.raises(ValueError, match=r"holds a UNet2DConditionModel, not a ControlNetModel"):
        load_controlnet(tmp_path / "unet")
    save_file({"model.diffusion_model.time_embed.0.weight": torch.zeros(1)}, str(tmp_path / "sd.safetensors"))
    with pytest.raises(ValueError, match=r"a full SD checkpoint .*load_single_file"):
        load_controlnet(tmp_path / "sd.safetensors")
    save_file({"control_model.time_embed.0.weight": torch.zeros(1)}, str(tmp_path / "cut.safetensors"))
    with pytest.raises(ValueError, match=r"lacks \d+ controlnet weights: .*does the config"):
        load_controlnet(tmp_path / "cut.safetensors", ControlNetConfig.tiny())
    torch.save({"a": torch.zeros(1)}, tmp_path / "control.pth")
    with pytest.raises(ValueError, match=r"pickle file.*allow_pickle=True"):
        load_controlnet(tmp_path / "control.pth")
    state = ControlNet(ControlNetConfig.tiny()).state_dict()
    state["conv_in.weight"] = torch.zeros(1)
    save_file(state, str(tmp_path / "shape.safetensors"))
    with pytest.raises(ValueError, match=r"1 shape mismatch: conv_in.weight"):
        load_controlnet(tmp_path / "shape.safetensors", ControlNetConfig.tiny())
