"""What a careless user types at `python -m course ...`: each bad input is refused at once, before the model loads
where it can be, as ONE line `error: ...` naming the value and the fix, with exit status 2 (1 for an operating-
system failure during the work), never a traceback. Then: init images and masks in every PIL mode a user's
files come in (16-bit, palette, transparency, grey, 1-bit) load as the right colours."""
import errno
import time

import numpy as np
import pytest
import torch
from PIL import Image

from course.__main__ import main
from course.io.images import as_tensor, image_tensor, load_image, mask_tensor

LIMIT_S = 1.0  # checking an argument takes milliseconds; the limit only says "before the work"


def refused_cli(capsys, argv, *must_say, code=2, within=LIMIT_S, after_work=False) -> str:
    """``main(argv)`` returns ``code`` within ``within`` seconds, having printed one line `error: ...` to stderr
    that contains each of ``must_say`` (case-insensitive), and no traceback. ``after_work``: the failure comes
    after the sampler ran, so its progress bar may come before the error line."""
    start = time.perf_counter()
    rc = main(argv)
    seconds = time.perf_counter() - start
    captured = capsys.readouterr()
    err = captured.err
    assert rc == code, f"exit status {rc}, not {code}: {err!r}"
    assert "Traceback" not in err and "Traceback" not in captured.out
    lines = err.strip().splitlines()[-1:] if after_work else err.strip().splitlines()
    one = sum(line.startswith("error:") for line in err.splitlines()) == 1
    assert one and len(lines) == 1 and lines[0].startswith("error: "), f"not one `error:` line: {err!r}"
    missing = [s for s in must_say if s.lower() not in err.lower()]
    assert not missing, f"the message does not say {missing}: {err!r}"
    assert seconds < within, f"refused after {seconds:.2f} s (limit {within} s): check the input before the work"
    return lines[0]


@pytest.fixture
def files(tmp_path):
    """A 32×32 picture, a 16×16 mask, a text file named .png, a folder, a 4×4 picture, a truncated PNG."""
    Image.fromarray(np.full((32, 32, 3), 90, np.uint8)).save(tmp_path / "in.png")
    Image.fromarray(np.zeros((16, 16), np.uint8)).save(tmp_path / "mask16.png")
    (tmp_path / "notes.png").write_text("not a picture")
    (tmp_path / "folder").mkdir()
    Image.fromarray(np.zeros((4, 4, 3), np.uint8)).save(tmp_path / "tiny.png")
    Image.fromarray(np.random.default_rng(0).integers(0, 256, (64, 64, 3), dtype=np.uint8)).save(tmp_path / "b.png")
    (tmp_path / "cut.png").write_bytes((tmp_path / "b.png").read_bytes()[:300])
    (tmp_path / "prompt.txt").write_text("a red circle")
    return tmp_path


def gen(files, *extra, prompt="a red circle"):
    """generate with a valid --out unless ``extra`` gives one; no --model: the refusals come before any load."""
    out = [] if "--out" in extra else ["--out", str(files / "out.png")]
    return ["generate", prompt, *out, *extra]


# ---- --out: checked before any work -----------------------------------------------------------------------------

def test_out_in_a_missing_folder(files, capsys):
    refused_cli(capsys, gen(files, "--out", str(files / "nope" / "x.png")), "nope", "does not exist", "mkdir -p")


@pytest.mark.parametrize("name, says", [("pic.xyz", "'.xyz'"), ("pic", "no picture extension")],
                         ids=["unknown-extension", "no-extension"])
def test_out_without_a_picture_extension(files, capsys, name, says):
    refused_cli(capsys, gen(files, "--out", str(files / name)), says, ".png, .jpg, .jpeg, .webp", "pic.png")


def test_out_that_is_a_folder(files, capsys):
    refused_cli(capsys, gen(files, "--out", str(files / "folder")), "is a folder", "folder/image.png")


def test_out_under_a_file(files, capsys):
    refused_cli(capsys, gen(files, "--out", str(files / "in.png" / "x.png")), "is a file, not a folder")


def test_out_in_a_read_only_folder(files, capsys, monkeypatch):
    import os

    real = os.access
    locked = str(files / "folder")
    # root may write anywhere, so a chmod would not show it here: os.access answers as for a read-only folder
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p) == locked else real(p, mode))
    refused_cli(capsys, gen(files, "--out", str(files / "folder" / "x.png")), "folder", "not writable",
                "save somewhere else")


# ---- numbers, checked by the parser ---------------------------------------------------------------------------

@pytest.mark.parametrize("option, value, says", [
    ("--steps", "0", "0 must be a whole number >= 1"),
    ("--steps", "-3", "-3 must be a whole number >= 1"),
    ("--steps", "ten", "ten must be a whole number >= 1"),
    ("--cfg", "nan", "nan must be a finite number"),
    ("--cfg", "inf", "inf must be a finite number"),
    ("--strength", "2", "2 must be a number in [0, 1]"),
    ("--strength", "-0.5", "-0.5 must be a number in [0, 1]"),
    ("--width", "100", "100 must be a positive multiple of 8 (the VAE's factor), e.g. 96 or 104"),
    ("--height", "0", "0 must be a positive multiple of 8"),
    ("--seed", str(2 ** 32), f"{2 ** 32} must be a whole number from 0 to 2**32 - 1"),
    ("--seed", "-2", "-2 must be a whole number from 0 to 2**32 - 1 = 4294967295, or -1 for a random seed"),
], ids=["steps-0", "steps-negative", "steps-word", "cfg-nan", "cfg-inf", "strength-2", "strength-negative",
        "width-100", "height-0", "seed-2**32", "seed-minus-2"])
def test_bad_number(files, capsys, option, value, says):
    line = refused_cli(capsys, gen(files, option, value), f"argument {option}: {says}")
    assert "--help" in line


def test_unknown_sampler_before_the_model_loads(files, capsys):
    refused_cli(capsys, gen(files, "--sampler", "nonsense"), "'nonsense'", "euler_a", "DPM++ 2M Karras")


def test_unknown_option(files, capsys):
    refused_cli(capsys, gen(files, "--stesp", "20"), "unrecognized arguments: --stesp", "--help")


def test_no_prompt(capsys):
    refused_cli(capsys, ["generate"], "required: prompt")


@pytest.mark.parametrize("prompt", ["", "   "], ids=["empty", "spaces"])
def test_empty_prompt(files, capsys, prompt):
    refused_cli(capsys, gen(files, prompt=prompt), "prompt is empty", '"a red circle"')


def test_prompt_that_is_a_file_name(files, capsys):
    name = str(files / "prompt.txt")
    refused_cli(capsys, gen(files, prompt=name), "prompt.txt", "name of a file", f"$(cat {name})")


# ---- the model ----------------------------------------------------------------------------------------------------

def test_model_path_that_does_not_exist(files, capsys):
    refused_cli(capsys, gen(files, "--model", str(files / "sd15")), "sd15 does not exist", "model folder")


def test_model_folder_that_is_no_model(files, capsys):
    refused_cli(capsys, gen(files, "--model", str(files / "folder")), "lacks the folder(s)", "unet")


def test_pickle_model_needs_the_flag(files, capsys):
    torch.save({"weight": torch.zeros(2)}, files / "model.ckpt")
    refused_cli(capsys, gen(files, "--model", str(files / "model.ckpt")), "model.ckpt is a pickle file",
                "--allow-pickle", ".safetensors")


class Payload:  # what a malicious pickle would carry: a class, not tensors
    pass


def test_pickle_model_with_the_flag_is_read_weights_only(files, capsys):
    torch.save({"weight": Payload()}, files / "model.ckpt")
    line = refused_cli(capsys, gen(files, "--model", str(files / "model.ckpt"), "--allow-pickle"),
                       "model.ckpt could not be loaded with weights_only=True", "Payload")
    assert "\x1b" not in line  # torch's message carries terminal colour codes


def test_pickle_flag_reaches_the_loader(files, capsys, monkeypatch):
    from course.io import loading

    seen = {}

    def load(path, allow_pickle=False, device=None, dtype=None):
        seen["allow_pickle"], seen["dtype"] = allow_pickle, dtype
        raise ValueError("stop here")

    monkeypatch.setattr(loading, "load_single_file", load)
    torch.save({"weight": torch.zeros(2)}, files / "model.ckpt")
    refused_cli(capsys, gen(files, "--model", str(files / "model.ckpt"), "--allow-pickle", "--dtype", "float16"),
                "stop here")
    assert seen == {"allow_pickle": True, "dtype": "float16"}  # --dtype reaches it too


# ---- init image and mask ----------------------------------------------------------------------------------

def test_init_image_missing(files, capsys):
    refused_cli(capsys, gen(files, "--init-image", str(files / "none.png")), "no image file at", "none.png")


def test_init_image_that_is_a_folder(files, capsys):
    refused_cli(capsys, gen(files, "--init-image", str(files / "folder")), "folder' is a folder", "picture file")


def test_init_image_that_is_no_picture(files, capsys):
    refused_cli(capsys, gen(files, "--init-image", str(files / "notes.png")), "notes.png",
                "not a picture file", "PNG or JPEG")


def test_init_image_truncated(files, capsys):
    refused_cli(capsys, gen(files, "--init-image", str(files / "cut.png")), "cut.png", "truncated")


def test_init_image_smaller_than_8_pixels(files, capsys):
    refused_cli(capsys, gen(files, "--init-image", str(files / "tiny.png")), "4×4", "at least 8×8")


def test_strength_without_init_image(files, capsys):
    refused_cli(capsys, gen(files, "--strength", "0.5"), "--strength 0.5 needs --init-image", "leave --strength out")


def test_mask_without_init_image(files, capsys):
    refused_cli(capsys, gen(files, "--mask", str(files / "mask16.png")), "mask16.png", "needs --init-image")


def test_mask_of_another_size(files, capsys):
    refused_cli(capsys, gen(files, "--init-image", str(files / "in.png"), "--mask", str(files / "mask16.png")),
                "16×16", "32×32", "resize the mask to 32×32")


def test_mask_of_another_size_even_with_width_and_height(files, capsys):
    refused_cli(capsys, gen(files, "--init-image", str(files / "in.png"), "--mask", str(files / "mask16.png"),
                            "--width", "16", "--height", "16"), "16×16", "resize the mask")


# ---- training commands ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, says", [
    (["train-lora", "--steps", "0"], "argument --steps: 0 must be a whole number >= 1"),
    (["train-lora", "--lr", "0"], "argument --lr: 0 must be a number > 0"),
    (["train-lora", "--alpha", "nan"], "argument --alpha: nan must be a number > 0"),
    (["train-lora", "--device", "gpu"], "'gpu' is not a device"),
    (["train-controlnet", "--eval-n", "0"], "argument --eval-n: 0 must be a whole number >= 1"),
    (["train-controlnet", "--batch", "-1"], "argument --batch: -1 must be a whole number >= 1"),
], ids=["lora-steps-0", "lora-lr-0", "lora-alpha-nan", "lora-device-gpu", "controlnet-eval-0", "controlnet-batch"])
def test_bad_training_number(capsys, argv, says):
    refused_cli(capsys, argv, says)


def test_missing_gpu_is_refused_at_once(capsys):
    if torch.cuda.device_count() >= 8:
        pytest.skip("this machine has a cuda:7")
    refused_cli(capsys, ["train-lora", "--device", "cuda:7"], "cuda:7", "--device cpu")


def test_generate_on_a_missing_gpu_or_in_an_unknown_dtype_is_refused_at_once(capsys):
    if torch.cuda.device_count() >= 8:
        pytest.skip("this machine has a cuda:7")
    refused_cli(capsys, ["generate", "a red circle", "--device", "cuda:7"], "cuda:7", "--device cpu")
    refused_cli(capsys, ["generate", "a red circle", "--dtype", "int8"], "--dtype", "'int8'", "float16")


def test_lora_out_that_is_not_safetensors(tmp_path, capsys):
    refused_cli(capsys, ["train-lora", "--out", str(tmp_path / "pink.pt"), "--workdir", str(tmp_path / "w")],
                "pink.pt", "ending in .safetensors")


def test_workdir_that_is_a_file(files, capsys):
    refused_cli(capsys, ["train-controlnet", "--workdir", str(files / "prompt.txt"), "--out", str(files / "cn")],
                "--workdir", "prompt.txt is a file")


# ---- operating-system failures during the work --------------------------------------------------------------

def test_disk_full_when_saving_is_one_line(model_folder, tmp_path, capsys, monkeypatch):
    def full(self, fp, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(fp))

    monkeypatch.setattr(Image.Image, "save", full)
    refused_cli(capsys, ["generate", "a cat", "--model", str(model_folder), "--steps", "1", "--height", "32",
                         "--width", "32", "--out", str(tmp_path / "x.png")],
                "x.png", "No space left on device", "free some disk space", code=1, within=60,
                after_work=True)


# ---- pictures of every PIL mode, as init images and masks ---------------------------------------------------

def pixels(path, mode="RGB"):
    """The file as load_image reads it, as the pipeline's tensor in [0, 1] (C, H, W)."""
    return as_tensor(load_image(path, mode=mode), "x", 3 if mode == "RGB" else 1, mode)[0]


def test_16_bit_grey_png_is_scaled_not_clipped(tmp_path):
    values = np.array([[0, 100 * 257, 128 * 257, 65535]], np.uint16)
    Image.fromarray(values).save(tmp_path / "grey16.png")
    assert Image.open(tmp_path / "grey16.png").mode == "I;16"
    want = torch.tensor([0, 100, 128, 255]) / 255
    assert torch.allclose(pixels(tmp_path / "grey16.png"), want.expand(3, 1, 4))
    assert torch.allclose(pixels(tmp_path / "grey16.png", "L"), want.expand(1, 1, 4))


def test_16_bit_grey_mode_i_is_scaled(tmp_path):
    Image.fromarray(np.array([[0, 100 * 257, 65535]], np.uint16)).save(tmp_path / "grey16.pgm")
    assert Image.open(tmp_path / "grey16.pgm").mode == "I"
    assert torch.allclose(pixels(tmp_path / "grey16.pgm"), (torch.tensor([0, 100, 255]) / 255).expand(3, 1, 3))


def test_16_bit_pil_image_given_to_the_api_is_scaled():
    image = Image.fromarray(np.array([[0, 65535], [257, 32896]], np.uint16))
    x = image_tensor(Image.fromarray(np.tile(np.asarray(image), (4, 4))))  # 8×8, in [-1, 1]
    assert float(x.max()) == 1.0 and abs(float(x[0, 0, 1, 1]) - (128 / 255 * 2 - 1)) < 1e-6


def _palette(tmp_path, transparency=None):
    image = Image.new("P", (3, 1))
    image.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 255])
    image.putdata([0, 1, 2])
    extra = {} if transparency is None else {"transparency": transparency}
    image.save(tmp_path / "palette.png", **extra)
    assert Image.open(tmp_path / "palette.png").mode == "P"
    return tmp_path / "palette.png"


def test_palette_png_gives_its_colours(tmp_path):
    want = torch.tensor([[1, 0, 0], [0, 1, 0], [0, 0, 1.]]).T[:, None, :]  # (3, 1, 3): red, green, blue
    assert torch.equal(pixels(_palette(tmp_path)), want)


def test_palette_png_with_a_transparent_colour_lies_on_white_or_black(tmp_path):
    path = _palette(tmp_path, transparency=1)  # green is transparent
    want = torch.tensor([[1, 0, 0], [1, 1, 1], [0, 0, 1.]]).T[:, None, :]
    assert torch.equal(pixels(path), want)  # a picture: on white
    assert pixels(path, "L")[0, 0, 1] == 0  # a mask: on black (keep)


@pytest.mark.parametrize("mode, pixel", [("LA", (100, 128)), ("RGBA", (100, 100, 100, 128))], ids=["LA", "RGBA"])
def test_half_transparent_pixels_are_composited(tmp_path, mode, pixel):
    clear, opaque = (0,) * len(pixel), pixel[:-1] + (255,)
    Image.fromarray(np.array([[clear, pixel, opaque]], np.uint8), mode).save(tmp_path / "alpha.png")
    rgb, grey = pixels(tmp_path / "alpha.png")[0, 0] * 255, pixels(tmp_path / "alpha.png", "L")[0, 0] * 255
    a = 128 / 255
    assert torch.allclose(rgb, torch.tensor([255, 100 * a + 255 * (1 - a), 100]), atol=1)  # on white
    assert torch.allclose(grey, torch.tensor([0, 100 * a, 100]), atol=1)  # on black


def test_transparent_mask_keeps_and_painted_white_repaints(tmp_path):
    paint = np.zeros((8, 8, 4), np.uint8)
    paint[:, 4:] = 255  # white, opaque on the right; the left is transparent
    Image.fromarray(paint, "RGBA").save(tmp_path / "mask.png")
    m = mask_tensor(load_image(tmp_path / "mask.png", mode="L"), (1, 3, 8, 8))
    assert m[0, 0, :, :4].sum() == 0 and m[0, 0, :, 4:].min() == 1


@pytest.mark.parametrize("mode", ["L", "1"])
def test_grey_and_1_bit_pictures(tmp_path, mode):
    Image.fromarray(np.array([[0, 255, 0, 255]], np.uint8)).convert(mode).save(tmp_path / "grey.png")
    assert Image.open(tmp_path / "grey.png").mode == mode
    want = torch.tensor([0, 1, 0, 1.])
    assert torch.equal(pixels(tmp_path / "grey.png"), want.expand(3, 1, 4))
    assert torch.equal(pixels(tmp_path / "grey.png", "L"), want.expand(1, 1, 4))


def test_exif_orientation_is_applied(tmp_path):
    image = Image.fromarray(np.array([[[255, 0, 0], [0, 0, 255]]], np.uint8))  # 2 wide, 1 high: red, blue
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view": a phone held upright
    image.save(tmp_path / "phone.png", exif=exif)
    upright = np.asarray(load_image(tmp_path / "phone.png"))
    assert upright.shape == (2, 1, 3) and upright[0, 0].tolist() == [255, 0, 0]


def test_floating_point_picture_is_refused(tmp_path):
    from refusals import refused

    image = Image.fromarray(np.zeros((8, 8), np.float32))
    refused(lambda: as_tensor(image, "image", 3, "RGB"), ValueError, "mode 'F'", "8-bit PNG")
