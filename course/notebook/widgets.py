"""Interactive widgets (ipywidgets) that open up the sampling loop, each on one prompt and seed.

- ``denoising_scrubber``: every step of one run, as the sampler's callback sees it (Karras et al. 2022's
  x = x_0 + σ ε): what the UNet sees, its estimate x̂_0 = D(x, σ), and the noise it implies, ε̂ = (x - x̂_0)/σ;
- ``cfg_explorer``: classifier-free guidance (Ho & Salimans 2022), D̃ = D_u + s (D_c - D_u) for any s, the
  negative prompt as D_u;
- ``clip_skip_toggle``: the same picture with the context from earlier layers of the text encoder;
- ``attention_explorer``: one word's cross-attention map over the picture (Tang et al. 2023, DAAM), via
  ``course.notebook.attention_maps``;
- ``sampler_grid``: A1111's X/Y plot of samplers × step counts, with the wall time of each picture.

Each returns an object that displays as its ``.widget`` in Jupyter and keeps its controls as attributes (set
``.slider.value`` from code and the pictures follow: the tests drive them so). It computes what it can once, with a
progress bar (pictures and progress bars: ``course.notebook.widget_parts``). Nothing assumes the bundled model's sizes: SD 1.5
from a local folder works, and on a GPU tensors stay there.
"""
from __future__ import annotations

import math
import time

import ipywidgets as widgets
import numpy as np
import torch
from PIL import Image

from course.nets.text_encoder import a1111_to_diffusers_clip_skip
from course.notebook.widget_parts import (
    DISPLAY_WIDTH,
    Progress,
    Shown,
    check_options,
    decode,
    latent_picture,
    picture,
    png,
    titled,
    zoom_for,
)
from course.pipeline import text_to_image, with_defaults
from course.sampling.conditioning import Conditioning
from course.sampling.denoiser import denoiser_for, schedule_for
from course.sampling.samplers import get_sampler

__all__ = ["denoising_scrubber", "cfg_explorer", "clip_skip_toggle", "attention_explorer", "sampler_grid",
           "png", "zoom_for", "DISPLAY_WIDTH"]


class DenoisingScrubber(Shown):
    """One generation, every step kept: move ``slider`` to step i and see, side by side,

    - x_t, what the UNet sees at step i: the sampler's x (at σ_i, before the step) divided by √(1 + σ_i²),
      i.e. DDPM's √ᾱ x_0 + √(1-ᾱ) ε (the sampler's own x = x_0 + σ ε is mostly noise scaled up to σ_max),
      decoded by the VAE;
    - x̂_0 = D(x, σ_i), the clean latent the model predicts (the callback's "denoised"), decoded; at the last step
      it is the finished picture for the usual samplers;
    - ε̂ = (x - x̂_0)/σ_i, the noise the model sees in x: a latent-sized map, channels 0-2 as RGB on a fixed
      ±2 scale (``latent_picture``), enlarged to the pictures' size.

    Everything is computed and decoded once (in batches); scrubbing only swaps cached PNGs. x_t is the UNet's
    first input of each step, caught by a forward pre-hook (so the seed's noise need not be drawn again).
    """

    def __init__(self, parts, prompt: str, *, seed: int = 0, progress: bool = True, **generation_options):
        options = check_options(parts, prompt, generation_options)
        steps, self.progress = options["steps"], Progress()
        unet_inputs, frames = [], []  # x_t of each UNet call; per step (x_t, denoised, σ)
        with self.progress.task(steps + 1, f"{steps} steps, then decoding", console=progress) as step:
            def record(d):
                frames.append((unet_inputs[0], d["denoised"][:1], float(d["sigma"])))  # first call: at σ_i
                unet_inputs.clear()
                step()

            hook = parts.unet.register_forward_pre_hook(lambda module, args: unet_inputs.append(args[0][:1]))
            try:
                self.final = text_to_image(parts, prompt, seed=seed, callback=record, progress=False, **options)[0]
            finally:
                hook.remove()
            x_t = torch.cat([f[0] for f in frames])  # (steps, C, h, w), DDPM scale
            denoised = torch.cat([f[1] for f in frames])
            self.sigmas = [f[2] for f in frames]
            sigma = torch.tensor(self.sigmas, device=x_t.device, dtype=x_t.dtype)[:, None, None, None]
            self.noise = ((x_t * (1 + sigma ** 2) ** 0.5 - denoised) / sigma).cpu()  # ε̂ = (x - x̂_0)/σ
            zoom = zoom_for(self.final.width)
            self.frames = [(png(a, zoom), png(b, zoom), png(latent_picture(e), zoom * self.final.width // e.shape[-1]))
                           for a, b, e in zip(decode(parts, x_t), decode(parts, denoised), self.noise)]
            step()
        self.x_image, self.x0_image, self.noise_image, self.caption = picture(), picture(), picture(), widgets.HTML()
        self.slider = widgets.IntSlider(value=0, min=0, max=steps - 1, description="step")
        self.slider.observe(lambda change: self._show(change["new"]), "value")
        self._show(0)
        pictures = widgets.HBox([titled("x_t: what the UNet sees", self.x_image),
                                 titled("x̂₀ = D(x, σ): its prediction", self.x0_image),
                                 titled("ε̂ = (x − x̂₀)/σ, channels 0-2", self.noise_image)])
        self.widget = widgets.VBox([self.progress.box, self.slider, self.caption, pictures])

    def _show(self, i: int):
        self.x_image.value, self.x0_image.value, self.noise_image.value = self.frames[i]
        self.caption.value = (f"step {i} of {len(self.frames)}: σ = {self.sigmas[i]:.3f}, so x_t = √ᾱ x₀ + "
                              f"√(1−ᾱ) ε with √ᾱ = {1 / math.sqrt(1 + self.sigmas[i] ** 2):.3f}")


def _check_scales(scales) -> tuple:
    ok = (isinstance(scales, (tuple, list)) and len(scales) == 2
          and all(isinstance(s, (int, float)) and not isinstance(s, bool) and math.isfinite(s) for s in scales))
    if not ok or not scales[0] < scales[1]:
        raise ValueError(f"scales={scales!r}: pass (lowest, highest), two finite numbers with lowest < highest, "
                         "e.g. (-2, 10); below 1 and negative scales are allowed.")
    return float(scales[0]), float(scales[1])


class CFGExplorer(Shown):
    """A slider over the guidance scale s (negative and below 1 included: the pipeline applies
    D̃ = D_u + s (D_c - D_u) for every s) and an editable negative prompt (it is D_u's text).

    What is cached, and why no more: every run starts from the same x_T (the seed's noise), so at **step 0** the
    two predictions D_u = D(x_T, σ_0 | negative prompt) and D_c = D(x_T, σ_0 | prompt) are the same for every s:
    they are computed once, and ``preview`` (x̂_0 at step 0 for any s, one line of arithmetic and a VAE decode)
    is instant. After step 0 the sampler has moved x by an amount that depends on s, so every later prediction
    and the finished ``image`` need a new run of all the steps; finished images are cached per (s, negative prompt).
    Editing the negative prompt invalidates D_u only; D_c is kept, unless the cond context itself changed (a
    negative prompt past 75 tokens pads the prompt to a second chunk too). For "a AND b" prompts D_c stands for
    each part's prediction and D̃ = D_u + s Σ_j w_j (D_c,j - D_u), as in course.sampling.guidance.
    """

    def __init__(self, parts, prompt: str, *, negative_prompt: str = "", seed: int = 0, scales=(-2, 10),
                 progress: bool = True, **generation_options):
        low, high = _check_scales(scales)
        if getattr(parts, "is_sdxl", False):  # its step-0 preview calls the UNet itself, without SDXL's extra inputs
            raise ValueError("this widget takes SD 1.x parts (the bundled model, SD 1.5): its instant preview calls the "
                             "UNet directly, without SDXL's pooled text and size numbers. For SDXL parts, draw with "
                             "text_to_image at a few guidance scales instead.")
        options = check_options(parts, prompt, generation_options)
        scale, sampler = with_defaults(parts, 1, options.pop("guidance_scale", None), options.pop("sampler", None))[1:]
        if not isinstance(negative_prompt, str):
            raise ValueError(f"negative_prompt={negative_prompt!r}: pass one str (it can be edited in the widget).")
        self.parts, self.prompt, self.seed, self.options = parts, prompt, seed, dict(options, sampler=sampler)
        self.images, self._cond, self.progress = {}, None, Progress()  # (s, negative) -> PNG; (cond, D_c) at step 0
        self.slider = widgets.FloatSlider(value=min(max(scale, low), high), min=low, max=high, step=0.5,
                                          description="CFG scale", continuous_update=False)
        self.negative = widgets.Text(value=negative_prompt, description="negative", continuous_update=False,
                                     layout=widgets.Layout(width="420px"))
        self.preview, self.image, self.status = picture(), picture(), widgets.HTML()
        self._render(console=progress)
        self.slider.observe(lambda change: self._render(), "value")
        self.negative.observe(lambda change: self._render(), "value")
        note = ("<small>Left: x̂₀ at step 0 = D_u + s·(D_c − D_u), instant for any s (x_T is the same for all s). "
                f"Right: the finished picture, a new run of {options['steps']} steps per scale: after step 0 the path "
                "depends on s (cached per scale and negative prompt).</small>")
        pictures = widgets.HBox([titled("x̂₀ at step 0 (cached)", self.preview),
                                 titled("finished picture", self.image)])
        self.widget = widgets.VBox([self.progress.box, self.slider, self.negative, widgets.HTML(note), pictures,
                                    self.status])

    @torch.no_grad()
    def _step0(self, negative: str):
        """(x̂_0 at step 0 with scale 0, the pull D_c - D_u): through the pipeline's own Conditioning and Denoiser,
        on its first UNet input x_T/√(σ_0² + 1), caught by a forward pre-hook during the first run."""
        parts, steps = self.parts, self.options["steps"]
        sigmas, quantize, ac, _ = schedule_for(get_sampler(self.options["sampler"]), parts.scheduler_config, steps)
        denoiser = denoiser_for(parts, lambda x_t, t, context: parts.unet(x_t, t, context), ac, quantize)
        sigma = sigmas[0].to(self._x_t.device)
        x = self._x_t * (sigma ** 2 + 1) ** 0.5  # (1, C, h, w): back to the sampler's x = x_0 + σ ε
        cond, uncond, weights = Conditioning(parts, self.prompt, negative, steps, self.options.get("clip_skip", 0), 1,
                                             x).at(0)  # (J, T, D), (1, T, D), (1, J) or None
        if self._cond is None or not torch.equal(self._cond[0], cond):
            self._cond = (cond, denoiser(x.expand(len(cond), -1, -1, -1), sigma, context=cond))  # (J, C, h, w)
        d_u = denoiser(x, sigma, context=uncond)
        w = torch.ones(1, len(cond), device=d_u.device) if weights is None else weights
        pull = (w.to(d_u)[0, :, None, None, None] * (self._cond[1] - d_u)).sum(0, keepdim=True)  # Σ_j w_j (D_cj - D_u)
        return d_u, pull

    def _render(self, console: bool = False):
        scale, negative = float(self.slider.value), self.negative.value
        key = (round(scale, 6), negative)
        ran = key not in self.images
        if ran:
            steps = self.options["steps"]
            first = []
            with self.progress.task(steps, f"s = {scale:g}: {steps} steps", console=console) as step:
                hook = self.parts.unet.register_forward_pre_hook(
                    lambda module, args: first.append(args[0][:1]) if not first else None)
                try:
                    picture = text_to_image(self.parts, self.prompt, negative_prompt=negative, guidance_scale=scale,
                                            seed=self.seed, callback=step, progress=False, **self.options)[0]
                finally:
                    hook.remove()
            self.images[key] = png(picture, zoom_for(picture.width))
            self._x_t = first[0]  # the same for every scale: the seed's noise, scaled for the UNet
        if getattr(self, "_uncond_for", None) != negative:
            self._d_u, self._pull = self._step0(negative)
            self._uncond_for = negative
        start = time.perf_counter()
        early = decode(self.parts, self._d_u + scale * self._pull)[0]
        self.preview.value = png(early, zoom_for(early.width))
        self.image.value = self.images[key]
        self.status.value = (f"s = {scale:g}, negative prompt {negative!r}: preview in "
                             f"{1000 * (time.perf_counter() - start):.0f} ms; finished picture "
                             + (f"a new run, {self.progress.seconds:.2f} s" if ran else "from the cache"))


class ClipSkipToggle(Shown):
    """The same prompt and seed with the context taken from earlier layers of the text encoder, side by side;
    ``toggle`` picks the one shown large, with how far it is from the first.

    ``skips`` count as A1111's "Clip skip" N (1 = the last layer, 2 = the penultimate); the pipeline takes
    diffusers' ``clip_skip`` = N - 1 (``course.nets.text_encoder.a1111_to_diffusers_clip_skip``), and each label
    says both. With L layers, N goes up to L: beyond that there is no layer left to read (the bundled text
    encoder has 2, so A1111's 3 is impossible), and that panel says so instead of an image, where
    ``text_to_image`` would raise a ValueError.
    """

    def __init__(self, parts, prompt: str, *, seed: int = 0, skips=(1, 2, 3), progress: bool = True,
                 **generation_options):
        options = check_options(parts, prompt, generation_options, own=("clip_skip",))
        if not isinstance(skips, (tuple, list)) or not skips:
            raise ValueError(f"skips={skips!r}: pass a non-empty list of A1111 clip skips, e.g. (1, 2, 3).")
        layers = parts.text_encoder.config.num_hidden_layers
        ks = {n: a1111_to_diffusers_clip_skip(n) for n in skips}  # raises for N < 1 or not a whole number
        self.labels = {n: f"A1111 clip skip {n} = diffusers clip_skip={k}" for n, k in ks.items()}
        self.pictures, self.progress = {}, Progress()  # A1111 N -> PIL image, for the N this encoder allows
        possible = [n for n, k in ks.items() if k < layers]
        total = options["steps"] * len(possible)
        with self.progress.task(total, f"{len(possible)} pictures", console=progress) as step:
            for n in possible:
                self.pictures[n] = text_to_image(parts, prompt, seed=seed, clip_skip=ks[n], callback=step,
                                                 progress=False, **options)[0]
        zoom = zoom_for(next(iter(self.pictures.values())).width) if self.pictures else 1
        self.images = {n: png(self.pictures[n], zoom) if n in self.pictures else b"" for n in ks}
        impossible = (f"not possible: this text encoder has {layers} layers, so A1111's clip skip goes up to {layers} "
                      f"(diffusers' up to {layers - 1}); text_to_image would raise a ValueError.")
        panels = [titled(self.labels[n], picture(self.images[n]) if n in self.pictures else widgets.HTML(impossible))
                  for n in ks]
        self.image, self.caption = picture(), widgets.HTML()
        self.toggle = widgets.ToggleButtons(options=[(f"clip skip {n}", n) for n in ks], value=skips[0])
        self.toggle.observe(lambda change: self._show(change["new"]), "value")
        self._show(skips[0])
        self.widget = widgets.VBox([self.progress.box, widgets.HBox(panels), self.toggle, self.caption, self.image])

    def _show(self, n: int):
        self.image.value = self.images[n]
        if n not in self.pictures:
            self.caption.value = f"{self.labels[n]}: not possible with this text encoder (see above)."
            return
        first = np.asarray(next(iter(self.pictures.values())), dtype=float)
        change = np.abs(np.asarray(self.pictures[n], dtype=float) - first) / 255
        self.caption.value = (f"{self.labels[n]}: pixels differ from the first picture by {change.mean():.3f} on "
                              f"average (at most {change.max():.2f}), on a 0-1 scale.")


class SamplerGrid(Shown):
    """A1111's X/Y plot: one picture per (sampler, step count), same prompt and seed, each with its wall time.

    Nothing runs when it is built (a grid is many generations): press ``button`` (or call ``render()``, or pass
    ``render=True``) and the cells fill in one by one under a progress bar. ``samplers``: keys of
    ``course.sampling.samplers.SAMPLERS`` or A1111 names. Times are wall-clock seconds on this machine, first cell
    included (it pays for any warm-up), so read them as relative costs; ``seconds`` keeps them.
    """

    def __init__(self, parts, prompt: str, *, samplers=("Euler", "Euler a", "Heun", "DPM++ 2M", "DDIM", "UniPC"),
                 steps=(3, 6, 12), seed: int = 0, render: bool = False, progress: bool = True, **generation_options):
        options = check_options(parts, prompt, generation_options, own=("sampler", "steps"))
        if isinstance(samplers, str) or not samplers:
            raise ValueError(f"samplers={samplers!r}: pass a non-empty list of names, e.g. ('Euler', 'DPM++ 2M').")
        infos = [get_sampler(name) for name in samplers]  # raises a ValueError listing the known names
        if isinstance(steps, int) or not steps or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1
                                                          for n in steps):
            raise ValueError(f"steps={steps!r}: pass a non-empty list of whole numbers >= 1, e.g. (3, 6, 12).")
        self.parts, self.prompt, self.seed, self.options = parts, prompt, seed, options
        self.samplers, self.steps, self.seconds, self.progress = list(samplers), list(steps), {}, Progress()
        self.cells = {(name, n): (picture(), widgets.Label("")) for name in self.samplers for n in self.steps}
        header = [widgets.Label("")] + [widgets.HTML(f"<b>{n} steps</b>") for n in self.steps]
        rows = [[widgets.HTML(f"<b>{info.a1111 or name}</b>")] + [widgets.VBox(self.cells[name, n]) for n in self.steps]
                for name, info in zip(self.samplers, infos)]
        grid = widgets.GridBox(header + [w for row in rows for w in row],
                               layout=widgets.Layout(grid_template_columns=f"120px repeat({len(self.steps)}, auto)"))
        self.button = widgets.Button(description="Render the grid", button_style="primary")
        self.button.on_click(lambda button: self.render())
        self.widget = widgets.VBox([widgets.HBox([self.button, self.progress.box]), grid])
        if render:
            self.render(console=progress)

    def render(self, console: bool = False):
        """Make every picture of the grid (again), row by row, timing each."""
        total = len(self.samplers) * sum(self.steps)
        with self.progress.task(total, f"{len(self.cells)} pictures", console=console) as step:
            for (name, n), (image, label) in self.cells.items():
                start = time.perf_counter()
                picture = text_to_image(self.parts, self.prompt, sampler=name, steps=n, seed=self.seed, callback=step,
                                        progress=False, **self.options)[0]
                self.seconds[name, n] = time.perf_counter() - start
                image.value = png(picture, zoom_for(picture.width))
                label.value = f"{self.seconds[name, n]:.2f} s"


class AttentionExplorer(Shown):
    """Where does each word of the prompt look? One generation with its cross-attention recorded
    (``course.notebook.attention_maps.record``: every attn2 layer, every step); then choose a ``word``, a ``resolution`` (the
    latent h of the layers to average, or all) and a range of ``steps``, and its heat map (``Record.map``: mean
    attention probability, averaged over heads, steps and layers, upsampled to the picture) is drawn over the
    picture. Recording happens once; every interaction only re-averages what was kept.

    The map is scaled to its own maximum (bright = this word's largest share; ``caption`` gives the values), coloured
    with matplotlib's "magma" and blended over the picture with weight ``alpha``: (1 - α)·picture + α·colour.
    """

    def __init__(self, parts, prompt: str, *, seed: int = 0, alpha: float = 0.6, progress: bool = True,
                 **generation_options):
        from course.notebook.attention_maps import record  # the UNet's cross-attention, captured with forward hooks

        options = check_options(parts, prompt, generation_options)
        if not 0 <= alpha <= 1:
            raise ValueError(f"alpha={alpha!r}: the heat map's weight over the picture must be in [0, 1], e.g. 0.6.")
        steps, self.progress, self.alpha = options["steps"], Progress(), alpha
        with self.progress.task(steps, f"{steps} steps, recording attention", console=progress) as step:
            self.record = record(parts, prompt, seed=seed, callback=step, **options)
        rec, self.zoom = self.record, zoom_for(self.record.image.width)
        words = list(dict.fromkeys(name for name, _ in rec.words))
        self.word = widgets.Dropdown(options=words, value=words[0], description="word")
        self.resolution = widgets.Dropdown(options=[("all", 0)] + [(f"{h}×{h} latent", h) for h in rec.resolutions],
                                           value=0, description="resolution")  # 0: all of them
        self.resolution.disabled = len(rec.resolutions) < 2  # cross-attention at one latent size only: no choice
        self.steps = widgets.IntRangeSlider(value=(0, rec.steps - 1), min=0, max=rec.steps - 1, description="steps")
        self.image, self.caption = picture(), widgets.HTML()
        for control in (self.word, self.resolution, self.steps):
            control.observe(lambda change: self._show(), "value")
        self._show()
        pictures = widgets.HBox([titled("the picture", picture(png(rec.image, self.zoom))),
                                 titled("attention over it", self.image)])
        self.widget = widgets.VBox([self.progress.box, widgets.HBox([self.word, self.resolution]), self.steps,
                                    pictures, self.caption])

    def heat(self) -> np.ndarray:
        """The (H, W) map of the current choice, as ``Record.map`` gives it."""
        first, last = self.steps.value
        chosen = [self.resolution.value] if self.resolution.value else None
        return self.record.map(self.word.value, resolutions=chosen, steps=range(first, last + 1))

    def _show(self):
        import matplotlib

        start = time.perf_counter()
        heat = self.heat()
        colour = matplotlib.colormaps["magma"](heat / max(float(heat.max()), 1e-12))[..., :3]  # (H, W, 3) in [0, 1]
        picture = np.asarray(self.record.image.convert("RGB"), dtype=np.float64) / 255
        blend = (1 - self.alpha) * picture + self.alpha * colour
        self.image.value = png(Image.fromarray((blend * 255).round().astype(np.uint8)), self.zoom)
        first, last = self.steps.value
        self.caption.value = (f"{self.word.value!r}, steps {first}-{last}, {self.resolution.label} resolution(s): "
                              f"attention share from {heat.min():.3f} to {heat.max():.3f} (mean {heat.mean():.3f}); "
                              f"{1000 * (time.perf_counter() - start):.0f} ms")


# the names to call: each returns the widget's object, which Jupyter displays as its widget
denoising_scrubber, cfg_explorer, clip_skip_toggle = DenoisingScrubber, CFGExplorer, ClipSkipToggle
attention_explorer, sampler_grid = AttentionExplorer, SamplerGrid
