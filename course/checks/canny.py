"""Checks for notebook 07, §1: the Canny steps (Sobel, non-maximum suppression, hysteresis, all four together).

Each check calls the learner's function and ours (``course.io.canny``, which agrees with OpenCV pixel for pixel) on
the same pictures: flat ones with a step, the course's shapes, noisy colour blocks with edges of every direction.
When a result is wrong, the usual mistakes (a zero border, gx and gy swapped, ties kept on both sides, 4 neighbours
instead of 8, the thresholds swapped, ...) are tried on the same input, and the one that gives the learner's result
is named first, above the pixel report.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from course.checks import progress
from course.checks.core import CheckResult, Labelled
from course.checks.slips import compare_with_slips
from course.io import canny as ref
from course.training import data

__all__ = ["check_sobel", "check_non_max_suppression", "check_hysteresis", "check_canny", "canny_test_pictures"]

SOBEL_TIERS = (
    "slide the 3×3 kernel over the picture: each output pixel is the sum of the kernel's weights times the pixel's "
    "neighbours. Work in 32-bit integers, and repeat the border pixels outward so a flat border makes no edge.",
    "pad the picture by one pixel in edge mode, then for each of the nine offsets of the window add that weight of the "
    "kernel times the padded picture shifted by the offset, the whole picture at once; the same for the y kernel, "
    "which is the x kernel transposed.",
    "gx must be right minus left, a correlation with the kernel as it is, not flipped; gy below minus above; both "
    "int32 arrays of the picture's size.",
)
NMS_TIERS = (
    "a pixel survives when its magnitude beats its two neighbours across the edge, the neighbours the gradient points "
    "to; everything else becomes 0.",
    "sort each pixel's gradient into four directions with the fixed-point tangent of 22.5 degrees: nearly horizontal "
    "compares left and right, nearly vertical above and below, and a diagonal the two corners along it, up-left and "
    "down-right when gx and gy have the same sign. Outside the picture the magnitude is 0.",
    "ties follow OpenCV: across a horizontal or vertical gradient, strictly greater than the neighbour before it, left "
    "or above, and at least equal to the one after it; along a diagonal, strictly greater than both. Return the "
    "magnitude where the pixel survives, not a mask.",
)
HYSTERESIS_TIERS = (
    "strong pixels, above high, are edges; weak pixels, above low, become edges only when they touch an edge; grow "
    "the edges until nothing changes.",
    "each round, a weak pixel joins when any of its 8 neighbours, diagonals included, is already an edge; repeat the "
    "rounds until a round adds nothing, since one round reaches only one pixel further.",
    "both comparisons are strict, greater than, not greater or equal; return a boolean array the size of thin.",
)
CANNY_TIERS = (
    "chain your three steps: gradients, magnitude, thinning, then the two thresholds, and turn the boolean edges into "
    "an 8-bit picture.",
    "the magnitude is the sum of the absolute values of gx and gy, OpenCV's default L1 norm; hand it to the thinning "
    "step with gx and gy in that order, then hysteresis with low and high in that order, from the arguments.",
    "the result is uint8, 255 on the edges and 0 elsewhere.",
)
for _name, _tiers in (("sobel", SOBEL_TIERS), ("non_max_suppression", NMS_TIERS), ("hysteresis", HYSTERESIS_TIERS),
                      ("canny", CANNY_TIERS)):
    progress.register(_name, "07_controlnet", "§1", *_tiers)


def canny_test_pictures() -> dict[str, np.ndarray]:
    """Grey (H, W) uint8 pictures: a vertical and a diagonal step, two course shapes (grey), noisy blobs, a plateau."""
    step = np.zeros((12, 12), np.uint8)
    step[:, 6:] = 200
    y, x = np.mgrid[0:16, 0:16]
    diagonal = np.where(x + y > 15, 180, 20).astype(np.uint8)
    rng = np.random.default_rng(7)
    shapes = {f"{s.colour} {s.shape}": data.render(s, 32, rng=rng).mean(axis=2).astype(np.uint8)
              for s in (data.Spec("red", "circle", "white", "top left"), data.Spec("blue", "triangle", "yellow",
                                                                                  "center"))}
    coarse = rng.uniform(0, 255, (5, 5))
    blobs = np.kron(coarse, np.ones((8, 8)))[:36, :36] + rng.normal(0, 8, (36, 36))  # blocks with noise
    return {"vertical step": step, "diagonal step": diagonal, **shapes,
            "noisy blocks": np.clip(blobs, 0, 255).astype(np.uint8)}


def _pictures() -> list[tuple]:
    return [(Labelled(p, f"{name} {p.shape}"),) for name, p in canny_test_pictures().items()]


# ---- Sobel ---------------------------------------------------------------------------------------------

def _correlate(gray: np.ndarray, kernel: np.ndarray, mode: str = "edge", dtype=np.int32) -> np.ndarray:
    H, W = gray.shape
    p = np.pad(gray.astype(dtype), 1, mode=mode)
    return sum(kernel[dy, dx].astype(dtype) * p[dy:dy + H, dx:dx + W] for dy in range(3) for dx in range(3))


PREWITT_X = np.array([[-1, 0, 1]] * 3, dtype=np.int32)


def _wrapped(g, back_to_int32):
    gx, gy = ref.sobel(g)
    gx, gy = gx.astype(np.uint8), gy.astype(np.uint8)
    return (gx.astype(np.int32), gy.astype(np.int32)) if back_to_int32 else (gx, gy)


SOBEL_SLIPS = [
    ("the border was padded with zeros: then a flat picture gets edges all along its border. Replicate the border "
     "pixels (numpy's edge padding), as OpenCV's Canny does.",
     lambda g: (_correlate(g, ref.SOBEL_X, "constant"), _correlate(g, ref.SOBEL_Y, "constant"))),
    ("gx and gy are swapped: gx, right minus left, is the kernel with its columns of −1, −2, −1 and 1, 2, 1; gy is "
     "its transpose.", lambda g: ref.sobel(g)[::-1]),
    ("the signs are flipped: gx must be right minus left and gy below minus above. A convolution flips the kernel; "
     "this step is a correlation (weight times the neighbour at the same offset).",
     lambda g: tuple(-a for a in ref.sobel(g))),
    ("gx has the wrong sign (left minus right): a convolution flips the kernel; use it as a correlation.",
     lambda g: (-ref.sobel(g)[0], ref.sobel(g)[1])),
    ("gy has the wrong sign (above minus below): a convolution flips the kernel; use it as a correlation.",
     lambda g: (ref.sobel(g)[0], -ref.sobel(g)[1])),
    ("the values wrapped around: the sums were kept in uint8, where −1 is 255. Cast the picture to int32 first.",
     lambda g: _wrapped(g, back_to_int32=False)),
    ("the values wrapped around: something was computed in uint8, where −1 is 255. Cast the picture to int32 before "
     "any arithmetic.", lambda g: _wrapped(g, back_to_int32=True)),
    ("the side columns are weighted 1, 1, 1 (Prewitt's kernel); Sobel weights the middle row twice: 1, 2, 1.",
     lambda g: (_correlate(g, PREWITT_X), _correlate(g, PREWITT_X.T))),
    ("the values are right but the arrays are float64: return int32, as OpenCV's Canny computes in integers.",
     lambda g: tuple(a.astype(np.float64) for a in ref.sobel(g))),
    ("the values are right but the arrays are int64: return int32 (cast the picture with astype(np.int32)).",
     lambda g: tuple(a.astype(np.int64) for a in ref.sobel(g))),
]


def check_sobel(fn: Callable) -> CheckResult:
    """``fn(gray)``: (H, W) uint8 -> (gx, gy), int32 arrays, border replicated."""
    return compare_with_slips(fn, ref.sobel, _pictures(), SOBEL_SLIPS, name="sobel", hint=SOBEL_TIERS[0])


# ---- non-maximum suppression -------------------------------------------------------------------------------

def _nms(magnitude, gx, gy, before=">", after=">=", diagonal="right", hv_swapped=False, pad="constant",
         out="magnitude"):
    """Non-maximum suppression with one convention changed: the comparisons, which diagonal goes with which signs,
    horizontal and vertical neighbours swapped, the padding, what is returned."""
    H, W = magnitude.shape
    m = np.pad(magnitude, 1, mode=pad)

    def at(dy, dx):
        return m[1 + dy:1 + dy + H, 1 + dx:1 + dx + W]

    def beats(a, b, first, second):
        cmp = {">": np.greater, ">=": np.greater_equal}
        return cmp[first](magnitude, a) & cmp[second](magnitude, b)

    ax, ay = np.abs(gx).astype(np.int64), np.abs(gy).astype(np.int64) << 15
    horizontal = ay < ax * ref.TAN22_Q15
    vertical = ~horizontal & (ay > ax * ref.TAN22_Q15 + (ax << 16))
    if hv_swapped:
        horizontal, vertical = vertical, horizontal
    same_sign = (gx > 0) == (gy > 0)
    if diagonal == "swapped":
        same_sign = ~same_sign
    keep = np.where(horizontal, beats(at(0, -1), at(0, 1), before, after),
                    np.where(vertical, beats(at(-1, 0), at(1, 0), before, after),
                             np.where(same_sign, beats(at(-1, -1), at(1, 1), ">", ">"),
                                      beats(at(-1, 1), at(1, -1), ">", ">"))))
    return keep if out == "mask" else np.where(keep, magnitude, 0)


NMS_SLIPS = [
    ("ties are kept on both sides (≥ before and ≥ after): then both pixels of a plateau two pixels wide survive. "
     "Be strictly greater than the neighbour before (left, above) and at least equal to the one after.",
     lambda m, gx, gy: _nms(m, gx, gy, before=">=", after=">=")),
    ("both comparisons are strict (> before and > after): then neither pixel of a plateau two pixels wide survives. "
     "Be strictly greater than the neighbour before (left, above) and at least equal to the one after.",
     lambda m, gx, gy: _nms(m, gx, gy, before=">", after=">")),
    ("the tie rule is the wrong way round (≥ before, > after): OpenCV keeps the first pixel of a plateau, strictly "
     "greater than the neighbour before it (left, above) and at least equal to the one after.",
     lambda m, gx, gy: _nms(m, gx, gy, before=">=", after=">")),
    ("the diagonals are swapped: when gx and gy have the same sign the gradient points down-right or up-left (y grows "
     "downwards), so compare up-left and down-right; with opposite signs, up-right and down-left.",
     lambda m, gx, gy: _nms(m, gx, gy, diagonal="swapped")),
    ("horizontal and vertical are swapped: a nearly horizontal gradient (small |gy|) crosses a vertical edge, so "
     "compare with the left and right neighbours; a nearly vertical one with those above and below.",
     lambda m, gx, gy: _nms(m, gx, gy, hv_swapped=True)),
    ("the magnitude was padded by repeating the border; outside the picture it counts as 0 (pad with zeros), so an "
     "edge touching the border is kept.", lambda m, gx, gy: _nms(m, gx, gy, pad="edge")),
    ("you returned the mask of the pixels that survive; return the magnitude there and 0 elsewhere (hysteresis "
     "compares it with the thresholds).", lambda m, gx, gy: _nms(m, gx, gy, out="mask")),
]


def _nms_inputs() -> list[tuple]:
    cases = []
    for name, p in canny_test_pictures().items():
        gx, gy, magnitude = ref.gradients(p)
        cases.append((Labelled(magnitude, f"magnitude of {name}"), Labelled(gx, "gx"), Labelled(gy, "gy")))
    return cases


def check_non_max_suppression(fn: Callable) -> CheckResult:
    """``fn(magnitude, gx, gy)`` -> the magnitude where it is a maximum across the edge, else 0."""
    return compare_with_slips(fn, ref.non_max_suppression, _nms_inputs(), NMS_SLIPS, name="non_max_suppression",
                              hint=NMS_TIERS[0])


# ---- hysteresis --------------------------------------------------------------------------------------------

def _grow(thin, low, high, neighbours=8, rounds=None, strict=True, only_weak=True):
    """Hysteresis with one convention changed (no threshold check, so swapped thresholds can be tried too)."""
    gt = np.greater if strict else np.greater_equal
    weak, edges = gt(thin, low), gt(thin, high)
    done = 0
    while rounds is None or done < rounds:
        p = np.pad(edges, 1)
        near = p[:-2, 1:-1] | p[2:, 1:-1] | p[1:-1, :-2] | p[1:-1, 2:]
        if neighbours == 8:
            near = near | p[:-2, :-2] | p[:-2, 2:] | p[2:, :-2] | p[2:, 2:]
        grown = (weak if only_weak else True) & (edges | near)
        done += 1
        if (grown == edges).all():
            return edges
        edges = grown
    return edges


HYSTERESIS_SLIPS = [
    ("only the strong pixels (above high) are edges: the weak ones (above low) that touch an edge never joined. Grow "
     "the edges into weak neighbours, round after round (or were low and high swapped?).",
     lambda thin, low, high: thin > high),
    ("the edges grew one round only: a weak pixel two steps from a strong one was left out. Repeat the rounds until "
     "one adds nothing.", lambda thin, low, high: _grow(thin, low, high, rounds=1)),
    ("the edges grew through 4 neighbours only: diagonal neighbours count too (8-connectivity), or a diagonal edge "
     "breaks apart.", lambda thin, low, high: _grow(thin, low, high, neighbours=4)),
    ("the thresholds are compared with ≥: a pixel exactly at low or high is not above it. Use strict >.",
     lambda thin, low, high: _grow(thin, low, high, strict=False)),
    ("every weak pixel (above low) was kept, connected or not: a weak pixel is an edge only when it touches an edge.",
     lambda thin, low, high: thin > low),
    ("the edges grew into every neighbour, weak or not: they may grow only into pixels above low.",
     lambda thin, low, high: _grow(thin, low, high, only_weak=False)),
]


def _ridge() -> np.ndarray:
    """A hand-made thin map: a strong pixel, a chain of weak ones that turns diagonally, values exactly at the
    thresholds, an isolated weak pixel and a strong one at the border."""
    thin = np.zeros((9, 12), np.int32)
    thin[2, 1] = 250                                   # strong
    thin[2, 2:5] = [150, 120, 101]                     # weak chain, 3 long
    thin[3, 5], thin[4, 6], thin[5, 7] = 110, 130, 140  # goes on diagonally
    thin[5, 8] = 100                                   # exactly at low: not an edge
    thin[7, 2] = 160                                   # weak, alone
    thin[0, 11] = 200                                  # exactly at high: not strong
    thin[1, 10] = 180                                  # weak next to it
    thin[8, 11] = 300                                  # strong at the border
    return thin


def check_hysteresis(fn: Callable) -> CheckResult:
    """``fn(thin, low, high)`` -> (H, W) bool edges."""
    cases = [(Labelled(_ridge(), "a hand-made thin map (9, 12): a weak chain from a strong pixel"), 100, 200)]
    for name, p in canny_test_pictures().items():
        gx, gy, magnitude = ref.gradients(p)
        thin = ref.non_max_suppression(magnitude, gx, gy)
        for low, high in ((100, 200), (30, 90)):
            cases.append((Labelled(thin, f"thin edges of {name}"), low, high))
    return compare_with_slips(fn, ref.hysteresis, cases, HYSTERESIS_SLIPS, name="hysteresis",
                              hint=HYSTERESIS_TIERS[0])


# ---- the four together -------------------------------------------------------------------------------------

def _canny(gray, low, high, magnitude="l1", order="gx, gy", thresholds="low, high", nms=True, out="255"):
    gx, gy = ref.sobel(gray)
    mag = np.abs(gx) + np.abs(gy) if magnitude == "l1" else np.hypot(gx, gy)
    if nms:
        mag = ref.non_max_suppression(mag, gx, gy) if order == "gx, gy" else ref.non_max_suppression(mag, gy, gx)
    edges = _grow(mag, low, high) if thresholds == "low, high" else _grow(mag, high, low)
    return {"255": edges.astype(np.uint8) * 255, "1": edges.astype(np.uint8), "bool": edges}[out]


CANNY_SLIPS = [
    ("low and high are swapped in the call to hysteresis: then only the strong pixels survive and no weak one joins "
     "them. Pass low first, then high.", lambda g, low, high: _canny(g, low, high, thresholds="high, low")),
    ("the thresholds 100 and 200 are fixed in your function: use the low and high it is given.",
     lambda g, low, high: _canny(g, 100, 200)),
    ("the magnitude is the Euclidean norm √(gx² + gy²); OpenCV's Canny (and the ControlNet annotators) use the L1 "
     "norm, |gx| + |gy|, with the thresholds meant for it.", lambda g, low, high: _canny(g, low, high, magnitude="l2")),
    ("gx and gy reached non_max_suppression in the wrong order: it takes the magnitude, then gx, then gy.",
     lambda g, low, high: _canny(g, low, high, order="gy, gx")),
    ("the edges are thick: the magnitude went to hysteresis without non-maximum suppression in between.",
     lambda g, low, high: _canny(g, low, high, nms=False)),
    ("the edges are 1, not 255: multiply the uint8 edges by 255 (white on black, as cv2.Canny).",
     lambda g, low, high: _canny(g, low, high, out="1")),
    ("you returned hysteresis' boolean edges; the result is uint8, 255 on the edges and 0 elsewhere.",
     lambda g, low, high: _canny(g, low, high, out="bool")),
]


def check_canny(fn: Callable) -> CheckResult:
    """``fn(gray, low, high)`` -> (H, W) uint8, 255 on edges: the learner's steps put together, against OpenCV."""
    pictures = canny_test_pictures()
    cases = [(Labelled(p, f"{name} {p.shape}"), 100, 200) for name, p in pictures.items()]
    cases += [(Labelled(pictures[name], f"{name} {pictures[name].shape}"), low, high)
              for name, low, high in (("noisy blocks", 30, 90), ("blue triangle", 50, 150))]
    return compare_with_slips(fn, ref.canny, cases, CANNY_SLIPS, name="canny", hint=CANNY_TIERS[0])
