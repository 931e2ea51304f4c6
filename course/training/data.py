"""The synthetic captioned dataset the bundled model is trained on, and the analytic checker that grades it.

One filled shape (circle, square, triangle pointing up) of one colour on a plain background of another, drawn
from a `Spec` with numpy: nothing to download, the same seed gives the same picture. Captions vary in phrasing
as LAION's alt texts did for SD: colour and shape always, the position in ~85% of them, the background in ~90%.

Held out: 26 of the 216 (colour, shape, background) triples (12%) never appear in training, so the evaluation
asks whether the model composes words it has seen into a picture it has not. Which 26: walk the triples in the
order of the SHA-256 of "colour shape background" and take each one unless that would leave one of its pairs
(colour, shape), (colour, background), (shape, background) with no training triple, or give a colour or
background more than 3 held-out triples or a shape more than 9. Every pair is seen in training; only the triple is new.

The checker `read` uses no network, only the facts of this world:
- background: the palette colour nearest the median of the border pixels;
- shape pixels: those more than half-way from the background colour towards the shape's colour (first guessed
  from the pixels > 40 grey levels from the background): a blurred rim counts where it is more than half shape;
- colour: the palette colour nearest the median of the innermost half of those pixels (farthest from the background);
- position: where the centre of their bounding box lies (that is where `render` puts every shape's anchor):
  "center" in the middle box, 3/8..5/8 of the side on both axes, else its quadrant;
- shape: a triangle has its centroid 1/6 of the box height below the box centre (rule: > 0.055); of the others, a
  square fills the corners of its box, where |u| + |v| > 1.5 in box coordinates u, v in [-1, 1], and a circle
  leaves them empty (rule: > 40% filled); of those circles, a ring leaves the middle of its box empty, |u|, |v| <
  1/3 (rule: < 50% filled; the other three shapes fill all of it), and is as symmetric (drop > -0.055, not
  top-heavy); "none" for all four when fewer than 0.5% of the pixels differ. The ring's rule comes last, so it
  can only change what was read "circle" before.
The checker also knows pink (NEW_COLOURS), a colour the dataset never draws: a LoRA teaches it to the model
(course/training/lora.py), and split "new" holds its 27 triples; and the ring (NEW_SHAPES), a shape it never draws,
for textual inversion (course/training/textual_inversion.py): split "new_shape" holds its 72 triples. Neither is
ever drawn for splits "train" and "heldout", so the bundled model's data and evaluation are as they were.
Limits: at 32 px a 3×3 blur misreads ~1 shape in 10,000 (a blurred 10-px circle can equal a blurred 9-px square);
a 5×5 box blur, a quarter of them; 16-px pictures are too small to tell the shapes apart.
"""
from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import torch

__all__ = ["COLOURS", "SHAPES", "POSITIONS", "PROMPT_TEMPLATE", "TEMPLATES", "HELDOUT_TRIPLES", "Spec", "render",
           "prompt", "caption", "split_of", "spec_at", "sample_spec", "heldout_prompts", "ShapesDataset", "Reading",
           "read", "shape_mask", "score", "evaluate", "format_table", "NEW_COLOURS", "NEW_SHAPES"]

# RGB, at least 112 grey levels apart (orange and yellow, the closest pair): noise and blur cannot mix them up.
COLOURS = {"red": (210, 20, 30), "orange": (250, 130, 0), "yellow": (250, 235, 40), "green": (30, 160, 50),
           "blue": (30, 70, 230), "purple": (150, 30, 190), "white": (250, 250, 250), "gray": (128, 128, 128),
           "black": (15, 15, 15)}
# A colour the dataset never draws (it is not in COLOURS), to teach the bundled model with a LoRA (course/training/lora.py,
# notebook 06): Spec, render and read know it; split "new" holds its triples. 120+ grey levels from every colour above,
# and a pink the bundled VAE can draw: a LoRA trains the UNet, not the VAE, and the VAE has only ever seen COLOURS.
# Hot pink (255, 105, 180) comes back white or yellow from the VAE's round trip in most pictures; this one survives it.
NEW_COLOURS = {"pink": (225, 125, 200)}
SHAPES = ("circle", "square", "triangle")
# A shape the dataset never draws (it is not in SHAPES), for textual inversion (course/training/textual_inversion.py):
# Spec, render and read know it; split "new_shape" holds its triples. The hole is 5/8 of the outer diameter (6 to
# 9 px at 32 px): a thinner hole does not survive the bundled VAE's round trip, which has seen only filled shapes.
NEW_SHAPES = ("ring",)
RING_HOLE = 5 / 8
# Where each position puts the shape's centre, (x, y) as fractions of the side; y grows downwards.
POSITIONS = {"top left": (0.25, 0.25), "top right": (0.75, 0.25), "bottom left": (0.25, 0.75),
             "bottom right": (0.75, 0.75), "center": (0.5, 0.5)}
SIZE_RANGE = (0.30, 0.45)  # the shape's side (or diameter) as a fraction of the image side
MAX_JITTER = 1 / 16        # the shape's centre moves at most this fraction of the side (2 px at 32) per axis
PROMPT_TEMPLATE = "a {colour} {shape} in the {position} on a {background} background"
_RGB = {**COLOURS, **NEW_COLOURS}
_NAMES = list(_RGB)
_PALETTE = np.array([_RGB[c] for c in _NAMES], dtype=np.float32)  # (10, 3): what read() tells apart


@dataclass(frozen=True)
class Spec:
    """What one picture shows. size: a fraction of the side; jitter (dx, dy): pixels of the rendered picture."""
    colour: str
    shape: str
    background: str
    position: str
    size: float = 0.375
    jitter: tuple = (0.0, 0.0)

    def __post_init__(self):
        for kind, allowed in (("colour", _RGB), ("shape", SHAPES + NEW_SHAPES), ("background", _RGB),
                              ("position", POSITIONS)):
            if getattr(self, kind) not in allowed:
                raise ValueError(f"{kind}={getattr(self, kind)!r} is not in this world; use one of: "
                                 f"{', '.join(allowed)}.")
        if self.background == self.colour:
            raise ValueError(f"background={self.background!r} equals colour={self.colour!r}: the shape would be "
                             "invisible; pick a background of another colour.")
        if not 0 < self.size <= 1:
            raise ValueError(f"size={self.size} must be in (0, 1]: a fraction of the image side "
                             f"(the dataset draws {SIZE_RANGE[0]} to {SIZE_RANGE[1]}).")
        if len(self.jitter) != 2:
            raise ValueError(f"jitter={self.jitter!r} must be a pair (dx, dy) of pixels, e.g. (0.0, 1.5).")
        object.__setattr__(self, "jitter", (float(self.jitter[0]), float(self.jitter[1])))


def _jitter_range(position: str, size: float, side: int) -> tuple:
    """Per axis, the (low, high) jitter in pixels that keeps the shape whole and within MAX_JITTER of its anchor."""
    half, limit = size * side / 2, MAX_JITTER * side
    return tuple((max(-limit, half - a * side), min(limit, side - half - a * side)) for a in POSITIONS[position])


def render(spec: Spec, size: int = 32, noise: float = 6.0, rng: np.random.Generator | None = None) -> np.ndarray:
    """Draw `spec` as a (size, size, 3) uint8 picture, plus uniform ±`noise` grey levels per pixel and channel
    drawn from `rng` (a fixed generator when None: the picture is then a pure function of the arguments)."""
    if not isinstance(spec, Spec):
        raise ValueError(f"spec is a {type(spec).__name__}: pass a course.training.data.Spec.")
    if int(size) != size or size < 8:
        raise ValueError(f"size={size} must be a whole number of pixels >= 8 (the dataset uses 32).")
    if noise < 0:
        raise ValueError(f"noise={noise} must be >= 0 grey levels (0 draws flat colours; the default is 6).")
    for d, axis, (low, high) in zip(spec.jitter, "xy", _jitter_range(spec.position, spec.size, size)):
        if not low - 1e-9 <= d <= high + 1e-9:
            raise ValueError(f"jitter d{axis}={d:g} px: a {spec.shape} of size {spec.size:g} at {spec.position!r} in a "
                             f"{size}-px picture needs d{axis} in [{low:.2f}, {high:.2f}] to stay whole and within "
                             f"{MAX_JITTER * size:g} px of its anchor (if that range is empty, use a smaller size).")
    s = spec.size * size                                                # side or diameter in pixels
    cx, cy = (a * size + d for a, d in zip(POSITIONS[spec.position], spec.jitter))
    y, x = np.mgrid[0:size, 0:size] + 0.5                               # pixel centres, (size, size) each
    if spec.shape == "circle":
        inside = (x - cx) ** 2 + (y - cy) ** 2 <= (s / 2) ** 2
    elif spec.shape == "square":
        inside = (np.abs(x - cx) <= s / 2) & (np.abs(y - cy) <= s / 2)
    elif spec.shape == "ring":
        r2 = (x - cx) ** 2 + (y - cy) ** 2
        inside = ((s * RING_HOLE / 2) ** 2 <= r2) & (r2 <= (s / 2) ** 2)
    else:  # apex at the top middle of the s×s box, base along its bottom: the half-width grows from 0 to s/2
        down = y - (cy - s / 2)
        inside = (down >= 0) & (down <= s) & (np.abs(x - cx) <= down / 2)
    image = np.empty((size, size, 3), np.float32)
    image[:] = _RGB[spec.background]
    image[inside] = _RGB[spec.colour]
    if noise:
        rng = np.random.default_rng(0) if rng is None else rng
        image += np.rint(rng.uniform(-noise, noise, image.shape))
    return np.clip(image, 0, 255).astype(np.uint8)


def _articles(text: str) -> str:
    return re.sub(r"\ba (?=[aeiou])", "an ", text)  # "a orange circle" -> "an orange circle"


def prompt(spec: Spec) -> str:
    """The evaluation phrasing: PROMPT_TEMPLATE, with "an" before a vowel ("an orange square in the center ...")."""
    return _articles(PROMPT_TEMPLATE.format(colour=spec.colour, shape=spec.shape, position=spec.position,
                                            background=spec.background))


# Caption templates by (names the position, names the background).
TEMPLATES = {
    (True, True): [PROMPT_TEMPLATE, "{background} background, {colour} {shape} in the {position}",
                   "a picture of a {colour} {shape} in the {position} on a {background} background",
                   "{colour} {shape}, {position}, {background} background",
                   "a {background} background with a {colour} {shape} in the {position}",
                   "a {colour} {shape} on a {background} background, {position}"],
    (False, True): ["a {colour} {shape} on a {background} background", "a {colour} {shape}, {background} background",
                    "{colour} {shape} on {background}"],
    (True, False): ["a {colour} {shape} in the {position}", "{colour} {shape}, {position}",
                    "a drawing of a {colour} {shape} in the {position}"],
    (False, False): ["a {colour} {shape}", "{colour} {shape}", "a simple {colour} {shape}"],
}
POSITION_RATE, BACKGROUND_RATE = 0.85, 0.90


def caption(spec: Spec, rng: np.random.Generator) -> str:
    """One lower-case caption for `spec`, its phrasing drawn from `rng`."""
    options = TEMPLATES[bool(rng.random() < POSITION_RATE), bool(rng.random() < BACKGROUND_RATE)]
    where = spec.position
    if where == "center":  # "middle" half of the time: two words for one place, as in real captions
        where = "middle" if rng.random() < 0.5 else where
    return _articles(options[rng.integers(len(options))].format(
        colour=spec.colour, shape=spec.shape, position=where, background=spec.background))


def _heldout(count: int = 26) -> frozenset:
    """The held-out triples, chosen as the module docstring says."""
    triples = sorted((t for t in itertools.product(COLOURS, SHAPES, COLOURS) if t[0] != t[2]),
                     key=lambda t: hashlib.sha256(" ".join(t).encode()).hexdigest())
    pairs = lambda t: (("cs", t[0], t[1]), ("cb", t[0], t[2]), ("sb", t[1], t[2]))  # noqa: E731
    seen = Counter(p for t in triples for p in pairs(t))  # how many training triples show each pair
    used, most = Counter(), {"c": 3, "s": 9, "b": 3}     # ≈ 26/9, 26/3, 26/9: balanced
    held = []
    for t in triples:
        words = (("c", t[0]), ("s", t[1]), ("b", t[2]))
        if len(held) < count and all(seen[p] > 1 for p in pairs(t)) and all(used[w] < most[w[0]] for w in words):
            held.append(t)
            seen.subtract(pairs(t))
            used.update(words)
    return frozenset(held)


HELDOUT_TRIPLES = _heldout()
_SPLITS = {name: sorted(t for t in itertools.product(COLOURS, SHAPES, COLOURS)
                        if t[0] != t[2] and (t in HELDOUT_TRIPLES) == (name == "heldout"))
           for name in ("train", "heldout")}
_SPLITS["new"] = list(itertools.product(NEW_COLOURS, SHAPES, COLOURS))  # never in training: for LoRA (27 triples)
_SPLITS["new_shape"] = [t for t in itertools.product(COLOURS, NEW_SHAPES, COLOURS) if t[0] != t[2]]  # 72 triples


def split_of(colour: str, shape: str, background: str) -> str:
    """"train", "heldout", "new" (a colour of NEW_COLOURS) or "new_shape" (a shape of NEW_SHAPES) for a
    (colour, shape, background) triple."""
    Spec(colour, shape, background, "center")  # checks the names
    if shape in NEW_SHAPES:
        return "new_shape"
    if colour in NEW_COLOURS or background in NEW_COLOURS:
        return "new"
    return "heldout" if (colour, shape, background) in HELDOUT_TRIPLES else "train"


def _check_split(split: str) -> None:
    if split not in _SPLITS:
        raise ValueError(f"split={split!r} is not a split; use 'train' (190 triples), 'heldout' (26 triples), "
                         "'new' (27 triples of a colour the model never saw, for LoRA) or 'new_shape' (72 triples of "
                         "a shape it never saw, for textual inversion).")


def _spec(rng: np.random.Generator, triple, position: str, image_size: int) -> Spec:
    size = float(rng.uniform(*SIZE_RANGE))
    jitter = [float(rng.uniform(low, high)) for low, high in _jitter_range(position, size, image_size)]
    return Spec(*triple, position=position, size=size, jitter=jitter)


def spec_at(rng: np.random.Generator, triple, position: str, image_size: int = 32) -> Spec:
    """A Spec of (colour, shape, background) ``triple`` at ``position``, size and jitter drawn as sample_spec's."""
    return _spec(rng, triple, position, image_size)


def sample_spec(rng: np.random.Generator, split: str = "train", image_size: int = 32) -> Spec:
    """A random Spec of `split`: triple, position, size and jitter (pixels at `image_size`) each uniform."""
    _check_split(split)
    triples = _SPLITS[split]
    return _spec(rng, triples[rng.integers(len(triples))], list(POSITIONS)[rng.integers(len(POSITIONS))], image_size)


def heldout_prompts(n: int = 200, seed: int = 0, image_size: int = 32) -> list:
    """`n` (prompt, Spec) pairs from the held-out triples: position i % 5 and triple i % 26 (in a seeded order),
    so every position gets n/5 prompts and the first 130 cover every (triple, position) once."""
    if n < 1:
        raise ValueError(f"n={n} must be >= 1 (the evaluation uses 200 prompts).")
    rng = np.random.default_rng(seed)
    triples = [_SPLITS["heldout"][i] for i in rng.permutation(len(_SPLITS["heldout"]))]
    specs = [_spec(rng, triples[i % len(triples)], list(POSITIONS)[i % len(POSITIONS)], image_size) for i in range(n)]
    return [(prompt(spec), spec) for spec in specs]


class ShapesDataset(torch.utils.data.Dataset):
    """`n` items (image (3, size, size) float in [0, 1], caption). Item i depends only on (seed, i), so a resumed run
    sees the same data; `drop_caption` is the chance its caption is "" (for classifier-free guidance)."""

    def __init__(self, n: int, seed: int = 0, split: str = "train", size: int = 32, drop_caption: float = 0.0,
                 noise: float = 6.0):
        _check_split(split)
        if n < 1:
            raise ValueError(f"n={n} must be >= 1 images.")
        if not 0 <= drop_caption <= 1:
            raise ValueError(f"drop_caption={drop_caption} must be a probability in [0, 1] (SD used 0.1).")
        self.n, self.seed, self.split, self.size = n, seed, split, size
        self.drop_caption, self.noise = drop_caption, noise

    def __len__(self) -> int:
        return self.n

    def item(self, i: int):
        """(uint8 picture (size, size, 3), caption, Spec) of item i."""
        if not 0 <= i < self.n:
            raise IndexError(f"index {i} is outside this dataset of {self.n} items.")
        rng = np.random.default_rng((self.seed, i))  # one independent stream per (seed, index)
        spec = sample_spec(rng, self.split, self.size)
        image, text = render(spec, self.size, self.noise, rng), caption(spec, rng)
        return image, ("" if rng.random() < self.drop_caption else text), spec

    def __getitem__(self, i: int):
        image, text, _ = self.item(int(i))
        return torch.from_numpy(image).permute(2, 0, 1).float() / 255, text  # (3, H, W) in [0, 1]


@dataclass(frozen=True)
class Reading:
    """What `read` saw, and how sure: pixels in the shape mask, fill (its share of its bounding box), corners and
    drop (the shape rules' inputs), distances in grey levels from the measured colours to the named ones; middle:
    the share of the box's middle ninth in the mask (the ring rule's input, last so older code keeps working)."""
    colour: str
    shape: str
    background: str
    position: str
    pixels: int
    fill: float
    corners: float
    drop: float
    colour_distance: float
    background_distance: float
    middle: float = 1.0


def _pixels(image) -> np.ndarray:
    """uint8 (H, W, 3) array or float (3, H, W) tensor in [0, 1] -> float32 (H, W, 3) in 0..255."""
    if isinstance(image, torch.Tensor):
        if image.ndim != 3 or image.shape[0] != 3 or not torch.is_floating_point(image):
            raise ValueError(f"image is a {image.dtype} tensor of shape {tuple(image.shape)}: pass one float picture "
                             "(3, H, W) in [0, 1] (index a batch first: images[0]).")
        if bool(torch.isnan(image).any()) or float(image.min()) < 0 or float(image.max()) > 1:
            raise ValueError(f"image has values in [{float(image.min()):.3g}, {float(image.max()):.3g}]: pass [0, 1]; "
                             "from the VAE's [-1, 1] use ((x + 1) / 2).clamp(0, 1).")
        return image.detach().float().cpu().permute(1, 2, 0).numpy() * 255
    if isinstance(image, np.ndarray) and image.dtype == np.uint8 and image.ndim == 3 and image.shape[2] == 3:
        return image.astype(np.float32)
    what = f"{image.dtype} array of shape {image.shape}" if isinstance(image, np.ndarray) else type(image).__name__
    raise ValueError(f"image is a {what}: pass a uint8 numpy array (H, W, 3) or a float tensor (3, H, W) in [0, 1].")


def _nearest(rgb: np.ndarray):
    d = np.linalg.norm(_PALETTE - rgb, axis=1)
    return _NAMES[int(d.argmin())], float(d.min())


def _core(px: np.ndarray, dist: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Median colour of the half of the masked pixels farthest from the background: no blurred rims."""
    return np.median(px[mask & (dist >= np.median(dist[mask]))], axis=0)


def _segment(px: np.ndarray):
    """(background name, its distance, (H, W) grey levels from it, shape mask (H, W), min_pixels) of a picture."""
    H, W, _ = px.shape
    border = np.concatenate([px[0], px[-1], px[1:-1, 0], px[1:-1, -1]])  # (2H + 2W - 4, 3)
    background, bg_dist = _nearest(np.median(border, axis=0))
    bg = _PALETTE[_NAMES.index(background)]
    dist = np.linalg.norm(px - bg, axis=2)                             # (H, W) grey levels from the background
    mask, min_pixels = dist > 40, max(4, round(0.005 * H * W))         # first guess: clearly not background
    if mask.sum() >= min_pixels:                                       # then: over half-way to the shape's colour
        towards = _core(px, dist, mask) - bg
        mask = (px - bg) @ towards / max(float(towards @ towards), 1e-6) > 0.5
    return background, bg_dist, dist, mask, min_pixels


def shape_mask(image) -> np.ndarray:
    """The (H, W) bool mask of the shape's pixels, as `read` finds them (module docstring); all False where `read`
    sees no shape. `image` as for `read`: a uint8 array (H, W, 3) (np.asarray of a PIL image) or a float tensor."""
    _, _, _, mask, min_pixels = _segment(_pixels(image))
    return mask if mask.sum() >= min_pixels else np.zeros_like(mask)


def read(image) -> Reading:
    """Colour, shape, background and position of a picture, read by the rules in the module docstring."""
    px = _pixels(image)
    H, W, _ = px.shape
    background, bg_dist, dist, mask, min_pixels = _segment(px)
    n = int(mask.sum())
    if n < min_pixels:
        return Reading("none", "none", background, "none", n, 0.0, 0.0, 0.0, float("nan"), bg_dist, 0.0)
    colour, colour_dist = _nearest(_core(px, dist, mask))
    ys, xs = np.nonzero(mask)
    x, y = (xs.min() + xs.max() + 1) / 2, (ys.min() + ys.max() + 1) / 2  # bounding-box centre, in pixels
    position = ("center" if abs(x - W / 2) <= W / 8 and abs(y - H / 2) <= H / 8 else
                ("top " if y < H / 2 else "bottom ") + ("left" if x < W / 2 else "right"))
    box = mask[ys.min():ys.max() + 1, xs.min():xs.max() + 1]           # (h, w)
    h, w = box.shape
    v, u = np.mgrid[0:h, 0:w]
    far = np.abs((2 * u + 1) / w - 1) + np.abs((2 * v + 1) / h - 1) > 1.5  # the box's corners
    corners = float(box[far].mean()) if far.any() else 0.0            # square ≈ 1, circle ≈ 0
    drop = float(ys.mean() - (ys.min() + ys.max()) / 2) / h            # triangle ≈ 1/6, circle and square ≈ 0
    middle = float(box[(np.abs((2 * u + 1) / w - 1) < 1 / 3) & (np.abs((2 * v + 1) / h - 1) < 1 / 3)].mean()
                   ) if h >= 3 and w >= 3 else 1.0                     # ring ≈ 0, every other shape 1
    shape = ("triangle" if drop > 0.055 else "square" if corners > 0.4 else
             "ring" if middle < 0.5 and drop > -0.055 else "circle")
    return Reading(colour, shape, background, position, n, n / (h * w), corners, drop, colour_dist, bg_dist, middle)


def score(image, spec: Spec) -> dict:
    """Which parts of `spec` the picture shows: {colour, shape, background, position, all}; all = the first three."""
    r = read(image)
    out = {key: getattr(r, key) == getattr(spec, key) for key in ("colour", "shape", "background", "position")}
    out["all"] = out["colour"] and out["shape"] and out["background"]
    return out


def evaluate(images, specs) -> dict:
    """Accuracies over pictures (a (B, 3, H, W) tensor or a sequence of pictures) and their specs, plus n."""
    images, specs = list(images), list(specs)
    if len(images) != len(specs) or not images:
        raise ValueError(f"got {len(images)} images and {len(specs)} specs: pass one spec per image, at least one.")
    scores = [score(image, spec) for image, spec in zip(images, specs)]
    return {**{key: float(np.mean([s[key] for s in scores])) for key in scores[0]}, "n": len(scores)}


def format_table(results) -> str:
    """A markdown table of `evaluate` results, one dict or a dict of named ones (a row each); returns the text."""
    rows = {"": results} if "all" in results else results
    keys = ("colour", "shape", "background", "position", "all")
    lines = ["| | " + " | ".join(keys) + " | n |", "|---" * (len(keys) + 2) + "|"]
    lines += [f"| {name} | " + " | ".join(f"{100 * r[k]:.1f}%" for k in keys) + f" | {r.get('n', '')} |"
              for name, r in rows.items()]
    return "\n".join(lines)
