"""The parts the widgets (course/notebook/widgets.py) are built from: pictures for display, a progress bar inside a widget,
and the checks of a widget's options.

Pictures are what ``course.io.images.to_pil`` makes, enlarged with nearest neighbour (a 32×32 picture ×6) so that
small models' pictures are big enough to see; latent maps are shown on a fixed scale so that steps compare.
"""
from __future__ import annotations

import io
import time
from contextlib import contextmanager

import ipywidgets as widgets
import torch
from IPython import get_ipython
from IPython.display import display
from PIL import Image
from tqdm import tqdm

from course.io.images import to_pil
from course.pipeline import with_defaults

__all__ = ["DISPLAY_WIDTH", "zoom_for", "png", "decode", "latent_picture", "check_options", "titled", "picture",
           "Progress", "Shown"]

DISPLAY_WIDTH = 192  # pixels: smaller pictures are enlarged by a whole factor to about this width
SET_BY_WIDGET = ("callback", "output_type", "num_images_per_prompt", "generator", "progress")


def zoom_for(width: int) -> int:
    """The whole factor a picture ``width`` pixels wide is enlarged by for display (1 from 192 px up)."""
    return max(1, DISPLAY_WIDTH // width)


def png(image: Image.Image, zoom: int = 1) -> bytes:
    """A PIL image -> PNG bytes, enlarged ``zoom`` times with nearest neighbour (each pixel a zoom × zoom block)."""
    if zoom > 1:
        image = image.resize((image.width * zoom, image.height * zoom), Image.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def decode(parts, latents: torch.Tensor) -> list:
    """Latents (N, C, h, w) -> N PIL images through the VAE, a few at a time (SD 1.5's decoder is big)."""
    per_batch = max(1, 4 * 64 * 64 // (latents.shape[2] * latents.shape[3]))  # 4 at SD 1.5's 64×64
    latents = latents.to(next(parts.vae.parameters()).dtype)  # a float32 VAE beside half-precision parts
    with torch.no_grad():
        return [im for chunk in latents.split(per_batch)
                for im in to_pil(parts.vae.decode(chunk / parts.vae.scaling_factor))]


def latent_picture(z: torch.Tensor) -> Image.Image:
    """A latent-sized map (C, h, w) as a picture: channels 0, 1, 2 as red, green, blue (fewer channels: repeated),
    on a fixed scale, -2 -> 0 and +2 -> 255, so a unit Gaussian fills the range and sizes compare across steps."""
    rgb = z[[k % z.shape[0] for k in range(3)]].float().cpu()  # (3, h, w)
    pixels = ((0.5 + rgb / 4).clamp(0, 1) * 255).round().to(torch.uint8)
    return Image.fromarray(pixels.permute(1, 2, 0).numpy())  # (h, w, 3)


def check_options(parts, prompt, options: dict, own=()) -> dict:
    """Check a widget's prompt and generation options; fill in ``steps`` (unless the widget sets it: ``own``)."""
    if not isinstance(prompt, str):
        raise ValueError(f"prompt={prompt!r}: a widget shows one picture, so pass one prompt as a str.")
    taken = sorted(set(options) & {*SET_BY_WIDGET, *own})
    if taken:
        raise ValueError(f"{', '.join(taken)}: the widget sets these itself; leave them out (its docstring says how "
                         "to choose them).")
    if "steps" in own:
        return options
    return dict(options, steps=with_defaults(parts, options.get("steps"), None, None)[0])


def titled(title: str, child: widgets.Widget) -> widgets.VBox:
    return widgets.VBox([widgets.HTML(f"<b>{title}</b>"), child])


def picture(png_bytes: bytes = b"") -> widgets.Image:
    return widgets.Image(format="png", value=png_bytes)


class Progress:
    """A progress bar and a label inside the widget (the label keeps the last task's wall time). While the widget
    is being built it is not on screen yet, so ``console=True`` shows the bar on its own meanwhile: in Jupyter as
    a display that is blanked when done, elsewhere as a tqdm bar on the terminal."""

    def __init__(self):
        self.bar = widgets.IntProgress(value=0, min=0, max=1, layout=widgets.Layout(width="180px"))
        self.label = widgets.Label("")
        self.box = widgets.HBox([self.bar, self.label])
        self.seconds = None  # wall time of the last finished task

    @contextmanager
    def task(self, total: int, what: str, console: bool = False):
        self.bar.max, self.bar.value, self.label.value = max(1, total), 0, f"{what} ..."
        in_jupyter = hasattr(get_ipython(), "kernel")
        handle = display(self.box, display_id=True) if console and in_jupyter else None
        console_bar = tqdm(total=total, desc=what, leave=False) if console and not in_jupyter else None
        start = time.perf_counter()

        def step(_=None):  # also a sampler callback: it must return None (a tensor would replace x)
            self.bar.value += 1
            if console_bar is not None:
                console_bar.update(1)

        try:
            yield step
        finally:
            if console_bar is not None:
                console_bar.close()
            if handle is not None:
                handle.update({"text/plain": ""}, raw=True)
        self.seconds = time.perf_counter() - start
        self.label.value = f"{what}: {self.seconds:.2f} s"


class Shown:
    """Displays as ``self.widget``: a notebook cell ending with the object shows the widget."""

    widget: widgets.Widget

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
