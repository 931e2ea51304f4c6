"""The shipped bundled model (course/bundled/): it loads, follows held-out prompts, and guidance helps.

A short version of tools/eval_bundled.py (the full table is in the model card): 20 held-out prompts, read back by
the analytic checker. The floors sit well below the measured accuracies (model card), so only a real regression
(broken weights, a pipeline or loading change) fails them.
"""
import pytest

from course.io.loading import load_bundled
from course.pipeline import text_to_image
from course.training import data

# measured on the full 200-prompt evaluation (model card): colour 97%, shape 97.5%, background 100%, position 97.5%,
# all three 95% (CFG 3); 20 prompts are noisy (one prompt = 5 points), hence the margin
FLOORS = {"colour": 0.85, "shape": 0.85, "background": 0.9, "position": 0.85, "all": 0.75}


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
    """On a trained model (latents of size ~4-8, not a random UNet's 20-90) the pipelines agree to 1e-5 of the
    latents' size (about 1e-6-1e-5 absolute; PLMS, ε in the VP form, up to 4e-5); LMS to diffusers' own 1e-4
    tolerance on its coefficients."""
    import warnings

    import diffusers
    import torch
    from diffusers import StableDiffusionPipeline

    from course.parts import BUNDLED_DIR
    from course.sampling.samplers import SAMPLERS

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe = StableDiffusionPipeline.from_pretrained(str(BUNDLED_DIR), torch_dtype=torch.float32)
    pipe.set_progress_bar_config(disable=True)
    info = SAMPLERS[key]
    options = {"noise_sampler_seed": 0} if info.diffusers == "DPMSolverSDEScheduler" else {}
    pipe.scheduler = getattr(diffusers, info.diffusers).from_config(pipe.scheduler.config, **info.diffusers_options,
                                                                    **options)
    prompt = "a yellow triangle in the bottom left on a purple background"
    cfg = bundled.defaults["guidance_scale"]
    a = text_to_image(bundled, prompt, negative_prompt="blurry", sampler=key, seed=0, guidance_scale=cfg, steps=20,
                      output_type="latent", progress=False)
    with torch.no_grad():
        b = pipe(prompt, negative_prompt="blurry", num_inference_steps=20, guidance_scale=cfg, height=32, width=32,
                 generator=torch.Generator().manual_seed(0), output_type="latent").images
    # fp32 rounding over 20 steps grows with the latents' size; diffusers integrates LMS's coefficients with
    # scipy's quad at epsrel=1e-4, so LMS agrees only to that
    bound = (1e-4 if key == "lms" else 1e-5) * max(1.0, float(b.abs().max()))
    assert float((a - b).abs().max()) <= bound


def test_notebooks_quote_the_model_cards_figures():
    """The solutions' prose cites the card ("the model card measures 95% ..."): after a retraining, a figure of the
    old model left in a notebook fails here instead of misleading a learner."""
    import json
    import re
    from pathlib import Path

    from course.parts import BUNDLED_DIR

    card = json.loads((BUNDLED_DIR / "bundled.json").read_text())["evaluation"]
    figures = {float(x) for x in re.findall(r"(\d+(?:\.\d+)?)%", card)}
    quoted = []
    for path in sorted((Path(__file__).resolve().parents[1] / "solutions").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            text = "".join(cell["source"]) if cell["cell_type"] == "markdown" else ""
            for claim in re.findall(r"model card measures (.*?)(?:[;)]|\.\s|$)", text, flags=re.S):
                quoted += [(path.name, float(x)) for x in re.findall(r"(\d+(?:\.\d+)?)\s?%", claim)]
    assert len(quoted) >= 4, "the notebooks' citations of the model card were not found: has the wording changed?"
    stale = [f"{name}: {x:g}%" for name, x in quoted if x not in figures]
    assert not stale, f"not in the model card's table ({sorted(figures)}): {stale}"
