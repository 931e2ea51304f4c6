"""The synthetic dataset and its analytic checker: render -> read round trips, captions, splits, determinism, errors.

Run with -s to see the checker's accuracies on clean, noisy and blurred pictures.
"""
import itertools
import re

import numpy as np
import pytest
import torch

from course.training import data as D

TRIPLES = [(c, s, b) for c, s, b in itertools.product(D.COLOURS, D.SHAPES, D.COLOURS) if c != b]


def box_blur(image: np.ndarray) -> np.ndarray:
    """3×3 box blur with replicated edges: about the smudge a small VAE's reconstruction adds."""
    p = np.pad(image.astype(np.float32), ((1, 1), (1, 1), (0, 0)), mode="edge")
    H, W, _ = image.shape
    return np.rint(sum(p[i:i + H, j:j + W] for i in range(3) for j in range(3)) / 9).astype(np.uint8)


def test_world():
    assert len(D.COLOURS) == 9 and len(D.SHAPES) == 3 and len(D.POSITIONS) == 5 and len(TRIPLES) == 216
    palette = np.array(list(D.COLOURS.values()), dtype=float)
    gaps = np.linalg.norm(palette[:, None] - palette[None], axis=2) + 1e9 * np.eye(len(palette))
    assert gaps.min() > 100  # far apart: ±6 noise and a blur cannot move one colour near another


def test_render_read_every_combination_exactly():
    """Every colour × shape × background × position at three sizes, jitters at the ends of their ranges: 100%."""
    misses, n = [], 0
    for k, ((colour, shape, background), position) in enumerate(itertools.product(TRIPLES, D.POSITIONS)):
        for size in (0.30, 0.375, 0.45):
            (xl, xh), (yl, yh) = D._jitter_range(position, size, 32)
            jitter = [(xl, yl), (xh, yh), (xl, yh), (xh, yl), (0.0, 0.0)][(k + int(size * 40)) % 5]
            spec = D.Spec(colour, shape, background, position, size, jitter)
            r = D.read(D.render(spec, 32, noise=0))
            n += 1
            if (r.colour, r.shape, r.background, r.position) != (colour, shape, background, position):
                misses.append((spec, r))
    print(f"\nclean, exhaustive: {100 * (1 - len(misses) / n):.2f}% of {n}")
    assert not misses, f"{len(misses)} of {n} misread, e.g. {misses[:3]}"


@pytest.mark.parametrize("mode", ["noisy", "blurred"])
def test_checker_is_robust_to_noise_and_blur(mode):
    rng = np.random.default_rng(1)
    specs = [D.sample_spec(rng, "train" if i % 2 else "heldout") for i in range(1500)]
    images = [D.render(spec, 32, rng=rng) for spec in specs]  # default noise, ±6 grey levels
    if mode == "blurred":
        images = [box_blur(image) for image in images]
    acc = D.evaluate(images, specs)
    print(f"\n{mode}:\n{D.format_table(acc)}")
    assert min(acc[k] for k in ("colour", "shape", "background", "position", "all")) >= 0.99, acc


def test_checker_at_64_pixels():
    rng = np.random.default_rng(2)
    specs = [D.sample_spec(rng, image_size=64) for _ in range(150)]
    acc = D.evaluate([box_blur(D.render(s, 64, rng=rng)) for s in specs], specs)
    assert acc["all"] == acc["position"] == 1.0, acc


def test_read_tensor_none_and_score():
    image, _, spec = D.ShapesDataset(5, seed=4).item(3)
    tensor = torch.from_numpy(image).permute(2, 0, 1).float() / 255
    assert D.read(tensor) == D.read(image)
    r = D.read(image)
    assert r.pixels > 50 and r.colour_distance < 15 and r.background_distance < 15
    flat = np.full((32, 32, 3), D.COLOURS["blue"], np.uint8)
    r = D.read(flat)
    assert (r.colour, r.shape, r.background, r.position) == ("none", "none", "blue", "none")
    other = next(s for s in D.SHAPES if s != spec.shape)
    wrong = D.Spec(spec.colour, other, spec.background, spec.position, spec.size, spec.jitter)
    assert D.score(image, spec) == dict(colour=True, shape=True, background=True, position=True, all=True)
    assert D.score(image, wrong) == dict(colour=True, shape=False, background=True, position=True, all=False)
    acc = D.evaluate(torch.stack([tensor, tensor]), [spec, wrong])
    assert acc == dict(colour=1.0, shape=0.5, background=1.0, position=1.0, all=0.5, n=2)
    table = D.format_table({"cfg 1": acc, "cfg 5": acc}).splitlines()
    assert len(table) == 4 and table[0].startswith("| | colour") and table[2] == "| cfg 1 | " + \
        "100.0% | 50.0% | 100.0% | 100.0% | 50.0% | 2 |"


def test_captions():
    rng = np.random.default_rng(3)
    seen, has_position, has_background, middle = set(), 0, 0, 0
    n = 4000
    for _ in range(n):
        spec = D.sample_spec(rng)
        text = D.caption(spec, rng)
        words = re.findall(r"[a-z]+", text)
        assert text == text.lower() and spec.colour in words and spec.shape in words, text
        assert "a orange" not in text and " an " not in f" {text} ".replace("an orange", ""), text
        seen.add(re.sub(r"\b(" + "|".join([*D.COLOURS, *D.SHAPES, *D.POSITIONS, "middle", "an?"]) + r")\b", "_", text))
        has_background += spec.background in words
        where = ("center", "middle") if spec.position == "center" else (spec.position,)
        has_position += any(w in text for w in where)
        middle += "middle" in words
    print(f"\n{len(seen)} phrasings; position named in {has_position / n:.1%}, background in {has_background / n:.1%}")
    assert len(seen) >= 12 and len(D.TEMPLATES[True, True]) >= 6
    assert abs(has_position / n - 0.85) < 0.03 and abs(has_background / n - 0.90) < 0.025
    assert middle > 0.05 * n  # "in the middle" is a synonym for "in the center" in training
    spec = D.Spec("orange", "circle", "blue", "center")
    assert D.prompt(spec) == "an orange circle in the center on a blue background"
    assert D.PROMPT_TEMPLATE == "a {colour} {shape} in the {position} on a {background} background"


def test_splits():
    held = D.HELDOUT_TRIPLES
    assert len(held) == 26 and abs(len(held) / len(TRIPLES) - 0.12) < 0.005
    assert D.split_of(*sorted(held)[0]) == "heldout" and sum(D.split_of(*t) == "train" for t in TRIPLES) == 190
    train = [t for t in TRIPLES if t not in held]
    for i, j in ((0, 1), (0, 2), (1, 2)):  # every pair, so every word, still appears in training
        assert {(t[i], t[j]) for t in train} == {(t[i], t[j]) for t in TRIPLES}
    assert max(sum(t[1] == s for t in held) for s in D.SHAPES) <= 9
    assert D._heldout() == held  # a fixed rule, not a random draw
    rng = np.random.default_rng(5)
    assert not any((s.colour, s.shape, s.background) in held for s in (D.sample_spec(rng) for _ in range(3000)))
    assert all((s.colour, s.shape, s.background) in held for s in (D.sample_spec(rng, "heldout") for _ in range(200)))


def test_heldout_prompts():
    prompts = D.heldout_prompts()
    assert len(prompts) == 200 and prompts == D.heldout_prompts(200, seed=0) and prompts != D.heldout_prompts(seed=1)
    specs = [s for _, s in prompts]
    assert all(p == D.prompt(s) for p, s in prompts)
    assert {(s.colour, s.shape, s.background) for s in specs} == D.HELDOUT_TRIPLES
    assert all(sum(s.position == p for s in specs) == 40 for p in D.POSITIONS)
    assert len({(s.colour, s.shape, s.background, s.position) for s in specs[:130]}) == 130
    for s in specs[:20]:
        D.render(s)  # sizes and jitters are valid


def test_dataset_is_deterministic_per_index():
    ds = D.ShapesDataset(50, seed=7, drop_caption=0.1)
    assert len(ds) == 50
    image, text = ds[13]
    assert image.shape == (3, 32, 32) and image.dtype == torch.float32 and 0 <= image.min() <= image.max() <= 1
    assert isinstance(text, str)
    again = D.ShapesDataset(50, seed=7, drop_caption=0.1)
    for i in (49, 13, 0):  # any order, any instance: a resumed run sees the same items
        assert torch.equal(again[i][0], ds[i][0]) and again[i][1] == ds[i][1]
    assert not torch.equal(D.ShapesDataset(50, seed=8)[13][0], image)
    batch = next(iter(torch.utils.data.DataLoader(ds, batch_size=8)))
    assert batch[0].shape == (8, 3, 32, 32) and len(batch[1]) == 8
    assert all(t == "" for _, t in D.ShapesDataset(20, drop_caption=1.0))
    dropped = sum(D.ShapesDataset(400, seed=1, drop_caption=0.25).item(i)[1] == "" for i in range(400))
    assert 70 <= dropped <= 130
    heldout = D.ShapesDataset(30, split="heldout")
    specs = [heldout.item(i)[2] for i in range(30)]
    assert all(D.split_of(s.colour, s.shape, s.background) == "heldout" for s in specs)
    with pytest.raises(IndexError):
        ds[50]


@pytest.mark.parametrize("make, match", [
    (lambda: D.Spec("teal", "circle", "blue", "center"), r"colour='teal'.*use one of"),
    (lambda: D.Spec("red", "star", "blue", "center"), r"shape='star'"),
    (lambda: D.Spec("red", "circle", "red", "center"), r"background='red' equals colour='red'"),
    (lambda: D.Spec("red", "circle", "blue", "middle"), r"position='middle'"),
    (lambda: D.Spec("red", "circle", "blue", "center", size=1.5), r"size=1.5 must be in \(0, 1\]"),
    (lambda: D.render(D.Spec("red", "circle", "blue", "top left", 0.45, (-3, 0))), r"jitter dx=-3 px.*\[-0.80, 2.00\]"),
    (lambda: D.render(D.Spec("red", "circle", "blue", "center"), noise=-1), r"noise=-1"),
    (lambda: D.split_of("red", "circle", "teal"), r"background='teal'"),
    (lambda: D.sample_spec(np.random.default_rng(0), "test"), r"split='test'.*'heldout'"),
    (lambda: D.ShapesDataset(10, drop_caption=1.5), r"drop_caption=1.5"),
    (lambda: D.read(np.zeros((32, 32), np.uint8)), r"uint8 array of shape \(32, 32\)"),
    (lambda: D.read(np.zeros((32, 32, 3), np.float32)), r"float32 array"),
    (lambda: D.read(torch.zeros(3, 32, 32) - 1), r"values in \[-1, -1\].*\(x \+ 1\) / 2"),
    (lambda: D.read(torch.zeros(2, 3, 32, 32)), r"shape \(2, 3, 32, 32\).*images\[0\]"),
    (lambda: D.evaluate([np.zeros((32, 32, 3), np.uint8)], []), r"1 images and 0 specs"),
])
def test_clear_errors(make, match):
    with pytest.raises(ValueError, match=match):
        make()
