"""DreamBooth on the bundled model (course/training/dreambooth.py): the prior-preservation loss against the formula
computed by hand, class pictures drawn by the frozen model itself, a short run that changes the UNet alone (the
text encoder too when asked), a stopped run that resumes to the same weights, refusals, and the command line."""
import dataclasses
import re

import pytest
import torch
import torch.nn.functional as F
from stopping import ctrl_c_at, fixed_batch_loss

from course.io.loading import load_bundled, load_folder
from course.pipeline import text_to_image
from course.training import data
from course.training.dreambooth import (
    DreamBoothRecipe,
    class_prompts,
    draw_class_pictures,
    instance_pictures,
    prior_preservation_loss,
    train_dreambooth,
    train_dreambooth_command,
    trained_token_ids,
)

QUICK = DreamBoothRecipe.quick()


def states(parts) -> dict:
    return {name: {k: v.clone() for k, v in getattr(parts, name).state_dict().items()}
            for name in ("unet", "text_encoder", "vae")}


def same(module, state) -> bool:
    return all(torch.equal(v, state[k]) for k, v in module.state_dict().items())


# ---- the loss ----------------------------------------------------------------------------------------------------

def test_prior_preservation_loss_is_the_two_mean_squared_errors():
    g = torch.Generator().manual_seed(0)
    pred, target = torch.randn(6, 4, 2, 2, generator=g), torch.randn(6, 4, 2, 2, generator=g)
    pred[3:] *= 3  # the class rows' error differs from the concept rows'
    instance, prior = F.mse_loss(pred[:3], target[:3]), F.mse_loss(pred[3:], target[3:])
    assert prior_preservation_loss(pred, target, 3, 0.5) == pytest.approx((instance + 0.5 * prior).item(), rel=1e-6)
    assert prior_preservation_loss(pred, target, 3, 0.0) == pytest.approx(instance.item(), rel=1e-6)
    assert prior_preservation_loss(pred[:3], target[:3], 3, 1.0) == pytest.approx(instance.item(), rel=1e-6)
    swapped = torch.cat([pred[3:], pred[:3]]), torch.cat([target[3:], target[:3]])
    assert abs(prior_preservation_loss(*swapped, 3, 0.5) - prior_preservation_loss(pred, target, 3, 0.5)) > 0.1
    two = prior_preservation_loss(pred[:5], target[:5], 2, 1.0)  # unequal halves: each is a mean of its own rows
    assert two == pytest.approx((F.mse_loss(pred[:2], target[:2]) + F.mse_loss(pred[2:5], target[2:5])).item())
    with pytest.raises(ValueError, match="n_instance=0"):
        prior_preservation_loss(pred, target, 0, 1.0)
    with pytest.raises(ValueError, match="same shape"):
        prior_preservation_loss(pred, target[:4], 3, 1.0)


# ---- the data ----------------------------------------------------------------------------------------------------

def test_the_identifier_is_new_to_the_model_and_the_class_prompts_are_old_concepts():
    parts = load_bundled()
    tok = parts.tokenizer
    ds = data.ShapesDataset(300, seed=5)  # captions as the bundled model was trained on them
    seen = {i for k in range(300) for i in tok.encode(ds.item(k)[1])}
    assert seen <= trained_token_ids(tok)
    assert not set(tok.encode(QUICK.identifier)) & trained_token_ids(tok)
    for recipe, kind in ((DreamBoothRecipe.of("pink", class_images=40), "colour"),
                         (DreamBoothRecipe.of("ring", class_images=40), "shape")):
        mean, _, captions = instance_pictures(parts, recipe, "cpu")
        assert len(mean) == recipe.images and all(re.search(r"\bsks\b", c) for c in captions)
        assert not any(word in c for c in captions for word in ("pink", "ring"))
        prompts = class_prompts(recipe)
        assert all(data.split_of(s.colour, s.shape, s.background) == "train" for _, s in prompts)  # no held-out
        assert all(getattr(s, kind) in c and recipe.identifier not in c for c, s in prompts)
        assert len({getattr(s, kind) for _, s in prompts}) > 1


def test_class_pictures_are_drawn_by_the_frozen_model():
    parts = load_bundled()
    drawn = draw_class_pictures(parts, QUICK, "cpu")
    want = text_to_image(parts, [c for c, _ in class_prompts(QUICK)], seed=QUICK.seed, output_type="pt",
                         progress=False)
    assert drawn["captions"] == [c for c, _ in class_prompts(QUICK)] and torch.equal(drawn["images"], want)
    with torch.no_grad():
        posterior = parts.vae.encode(want * 2 - 1)
    assert torch.equal(drawn["mean"], posterior.mean) and torch.equal(drawn["std"], posterior.std)


# ---- training ----------------------------------------------------------------------------------------------------

def test_a_short_run_changes_the_unet_alone_and_lowers_the_loss(tmp_path):
    recipe = dataclasses.replace(QUICK, images=8, batch=8, steps=20, lr=2e-4, warmup=0, caption_dropout=0.0)
    parts = load_bundled()
    before = states(parts)
    mean, _, captions = instance_pictures(parts, recipe, "cpu")
    loss_before = fixed_batch_loss(parts, mean, captions)
    out, losses = train_dreambooth(parts, recipe, tmp_path / "a")
    assert out is parts and len(losses) == 20
    assert fixed_batch_loss(parts, mean, captions) < 0.8 * loss_before
    assert not same(parts.unet, before["unet"])
    assert same(parts.text_encoder, before["text_encoder"]) and same(parts.vae, before["vae"])
    assert not any(p.requires_grad for p in parts.unet.parameters())  # handed back frozen, for sampling

    parts = load_bundled()
    train_dreambooth(parts, dataclasses.replace(QUICK, train_text_encoder=True), tmp_path / "b")
    assert not same(parts.unet, before["unet"]) and not same(parts.text_encoder, before["text_encoder"])
    assert same(parts.vae, before["vae"])


def test_a_stopped_run_resumes_to_the_same_weights_and_a_changed_recipe_is_refused(tmp_path):
    recipe = dataclasses.replace(QUICK, steps=5)

    def unet(workdir, stop_at=None):
        if stop_at is not None:
            with ctrl_c_at(stop_at), pytest.raises(KeyboardInterrupt, match="dreambooth stopped at step 2"):
                train_dreambooth(load_bundled(), recipe, workdir)
        parts, losses = train_dreambooth(load_bundled(), recipe, workdir)
        return parts.unet.state_dict(), losses

    (straight, _), (resumed, rest) = unet(tmp_path / "a"), unet(tmp_path / "b", stop_at=2)
    assert len(rest) == 3 and all(torch.equal(straight[k], resumed[k]) for k in straight)
    with pytest.raises(ValueError, match=r"prior_weight 1\.0 → 0\.5.*--restart"):
        train_dreambooth(load_bundled(), dataclasses.replace(recipe, prior_weight=0.5), tmp_path / "a")


@pytest.mark.parametrize("changes,says", [
    (dict(images=0), "images=0"),
    (dict(prior_weight=-1.0), "prior_weight=-1.0 must be >= 0"),
    (dict(class_images=0), "class_images=0.*or prior_weight=0"),
    (dict(caption_dropout=1.0), r"caption_dropout=1.0 must be in \[0, 1\)"),
    (dict(split="train"), "split='train' holds no new concept"),
    (dict(identifier="a sks"), "one rare word"),
    (dict(identifier="red"), r"identifier='red' is read with tokens the model was trained on \('red</w>'\)"),
    (dict(lr=float("nan")), "lr=nan must be a finite number"),
    (dict(steps=0), "steps=0 must be > 0"),
])
def test_bad_recipes_say_what_to_do(tmp_path, changes, says):
    with pytest.raises(ValueError, match=says):
        train_dreambooth(load_bundled(), dataclasses.replace(QUICK, **changes), tmp_path)
    assert not (tmp_path / "dreambooth.pt").exists()


def test_other_refusals(tmp_path):
    with pytest.raises(ValueError, match="concept='cat'.*pink, ring"):
        DreamBoothRecipe.of("cat")
    with pytest.raises(ValueError, match="float32"):
        train_dreambooth(load_bundled(dtype=torch.bfloat16), QUICK, tmp_path)
    assert DreamBoothRecipe.of("ring", steps=7).split == "new_shape" and DreamBoothRecipe().split == "new"


# ---- the command -------------------------------------------------------------------------------------------------

def test_the_command_writes_the_trained_model_as_a_folder(tmp_path):
    out = train_dreambooth_command(tmp_path / "model", tmp_path / "work", QUICK)
    loaded, base = load_folder(out), load_bundled()
    trained, _ = train_dreambooth(load_bundled(), QUICK, tmp_path / "again")
    assert all(torch.equal(v, trained.unet.state_dict()[k]) for k, v in loaded.unet.state_dict().items())
    assert same(loaded.text_encoder, base.text_encoder.state_dict()) and loaded.defaults == base.defaults
    assert (out / "dreambooth.json").is_file()


def test_cli(monkeypatch, tmp_path, capsys):
    from course.__main__ import main

    with pytest.raises(SystemExit):
        main(["train-dreambooth", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    defaults = DreamBoothRecipe()
    assert f"default {defaults.steps}" in text and f"default {defaults.lr:g}" in text
    seen = {}
    monkeypatch.setattr("course.training.dreambooth.train_dreambooth_command",
                        lambda *a, **kw: seen.update(kw, out=a[0], recipe=a[2]))
    argv = ["train-dreambooth", "--workdir", str(tmp_path / "w"), "--out", str(tmp_path / "m"), "--steps", "7"]
    assert main(argv + ["--restart", "--device", "cpu", "--concept", "ring", "--prior-weight", "0",
                        "--train-text-encoder", "--lr", "1e-3", "--images", "9"]) == 0
    recipe = seen["recipe"]
    assert seen["restart"] is True and seen["device"] == "cpu" and seen["out"] == tmp_path / "m"
    assert (recipe.steps, recipe.split, recipe.prior_weight, recipe.train_text_encoder, recipe.lr, recipe.images) \
        == (7, "new_shape", 0.0, True, 1e-3, 9)
    assert main(argv) == 0 and seen["recipe"] == dataclasses.replace(defaults, steps=7)
    assert main(["train-dreambooth", "--prior-weight", "-1"]) == 2
    assert "--prior-weight: -1 must be a number >= 0" in capsys.readouterr().err
    (tmp_path / "file").write_text("")
    assert main(["train-dreambooth", "--out", str(tmp_path / "file")]) == 2
    assert "is a file: give a folder" in capsys.readouterr().err


def test_cli_trains_and_writes_a_folder_that_loads(tmp_path, capsys):
    from course.__main__ import main

    out = tmp_path / "model"
    argv = ["train-dreambooth", "--out", str(out), "--workdir", str(tmp_path / "w"), "--steps", "2", "--images", "2",
            "--prior-weight", "0", "--device", "cpu"]
    assert main(argv) == 0
    printed = capsys.readouterr()
    assert f"wrote {out}" in printed.out + printed.err
    parts = load_folder(out)
    assert not same(parts.unet, load_bundled().unet.state_dict())
    image = text_to_image(parts, "a sks circle in the center on a blue background", seed=0, progress=False)[0]
    assert image.size == (32, 32)
