"""The new colour of course.training.data (for LoRA): the bundled model's training data stays byte for byte what it was, pink
is drawn and read back, and split "new" holds exactly the pink triples."""
import hashlib
import itertools

import numpy as np
import pytest

from course.training import data

# SHA-256 of what the function below reads, computed with course/training/data.py as committed in 5c7398a, before pink existed
DATA_BEFORE_PINK = "a098dce27b629d60fe6f2361a31967b37257385343bd7728ac2d0a799deb5bd7"


def test_the_training_data_is_byte_identical_to_before_pink():
    h = hashlib.sha256()
    for split, seed in (("train", 0), ("train", 1), ("heldout", 0)):
        ds = data.ShapesDataset(64, seed=seed, split=split, drop_caption=0.1)
        for i in range(64):
            image, text, spec = ds.item(i)
            h.update(image.tobytes()), h.update(text.encode()), h.update(repr(spec).encode())
    for p, s in data.heldout_prompts(30, seed=3):
        h.update(p.encode()), h.update(repr(s).encode())
    assert h.hexdigest() == DATA_BEFORE_PINK
    assert "pink" not in data.COLOURS and all("pink" not in t for t in data.HELDOUT_TRIPLES)


@pytest.mark.parametrize("shape, background, position", [
    ("circle", "blue", "top left"), ("square", "purple", "center"), ("triangle", "white", "bottom right"),
    ("circle", "red", "bottom left"), ("square", "gray", "top right"), ("triangle", "orange", "center")])
def test_the_checker_reads_pink(shape, background, position):
    rng = np.random.default_rng(0)
    for size in (0.30, 0.45):
        spec = data.Spec("pink", shape, background, position, size=size)
        reading = data.read(data.render(spec, rng=rng))
        assert (reading.colour, reading.shape, reading.background, reading.position) == ("pink", shape, background,
                                                                                          position)
    # and the other way round: a shape of an old colour on a pink background
    reading = data.read(data.render(data.Spec("blue", shape, "pink", position)))
    assert (reading.colour, reading.background) == ("blue", "pink")


def test_pink_is_as_far_from_every_colour_as_the_old_colours_are_from_each_other():
    rgb = {name: np.array(c, float) for name, c in data.COLOURS.items()}
    closest_old = min(np.linalg.norm(rgb[a] - rgb[b]) for a, b in itertools.combinations(rgb, 2))
    pink = np.array(data.NEW_COLOURS["pink"], float)
    assert min(np.linalg.norm(pink - c) for c in rgb.values()) > closest_old


def test_split_new_holds_the_pink_triples():
    rng = np.random.default_rng(0)
    specs = [data.sample_spec(rng, "new") for _ in range(300)]
    assert {s.colour for s in specs} == {"pink"}
    assert {(s.shape, s.background) for s in specs} == set(itertools.product(data.SHAPES, data.COLOURS))
    assert data.split_of("pink", "circle", "blue") == "new" and data.split_of("red", "circle", "blue") == "train"
    items = data.ShapesDataset(5, seed=0, split="new")
    assert all("pink" in items.item(i)[1] for i in range(5))
    with pytest.raises(ValueError, match="'new'"):
        data.sample_spec(rng, "pink")
