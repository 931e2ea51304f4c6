"""Training recipes that cannot train are refused before any work: no optimizer error from deep inside torch."""
import dataclasses

import pytest
from refusals import refused

from course.training.bundled import Recipe, stage_settings
from course.training.controlnet import ControlRecipe
from course.training.lora import LoRARecipe, train_lora_command


@pytest.mark.parametrize("field,value,says", [
    ("lr", float("nan"), "lr=nan must be a finite number"),
    ("lr", float("inf"), "lr=inf must be a finite number"),
    ("lr", 0.0, "lr=0.0 must be > 0"),
    ("steps", 0, "steps=0 must be > 0"),
    ("batch", -4, "batch=-4 must be > 0"),
    ("alpha", float("nan"), "alpha=nan must be a finite number"),
], ids=["lr-nan", "lr-inf", "lr-zero", "steps-zero", "batch-negative", "alpha-nan"])
def test_a_lora_recipe_that_cannot_train_is_refused_before_loading(tmp_path, field, value, says):
    recipe = dataclasses.replace(LoRARecipe.quick(), **{field: value})
    refused(lambda: train_lora_command(tmp_path / "x.safetensors", tmp_path / "runs", recipe), ValueError, says,
            "default")


def test_a_bundled_recipe_with_a_nan_learning_rate_is_refused():
    refused(lambda: stage_settings(dataclasses.replace(Recipe.quick(), vae_lr=float("nan")), "vae"), ValueError,
            "vae_lr=nan", "default is 0.002")


def test_a_controlnet_recipe_with_no_steps_is_refused(tmp_path):
    from course.training.controlnet import train_controlnet
    refused(lambda: train_controlnet(tmp_path / "cn", tmp_path / "runs", dataclasses.replace(ControlRecipe.quick(),
                                                                                             steps=0)),
            ValueError, "steps=0 must be > 0")


def test_the_shipped_recipes_pass_the_check():
    from course.training.stage import check_recipe
    for recipe in (LoRARecipe(), LoRARecipe.quick(), Recipe(), Recipe.quick(), ControlRecipe(), ControlRecipe.quick()):
        check_recipe(recipe)
