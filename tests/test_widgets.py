"""course.notebook.widgets, driven headlessly: set a control's value, decode the PNG the widget shows, and compare it with the
picture computed here directly (text_to_image, its callback, the VAE, attention_maps.record), enlarged the same way.

No browser: an ipywidgets control's ``.value`` set from code fires the same observers a slider drag does.
"""
import io

import matplotlib
import numpy as np
import pytest
import torch
from PIL import Image

from course.io.images import to_pil
from course.io.loading import load_bundled
from course.notebook import widgets
from course.pipeline import text_to_image
from course.sampling.denoiser import schedule_for

PROMPT = "a red circle in the top left on a blue background"


@pytest.fixture(scope="module")
def bundled():
    return load_bundled()


def shown(png: bytes) -> np.ndarray:
    """What an Image widget shows: its PNG as an (H', W', 3) int array."""
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def enlarged(picture, like: np.ndarray) -> np.ndarray:
    """A PIL picture (or (h, w, 3) uint8 array) as the widget should show it: each pixel a z × z block, z whole."""
    a = np.asarray(picture).astype(int)
    z = like.shape[0] // a.shape[0]
    assert z >= 1 and like.shape[:2] == (a.shape[0] * z, a.shape[1] * z), (like.shape, a.shape)
    return a.repeat(z, axis=0).repeat(z, axis=1)


def decoded(parts, latent: torch.Tensor):
    """One latent (1, C, h, w) through the VAE to a PIL picture, one at a time."""
    with torch.no_grad():
        return to_pil(parts.vae.decode(latent / parts.vae.scaling_factor))[0]


def noise_picture(eps: torch.Tensor) -> np.ndarray:
    """ε̂ (C, h, w) as the docstring specifies: channels 0-2 as RGB, -2 -> 0, +2 -> 255, rounded."""
    rgb = eps[:3].permute(1, 2, 0).double().numpy()
    return np.round(np.clip(0.5 + rgb / 4, 0, 1) * 255).astype(int)


class UNetCalls:
    """Counts the UNet's forward calls (a torch forward hook), with each call's batch size."""

    def __init__(self, unet):
        self.batches = []
        self.handle = unet.register_forward_hook(lambda m, args, out: self.batches.append(args[0].shape[0]))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.remove()


def run_with_callback(parts, prompt=PROMPT, **kw):
    seen = []
    picture = text_to_image(parts, prompt, seed=0, progress=False, callback=lambda d: seen.append(d) and None, **kw)
    return picture[0], seen


# ---- denoising scrubber ------------------------------------------------------------------------------------------

def check_scrubber(parts, steps, sampler, **kw):
    scrub = widgets.denoising_scrubber(parts, PROMPT, steps=steps, sampler=sampler, progress=False, **kw)
    final, seen = run_with_callback(parts, steps=steps, sampler=sampler, **kw)
    sigmas, _, _, init_scale = schedule_for(sampler, parts.scheduler_config, steps)
    shape = seen[0]["x"].shape
    x_start = torch.randn(shape, generator=torch.Generator().manual_seed(0)) * init_scale  # the seed's noise, by hand
    inputs = [x_start] + [d["x"] for d in seen[:-1]]  # x the sampler holds at σ_i, before step i
    first = scrub.x_image.value
    for i in (steps - 2, 1, 0):
        with UNetCalls(parts.unet) as calls:
            scrub.slider.value = i
        assert calls.batches == [], "scrubbing must only swap cached pictures"
        x, d, s = inputs[i], seen[i]["denoised"], float(sigmas[i])
        assert (scrub.x_image.value != first) == (i != 0)
        x_t = shown(scrub.x_image.value)
        assert np.abs(x_t - enlarged(decoded(parts, x / (1 + s ** 2) ** 0.5), x_t)).max() <= 1  # batched decode
        x0 = shown(scrub.x0_image.value)
        assert np.abs(x0 - enlarged(decoded(parts, d), x0)).max() <= 1
        eps = shown(scrub.noise_image.value)
        assert np.abs(eps - enlarged(noise_picture(((x - d) / s)[0]), eps)).max() <= 1
    scrub.slider.value = steps - 1
    last = shown(scrub.x0_image.value)
    assert np.abs(last - enlarged(final, last)).max() <= 1  # the last estimate is the picture (σ_last = 0)
    return scrub


def test_scrubber_shows_each_step_as_the_callback_computes_it(bundled):
    scrub = check_scrubber(bundled, 5, "euler")
    assert scrub.slider.max == 4 and len(scrub.frames) == 5
    assert f"{scrub.sigmas[4]:.3f}" in scrub.caption.value
    # the ε̂ the widget keeps is N(0, I)-sized at the start, where x is almost all noise
    assert 0.5 < float(scrub.noise[0].std()) < 2


def test_scrubber_on_sd_shaped_random_parts(parts):
    """The tiny diffusers parts: CLIP's 77-token vocabulary, a 2-block VAE (16×16 pictures from 8×8 latents)."""
    scrub = check_scrubber(parts, 3, "dpmpp_2m", guidance_scale=3.0)
    assert shown(scrub.x0_image.value).shape == (16 * widgets.zoom_for(16),) * 2 + (3,)


# ---- CFG explorer ------------------------------------------------------------------------------------------------

def test_cfg_explorer_matches_direct_runs_and_reuses_the_cond_prediction(bundled):
    steps = 4
    cfg = widgets.cfg_explorer(bundled, PROMPT, steps=steps, sampler="euler", scales=(-3, 8), progress=False)
    assert cfg.slider.value == bundled.defaults["guidance_scale"]
    for scale, negative in ((-1.5, ""), (0.5, ""), (6.0, "red")):
        before = (cfg.image.value, cfg.preview.value)
        with UNetCalls(bundled.unet) as calls:
            cfg.negative.value = negative  # no change the first two times
            cfg.slider.value = scale
        assert cfg.image.value != before[0] and cfg.preview.value != before[1]
        if negative:  # the negative prompt changed first, at the old scale: two runs, and D_u once, D_c reused
            assert calls.batches == [2] * steps + [1] + [2] * steps
        else:  # one run, no extra call: both step-0 predictions were cached
            assert calls.batches == [2] * steps
        picture, seen = run_with_callback(bundled, steps=steps, sampler="euler", guidance_scale=scale,
                                          negative_prompt=negative)
        image = shown(cfg.image.value)
        assert np.array_equal(image, enlarged(picture, image))
        preview = shown(cfg.preview.value)  # guided in D rather than ε: equal up to float rounding
        assert np.abs(preview - enlarged(decoded(bundled, seen[0]["denoised"]), preview)).max() <= 2
    finished = cfg.image.value
    with UNetCalls(bundled.unet) as calls:
        cfg.slider.value = -1.5  # seen before, with negative "": not this time, with "red"
        cfg.negative.value = ""
    assert calls.batches == [2] * steps + [1]  # the run for (-1.5, "red"), D_u for "" again; (-1.5, "") cached
    assert cfg.image.value != finished and "from the cache" in cfg.status.value


@pytest.mark.parametrize("scales", [(5, 1), (2, 2), (0, float("inf")), (1,), "0,10", (0, True)])
def test_cfg_explorer_refuses_bad_scales(bundled, scales):
    with pytest.raises(ValueError, match="scales="):
        widgets.cfg_explorer(bundled, PROMPT, scales=scales, steps=2, progress=False)



def test_cfg_explorer_refuses_sdxl_parts_in_words(bundled):
    """Its preview calls the UNet directly: SDXL parts would fail deep inside the UNet; they are refused first."""
    import dataclasses

    from course.training.micro_conditioning import load_bundled_crops

    sdxl_like = dataclasses.replace(bundled, unet=load_bundled_crops())  # a UNet with SDXL's text_time inputs
    assert sdxl_like.is_sdxl
    with pytest.raises(ValueError, match="SD 1.x parts"):
        widgets.cfg_explorer(sdxl_like, PROMPT, steps=2, progress=False)

# ---- clip skip ---------------------------------------------------------------------------------------------------

def test_clip_skip_toggle_matches_text_to_image_and_explains_the_impossible_one(bundled):
    toggle = widgets.clip_skip_toggle(bundled, PROMPT, steps=4, progress=False)
    assert toggle.labels[2] == "A1111 clip skip 2 = diffusers clip_skip=1"
    first = toggle.image.value
    toggle.toggle.value = 2
    assert toggle.image.value != first
    picture = text_to_image(bundled, PROMPT, steps=4, seed=0, clip_skip=1, progress=False)[0]
    image = shown(toggle.image.value)
    assert np.array_equal(image, enlarged(picture, image))
    # the bundled text encoder has 2 layers: A1111's 3 (diffusers' 2) would read no layer at all
    assert bundled.text_encoder.config.num_hidden_layers == 2
    with pytest.raises(ValueError):
        text_to_image(bundled, PROMPT, steps=1, seed=0, clip_skip=2, progress=False)
    toggle.toggle.value = 3
    assert toggle.image.value == b"" and "not possible" in toggle.caption.value
    toggle.toggle.value = 1
    picture = text_to_image(bundled, PROMPT, steps=4, seed=0, progress=False)[0]
    assert np.array_equal(shown(toggle.image.value), enlarged(picture, shown(toggle.image.value)))


def test_clip_skip_refuses_a1111_zero(bundled):
    with pytest.raises(ValueError, match="Clip skip"):
        widgets.clip_skip_toggle(bundled, PROMPT, skips=(0, 1), steps=2, progress=False)


# ---- attention explorer ------------------------------------------------------------------------------------------

def overlay(picture, heat: np.ndarray, alpha: float = 0.6) -> np.ndarray:
    """The heat map scaled to its maximum, coloured with magma, blended over the picture: by hand."""
    colour = matplotlib.colormaps["magma"](heat / heat.max())[..., :3]
    return np.round(((1 - alpha) * np.asarray(picture) / 255 + alpha * colour) * 255).astype(int)


def test_attention_explorer_overlays_the_recorded_map(bundled):
    from course.notebook.attention_maps import record

    explorer = widgets.attention_explorer(bundled, PROMPT, steps=4, progress=False)
    rec = record(bundled, PROMPT, seed=0, steps=4)
    assert explorer.word.value == "a" and "circle" in explorer.word.options
    settings = [("word", "circle", None, (0, 3)), ("resolution", rec.resolutions[0], [rec.resolutions[0]], (0, 3)),
                ("steps", (1, 2), [rec.resolutions[0]], (1, 2))]
    if len(rec.resolutions) < 2:  # one latent size with cross-attention: "all" is that one, and there is no choice
        assert explorer.resolution.disabled
        settings = [settings[0], ("steps", (1, 2), None, (1, 2))]
    for control, value, resolutions, (first, last) in settings:
        before = explorer.image.value
        with UNetCalls(bundled.unet) as calls:
            getattr(explorer, control).value = value
        assert calls.batches == [] and explorer.image.value != before
        heat = rec.map("circle", resolutions=resolutions, steps=range(first, last + 1))
        image = shown(explorer.image.value)
        assert np.abs(image - enlarged(overlay(rec.image, heat), image)).max() <= 1
        assert np.allclose(explorer.heat(), heat, atol=1e-6)


# ---- sampler grid ------------------------------------------------------------------------------------------------

def test_sampler_grid_is_lazy_then_fills_every_cell_with_its_time(bundled):
    with UNetCalls(bundled.unet) as calls:
        grid = widgets.sampler_grid(bundled, PROMPT, samplers=("Euler a", "dpmpp_2m"), steps=(2, 3), progress=False)
    assert calls.batches == [] and all(image.value == b"" for image, _ in grid.cells.values())
    grid.button.click()
    for (name, n), (image, label) in grid.cells.items():
        picture = text_to_image(bundled, PROMPT, sampler=name, steps=n, seed=0, progress=False)[0]
        assert np.array_equal(shown(image.value), enlarged(picture, shown(image.value))), (name, n)
        assert grid.seconds[name, n] > 0 and label.value == f"{grid.seconds[name, n]:.2f} s"
    assert grid.progress.bar.value == grid.progress.bar.max == 2 * (2 + 3)


@pytest.mark.parametrize("kw, match", [(dict(samplers=("Euler", "Eulr")), "unknown sampler 'Eulr'"),
                                       (dict(samplers="Euler"), "samplers="), (dict(steps=(2, 0)), "steps="),
                                       (dict(steps=4), "steps="), (dict(sampler="euler"), "sampler")])
def test_sampler_grid_refuses_bad_axes(bundled, kw, match):
    with pytest.raises(ValueError, match=match):
        widgets.sampler_grid(bundled, PROMPT, progress=False, **kw)


# ---- all of them -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("make", [widgets.denoising_scrubber, widgets.cfg_explorer, widgets.clip_skip_toggle,
                                  widgets.attention_explorer, widgets.sampler_grid])
def test_one_prompt_and_options_the_widget_owns_are_refused(bundled, make):
    with pytest.raises(ValueError, match="one prompt"):
        make(bundled, [PROMPT, PROMPT], progress=False)
    with pytest.raises(ValueError, match="callback"):
        make(bundled, PROMPT, callback=print, progress=False)


def test_displays_as_its_widget(bundled):
    grid = widgets.sampler_grid(bundled, PROMPT, samplers=("Euler",), steps=(1,), progress=False)
    bundle = grid._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == grid.widget.model_id
