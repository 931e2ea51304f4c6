"""Measuring an IP-Adapter on the bundled model: does a picture set the colour and the shape, the words the rest?

Held-out cases: spec i of ``data.heldout_prompts(n)`` (the held-out colour/shape/background triples, positions
balanced) is the picture asked for. The image prompt is another picture of its colour and shape (``reference_for``):
on another background and at another place, so a copied background or place shows. The text names the background and
the place alone: "on a white background, in the top left". The analytic reader (``course.training.data.read``)
scores colour and shape against the picture prompt, background and position against the text; "copied" = the
reference's background (or place) came out instead. With a ControlNet, its edge map of the asked-for picture fixes
the place: the InstantID-style composition (the picture says who, the edge map where). Used by notebook 09 and
tools/eval_ip_adapter.py (which writes docs/ip_adapter.md's tables).
"""
from __future__ import annotations

import dataclasses

import numpy as np
import torch

from course.pipeline import text_to_image
from course.training import data
from course.training.controlnet import spec_hint

__all__ = ["TEXTS", "reference_for", "cases", "accuracy", "other_shape"]

TEXTS = {"background and place": lambda s: f"on a {s.background} background, in the {s.position}",
         "background only": lambda s: f"on a {s.background} background",
         "the full prompt": data.prompt}


def reference_for(spec: data.Spec, rng: np.random.Generator, heldout: bool = False) -> data.Spec:
    """The image prompt of a case: the same colour and shape at another place, on another background whose triple
    is a training one (``heldout``: on the case's own background, the held-out triple itself)."""
    backgrounds = [b for b in data.COLOURS if b not in (spec.colour, spec.background)
                   and data.split_of(spec.colour, spec.shape, b) == "train"]
    background = spec.background if heldout else backgrounds[rng.integers(len(backgrounds))]
    positions = [p for p in data.POSITIONS if p != spec.position]
    return data.spec_at(rng, (spec.colour, spec.shape, background), positions[rng.integers(len(positions))])


def cases(n: int, seed: int = 0, heldout_reference: bool = False):
    """(asked-for Specs, reference Specs, reference pictures (n, 3, 32, 32) in [0, 1])."""
    specs = [spec for _, spec in data.heldout_prompts(n, seed=seed)]
    rng = np.random.default_rng(seed + 50)
    refs = [reference_for(s, rng, heldout_reference) for s in specs]
    pictures = torch.stack([torch.from_numpy(data.render(r, 32, rng=rng)).permute(2, 0, 1) for r in refs]).float() / 255
    return specs, refs, pictures


@torch.no_grad()
def accuracy(parts, n: int, scale: float | None, text: str = "background and place", controlnet=None,
             heldout_reference: bool = False, other_shape_edges: bool = False, seed: int = 0, batch: int = 50) -> dict:
    """Scores of ``n`` cases: data.evaluate's (colour, shape vs the picture prompt; background, position vs the
    text; with a ControlNet, position vs its edge map, which shows the asked-for picture), "all four", and the shares
    where the reference's background / place were copied. ``scale`` None: no picture prompt at all.
    ``other_shape_edges``: the edge map shows the next shape of data.SHAPES instead (who wins the shape?), and
    "edge map's shape" is the share drawn with it."""
    specs, refs, pictures = cases(n, seed, heldout_reference)
    images = []
    for start in range(0, n, batch):
        chunk = slice(start, start + batch)
        extra = {} if scale is None else {"ip_adapter_image": pictures[chunk], "ip_adapter_scale": scale}
        if controlnet is not None:
            shown = [other_shape(s) if other_shape_edges else s for s in specs[chunk]]
            hints = torch.stack([torch.from_numpy(spec_hint(s)).permute(2, 0, 1) for s in shown]).float() / 255
            extra["control"] = [(controlnet, hints, 1.0)]
        images.append(text_to_image(parts, [TEXTS[text](s) for s in specs[chunk]], seed=seed + start,
                                    output_type="pt", progress=False, **extra))
    images = torch.cat(images)
    readings = [data.read(im) for im in images]
    scores = data.evaluate(images, specs)
    scores["all four"] = float(np.mean([all(getattr(r, k) == getattr(s, k) for k in ("colour", "shape", "background",
                                                                                        "position"))
                                        for r, s in zip(readings, specs)]))
    scores["copied background"] = float(np.mean([r.background == ref.background for r, ref in zip(readings, refs)]))
    scores["copied place"] = float(np.mean([r.position == ref.position for r, ref in zip(readings, refs)]))
    if other_shape_edges:
        scores["edge map's shape"] = float(np.mean([r.shape == other_shape(s).shape for r, s in zip(readings, specs)]))
    return scores


def other_shape(spec: data.Spec) -> data.Spec:
    """The spec with the next shape of data.SHAPES (circle -> square -> triangle -> circle)."""
    return dataclasses.replace(spec, shape=data.SHAPES[(data.SHAPES.index(spec.shape) + 1) % len(data.SHAPES)])
