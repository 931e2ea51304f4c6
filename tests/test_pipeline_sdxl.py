"""End to end on SDXL parts: course.pipeline.text_to_image against diffusers' StableDiffusionXLPipeline, and
image_to_image on refiner parts against StableDiffusionXLImg2ImgPipeline, the base -> refiner hand-off included.

Same tiny random parts (tests/reference_sdxl.py, converted with from_reference), same scheduler config, same seed:
latents within 1e-5 relative to their size (as tests/test_pipeline.py), images within 1/255.
"""
import dataclasses
import warnings

import numpy as np
import pytest
import torch
from diffusers import ControlNetModel, StableDiffusionXLControlNetPipeline
from reference_sdxl import sdxl_base, sdxl_refiner, with_sampler

from course.io.loading import from_reference, load_folder, save_folder
from course.pipeline import image_to_image, inpaint, text_to_image

PROMPT, NEGATIVE = "a red circle on a blue background", "a gray square"
SAMPLERS = ["euler", "euler_a", "dpmpp_2m", "ddim"]


@pytest.fixture(scope="module")
def base():
    pipe = sdxl_base()
    return pipe, from_reference(pipe)


@pytest.fixture(scope="module")
def refiner(base):
    pipe = sdxl_refiner(base[0])
    return pipe, from_reference(pipe)


def bound(reference: torch.Tensor) -> float:
    """1e-5 relative to the latents' size (see tests/test_pipeline.py: fp32 sums of a random tiny UNet)."""
    return 1e-5 * max(1.0, float(reference.abs().max()))


def delta(a, b) -> float:
    a, b = (torch.as_tensor(np.asarray(x, dtype=np.float64)) for x in (a, b))
    assert a.shape == b.shape, (a.shape, b.shape)
    return float((a - b).abs().max())


def theirs(pipe, key, prompt=PROMPT, seed=0, **kw):
    kw = {"num_inference_steps": kw.pop("steps", 4), "guidance_scale": 5.0, "output_type": "latent", **kw}
    with torch.no_grad():
        return with_sampler(pipe, key)(prompt, generator=torch.Generator().manual_seed(seed), **kw).images


def ours(fn, parts, key, *args, prompt=PROMPT, seed=0, **kw):
    kw = {"steps": 4, "guidance_scale": 5.0, "output_type": "latent", **kw}
    return fn(parts, prompt, *args, sampler=key, seed=seed, progress=False, **kw)


def same(a, b, what=""):
    """Latents within the bound; for "pt" images, 1/255."""
    assert delta(a, b) <= (1 / 255 if what == "pt" else bound(b)), what


# ---- parts ---------------------------------------------------------------------------------------------------

def test_from_reference_gives_sdxl_parts(base, refiner):
    pipe, parts = base
    assert parts.is_sdxl and parts.force_zeros_for_empty_prompt is True and parts.requires_aesthetics_score is None
    assert parts.tokenizer_2.pad_id == 0 and parts.text_encoder_2.config.projection_dim == 32
    ids = parts.tokenizer_2([PROMPT + "!"])["input_ids"]
    assert torch.equal(ids, pipe.tokenizer_2([PROMPT + "!"], padding="max_length", max_length=77,
                                             return_tensors="pt").input_ids)
    r = refiner[1]
    assert r.text_encoder is None and r.tokenizer is None and r.text_encoder_2 is not None
    assert r.force_zeros_for_empty_prompt is False and r.requires_aesthetics_score is True


@pytest.mark.parametrize("which", ["base", "refiner"])
def test_save_and_load_folder_round_trip(which, base, refiner, tmp_path):
    parts = (base if which == "base" else refiner)[1]
    loaded = load_folder(save_folder(parts, tmp_path / which))
    assert (loaded.text_encoder is None) == (which == "refiner") and loaded.tokenizer_2.pad_id == 0
    assert (loaded.force_zeros_for_empty_prompt, loaded.requires_aesthetics_score) == \
        (parts.force_zeros_for_empty_prompt, parts.requires_aesthetics_score)
    for name in ("text_encoder", "text_encoder_2", "unet", "vae"):
        a, b = getattr(parts, name), getattr(loaded, name)
        assert (a is None) == (b is None) and (a is None or all(
            torch.equal(x, y) for x, y in zip(a.state_dict().values(), b.state_dict().values())))
    fn, args = (text_to_image, ()) if which == "base" else (image_to_image, (torch.rand(1, 3, 32, 32),))
    kw = {"height": 32, "width": 32} if which == "base" else {"strength": 0.5}
    assert torch.equal(ours(fn, parts, "euler", *args, **kw), ours(fn, loaded, "euler", *args, **kw))


# ---- text to image: StableDiffusionXLPipeline ----------------------------------------------------------------

@pytest.mark.parametrize("key", SAMPLERS)
def test_matches_diffusers(base, key):
    pipe, parts = base
    same(ours(text_to_image, parts, key, negative_prompt=NEGATIVE, height=32, width=32),
         theirs(pipe, key, negative_prompt=NEGATIVE, height=32, width=32))
    same(ours(text_to_image, parts, key, output_type="pt", height=32, width=32),
         theirs(pipe, key, output_type="pt", height=32, width=32), "pt")


def test_no_negative_prompt_is_zeros_and_empty_is_the_empty_text(base):
    """diffusers: negative_prompt=None gives zeros (force_zeros_for_empty_prompt), "" encodes the empty text."""
    pipe, parts = base
    none, empty = ours(text_to_image, parts, "euler"), ours(text_to_image, parts, "euler", negative_prompt="")
    same(none, theirs(pipe, "euler"))
    same(empty, theirs(pipe, "euler", negative_prompt=""))
    assert delta(none, empty) > 100 * bound(none)


def test_guidance_scale_one_matches_diffusers(base):
    pipe, parts = base
    same(ours(text_to_image, parts, "euler", guidance_scale=1.0), theirs(pipe, "euler", guidance_scale=1.0))


def test_clip_skip_matches_diffusers_without_a_negative_prompt(base):
    """clip_skip moves the prompt's layer as in diffusers; the negative prompt's differs by design (ours reads the same
    layer, diffusers 0.42 always the penultimate: course.nets.sdxl_text), so the check is without one (zeros)."""
    pipe, parts = base
    a = ours(text_to_image, parts, "euler", clip_skip=1)
    same(a, theirs(pipe, "euler", clip_skip=1))
    assert delta(a, ours(text_to_image, parts, "euler")) > 100 * bound(a)


def test_batch_and_images_per_prompt_match_diffusers(base):
    pipe, parts = base
    prompts, negatives = [PROMPT, "a green triangle on a black background"], ["", NEGATIVE]
    a = ours(text_to_image, parts, "euler_a", prompt=prompts, negative_prompt=negatives, num_images_per_prompt=2,
             seed=3)
    assert a.shape == (4, 4, 16, 16)
    same(a, theirs(pipe, "euler_a", prompt=prompts, negative_prompt=negatives, num_images_per_prompt=2, seed=3))


MICRO = {  # name: the arguments both take
    "original_size": dict(original_size=(64, 16)),
    "crops_coords_top_left": dict(crops_coords_top_left=(8, 24)),
    "target_size": dict(target_size=(16, 48)),
    "negative sizes": dict(original_size=(48, 48), negative_original_size=(8, 64), negative_target_size=(24, 16),
                           negative_crops_coords_top_left=(4, 0)),
    "prompt_2, negative_prompt_2": dict(prompt_2="a purple triangle", negative_prompt=NEGATIVE,
                                        negative_prompt_2="a white circle"),
}


@pytest.mark.parametrize("name", MICRO)
def test_size_and_second_prompt_match_diffusers(base, name):
    pipe, parts = base
    a = ours(text_to_image, parts, "dpmpp_2m", **MICRO[name])
    same(a, theirs(pipe, "dpmpp_2m", **MICRO[name]))
    assert delta(a, ours(text_to_image, parts, "dpmpp_2m")) > 100 * bound(a)  # the numbers are read


def test_size_defaults_to_the_trained_size(base):
    """The UNet's sample_size × the VAE's factor (SDXL: 128 × 8 = 1024; here 16 × 2), as diffusers."""
    pipe, parts = base
    a = ours(text_to_image, parts, "euler")
    assert a.shape == (1, 4, 16, 16)
    same(a, theirs(pipe, "euler"))


def test_and_and_prompt_editing_line_up_the_pooled_rows(base):
    """Halves of one prompt joined with AND are that prompt; a prompt edit that never fires is the plain prompt: the
    pooled text and the size numbers follow each row of the guidance batch (the second prompt gets a padding part)."""
    _, parts = base
    plain = ["a red circle", "a green square"]
    a = ours(text_to_image, parts, "euler", prompt=plain, negative_prompt=["", NEGATIVE], original_size=(16, 64))
    joined = ["a red circle :0.5 AND a red circle :0.5", "a green square"]
    b = ours(text_to_image, parts, "euler", prompt=joined, negative_prompt=["", NEGATIVE], original_size=(16, 64))
    assert delta(a, b) <= bound(a)
    edited = ["[a red circle:a purple triangle:0.99]", "a green square"]
    c = ours(text_to_image, parts, "euler", prompt=edited, negative_prompt=["[:a blue:0.99]", NEGATIVE],
             original_size=(16, 64))
    assert delta(a, c) <= bound(a)


@pytest.mark.parametrize("guess_mode", [False, True])
def test_sdxl_controlnet_matches_diffusers(base, guess_mode):
    """The ControlNets read the same pooled text and size numbers as the UNet, row for row (guess mode: the cond
    rows alone), as diffusers' StableDiffusionXLControlNetPipeline."""
    pipe, parts = base
    torch.manual_seed(0)
    reference = ControlNetModel.from_unet(pipe.unet, conditioning_embedding_out_channels=(16, 32)).eval()
    with torch.no_grad():
        for p in reference.parameters():
            p.add_(0.05 * torch.randn_like(p))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        control_pipe = StableDiffusionXLControlNetPipeline(**pipe.components, controlnet=reference,
                                                           add_watermarker=False)
    control_pipe.set_progress_bar_config(disable=True)
    hint = torch.rand(1, 3, 32, 32, generator=torch.Generator().manual_seed(1))
    kw = dict(negative_prompt=NEGATIVE, guess_mode=guess_mode, original_size=(64, 16))
    a = ours(text_to_image, parts, "euler", control=[(from_reference(reference), hint, 0.7)], **kw)
    same(a, theirs(control_pipe, "euler", image=hint, controlnet_conditioning_scale=0.7, **kw))
    assert delta(a, ours(text_to_image, parts, "euler", height=32, width=32, **kw)) > 100 * bound(a)


# ---- the refiner: StableDiffusionXLImg2ImgPipeline -----------------------------------------------------------

@pytest.mark.parametrize("key", ["euler", "ddim"])
def test_refiner_image_to_image_matches_diffusers(refiner, key):
    pipe, parts = refiner
    picture = torch.rand(2, 3, 32, 32, generator=torch.Generator().manual_seed(4))
    kw = dict(strength=0.6, negative_prompt=NEGATIVE, aesthetic_score=7.5, negative_aesthetic_score=1.0,
              original_size=(48, 24))
    a = ours(image_to_image, parts, key, picture, prompt=[PROMPT, "a green square"], **kw)
    same(a, theirs(pipe, key, prompt=[PROMPT, "a green square"], image=picture, **kw))
    b = ours(image_to_image, parts, key, picture, prompt=[PROMPT, "a green square"], **{**kw, "aesthetic_score": 2.0})
    assert delta(a, b) > 100 * bound(a)  # the score is read


@pytest.mark.parametrize("key", SAMPLERS)
def test_base_to_refiner_hand_off_matches_diffusers(base, refiner, key):
    """diffusers' ensemble of experts: the base stops at denoising_end=0.8 and returns noisy latents, the refiner
    starts there (denoising_start=0.8), both with the same sampler and steps."""
    kw = dict(steps=10, negative_prompt=NEGATIVE)
    mid_ours = ours(text_to_image, base[1], key, denoising_end=0.8, height=32, width=32, **kw)
    mid_theirs = theirs(base[0], key, denoising_end=0.8, height=32, width=32, **kw)
    same(mid_ours, mid_theirs)
    a = ours(image_to_image, refiner[1], key, mid_ours, denoising_start=0.8, seed=1, output_type="pt", **kw)
    b = theirs(refiner[0], key, image=mid_theirs, denoising_start=0.8, seed=1, output_type="pt", **kw)
    same(a, b, "pt")
    full = ours(text_to_image, base[1], key, height=32, width=32, **kw)
    assert delta(mid_ours, full) > 100 * bound(full)  # it did stop early


def test_latents_as_the_image_skip_the_vae(refiner):
    pipe, parts = refiner
    latents = torch.randn(1, 4, 16, 16, generator=torch.Generator().manual_seed(2))
    same(ours(image_to_image, parts, "euler", latents, strength=0.5),
         theirs(pipe, "euler", image=latents, strength=0.5))


def test_inpaint_on_sdxl_parts_keeps_the_known_region(base):
    """Not checked against diffusers' StableDiffusionXLInpaintPipeline: the SDXL rows reach the UNet, and the
    region the mask keeps comes back as the picture's own latents."""
    parts = base[1]
    picture = torch.rand(1, 3, 32, 32, generator=torch.Generator().manual_seed(6))
    mask = torch.zeros(1, 1, 32, 32)
    mask[..., :, 16:] = 1  # repaint the right half
    out = inpaint(parts, PROMPT, picture, mask, steps=3, seed=0, output_type="latent", progress=False)
    with torch.no_grad():
        z0 = parts.vae.to_latent(picture * 2 - 1, torch.Generator().manual_seed(0))
    assert out.shape == (1, 4, 16, 16) and delta(out[..., :8], z0[..., :8]) <= bound(z0)


# ---- refusals: one ValueError each, before any work ------------------------------------------------------------

def _without_second_encoder(parts):
    return dataclasses.replace(parts, text_encoder_2=None, tokenizer_2=None)


REFUSALS = {  # name: (parts: "sd15" / "base" / "refiner" / a function of the base parts, call, message)
    "SD 1.x with original_size": ("sd15", lambda p: text_to_image(p, "a", original_size=(64, 64)),
                                  r"original_size: SDXL's arguments, but these parts are SD 1\.x"),
    "SD 1.x with aesthetic_score": ("sd15", lambda p: image_to_image(p, "a", torch.rand(1, 3, 32, 32),
                                                                     aesthetic_score=6.0, prompt_2="b"),
                                    r"aesthetic_score, prompt_2: SDXL's arguments"),
    "no text_encoder_2": (_without_second_encoder, lambda p: text_to_image(p, "a"),
                          r"no text_encoder_2 / tokenizer_2.*load_folder"),
    "aesthetic_score on the base": ("base", lambda p: image_to_image(p, "a", torch.rand(1, 3, 32, 32),
                                                                     aesthetic_score=6.0),
                                    r"aesthetic_score: this SDXL UNet reads the target size"),
    "target_size on the refiner": ("refiner", lambda p: image_to_image(p, "a", torch.rand(1, 3, 32, 32),
                                                                       target_size=(32, 32)),
                                   r"target_size: this SDXL UNet reads an aesthetic score instead"),
    "prompt_2 on the refiner": ("refiner", lambda p: image_to_image(p, "a", torch.rand(1, 3, 32, 32), prompt_2="b"),
                                r"only that encoder: put the text in prompt"),
    "prompt_2 with AND": ("base", lambda p: text_to_image(p, "a", prompt_2="a cat AND a dog"),
                          r"prompt_2='a cat AND a dog' uses AND or prompt editing"),
    "prompt_2 count": ("base", lambda p: text_to_image(p, ["a", "b"], prompt_2=["c"]),
                       r"prompt_2=\['c'\]: pass a str, or a list of 2 str"),
    "original_size of one number": ("base", lambda p: text_to_image(p, "a", original_size=(64,)),
                                    r"original_size=\(64,\): pass two whole numbers >= 1"),
    "negative crop": ("base", lambda p: text_to_image(p, "a", crops_coords_top_left=(-1, 0)),
                      r"crops_coords_top_left=\(-1, 0\): pass two whole numbers >= 0"),
    "aesthetic_score NaN": ("refiner", lambda p: image_to_image(p, "a", torch.rand(1, 3, 32, 32),
                                                                aesthetic_score=float("nan")),
                            r"aesthetic_score=nan: pass a finite number"),
    "denoising_end 1": ("base", lambda p: text_to_image(p, "a", denoising_end=1.0),
                        r"denoising_end=1.0 must be a number strictly between 0 and 1"),
    "denoising_end str": ("base", lambda p: text_to_image(p, "a", denoising_end="0.8"),
                          r"denoising_end='0.8' must be a number"),
    "denoising_start 0": ("refiner", lambda p: image_to_image(p, "a", torch.rand(1, 4, 16, 16), denoising_start=0),
                          r"denoising_start=0 must be a number strictly between 0 and 1"),
    "denoising_start on a picture": ("refiner", lambda p: image_to_image(p, "a", torch.rand(1, 3, 32, 32),
                                                                         denoising_start=0.8),
                                     r"continues from noisy latents.*denoising_end"),
    "denoising_end before the first step": ("base", lambda p: text_to_image(p, "a", steps=1, denoising_end=0.01),
                                            r"denoising_end=0.01 with steps=1 leaves no step to run"),
    "denoising_start after the last step": ("refiner", lambda p: image_to_image(
        p, "a", torch.rand(1, 4, 16, 16), steps=2, denoising_start=0.9999),
        r"denoising_start=0.9999 with steps=2 leaves no step to run"),
    "requires_aesthetics_score wrong": (lambda p: dataclasses.replace(p, requires_aesthetics_score=True),
                                        lambda p: text_to_image(p, "a"),
                                        r"requires_aesthetics_score=True, but the UNet reads 6 numbers"),
}


@pytest.mark.parametrize("name", REFUSALS)
def test_refusals(name, base, refiner, parts):
    which, call, match = REFUSALS[name]
    chosen = {"sd15": parts, "base": base[1], "refiner": refiner[1]}.get(which) if isinstance(which, str) \
        else which(base[1])
    with pytest.raises(ValueError, match=match):
        call(chosen)
