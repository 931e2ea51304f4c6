"""Size and crop conditioning (course/training/micro_conditioning.py): the crop transform draws what its time_ids
say, the cut-off detector reads rendered pictures right, a short run trains the UNets alone, and a stopped run
resumes to the same weights."""
import dataclasses

import numpy as np
import pytest
import torch
from stopping import ctrl_c_at

from course.io.loading import load_bundled
from course.pipeline import text_to_image
from course.training import data
from course.training import micro_conditioning as mc

RECIPE = mc.CropRecipe()


def drawn(n: int, seed: int = 5):
    """n training pictures of random training triples, and each one's noiseless shape mask on its canvas."""
    out = []
    for i in range(n):
        rng = np.random.default_rng((seed, i))
        s = data.sample_spec(rng, "train")
        item = mc.crop_example(rng, (s.colour, s.shape, s.background), RECIPE)
        clean = data.render(item.spec, item.canvas, noise=0)  # the same picture without the noise
        out.append((item, clean, (clean == np.array(data.COLOURS[item.spec.colour])).all(-1)))
    return out


def test_the_crop_is_the_window_its_time_ids_name_and_the_original_holds_the_whole_shape():
    kinds = set()
    for item, clean, mask in drawn(300):
        h, w, top, left, th, tw = item.time_ids
        (oy, ox), m = item.origin, int(np.ceil(RECIPE.margin))
        assert (th, tw) == (32, 32) and item.picture.shape == (32, 32, 3)
        assert 0 <= top <= h - 32 and 0 <= left <= w - 32 and max(h, w) == item.canvas
        if (h, w) != (32, 32):
            assert RECIPE.original[0] <= min(h, w) and max(h, w) <= RECIPE.original[1]
        kinds.add("uncropped" if item.time_ids == mc.UNCROPPED else "cropped")
        # the original is the (h, w) window of the canvas at its origin, the picture its 32×32 window at the crop
        window = clean[oy + top:oy + top + 32, ox + left:ox + left + 32].astype(int)
        assert np.abs(item.picture.astype(int) - window).max() <= 6  # the data's noise: ±6 grey levels
        assert item.original.shape == (h, w, 3)
        # the whole shape lies in the original, its margin from every edge kept
        inner = mask[oy + m:oy + h - m, ox + m:ox + w - m]
        assert inner.sum() == mask.sum() > 0
        # the crop keeps the shape's centre
        cx, cy = (a * item.canvas + d for a, d in zip(data.POSITIONS[item.spec.position], item.spec.jitter))
        assert oy + top < cy < oy + top + 32 and ox + left < cx < ox + left + 32
    assert kinds == {"uncropped", "cropped"}


def test_the_detector_flags_exactly_the_shapes_that_reach_the_frame():
    lost_any = 0
    for item, _, mask in drawn(300, seed=6):
        (oy, ox), (top, left) = item.origin, item.time_ids[2:4]
        seen = mask[oy + top:oy + top + 32, ox + left:ox + left + 32]  # (32, 32) noiseless
        at_frame = bool(seen[0].any() or seen[-1].any() or seen[:, 0].any() or seen[:, -1].any())
        lost = seen.sum() < mask.sum()  # the crop removed shape pixels
        lost_any += lost
        assert mc.cut_off(item.picture) is at_frame
        assert at_frame or not lost  # a convex shape that the frame cuts reaches the frame
        if item.time_ids == mc.UNCROPPED:
            assert not at_frame  # uncropped pictures keep the margin
    assert lost_any > 30  # the crops do cut shapes


def test_the_detector_sees_no_shape_in_a_plain_picture():
    picture = np.full((32, 32, 3), data.COLOURS["blue"], np.uint8)
    assert mc.cut_off(picture) is None
    assert mc.framing(torch.from_numpy(picture).permute(2, 0, 1)[None].float() / 255,
                      [data.Spec("red", "circle", "blue", "center")])["no shape"] == 1.0


@pytest.fixture(scope="module")
def parts():
    return load_bundled()


def test_the_added_conditioning_starts_as_the_bundled_unet(parts):
    micro = mc.with_micro_conditioning(parts.unet, 8, parts.text_encoder.config.hidden_size)
    g = torch.Generator().manual_seed(0)
    x, context = torch.randn(2, 4, 8, 8, generator=g), torch.randn(2, 24, 128, generator=g)
    t = torch.tensor([10, 900])
    out = micro(x, t, context, text_embeds=torch.randn(2, 128, generator=g), time_ids=torch.tensor([mc.UNCROPPED] * 2))
    assert torch.equal(out, parts.unet(x, t, context))
    with pytest.raises(ValueError, match="SD 1.x-style UNet"):
        mc.with_micro_conditioning(micro, 8, 128)


def test_two_steps_train_the_unets_and_nothing_else(tmp_path, parts):
    before = {name: {k: v.clone() for k, v in getattr(parts, name).state_dict().items()}
              for name in ("text_encoder", "vae", "unet")}
    stages = mc.train_pair(mc.CropRecipe.quick(), parts, tmp_path)
    for name in ("text_encoder", "vae", "unet"):  # the frozen parts, and the bundled UNet the two start from
        assert all(torch.equal(v, getattr(parts, name).state_dict()[k]) for k, v in before[name].items()), name
    for name, stage in stages.items():
        trained = stage.model.state_dict()
        assert stage.step == 2 and (tmp_path / f"crops_{name}.pt").is_file()
        assert any(not torch.equal(trained[k], v) for k, v in before["unet"].items()), name
    assert stages["micro"].model.add_embedding.linear_2.weight.any()  # the zero layer moved
    assert not hasattr(stages["plain"].model, "add_embedding")


def test_a_stopped_run_resumes_to_the_same_weights(tmp_path, parts):
    recipe = dataclasses.replace(mc.CropRecipe.quick(), steps=3)
    straight = mc.train_pair(recipe, parts, tmp_path / "a", models=("micro",))["micro"].model.state_dict()
    with ctrl_c_at(2), pytest.raises(KeyboardInterrupt, match="stopped at step 2"):
        mc.train_pair(recipe, parts, tmp_path / "b", models=("micro",))
    resumed = mc.train_pair(recipe, parts, tmp_path / "b", models=("micro",))["micro"].model.state_dict()
    assert all(torch.equal(straight[k], resumed[k]) for k in straight)
    with pytest.raises(ValueError, match="other settings: lr"):  # another recipe is refused, not silently mixed
        mc.train_pair(dataclasses.replace(recipe, lr=2 * recipe.lr), parts, tmp_path / "b", models=("micro",))


def test_sampling_is_the_pipeline_for_a_plain_unet_and_passes_the_time_ids(parts):
    prompts = ["a red circle on a blue background", "a green square on a white background"]
    plain = mc.sample(parts, parts.unet, prompts, seed=3, steps=4)
    assert torch.allclose(plain, text_to_image(parts, prompts, seed=3, steps=4, output_type="pt", progress=False),
                          atol=1e-5)
    micro = mc.with_micro_conditioning(parts.unet, 8, parts.text_encoder.config.hidden_size)
    assert torch.allclose(mc.sample(parts, micro, prompts, mc.UNCROPPED, seed=3, steps=4), plain, atol=1e-5)
    with torch.no_grad():
        micro.add_embedding.linear_2.weight.normal_(0, 0.1, generator=torch.Generator().manual_seed(0))
    one, other = (mc.sample(parts, micro, prompts, ids, seed=3, steps=4)
                  for ids in (mc.UNCROPPED, (48, 48, 8, 8, 32, 32)))
    assert not torch.allclose(one, other, atol=1e-3)  # the numbers reach the UNet
    with pytest.raises(ValueError, match="time_ids missing"):
        mc.sample(parts, micro, prompts, steps=4)


def test_the_shipped_crop_unet_loads_and_answers_the_request():
    """course/bundled_crops: small, SDXL's text_time on the bundled UNet, and its time_ids matter (an uncropped and a
    cropped request draw different pictures from the same noise)."""
    from course.parts import BUNDLED_CROPS_DIR

    size = sum(f.stat().st_size for f in BUNDLED_CROPS_DIR.rglob("*") if f.is_file())
    assert size <= 10 * 2**20
    parts = load_bundled()
    unet = mc.load_bundled_crops()
    assert unet.config.addition_embed_type == "text_time"
    own = {k for k in unet.state_dict() if not k.startswith("add_")}
    assert own == set(parts.unet.state_dict())  # the bundled UNet's names, plus add_time_proj/add_embedding
    prompts = ["a red circle on a blue background"]
    whole = mc.sample(parts, unet, prompts, mc.UNCROPPED, steps=4)
    assert not torch.equal(whole, mc.sample(parts, unet, prompts, (48, 48, 8, 8, 32, 32), steps=4))
