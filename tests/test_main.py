"""The command line: `python -m course tokenize PROMPT` (what `make demo` runs) and `generate`."""
import subprocess
import sys

import pytest

from course.__main__ import main
from course.text.tokenizer import load_clip_tokenizer


def test_tokenize_prints_tokens_ids_and_weights(capsys):
    assert main(["tokenize", "a (red:1.5) circle"]) == 0
    out = capsys.readouterr().out
    tok = load_clip_tokenizer()
    assert "3 tokens -> 1 chunk(s)" in out
    red = tok.encoder["red</w>"]
    assert any(line.split()[:3] == [str(red), "1.500", "red</w>"] for line in out.splitlines())
    assert "<|startoftext|>" in out and out.count("<|endoftext|>") == 1  # padding is not listed


def test_long_prompt_is_shown_as_two_chunks(capsys):
    assert main(["tokenize", "cat " * 100]) == 0
    out = capsys.readouterr().out
    assert "100 tokens -> 2 chunk(s)" in out and "chunk 1: 27 of 77" in out


def test_missing_tokenizer_folder_is_a_short_error_not_a_traceback(tmp_path, capsys):
    assert main(["tokenize", "a cat", "--tokenizer", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "tokenizer/ folder" in err and "Traceback" not in err


def test_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "course", "tokenize", "a photo of a cat"],
                            capture_output=True, text=True, timeout=120)
    cat = load_clip_tokenizer().encoder["cat</w>"]
    assert result.returncode == 0 and f"{cat}   1.000  cat</w>" in result.stdout


def test_generate_writes_the_pipelines_image(model_folder, tmp_path, capsys):
    import numpy as np
    from PIL import Image

    from course.io.loading import load_folder
    from course.pipeline import text_to_image

    out = tmp_path / "circle.png"
    args = ["generate", "a red circle", "--model", str(model_folder), "--steps", "2", "--seed", "3",
            "--height", "32", "--width", "32", "--sampler", "Euler a", "--out", str(out)]
    assert main(args) == 0
    assert "wrote" in capsys.readouterr().out
    want = text_to_image(load_folder(model_folder), "a red circle", steps=2, seed=3, height=32, width=32,
                         sampler="euler_a", progress=False)[0]
    assert np.array_equal(np.asarray(Image.open(out)), np.asarray(want))


def test_generate_without_a_model_uses_the_bundled_one(tmp_path, capsys):
    import numpy as np
    from PIL import Image

    from course.io.loading import load_bundled
    from course.pipeline import text_to_image

    out = tmp_path / "circle.png"
    assert main(["generate", "a red circle on a blue background", "--seed", "2", "--out", str(out)]) == 0
    assert "dpmpp_2m, 20 steps" in capsys.readouterr().out
    want = text_to_image(load_bundled(), "a red circle on a blue background", seed=2, progress=False)[0]
    assert np.array_equal(np.asarray(Image.open(out)), np.asarray(want))


def test_generate_without_the_bundled_model_says_how_to_train_it(monkeypatch, tmp_path, capsys):
    from course.io import loading
    monkeypatch.setattr(loading, "BUNDLED_DIR", tmp_path / "nothing")  # where load_bundled looks
    assert main(["generate", "a red circle", "--out", str(tmp_path / "x.png")]) == 2
    assert "python -m course train-bundled" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_generate_with_an_unknown_sampler_lists_the_known_ones(model_folder, capsys):
    assert main(["generate", "a cat", "--model", str(model_folder), "--sampler", "fancy"]) == 2
    assert "euler_a" in capsys.readouterr().err


def _pictures(tmp_path, size=(36, 33)):
    import numpy as np
    from PIL import Image

    g = np.random.default_rng(0)
    Image.fromarray(g.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)).save(tmp_path / "in.png")
    mask = np.zeros((size[1], size[0]), np.uint8)
    mask[8:24, 8:24] = 255
    Image.fromarray(mask).save(tmp_path / "mask.png")
    return tmp_path / "in.png", tmp_path / "mask.png"


@pytest.mark.parametrize("with_mask", [False, True], ids=["img2img", "inpaint"])
def test_generate_from_an_image_resizes_and_matches_the_pipeline(model_folder, tmp_path, capsys, with_mask):
    import numpy as np
    from PIL import Image

    from course.io.images import load_image
    from course.io.loading import load_folder
    from course.pipeline import image_to_image, inpaint

    picture, mask = _pictures(tmp_path)
    out = tmp_path / "out.png"
    args = ["generate", "a red circle", "--model", str(model_folder), "--steps", "4", "--seed", "3",
            "--init-image", str(picture), "--strength", "0.5", "--out", str(out)] + (["--mask", str(mask)] * with_mask)
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "resizing" in printed and "to 32×32" in printed and "wrote" in printed
    image = load_image(picture, (32, 32))
    kw = dict(strength=0.5, steps=4, seed=3, sampler="euler", progress=False)
    parts = load_folder(model_folder)
    if with_mask:
        want = inpaint(parts, "a red circle", image, load_image(mask, (32, 32)).convert("L"), **kw)[0]
    else:
        want = image_to_image(parts, "a red circle", image, **kw)[0]
    assert np.array_equal(np.asarray(Image.open(out)), np.asarray(want))


def test_generate_image_errors_are_short(model_folder, tmp_path, capsys):
    picture, mask = _pictures(tmp_path)
    base = ["generate", "a cat", "--model", str(model_folder), "--out", str(tmp_path / "out.png")]
    assert main(base + ["--mask", str(mask)]) == 2
    assert "needs --init-image" in capsys.readouterr().err
    assert main(base + ["--init-image", str(tmp_path / "nope.png")]) == 2
    assert "no image file at" in capsys.readouterr().err
    assert main(base + ["--init-image", str(picture), "--strength", "2"]) == 2
    assert "argument --strength: 2 must be a number in [0, 1]" in capsys.readouterr().err
    assert not (tmp_path / "out.png").exists()


def test_mask_is_resized_with_the_picture_to_width_and_height(model_folder, tmp_path, capsys):
    import numpy as np
    from PIL import Image

    from course.io.images import load_image
    from course.io.loading import load_folder
    from course.pipeline import inpaint

    picture, mask = _pictures(tmp_path)  # both 36×33
    out = tmp_path / "out.png"
    assert main(["generate", "a red circle", "--model", str(model_folder), "--steps", "2", "--seed", "3",
                 "--init-image", str(picture), "--mask", str(mask), "--width", "24", "--height", "16",
                 "--out", str(out)]) == 0
    assert "from 36×33 to 24×16" in capsys.readouterr().out
    want = inpaint(load_folder(model_folder), "a red circle", load_image(picture, (24, 16)),
                   load_image(mask, (24, 16), mode="L"), steps=2, seed=3, sampler="euler", progress=False)[0]
    assert np.array_equal(np.asarray(Image.open(out)), np.asarray(want))


def test_random_seed_is_printed_and_makes_the_image_again(model_folder, tmp_path, capsys):
    import re

    import numpy as np
    from PIL import Image

    base = ["generate", "a cat", "--model", str(model_folder), "--steps", "1", "--height", "32", "--width", "32"]
    assert main(base + ["--seed", "-1", "--out", str(tmp_path / "a.png")]) == 0
    found = re.search(r"seed (\d+) \(random\)", capsys.readouterr().out)
    assert found and 0 <= int(found[1]) < 2 ** 32
    assert main(base + ["--seed", found[1], "--out", str(tmp_path / "b.png")]) == 0
    assert f"seed {found[1]})" in capsys.readouterr().out
    assert np.array_equal(np.asarray(Image.open(tmp_path / "a.png")), np.asarray(Image.open(tmp_path / "b.png")))


@pytest.mark.parametrize("command, recipe, fields", [
    ("train-lora", "course.training.lora.LoRARecipe", ("steps", "rank", "images")),
    ("train-controlnet", "course.training.controlnet.ControlRecipe", ("steps", "batch")),
    ("train-bundled", "course.training.bundled.Recipe", ("unet_steps",)),
], ids=["lora", "controlnet", "bundled"])
def test_training_help_reads_the_recipes_defaults(capsys, command, recipe, fields):
    import importlib
    import re

    module, name = recipe.rsplit(".", 1)
    defaults = getattr(importlib.import_module(module), name)()
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines anywhere
    for field in fields:
        assert f"{getattr(defaults, field)}" in text
    if command == "train-lora":
        assert f"default {defaults.steps}" in text and f"default {defaults.lr:g}" in text
    assert not re.search(r"\d\s*min|~", text), "timings are measurements: they belong in docs/"


def test_help_does_not_import_torch():
    code = "import sys; from course.__main__ import parser; parser(); print('torch' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.parametrize("command,target", [
    (["train-lora", "--steps", "2"], "course.training.lora.train_lora_command"),
    (["train-bundled", "--quick"], "course.training.bundled.train_bundled"),
    (["train-controlnet", "--steps", "2"], "course.training.controlnet.train_controlnet"),
])
@pytest.mark.parametrize("restart", [False, True])
def test_restart_reaches_every_trainer(monkeypatch, tmp_path, command, target, restart):
    seen = {}
    module, name = target.rsplit(".", 1)
    monkeypatch.setattr(module + "." + name, lambda *a, **kw: seen.update(kw), raising=True)
    out = tmp_path / ("pink.safetensors" if command[0] == "train-lora" else "out")
    argv = command + ["--workdir", str(tmp_path / "runs"), "--out", str(out)] + (["--restart"] if restart else [])
    assert main(argv) == 0
    assert seen["restart"] is restart
