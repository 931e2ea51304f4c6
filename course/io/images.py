"""Pictures in and out of the pipeline: PIL images and [0, 1] tensors to the VAE's [-1, 1] range, masks, PNG.

No paper here: the conventions are diffusers' VaeImageProcessor's (uint8 / 255, then 2x - 1; masks to grey,
then binarised at 0.5; uint8(round(255 · x)) on the way out), so the same picture gives the same tensor.
Where PIL's own ``convert`` (what diffusers calls) gives a wrong picture, ``flatten`` departs from it: 16-bit
grey is scaled to 0..255 instead of clipped at 255, and transparent pixels are laid on a stated background
instead of showing whatever colour the file kept under them (see ``flatten``).
"""
from __future__ import annotations

import numpy as np
import torch

__all__ = ["as_tensor", "image_tensor", "mask_tensor", "to_pil", "load_image", "flatten", "check_save_path"]

# PIL's integer grey modes: PNG's 16-bit grey opens as "I;16" (older PIL: "I"), 16-bit PGM as "I"
SIXTEEN_BIT = ("I", "I;16", "I;16L", "I;16B", "I;16N")
BACKGROUND = {"RGB": (255, 255, 255), "L": (0, 0, 0)}  # under transparent pixels: see flatten


def flatten(image, mode: str = "RGB", name: str = "image"):
    """Any PIL image -> an image of ``mode``: "RGB" for pictures, "L" for masks (and grey hints).

    PIL's ``convert`` alone gets two kinds of file wrong, so they are handled first:
    - 16-bit grey ("I;16", and "I", read as 16-bit: values clipped to 0..65535) is scaled to 0..255
      (round(v / 257)); ``convert`` would clip every value above 255 to white.
    - Transparency (RGBA, LA, PA, palette or grey/RGB PNGs with a transparent colour) is composited on a
      defined background: white for pictures ("RGB"), as image viewers and web pages show them; black for
      masks ("L"), so a transparent pixel is "not painted" = keep. ``convert`` would drop the alpha and keep
      whatever colour the file stored under a transparent pixel.
    Floating-point images ("F") have no agreed range and are refused.
    """
    from PIL import Image

    if image.mode == "F":
        raise ValueError(f"{name} is a floating-point picture (PIL mode 'F'), whose range is not known: save it as "
                         "an 8-bit PNG, or pass a torch tensor in [0, 1].")
    if image.mode in SIXTEEN_BIT:
        grey = np.clip(np.asarray(image).astype(np.float64), 0, 65535) / 257.0  # 65535 / 257 = 255 exactly
        image = Image.fromarray(np.round(grey).astype(np.uint8), "L")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
        rgba = image.convert("RGBA")  # palette and tRNS transparency become an alpha channel here
        background = Image.new("RGBA", image.size, BACKGROUND.get(mode, (255, 255, 255)) + (255,))
        image = Image.alpha_composite(background, rgba)
    return image.convert(mode)


def as_tensor(value, name: str, channels: int, mode: str) -> torch.Tensor:
    """PIL image (any mode, see ``flatten``), (H, W[, C]) uint8 array or a tensor -> float (B, C, H, W) in [0, 1]."""
    try:
        from PIL import Image
        if isinstance(value, Image.Image):
            value = np.asarray(flatten(value, mode, name))
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


def load_image(path, size: tuple[int, int] | None = None, mode: str = "RGB"):
    """Open a picture file as a PIL image of ``mode`` ("RGB" for pictures, "L" for masks; converted by
    ``flatten``: 16-bit scaled, transparency on white for pictures and on black for masks), turned upright as
    its EXIF orientation says (as diffusers' load_image); ``size`` (width, height) resizes it (Lanczos, as
    diffusers). A missing file is a FileNotFoundError; a folder, or a file that is no picture PIL can read, a
    ValueError naming the file."""
    from pathlib import Path

    from PIL import Image, ImageOps, UnidentifiedImageError

    path = Path(path)
    if path.is_dir():
        raise ValueError(f"{str(path)!r} is a folder, not a picture: give the path of a picture file (PNG or JPEG).")
    if not path.is_file():
        raise FileNotFoundError(f"no image file at {str(path)!r}: check the path.")
    try:
        with Image.open(path) as opened:
            image = flatten(ImageOps.exif_transpose(opened), mode, str(path))  # reads every pixel: errors show here
    except UnidentifiedImageError:
        raise ValueError(f"{str(path)!r} is not a picture file PIL can read: save it as PNG or JPEG.") from None
    except Image.DecompressionBombError as err:
        raise ValueError(f"{str(path)!r} is too large to open safely ({err}): make it smaller first.") from None
    except PermissionError:
        raise ValueError(f"{str(path)!r} cannot be read: permission denied; check the file's permissions "
                         "(chmod +r).") from None
    except OSError as err:  # truncated or damaged files
        raise ValueError(f"{str(path)!r} could not be read as a picture ({err}): the file may be truncated or "
                         "damaged; copy it again or re-save it as PNG.") from None
    return image.resize(size, Image.LANCZOS) if size is not None and image.size != tuple(size) else image


SAVE_FORMATS = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff")  # PIL writes each from an RGB image


def check_save_path(path, what: str = "") -> None:
    """Refuse, before any work, a path a picture cannot be saved to: a folder, an extension that is no picture
    format (``SAVE_FORMATS``), a folder that does not exist or is not writable, a read-only file. ``what``
    (e.g. "--out") goes in front of the path in the message."""
    import os
    from pathlib import Path

    from PIL import Image

    path = Path(path)
    name = f"{what} {path}".strip()
    Image.init()  # registers the formats this PIL can write
    usable = [s for s in SAVE_FORMATS if Image.registered_extensions().get(s) in Image.SAVE]
    if path.is_dir():
        raise ValueError(f"{name} is a folder: give a picture file name, e.g. {path / 'image.png'}.")
    if path.suffix.lower() not in usable:
        bad = f"has the unknown picture format {path.suffix!r}" if path.suffix else "has no picture extension"
        raise ValueError(f"{name} {bad}: end the name with one of {', '.join(usable)} "
                         f"(e.g. {path.with_suffix('.png')}).")
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"{name}: {folder} is a file, not a folder: save somewhere else.")
    if not folder.is_dir():
        raise ValueError(f"{name}: the folder {folder} does not exist: create it (mkdir -p {folder}) or save "
                         "somewhere else.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValueError(f"{name}: the folder {folder} is not writable (its permissions, or a read-only disk): "
                         "save somewhere else, or make it writable.")
    if path.exists() and not os.access(path, os.W_OK):
        raise ValueError(f"{name} exists and is read-only: save somewhere else, or make it writable.")
