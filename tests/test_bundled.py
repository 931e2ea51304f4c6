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
