"""Canny edge maps: the hint of the most used ControlNet, with OpenCV and written out step by step.

Canny 1986, "A Computational Approach to Edge Detection". Four steps turn a picture into thin, connected edges:

1. blur (a Gaussian) so that pixel noise does not make edges of its own (optional: OpenCV's ``Canny`` does not
   blur, and the ControlNet annotators call it on the raw picture);
2. gradients with the Sobel kernels: gx = right - left, gy = below - above, each weighted [1, 2, 1] across;
   magnitude |gx| + |gy| (OpenCV's default "L1" norm). A colour picture: per pixel, the channel with the
   largest magnitude (so a red shape on a blue background of the same brightness still has an edge);
3. non-maximum suppression: keep a pixel only where its magnitude is a maximum across the edge, along the
   gradient direction rounded to 0°, 45°, 90° or 135°: edges one pixel thin;
4. hysteresis: pixels above ``high`` are edges; pixels above ``low`` are edges when connected (8-neighbours)
   to an edge; the rest are not.

``canny_steps`` does them with numpy, following OpenCV's conventions (replicated border for Sobel, zero
magnitude outside the picture, tan 22.5° in fixed point, which side of a tie wins), so that it can be compared
with ``canny`` (``cv2.Canny``) pixel by pixel: tests/test_canny.py measures the agreement.
"""
from __future__ import annotations

import numpy as np

__all__ = ["canny", "edge_hint", "gaussian_kernel", "gaussian_blur", "sobel", "gradients", "non_max_suppression",
           "hysteresis", "canny_steps", "to_uint8"]

SOBEL_X = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.int32)  # right minus left, [1, 2, 1] down
SOBEL_Y = SOBEL_X.T                                       # below minus above
# tan 22.5° = √2 - 1 in OpenCV's fixed point (15 fractional bits): round(0.41421356 · 2^15) = 13573
TAN22_Q15, Q = 13573, 15


def to_uint8(image) -> np.ndarray:
    """A PIL image or a uint8 array (H, W) / (H, W, C) -> uint8 array, what OpenCV takes; clear error otherwise."""
    if hasattr(image, "convert"):  # PIL
        image = np.asarray(image.convert("RGB"))
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.ndim not in (2, 3):
        what = f"{image.dtype} array of shape {image.shape}" if isinstance(image, np.ndarray) else type(image).__name__
        raise ValueError(f"image is a {what}: pass a PIL image or a uint8 array (H, W) or (H, W, 3); from a float "
                         "tensor (3, H, W) in [0, 1] use (x.permute(1, 2, 0).numpy() * 255).round().astype('uint8').")
    return image


def _thresholds(low, high) -> None:
    if not 0 <= low <= high:
        raise ValueError(f"low={low}, high={high}: need 0 <= low <= high (gradient magnitudes, |gx| + |gy|; "
                         "the ControlNet annotators use 100 and 200).")


def canny(image, low: float = 100, high: float = 200) -> np.ndarray:
    """OpenCV's Canny: (H, W) uint8, 255 on edges, 0 elsewhere. ``image``: PIL or uint8 (H, W[, 3])."""
    import cv2

    _thresholds(low, high)
    return cv2.Canny(np.ascontiguousarray(to_uint8(image)), low, high)


def edge_hint(image, low: float = 100, high: float = 200) -> np.ndarray:
    """The ControlNet hint of a picture: its Canny edges, white on black, as an RGB uint8 array (H, W, 3)."""
    return np.repeat(canny(image, low, high)[:, :, None], 3, axis=2)


# ---- the steps, written out ------------------------------------------------------------------------------

def gaussian_kernel(size: int = 5, sigma: float = 1.4) -> np.ndarray:
    """The 1-d Gaussian g_i ∝ exp(-(i - c)² / 2σ²), i = 0 .. size-1, c = (size-1)/2, summing to 1 (float64)."""
    if size < 1 or size % 2 == 0 or sigma <= 0:
        raise ValueError(f"size={size}, sigma={sigma}: the kernel needs an odd size >= 1 and sigma > 0 "
                         "(e.g. 5 and 1.4).")
    i = np.arange(size) - (size - 1) / 2
    g = np.exp(-i ** 2 / (2 * sigma ** 2))
    return g / g.sum()


def _filter(image: np.ndarray, kernel: np.ndarray, border: str) -> np.ndarray:
    """Correlate each channel of (H, W[, C]) with a k×k kernel; ``border``: numpy's pad mode."""
    k = kernel.shape[0] // 2
    pad = ((k, k), (k, k)) + ((0, 0),) * (image.ndim - 2)
    p = np.pad(image, pad, mode=border)
    H, W = image.shape[:2]
    out = np.zeros(image.shape, dtype=np.result_type(image, kernel))
    for dy in range(kernel.shape[0]):
        for dx in range(kernel.shape[1]):
            out += kernel[dy, dx] * p[dy:dy + H, dx:dx + W]  # the pixel dy-k rows down, dx-k columns right
    return out


def gaussian_blur(image: np.ndarray, size: int = 5, sigma: float = 1.4) -> np.ndarray:
    """Blur (H, W[, C]) with the size×size Gaussian (the outer product g gᵀ), mirrored border as OpenCV's
    default (``dcb|abcd|cba``); float64 out."""
    g = gaussian_kernel(size, sigma)
    return _filter(image.astype(np.float64), np.outer(g, g), "reflect")


def sobel(image: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sobel gradients (gx, gy) of (H, W[, C]), int32, the border replicated (``aaa|abcd|ddd``) as OpenCV's Canny."""
    x = image.astype(np.int32)
    return _filter(x, SOBEL_X, "edge"), _filter(x, SOBEL_Y, "edge")


def gradients(image: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(gx, gy, magnitude = |gx| + |gy|), each (H, W). For a colour picture each pixel keeps the channel with
    the largest magnitude (the first one on a tie), with its own gx and gy."""
    gx, gy = sobel(image)
    magnitude = np.abs(gx) + np.abs(gy)
    if image.ndim == 3:
        best = magnitude.argmax(axis=2)[:, :, None]  # (H, W, 1): which channel
        gx, gy, magnitude = (np.take_along_axis(a, best, axis=2)[:, :, 0] for a in (gx, gy, magnitude))
    return gx, gy, magnitude


def non_max_suppression(magnitude: np.ndarray, gx: np.ndarray, gy: np.ndarray) -> np.ndarray:
    """The magnitude where it is a maximum across the edge, else 0. The gradient's direction picks the two
    neighbours to beat: nearly horizontal (|gy| < tan 22.5°·|gx|) left and right; nearly vertical
    (|gy| > tan 67.5°·|gx|) above and below; otherwise the diagonal the gradient points along. Outside the
    picture the magnitude counts as 0. Ties as in OpenCV: across a horizontal or vertical gradient a pixel must
    beat the neighbour before it (left, above) and at least equal the one after it, so of a plateau two pixels
    wide the first survives; along a diagonal it must beat both."""
    m = np.pad(magnitude, 1)  # (H+2, W+2), zeros around
    c = m[1:-1, 1:-1]
    def at(dy, dx): return m[1 + dy:m.shape[0] - 1 + dy, 1 + dx:m.shape[1] - 1 + dx]  # noqa: E306,E704
    ax, ay = np.abs(gx).astype(np.int64), np.abs(gy).astype(np.int64) << Q
    horizontal = ay < ax * TAN22_Q15
    vertical = ~horizontal & (ay > ax * TAN22_Q15 + (ax << (Q + 1)))  # tan 67.5° = tan 22.5° + 2
    same_sign = (gx > 0) == (gy > 0)  # the gradient points down-right or up-left (y grows downwards)
    keep = np.where(horizontal, (c > at(0, -1)) & (c >= at(0, 1)),
                    np.where(vertical, (c > at(-1, 0)) & (c >= at(1, 0)),
                             np.where(same_sign, (c > at(-1, -1)) & (c > at(1, 1)),
                                      (c > at(-1, 1)) & (c > at(1, -1)))))
    return np.where(keep, magnitude, 0)


def hysteresis(thin: np.ndarray, low: float, high: float) -> np.ndarray:
    """Edges (H, W) bool: pixels of ``thin`` above ``high``, grown through 8-connected pixels above ``low``."""
    _thresholds(low, high)
    weak, edges = thin > int(np.floor(low)), thin > int(np.floor(high))
    while True:  # grow by one pixel in every direction, only into weak pixels, until nothing changes
        p = np.pad(edges, 1)
        grown = weak & (p[:-2, :-2] | p[:-2, 1:-1] | p[:-2, 2:] | p[1:-1, :-2] | p[1:-1, 2:]
                        | p[2:, :-2] | p[2:, 1:-1] | p[2:, 2:] | edges)
        if (grown == edges).all():
            return edges
        edges = grown


def canny_steps(image, low: float = 100, high: float = 200, blur: tuple[int, float] | None = None) -> dict:
    """Canny with numpy, keeping every stage: {"input", "blurred", "gx", "gy", "magnitude", "thin", "edges"}.
    ``blur`` = (size, sigma) blurs first (rounded back to uint8, as cv2.GaussianBlur returns it); None: no blur,
    as ``cv2.Canny``. "edges" is (H, W) uint8, 255 on edges, like ``canny``."""
    image = to_uint8(image)
    _thresholds(low, high)
    blurred = image if blur is None else np.clip(np.rint(gaussian_blur(image, *blur)), 0, 255).astype(np.uint8)
    gx, gy, magnitude = gradients(blurred)
    thin = non_max_suppression(magnitude, gx, gy)
    edges = hysteresis(thin, low, high)
    return {"input": image, "blurred": blurred, "gx": gx, "gy": gy, "magnitude": magnitude, "thin": thin,
            "edges": edges.astype(np.uint8) * 255}
