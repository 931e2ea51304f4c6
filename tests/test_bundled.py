"""The shipped bundled model (course/bundled/): it loads, follows held-out prompts, and guidance helps.

A short version of tools/eval_bundled.py (the full table is in the model card): 20 held-out prompts, read back by
the analytic checker. The floors sit well below the measured accuracies (model card), so only a real regression
(broken weights, a pipeline or loading change) fails them.
"""
import pytest

from course import data
from course.loading import load_bundled
from course.pipeline import text_to_image


# measured on the full 200-prompt evaluation (model card): colour 93.5%, shape 86.5%, background 100%, position 100%
FLOORS = {"colour": 0.75, "shape": 0.65, "background": 0.85, "position": 0.8, "all": 0.55}


@pytest.fixture(scope="module")
def bundled():
    return load_bundled()


def accuracy(parts, n=20, **kw):
    prompts = data.heldout_prompts(n, seed=1)
    images = text_to_image(parts, [p for p, _ in prompts], seed=0, output_type="pt", progress=False, **kw)
    return data.evaluate(images, [spec for _, spec in prompts])


def test_loads_with_its_defaults(bundled):
    assert set(bundled.defaults) >= {"sampler", "steps", "guidance_scale", "height", "width"}
    image = text_to_image(bundled, "a red circle in the top left on a blue background", seed=0, progress=False)[0]
    assert image.size == (bundled.defaults["width"], bundled.defaults["height"])


def test_follows_held_out_prompts(bundled):
    result = accuracy(bundled)
    print(result)
    for key, floor in FLOORS.items():
        assert result[key] >= floor, (key, result)


def test_guidance_helps(bundled):
    assert accuracy(bundled)["all"] > accuracy(bundled, guidance_scale=1.0)["all"]


@pytest.mark.parametrize("key", ["ddpm", "ddim", "euler", "euler_a", "heun", "lms", "dpmpp_2m", "dpmpp_2m_karras",
                                 "plms", "unipc", "dpmpp_sde_karras"])
def test_diffusers_draws_the_same_latents(bundled, key):
    """On a trained model (latents of size ~8, not a random UNet's 20-90) the pipelines agree to 1e-5 absolute;
    LMS (scipy's integrals) and PLMS (ε in the VP form) to 1e-5 of the latents' size."""
    import warnings

    import diffusers
    import torch
    from diffusers import StableDiffusionPipeline

    from course.samplers import SAMPLERS
    from course.train import BUNDLED_DIR

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = StableDiffusionPipeline.from_pretrained(str(BUNDLED_DIR), torch_dtype=torch.float32)
    pipe.set_progress_bar_config(disable=True)
    info = SAMPLERS[key]
    options = {"noise_sampler_seed": 0} if info.diffusers == "DPMSolverSDEScheduler" else {}
    pipe.scheduler = getattr(diffusers, info.diffusers).from_config(pipe.scheduler.config, **info.diffusers_options,
                                                                    **options)
    prompt = "a yellow triangle in the bottom left on a purple background"
    a = text_to_image(bundled, prompt, negative_prompt="blurry", sampler=key, seed=0, output_type="latent",
                      progress=False)
    with torch.no_grad():
        b = pipe(prompt, negative_prompt="blurry", num_inference_steps=20, guidance_scale=4.0, height=32, width=32,
                 generator=torch.Generator().manual_seed(0), output_type="latent").images
    bound = 1e-5 * (float(b.abs().max()) if key in ("lms", "plms") else 1.0)
    assert float((a - b).abs().max()) <= bound
