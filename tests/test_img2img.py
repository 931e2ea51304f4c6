"""End to end: course.pipeline.image_to_image and inpaint against diffusers' StableDiffusionImg2ImgPipeline and
StableDiffusionInpaintPipeline (4-channel UNet: paste the known region back each step; 9-channel inpainting UNet),
on the same tiny parts with the same seed; then prompt composition (AND) and prompt editing against a sampling
loop written with diffusers' own scheduler and UNet.

Bounds as in test_pipeline.py: decoded images within 1/255, latents within 1e-5 of their size. Where diffusers
does something else on purpose or by accident, the sampler is left out and the reason is written next to the list.
"""
import diffusers
import numpy as np
import pytest
import torch
from diffusers import PNDMScheduler, StableDiffusionImg2ImgPipeline, StableDiffusionInpaintPipeline
from PIL import Image
from reference_parts import SD15_SCHEDULER, tiny_pipeline

from course.io.loading import from_reference
from course.parts import Parts
from course.pipeline import image_to_image, inpaint, text_to_image
from course.sampling.samplers import SAMPLERS

PROMPT, NEGATIVE = "a photo of a red cat", "blurry, low quality"
# left out of img2img: "lms" (diffusers' LMS picks its order from the step index, so entering the schedule at step k
# it weights its first slope as if k earlier ones existed) and "plms" (PNDM slices its doubled warm-up timestep list,
# so the UNet is asked at the wrong timestep after the first step); ours run k-diffusion's plain loop on the σ's.
IMG2IMG = ["euler", "euler_a", "heun", "ddim", "ddpm", "dpmpp_2m", "dpmpp_2m_karras", "unipc", "dpmpp_sde_karras"]
# left out of 4-channel inpainting: "heun" and "dpmpp_sde_karras" (diffusers pastes the known region after their
# half steps too) and the two above when strength < 1.
INPAINT4 = ["euler", "euler_a", "ddim", "ddpm", "dpmpp_2m", "dpmpp_2m_karras", "unipc", "lms"]


def picture():
    g = np.random.default_rng(0)
    return Image.fromarray(g.integers(0, 256, (32, 32, 3), dtype=np.uint8))


def hole():
    m = np.zeros((32, 32), np.uint8)
    m[8:24, 4:20] = 255
    return Image.fromarray(m)


@pytest.fixture(scope="module")
def img2img():
    pipe = tiny_pipeline(StableDiffusionImg2ImgPipeline)
    return pipe, from_reference(pipe)


@pytest.fixture(scope="module", params=[4, 9], ids=["unet4", "unet9"])
def inpainting(request):
    pipe = tiny_pipeline(StableDiffusionInpaintPipeline, in_channels=request.param)
    return pipe, from_reference(pipe)


def use(pipe, key, seed=0):
    info = SAMPLERS[key]
    base = PNDMScheduler.from_config(SD15_SCHEDULER).config
    options = {"noise_sampler_seed": seed} if info.diffusers == "DPMSolverSDEScheduler" else {}  # see test_pipeline
    pipe.scheduler = getattr(diffusers, info.diffusers).from_config(base, **info.diffusers_options, **options)
    return pipe


def close(a, b, what):
    delta = float((torch.as_tensor(np.asarray(a, np.float64)) - torch.as_tensor(np.asarray(b, np.float64))).abs().max())
    print(f"{what}: max |Δ| = {delta:.2e}")
    return delta


def run_both(pipe, parts, ours_fn, key, output_type, **kw):
    kw = {"steps": 5, "seed": 0, **kw}
    steps, seed = kw.pop("steps"), kw.pop("seed")
    args = {"image": picture(), **({"mask": hole()} if ours_fn is inpaint else {})}
    a = ours_fn(parts, PROMPT, *args.values(), negative_prompt=NEGATIVE, steps=steps, sampler=key, seed=seed,
                output_type=output_type, progress=False, **kw)
    ref_args = {"image": args["image"], **({"mask_image": args["mask"]} if "mask" in args else {})}
    if "mask" in args:  # the inpainting pipeline's default size is the UNet's, not the image's
        ref_args.update(height=32, width=32)
    with torch.no_grad():
        b = use(pipe, key, seed)(PROMPT, negative_prompt=NEGATIVE, num_inference_steps=steps, output_type="latent",
                           generator=torch.Generator().manual_seed(seed), **ref_args, **kw).images
    return a, b


def check(pipe, parts, a, b, what):
    """Latents within 1e-5 of their size; then each decoded by its own VAE (the pipelines' "pt" path)."""
    assert a.shape == b.shape
    assert close(a, b, f"{what} latents") <= 1e-5 * max(1.0, float(b.abs().max()))
    with torch.no_grad():
        a = (parts.vae.decode(a / parts.vae.scaling_factor) / 2 + 0.5).clamp(0, 1)
        b = pipe.image_processor.postprocess(pipe.vae.decode(b / pipe.vae.config.scaling_factor).sample, "pt")
    assert close(a, b, f"{what} images") <= 1 / 255


@pytest.mark.parametrize("key,strength", [(k, 0.8) for k in IMG2IMG] + [("euler", 0.5), ("ddim", 0.3),
                                                                         ("dpmpp_2m", 0.5), ("unipc", 0.5)])
def test_img2img_matches_diffusers(img2img, key, strength):
    pipe, parts = img2img
    a, b = run_both(pipe, parts, image_to_image, key, "latent", strength=strength, steps=6)
    assert a.shape == (1, 4, 16, 16)
    check(pipe, parts, a, b, f"img2img {key} {strength}")


@pytest.mark.parametrize("key,strength", [(k, 1.0) for k in INPAINT4] + [("euler", 0.6), ("ddim", 0.6),
                                                                         ("dpmpp_2m", 0.6)])
def test_inpaint_matches_diffusers(inpainting, key, strength):
    pipe, parts = inpainting
    check(pipe, parts, *run_both(pipe, parts, inpaint, key, "latent", strength=strength), f"inpaint {key} {strength}")


def test_inpainting_unet_two_call_samplers(inpainting):
    pipe, parts = inpainting
    if pipe.unet.config.in_channels != 9:
        pytest.skip("diffusers pastes after Heun's and DPM++ SDE's half steps: see the notes above")
    for key in ("heun", "plms", "dpmpp_sde_karras"):
        check(pipe, parts, *run_both(pipe, parts, inpaint, key, "latent"), f"inpaint9 {key}")


def test_inpaint_keeps_the_known_region(inpainting):
    """4 channels: after the last step the unmasked latents are the image's own latent sample, exactly."""
    pipe, parts = inpainting
    if pipe.unet.config.in_channels != 4:
        pytest.skip("the 9-channel UNet repaints everything and is only told what to keep")
    out = inpaint(parts, PROMPT, picture(), hole(), steps=3, seed=5, output_type="latent", progress=False)
    g = torch.Generator().manual_seed(5)
    from course.io.images import image_tensor
    with torch.no_grad():
        z0 = parts.vae.to_latent(image_tensor(picture()), g)
    keep = torch.ones(16, 16, dtype=torch.bool)
    keep[4:12, 2:10] = False  # the hole, in latent pixels (the tiny VAE halves the size)
    assert torch.equal(out[0][:, keep], z0[0][:, keep])
    assert not torch.allclose(out[0][:, ~keep], z0[0][:, ~keep])


def test_img2img_batch_and_images_per_prompt(img2img):
    pipe, parts = img2img
    prompts = [PROMPT, "an oil painting of a house"]
    a = image_to_image(parts, prompts, picture(), negative_prompt=["", NEGATIVE], strength=0.7, steps=4, seed=3,
                       num_images_per_prompt=2, output_type="latent", progress=False)
    with torch.no_grad(), pytest.warns(FutureWarning, match="only 1 initial images"):  # diffusers repeats it
        b = use(pipe, "euler")(prompts, image=picture(), negative_prompt=["", NEGATIVE], strength=0.7,
                               num_inference_steps=4, generator=torch.Generator().manual_seed(3),
                               num_images_per_prompt=2, output_type="latent").images
    assert a.shape == (4, 4, 16, 16)
    assert close(a, b, "img2img batch latents") <= 1e-5 * max(1.0, float(b.abs().max()))


def test_same_seed_same_image(img2img):
    _, parts = img2img
    run = lambda seed: image_to_image(parts, PROMPT, picture(), sampler="euler_a", steps=4, seed=seed,  # noqa: E731
                                      output_type="latent", progress=False)
    assert torch.equal(run(1), run(1)) and not torch.equal(run(1), run(2))


def test_tensor_image_equals_pil_image(img2img):
    _, parts = img2img
    t = torch.from_numpy(np.asarray(picture(), np.float32) / 255).permute(2, 0, 1)  # (3, H, W) in [0, 1]
    kw = dict(steps=3, seed=0, output_type="latent", progress=False)
    a, b = image_to_image(parts, PROMPT, t, **kw), image_to_image(parts, PROMPT, picture(), **kw)
    assert close(a, b, "tensor vs PIL") <= 1e-5 * max(1.0, float(b.abs().max()))  # same pixels, other memory layout


@pytest.mark.parametrize("call,match", [
    (lambda p: image_to_image(p, PROMPT, picture(), strength=1.5), r"strength=1.5 must be a number in \[0, 1\]"),
    (lambda p: image_to_image(p, PROMPT, picture(), strength=float("nan")), r"strength=nan"),
    (lambda p: image_to_image(p, PROMPT, picture(), strength=0.04, steps=20), r"runs int\(20·0.04\) = 0 steps"),
    (lambda p: image_to_image(p, PROMPT, picture().resize((30, 32))), r"30×32 .* multiples of 8.*resize\(\(24, 32\)\)"),
    (lambda p: image_to_image(p, PROMPT, torch.full((3, 32, 32), 2.0)), r"outside \[0, 1\].*\(x \+ 1\) / 2"),
    (lambda p: image_to_image(p, PROMPT, "cat.png"), r"image is a str: pass a PIL image"),
    (lambda p: image_to_image(p, PROMPT, torch.rand(3, 32, 32, 3)), r"shape \(3, 32, 32, 3\)"),
    (lambda p: image_to_image(p, [PROMPT] * 3, torch.rand(2, 3, 32, 32)), r"2 images for 3 prompts"),
    (lambda p: inpaint(p, PROMPT, picture(), hole().resize((16, 16))), r"mask is 16×16 but the image is 32×32"),
    (lambda p: inpaint(p, PROMPT, picture(), torch.rand(3, 1, 32, 32)), r"3 masks for 1 images"),
    (lambda p: image_to_image(p, PROMPT, picture(), sampler="k_euler"), r"unknown sampler 'k_euler'"),
    (lambda p: text_to_image(Parts(p.tokenizer, p.text_encoder, _unet9(), p.vae, {}), PROMPT, height=32, width=32),
     r"takes 9 input channels.*course.pipeline.inpaint"),
])
def test_errors(img2img, call, match):
    with pytest.raises(ValueError, match=match):
        call(img2img[1])


def _unet9():
    return from_reference(tiny_pipeline(StableDiffusionInpaintPipeline, in_channels=9).unet)
