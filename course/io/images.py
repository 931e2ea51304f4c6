"""Pictures in and out of the pipeline: PIL images and [0, 1] tensors to the VAE's [-1, 1] range, masks, PNG.

No paper here: the conventions are diffusers' VaeImageProcessor's (uint8 / 255, then 2x - 1; masks to grey,
then binarised at 0.5; uint8(round(255 · x)) on the way out), so the same picture gives the same tensor.
"""
from __future__ import annotations

import numpy as np
import torch

__all__ = ["as_tensor", "image_tensor", "mask_tensor", "to_pil", "load_image"]


def as_tensor(value, name: str, channels: int, mode: str) -> torch.Tensor:
    """PIL image, (H, W[, C]) uint8 array or a tensor -> float (B, C, H, W) in [0, 1]."""
    try:
        from PIL import Image
        if isinstance(value, Image.Image):
            value = np.asarray(value.convert(mode))
    except ImportError:  # pragma: no cover - PIL comes with matplotlib
        pass
    if isinstance(value, np.ndarray):
        if value.dtype != np.uint8:
            raise ValueError(f"{name} is a numpy array of {value.dtype}: pass uint8 (0..255) pixels, a PIL image, "
                             "or a torch tensor in [0, 1].")
        pixels = value.astype(np.float32) / 255.0
        pixels = pixels[..., None] if pixels.ndim == 2 else pixels  # (H, W, C)
        value = torch.from_numpy(pixels[None]).permute(0, 3, 1, 2)  # (1, C, H, W), channels-last in memory as diffusers'
    if not isinstance(value, torch.Tensor):
        raise ValueError(f"{name} is a {type(value).__name__}: pass a PIL image, a uint8 numpy array or a "
                         f"torch tensor ({channels}, H, W) in [0, 1].")
    if value.ndim == 2 and channels == 1:
        value = value[None]
    if value.ndim == 3:
        value = value[None]
    if value.ndim != 4 or value.shape[1] != channels:
        raise ValueError(f"{name} has shape {tuple(value.shape)}: expected ({channels}, H, W) or (B, {channels}, H, W).")
    if not torch.is_floating_point(value):
        raise ValueError(f"{name} has dtype {value.dtype}: pass floats in [0, 1] (e.g. tensor.float() / 255).")
    if bool(torch.isnan(value).any()) or float(value.min()) < 0 or float(value.max()) > 1:
        raise ValueError(f"{name} has values outside [0, 1] (min {float(value.min()):.3g}, max "
                         f"{float(value.max()):.3g}): pass pixels in [0, 1]; from [-1, 1] use (x + 1) / 2.")
    return value.float()


def image_tensor(image, name: str = "image") -> torch.Tensor:
    """A picture -> (B, 3, H, W) in [-1, 1], what the VAE encodes. H and W must be multiples of 8."""
    x = as_tensor(image, name, 3, "RGB")
    H, W = x.shape[2:]
    if H % 8 or W % 8 or H < 8 or W < 8:
        raise ValueError(f"{name} is {W}×{H} (width×height) pixels: both must be multiples of 8 (the VAE's factor); "
                         f"resize or crop it first, e.g. image.resize(({max(8, W // 8 * 8)}, {max(8, H // 8 * 8)})).")
    return x * 2 - 1


def mask_tensor(mask, image_shape) -> torch.Tensor:
    """A mask -> (B, 1, H, W) of 0/1 (>= 0.5 becomes 1 = repaint), checked against the image's (B, 3, H, W)."""
    m = as_tensor(mask, "mask", 1, "L")
    if m.shape[2:] != tuple(image_shape[2:]):
        raise ValueError(f"the mask is {m.shape[3]}×{m.shape[2]} but the image is {image_shape[3]}×{image_shape[2]} "
                         "(width×height): make the mask the same size as the image.")
    if m.shape[0] not in (1, image_shape[0]):
        raise ValueError(f"{m.shape[0]} masks for {image_shape[0]} images: pass one mask, or one per image.")
    return (m >= 0.5).float()


def to_pil(images: torch.Tensor) -> list:
    """(B, 3, H, W) in [-1, 1] -> list of PIL images, as diffusers rounds: uint8(round(255 · clamp(x/2 + 0.5)))."""
    from PIL import Image

    x = (images / 2 + 0.5).clamp(0, 1).cpu().permute(0, 2, 3, 1).float().numpy()  # (B, H, W, 3)
    return [Image.fromarray((im * 255).round().astype("uint8")) for im in x]


def load_image(path, size: tuple[int, int] | None = None):
    """Open a picture file as an RGB PIL image; ``size`` (width, height) resizes it (Lanczos, as diffusers)."""
    from pathlib import Path

    from PIL import Image

    if not Path(path).is_file():
        raise FileNotFoundError(f"no image file at {str(path)!r}: check the path.")
    try:
        image = Image.open(path).convert("RGB")
    except OSError as err:
        raise ValueError(f"{str(path)!r} could not be read as an image ({err}); use a PNG or JPEG file.") from None
    return image.resize(size, Image.LANCZOS) if size is not None and image.size != tuple(size) else image
