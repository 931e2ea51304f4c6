"""CLIP's image preprocessing: any picture -> the square, normalised pixels CLIP's image tower was trained on.

Radford et al. 2021, "Learning Transferable Visual Models From Natural Language Supervision" (CLIP), trained its
image tower on square crops, and an IP-Adapter (Ye et al. 2023) reads a picture the same way:

    picture (W, H), any size and mode -> RGB (transparency laid on white)
            -> resize, PIL bicubic: the short side to S, the long side to int(S · long / short)
            -> the centre S × S: top = (h - S) // 2, left = (w - S) // 2
            -> x / 255 (in float64, then float32) -> (x - mean) / std per channel        (3, S, S)

S is the image encoder's ``image_size`` (224 for ViT-H/14 and ViT-L/14); mean and std are those of CLIP's
training pictures. Each step is transformers' ``CLIPImageProcessor`` in its PIL form (``CLIPImageProcessorPil``,
which transformers also falls back to when torchvision is missing), so the same picture gives the same pixels to
the last bit (tests/test_ip_adapter_pipeline.py). With torchvision installed, transformers 5's
``CLIPImageProcessor`` resizes with torchvision's bicubic instead, whose 8-bit rounding can differ from PIL's by a
level at a few pixels. Cropping after resizing keeps the middle of a wide or tall picture and never stretches it.
"""
from __future__ import annotations

import numpy as np
import torch

from course.io.images import as_tensor

__all__ = ["CLIP_MEAN", "CLIP_STD", "clip_pixels", "picture_count"]

CLIP_MEAN = (0.48145466, 0.4578275, 0.40821073)  # per channel (R, G, B) over CLIP's training pictures
CLIP_STD = (0.26862954, 0.26130258, 0.27577711)


def picture_count(pictures) -> int | None:
    """How many pictures ``clip_pixels`` would make of ``pictures`` (None for something that is no picture)."""
    if isinstance(pictures, (list, tuple)):
        return len(pictures)
    shape = getattr(pictures, "shape", None)
    if isinstance(pictures, torch.Tensor) and shape is not None and len(shape) == 4:
        return shape[0]
    if hasattr(pictures, "mode") or shape is not None:  # a PIL image, an array (H, W[, C]), a tensor (3, H, W)
        return 1
    return None


def clip_pixels(pictures, image_size: int = 224, mean=CLIP_MEAN, std=CLIP_STD, name: str = "picture"):
    """One picture or a list of them -> (B, 3, image_size, image_size) float32, ready for the image encoder.

    A picture is a PIL image (any mode), a uint8 array (H, W[, 3]) or a tensor (3, H, W) / (B, 3, H, W) in [0, 1];
    a tensor is first rounded to 8 bits, uint8(round(255 · x)), so it gives what the PIL image it stands for
    gives. Pictures may differ in size."""
    batch = list(pictures) if isinstance(pictures, (list, tuple)) else [pictures]
    if not batch:
        raise ValueError(f"{name}: an empty list; pass a picture (PIL image, or a tensor (3, H, W) in [0, 1]), or a "
                         "list of them.")
    out = []
    for k, picture in enumerate(batch):
        label = name if len(batch) == 1 else f"{name}[{k}]"
        for rgb in as_tensor(picture, label, 3, "RGB"):  # (3, H, W) in [0, 1]: PIL modes flattened, alpha on white
            out.append(_square(rgb, image_size))
    x = torch.stack(out)  # (B, 3, S, S) in 0..255
    x = (x.double() * (1 / 255)).float()  # as transformers' rescale: float64, then float32
    mean = torch.tensor(mean, dtype=torch.float32)[:, None, None]
    std = torch.tensor(std, dtype=torch.float32)[:, None, None]
    return (x - mean) / std


def _square(rgb: torch.Tensor, size: int) -> torch.Tensor:
    """(3, H, W) in [0, 1] -> (3, size, size) uint8 values: short side resized to ``size`` (bicubic), centre kept."""
    from PIL import Image

    eight_bit = (rgb * 255).round().to(torch.uint8).permute(1, 2, 0).numpy()  # (H, W, 3)
    picture = Image.fromarray(np.ascontiguousarray(eight_bit), "RGB")
    w, h = picture.size
    short, long = min(w, h), max(w, h)
    new_long = int(size * long / short)  # truncated, as transformers' get_resize_output_image_size
    new_w, new_h = (size, new_long) if w <= h else (new_long, size)
    resized = np.asarray(picture.resize((new_w, new_h), resample=Image.BICUBIC))  # (new_h, new_w, 3)
    top, left = (new_h - size) // 2, (new_w - size) // 2
    crop = resized[top:top + size, left:left + size]  # (size, size, 3)
    return torch.from_numpy(np.array(crop)).permute(2, 0, 1)  # (3, size, size); a copy: PIL's array is read-only
