"""Bad numbers given to course.pipeline are refused at once, with one clear message; numpy's good ones are welcome.

Each bad input is one test: ``refused`` checks the error type, that it comes within a second (before any big
allocation or loop) and that the message names the value and the fix. Latents that turn NaN or inf stop the
run with a NonFiniteError naming the step, never a black picture. The positive tests check that numpy numbers
give the very same picture as Python's, that seed=-1 draws a seed the picture remembers, and the size warning.
"""
import copy
import math
import warnings

import numpy as np
import pytest
import torch
from PIL import Image
from refusals import refused

from course.nets.controlnet import ControlNet, ControlNetConfig
from course.nets.text_encoder import encode_prompt
from course.pipeline import LIMITS, SEEDS, NonFiniteError, image_to_image, inpaint, text_to_image

PROMPT = "a photo of a red cat"
SMALL = {"steps": 2, "height": 32, "width": 32, "progress": False, "output_type": "latent"}


def t2i(parts, prompt=PROMPT, **kw):
    return lambda: text_to_image(parts, prompt, **{**SMALL, **kw})


def picture(width=32, height=32):
    return Image.new("RGB", (width, height), (200, 30, 30))


def hole(width=32, height=32):
    mask = Image.new("L", (width, height), 0)
    mask.paste(255, (width // 4, height // 4, 3 * width // 4, 3 * height // 4))
    return mask


# ---- one bad input per test: (keyword arguments, what the message must say) --------------------------------
BAD_T2I = {
    "guidance inf": ({"guidance_scale": math.inf}, ["guidance_scale=inf", "finite"]),
    "guidance -inf": ({"guidance_scale": -math.inf}, ["guidance_scale=-inf", "finite"]),
    "guidance 1e30": ({"guidance_scale": 1e30}, ["guidance_scale=1e+30", "LIMITS['max_guidance']", "3 to 12"]),
    "guidance -1e30": ({"guidance_scale": -1e30}, ["guidance_scale=-1e+30", "±100"]),
    "guidance 101": ({"guidance_scale": 101}, ["guidance_scale=101", "pixels clip"]),
    "guidance str": ({"guidance_scale": "7.5"}, ["guidance_scale='7.5'", "must be a number"]),
    "guidance np nan": ({"guidance_scale": np.float32("nan")}, ["guidance_scale=np.float32(nan)", "not nan"]),
    "steps 10**7": ({"steps": 10 ** 7}, ["steps=10000000", "1000 noise levels", "20 to 50"]),
    "steps float": ({"steps": 20.0}, ["steps=20.0", "whole number (int)", "steps=20"]),
    "steps np 0": ({"steps": np.int64(0)}, ["steps=np.int64(0)", "whole number >= 1"]),
    "height float": ({"height": 64.0}, ["height=64.0", "an int", "multiple of 8"]),
    "height nan": ({"height": math.nan}, ["height=nan", "multiple of 8"]),
    "width inf": ({"width": math.inf}, ["width=inf", "multiple of 8"]),
    "width str": ({"width": "32"}, ["width='32'", "multiple of 8"]),
    "65536 px a side": ({"height": 65536, "width": 65536}, ["65536×65536", "4,294,967,296", "max_pixels",
                                                          "raise the limit"]),
    "a million images": ({"num_images_per_prompt": 10 ** 6}, ["1000000 images", "max_batch", "several calls"]),
    "images float": ({"num_images_per_prompt": np.float64(2.0)}, ["num_images_per_prompt=np.float64(2.0)",
                                                                  "whole number (int)"]),
    "seed 1.5": ({"seed": 1.5}, ["seed=1.5", "whole number", "-1 for a random seed"]),
    "seed str": ({"seed": "3"}, ["seed='3'", "whole number"]),
    "seed 2**32": ({"seed": 2 ** 32}, ["seed=4294967296", "4294967295", "32 bits"]),
    "seed 2**64": ({"seed": 2 ** 64}, ["seed=18446744073709551616", "32 bits"]),
    "seed -5": ({"seed": -5}, ["seed=-5", "from 0 to 4294967295"]),
    "seed bool": ({"seed": True}, ["seed=True", "whole number"]),
    "seed and generator": ({"seed": 3, "generator": torch.Generator()}, ["seed=3", "both", "pass one of them"]),
    "generator int": ({"generator": 3}, ["generator=3", "torch.Generator"]),
    "callback int": ({"callback": 5}, ["callback=5", "not callable"]),
}


@pytest.mark.parametrize("kw,must_say", BAD_T2I.values(), ids=BAD_T2I.keys())
def test_bad_number_is_refused(parts, kw, must_say):
    refused(t2i(parts, **kw), ValueError, *must_say)


BAD_PROMPTS = {
    "weight 1e40": ("a (red:1" + "0" * 40 + ") cat", ["(red:1e+40)", "beyond ±100", "0.5 to 1.5"]),
    "weight in nested brackets": ("a ((red:1" + "0" * 20 + "):1" + "0" * 20 + ") cat", ["(red:1e+40)", "0.5 to 1.5"]),
    "AND weight 1e40": ("a red cat :1" + "0" * 40 + " AND a dog", ["'a red cat'", "1e+40", "0.5 to 1.5"]),
    "AND weight x guidance": ("a red cat :20 AND a dog", ["'a red cat'", "weight 20", "guidance_scale=7.5",
                                                          "max_guidance"]),
    "empty prompt list": ([], ["prompt=[]", "non-empty list"]),
    "2000 prompts": (["a cat"] * 2000, ["2000 images", "max_batch"]),
}


@pytest.mark.parametrize("prompt,must_say", BAD_PROMPTS.values(), ids=BAD_PROMPTS.keys())
def test_bad_prompt_is_refused(parts, prompt, must_say):
    refused(t2i(parts, prompt, guidance_scale=7.5), ValueError, *must_say)


def test_weight_that_overflows_float16_is_refused(parts):
    """(red:100000) fits a float32 but not a float16 (at most 65504): the half-precision encoder refuses it."""
    half = copy.deepcopy(parts.text_encoder).half()
    refused(lambda: encode_prompt(half, parts.tokenizer, "a (red:100000) cat"), ValueError,
            "(red:100000)", "float16", "65504", "0.5 to 1.5")


def test_text_encoder_with_nan_weights_is_refused(parts):
    broken = copy.deepcopy(parts)
    with torch.no_grad():
        broken.text_encoder.final_layer_norm.weight[0] = float("nan")
    refused(t2i(broken), ValueError, "text encoder gives nan or inf", "before any prompt weight", "float32")


# ---- pictures: the size is checked before the picture is converted ------------------------------------------
BIG = picture(4000, 3000)


@pytest.mark.parametrize("call", [
    pytest.param(lambda p: image_to_image(p, PROMPT, BIG, **SMALL_I2I), id="img2img 4000x3000"),
    pytest.param(lambda p: inpaint(p, PROMPT, BIG, hole(4000, 3000), **SMALL_I2I), id="inpaint 4000x3000"),
    pytest.param(lambda p: image_to_image(p, PROMPT, torch.zeros(1, 3, 512, 512).expand(64, -1, -1, -1), **SMALL_I2I),
                 id="64 tensors 512x512"),
])
def test_huge_picture_is_refused(parts, call):
    refused(lambda: call(parts), ValueError, "max_pixels", "smaller")


SMALL_I2I = {"steps": 4, "progress": False, "output_type": "latent"}
BAD_I2I = {
    "strength inf": ({"strength": math.inf}, ["strength=inf", "[0, 1]"]),
    "strength nan": ({"strength": np.float32("nan")}, ["strength=np.float32(nan)", "[0, 1]"]),
    "strength str": ({"strength": "0.5"}, ["strength='0.5'", "[0, 1]"]),
    "seed -2": ({"seed": -2}, ["seed=-2", "-1 for a random seed"]),
    "guidance inf": ({"guidance_scale": math.inf}, ["guidance_scale=inf", "finite"]),
}


@pytest.mark.parametrize("kw,must_say", BAD_I2I.values(), ids=BAD_I2I.keys())
def test_bad_img2img_number_is_refused(parts, kw, must_say):
    refused(lambda: image_to_image(parts, PROMPT, picture(), **{**SMALL_I2I, **kw}), ValueError, *must_say)


def test_bad_inpaint_strength_is_refused(parts):
    refused(lambda: inpaint(parts, PROMPT, picture(), hole(), **{**SMALL_I2I, "strength": -math.inf}), ValueError,
            "strength=-inf", "[0, 1]")


# ---- ControlNet's numbers -----------------------------------------------------------------------------------
BAD_CONTROL = {
    "start nan": ({"control_start": math.nan}, ["control_start=nan", "fraction of the steps"]),
    "end str": ({"control_end": "1"}, ["control_end='1'", "fraction of the steps"]),
    "scale inf": ({"scale": math.inf}, ["scale inf", "finite number"]),
}


@pytest.mark.parametrize("kw,must_say", BAD_CONTROL.values(), ids=BAD_CONTROL.keys())
def test_bad_control_number_is_refused(parts, kw, must_say):
    kw = dict(kw)
    net = ControlNet(ControlNetConfig.tiny()).eval()
    control = [(net, torch.rand(3, 32, 32), kw.pop("scale", 1.0))]
    refused(t2i(parts, control=control, **kw), ValueError, *must_say)


# ---- NaN or inf during sampling: stopped, never a black picture ---------------------------------------------
# These stop during the work, not before it: the time limit only says they stop without running to the end.
DURING = 30.0

def test_nan_weight_in_the_unet_stops_at_the_first_step(parts):
    broken = copy.deepcopy(parts)
    with torch.no_grad():
        next(broken.unet.parameters()).view(-1)[0] = float("nan")
    refused(t2i(broken, output_type="pil"), NonFiniteError, "after step 0", "σ =", "float32", "guidance_scale",
            "no picture", within=DURING)


def test_inf_injected_at_step_3_names_step_3(parts):
    calls = []

    def poison(module, args, output):
        calls.append(1)
        return output * math.inf if len(calls) == 4 else output  # the 4th UNet call is step 3 (Euler: one a step)

    handle = parts.unet.register_forward_hook(poison)
    try:
        refused(t2i(parts, steps=6, sampler="euler", output_type="pil"), NonFiniteError,
                "after step 3 of 0..5", "σ =", "lower guidance_scale", within=DURING)
    finally:
        handle.remove()


def test_nan_in_the_vae_decoder_returns_no_picture(parts):
    broken = copy.deepcopy(parts)
    with torch.no_grad():
        broken.vae.decoder.conv_out.bias[0] = float("nan")
    refused(t2i(broken, output_type="pt"), NonFiniteError, "decoded pixels", "float32", within=DURING)
    assert isinstance(text_to_image(broken, PROMPT, **SMALL), torch.Tensor)  # the latents themselves are fine


def test_non_finite_error_is_a_value_error():
    assert issubclass(NonFiniteError, ValueError)


# ---- good inputs --------------------------------------------------------------------------------------------
def test_numpy_numbers_give_the_same_picture(parts):
    plain = text_to_image(parts, PROMPT, steps=3, seed=3, guidance_scale=3.0, height=32, width=24,
                          num_images_per_prompt=2, clip_skip=1, progress=False)
    numpy = text_to_image(parts, PROMPT, steps=np.int64(3), seed=np.int64(3), guidance_scale=np.float32(3.0),
                          height=np.int64(32), width=np.int32(24), num_images_per_prompt=np.int32(2),
                          clip_skip=np.int64(1), progress=False)
    assert len(numpy) == 2
    for a, b in zip(plain, numpy):
        assert np.array_equal(np.asarray(a), np.asarray(b))


def test_numpy_strength_gives_the_same_picture(parts):
    kw = {"steps": 4, "seed": 1, "progress": False, "output_type": "latent"}
    for call, args in ((image_to_image, ()), (inpaint, (hole(),))):
        plain = call(parts, PROMPT, picture(), *args, strength=0.75, **kw)
        numpy = call(parts, PROMPT, picture(), *args, strength=np.float32(0.75), guidance_scale=np.float64(7.5), **kw)
        assert torch.equal(plain, numpy)


def test_random_seed_is_recorded_and_reproduces_the_picture(parts):
    first = text_to_image(parts, PROMPT, seed=-1, num_images_per_prompt=2, **{**SMALL, "output_type": "pil"})
    seed = first[0].info["seed"]
    assert isinstance(seed, int) and 0 <= seed < SEEDS and first[1].info["seed"] == seed
    again = text_to_image(parts, PROMPT, seed=seed, num_images_per_prompt=2, **{**SMALL, "output_type": "pil"})
    assert again[0].info["seed"] == seed
    for a, b in zip(first, again):
        assert np.array_equal(np.asarray(a), np.asarray(b))


def test_largest_seed_is_accepted(parts):
    out = text_to_image(parts, PROMPT, seed=SEEDS - 1, **{**SMALL, "output_type": "pil"})
    assert out[0].info["seed"] == SEEDS - 1


def test_far_size_warns_once(parts):
    """The tiny UNet's sample size is 8 latents of 2 px: 16 px. 64 px is 4×: a warning; 32 px (2×) is none."""
    with pytest.warns(UserWarning, match=r"64×64 .* far from the 16×16 this model was trained at") as record:
        text_to_image(parts, PROMPT, **{**SMALL, "height": 64, "width": 64})
    assert len([w for w in record if "far from" in str(w.message)]) == 1
    assert record[0].filename == __file__  # points at the caller's line


def test_usual_size_does_not_warn(parts):
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        text_to_image(parts, PROMPT, **SMALL)


def test_limits_can_be_raised(parts, monkeypatch):
    monkeypatch.setitem(LIMITS, "max_pixels", 32 * 32)
    refused(t2i(parts, num_images_per_prompt=2), ValueError, "2,048 pixels", "LIMITS['max_pixels'] = 1,024",
            "LIMITS['max_pixels'] = 2048")
    monkeypatch.setitem(LIMITS, "max_pixels", 2 * 32 * 32)
    assert text_to_image(parts, PROMPT, num_images_per_prompt=2, **SMALL).shape[0] == 2
    monkeypatch.setitem(LIMITS, "max_guidance", 1000.0)
    assert torch.isfinite(text_to_image(parts, PROMPT, guidance_scale=500.0, **SMALL)).all()


def test_far_size_warns_for_a_picture_too(parts):
    with pytest.warns(UserWarning, match=r"64×64 .* far from the 16×16"):
        image_to_image(parts, PROMPT, picture(64, 64), **SMALL_I2I)


# ---- the size of a prompt: weights, AND parts and chunks are bounded like the rest of the work ----------------

def test_a_finite_but_huge_prompt_weight_is_refused(parts):
    refused(lambda: text_to_image(parts, "a (red:" + "1" + "0" * 30 + ") cat", steps=2, height=32, width=32,
                                  progress=False), ValueError, "(red:1e+30)", "0.5 to 1.5", "max_prompt_weight")


def test_thousands_of_and_parts_are_refused_before_encoding(parts):
    refused(lambda: text_to_image(parts, "a AND " * 16667, steps=2, height=32, width=32, progress=False),
            ValueError, "AND part", "max_batch")


def test_thousands_of_break_chunks_are_refused_before_encoding(parts):
    refused(lambda: text_to_image(parts, " BREAK" * 16667, steps=2, height=32, width=32, progress=False),
            ValueError, "chunks", "max_prompt_chunks")


def test_the_prompt_limits_can_be_raised(parts, monkeypatch):
    monkeypatch.setitem(LIMITS, "max_prompt_weight", 1e31)
    out = text_to_image(parts, "a (red:" + "1" + "0" * 30 + ") cat", steps=2, height=32, width=32, progress=False,
                        output_type="latent")
    assert out.shape[0] == 1
