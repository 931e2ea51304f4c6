"""The bad inputs of tools/probe_bad_inputs.py: one function per case, in issue 21's categories.

A case is ``@case(name, category, expect, says)`` on a function of ``env`` that prepares what it needs (files
in ``env.tmp``, which is also the working folder; reference pictures) and returns the call to measure, or
(call, check). ``expect``: "refuse" (a bad input) or "accept" (one that should work, e.g. numpy numbers).
``says``: a clear refusal's message must contain one of these fragments (the parameter, the file or the value
as printed; any case). ``check(result)`` returns what is wrong with a result (a sentence), or None when it is
right; a "refuse" case without a check treats any result as wrong.
Only public names that exist in both layouts are used; the probe maps the new module names to the old ones.
"""
from __future__ import annotations

import contextlib
import copy
import dataclasses
import io
import json
import math
import shutil
import sys
import traceback
from pathlib import Path

import numpy as np
import torch
from PIL import Image

from course import pipeline
from course.io import images, loading, lora_files
from course.nets import lora as nets_lora
from course.parts import BUNDLED_DIR
from course.text import prompt_schedule, prompts
from course.training import lora as lora_training

PROMPT = "a red circle on a blue background"
FAST = {"steps": 2, "progress": False}  # the bundled model: 32×32 pictures, two steps are enough to see a result
NAN, INF = math.nan, math.inf


@dataclasses.dataclass
class Case:
    name: str
    category: str
    expect: str
    says: tuple
    run: object
    limit: float | None = None

    def default_problem(self, env, result):
        if self.expect == "accept":
            return None
        return one_colour(result) or f"accepted: {env.summary(result)}"


CASES: list[Case] = []


def case(name, category, expect="refuse", says=(), limit=None):
    def add(fn):
        CASES.append(Case(name, category, expect, tuple(says), fn, limit))
        return fn
    return add


# ---- the models, and helpers the cases share ---------------------------------------------------------------------
class Env:
    """What the parent loads once: the bundled model, and a tiny random model written by diffusers/transformers."""

    def __init__(self, tree: Path, root: Path):
        self.tree, self.tmp = tree, root
        self.bundled = loading.load_bundled()
        with contextlib.redirect_stderr(io.StringIO()):  # the libraries' progress bars
            self.tiny_dir = write_tiny_model(root / "tiny-model")
        self.tiny = loading.load_folder(self.tiny_dir)

    def summary(self, result) -> str:
        if hasattr(result, "rc"):
            last = [line for line in result.out.splitlines() if line.strip()][-1:]
            return f"exit {result.rc}" + (f": {last[0][:100]}" if last else "")
        if isinstance(result, (list, tuple)) and result and isinstance(result[0], Image.Image):
            return f"{len(result)} picture(s) {result[0].width}×{result[0].height}"
        if isinstance(result, torch.Tensor):
            return f"a tensor {tuple(result.shape)}"
        return type(result).__name__

    def model_copy(self) -> Path:
        return Path(shutil.copytree(self.tiny_dir, self.tmp / "model"))


def write_tiny_model(folder: Path) -> Path:
    """A random SD folder, 16×16 pixels, with the bundled tokenizer, saved by the reference libraries."""
    from diffusers import AutoencoderKL, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel

    torch.manual_seed(0)
    UNet2DConditionModel(sample_size=8, block_out_channels=(32, 64), layers_per_block=1, norm_num_groups=8,
                         cross_attention_dim=32, attention_head_dim=4,
                         down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                         up_block_types=("CrossAttnUpBlock2D", "UpBlock2D")).save_pretrained(folder / "unet")
    AutoencoderKL(block_out_channels=(32, 32), norm_num_groups=8, latent_channels=4,
                  down_block_types=("DownEncoderBlock2D",) * 2,
                  up_block_types=("UpDecoderBlock2D",) * 2).save_pretrained(folder / "vae")
    CLIPTextModel(CLIPTextConfig(vocab_size=640, hidden_size=32, intermediate_size=37, num_hidden_layers=2,
                                 num_attention_heads=4, max_position_embeddings=24, bos_token_id=608, pad_token_id=609,
                                 eos_token_id=2, hidden_act="quick_gelu")).save_pretrained(folder / "text_encoder")
    for name in ("tokenizer", "scheduler"):
        shutil.copytree(BUNDLED_DIR / name, folder / name)
    shutil.copy(BUNDLED_DIR / "model_index.json", folder)
    return folder


def t2i(env, prompt=PROMPT, parts=None, **kw):
    return pipeline.text_to_image(parts or env.bundled, prompt, **{**FAST, **kw})


def picture(width=32, height=32, colour=(200, 30, 30)):
    return Image.new("RGB", (width, height), colour)


def hole(width=32, height=32):
    mask = Image.new("L", (width, height), 0)
    mask.paste(255, (width // 4, height // 4, 3 * width // 4, 3 * height // 4))
    return mask


def one_colour(result):
    """What is wrong with a picture result: one colour everywhere (NaN latents turn black), or NaN values."""
    if hasattr(result, "rc"):
        out = Path("out.png")
        return one_colour([Image.open(out)]) if result.rc == 0 and out.is_file() else None
    items = result if isinstance(result, (list, tuple)) else [result]
    for item in items:
        if isinstance(item, Image.Image):
            a = np.asarray(item.convert("RGB")).reshape(-1, 3)
            if (a == a[0]).all():
                return f"a picture of one colour {tuple(int(v) for v in a[0])} (what NaN latents draw)"
        elif isinstance(item, torch.Tensor) and item.is_floating_point() and not bool(torch.isfinite(item).all()):
            return "a tensor holding NaN or inf"
    return None


def same_as(reference, what):
    """A check: the result must differ from ``reference`` (else: silently the same as ``what``)."""
    def check(result):
        return f"the very same picture as {what}" if equal(result, reference) else None
    return check


def equal_to(reference, what="the Python-number call"):
    """A check for accepted inputs: the result must equal ``reference``."""
    def check(result):
        return None if equal(result, reference) else f"a different picture from {what}"
    return check


def equal(a, b) -> bool:
    a, b = (a[0] if isinstance(a, list) else a), (b[0] if isinstance(b, list) else b)
    if isinstance(a, Image.Image):
        return np.array_equal(np.asarray(a), np.asarray(b))
    return torch.equal(a, b)


def handled(result):
    """A check for inputs that may be accepted: a picture of more than one colour, made in time."""
    return one_colour(result)


# ---- the command line, run in the case's process ------------------------------------------------------------------
@dataclasses.dataclass
class CliResult:
    rc: int
    out: str
    err: str
    exc: BaseException | None


def cli(*argv) -> CliResult:
    """``python -m course ARGV`` as the console would show it: status, stdout, stderr (a traceback if one escaped)."""
    from course.__main__ import main

    out, err, exc = io.StringIO(), io.StringIO(), None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main([str(a) for a in argv])
        except SystemExit as stop:  # argparse, or a command's own exit
            rc = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 1
            if isinstance(stop.code, str):
                print(stop.code, file=sys.stderr)
        except BaseException as error:  # noqa: BLE001 - what `python -m course` would print as a traceback
            exc, rc = error, 1
            traceback.print_exc()
    return CliResult(rc or 0, out.getvalue(), err.getvalue(), exc)


def generate(*extra, prompt=PROMPT, steps="2", out="out.png"):
    return cli("generate", prompt, *(("--steps", steps) if steps is not None else ()), "--out", out, *extra)


def save_png(image, name):
    image.save(name)
    return name


def spy_on_img2img():
    """Record the picture the CLI hands to image_to_image (the CLI imports it from course.pipeline when it runs)."""
    seen, real = {}, pipeline.image_to_image

    def spy(parts, prompt, image, **kw):
        seen["image"] = image
        return real(parts, prompt, image, **kw)
    pipeline.image_to_image = spy
    return seen


def rgb(pixel) -> tuple:
    return tuple(int(v) for v in pixel)


def pixels_near(seen, expected, what):
    def check(result):
        if "image" not in seen:
            return f"the picture never reached image_to_image ({result.rc})"
        got = np.asarray(seen["image"].convert("RGB")).astype(int)
        worst = int(np.abs(got - expected).max())
        return None if worst <= 2 else (f"{what} was read with wrong colours: pixel (0, 0) is {rgb(got[0, 0])}, "
                                        f"expected {rgb(expected[0, 0])} (off by up to {worst})")
    return check


# ---- files ---------------------------------------------------------------------------------------------------------
def edit_json(path: Path, change):
    data = json.loads(path.read_text())
    path.write_text(json.dumps(change(data) if callable(change) else {**data, **change}))


def edit_weights(path: Path, change, metadata_change=None):
    from safetensors import safe_open
    from safetensors.torch import load_file, save_file

    with safe_open(str(path), "pt") as f:
        metadata = f.metadata() or {}
    state = load_file(str(path))
    change(state)
    if metadata_change:
        metadata_change(metadata)
    save_file(state, str(path), metadata=metadata or None)


def first_key(state, contains):
    return next(k for k in state if contains in k)


def lora_file(env, name="lora.safetensors", layout="kohya"):
    """A LoRA of the bundled UNet's attention, with a non-zero B so that it changes the picture."""
    unet = copy.deepcopy(env.bundled.unet)
    net = nets_lora.inject_lora(unet, rank=4)
    with torch.no_grad():
        for p in net.parameters():
            p.normal_(0, 0.02)
    path = lora_files.save_lora(net, env.tmp / name, layout=layout)
    return path


def with_lora(env, path, scale=1.0):
    lora_files.load_lora(env.bundled.unet, path, scale=scale)
    return t2i(env)


def quick_lora_run(env, workdir, stop_at=None, **change):
    """The quick LoRA recipe on a copy of the bundled model; ``stop_at``: Ctrl-C after that step."""
    recipe = dataclasses.replace(lora_training.LoRARecipe.quick(), **change)
    parts = copy.deepcopy(env.bundled)

    def log(stage):
        if stop_at is not None and stage.step >= stop_at:
            raise KeyboardInterrupt
    return lora_training.train_lora(parts, recipe, workdir, log=log, log_every=1)

# =================================================================================================================
# The cases. Each returns the call to measure (and maybe a check); preparation happens before the return.
# =================================================================================================================

# ---- non-finite numbers ------------------------------------------------------------------------------------------
for _name, _value in (("inf", INF), ("-inf", -INF), ("1e30", 1e30), ("nan", NAN)):
    case(f"guidance_scale={_name}", "non-finite", says=["guidance_scale"])(
        lambda env, v=_value: lambda: t2i(env, guidance_scale=v))

case("img2img guidance_scale=inf", "non-finite", says=["guidance_scale"])(
    lambda env: lambda: pipeline.image_to_image(env.bundled, PROMPT, picture(), guidance_scale=INF, **FAST))
case("inpaint strength=-inf", "non-finite", says=["strength"])(
    lambda env: lambda: pipeline.inpaint(env.bundled, PROMPT, picture(), hole(), strength=-INF, **FAST))
case("img2img strength=nan", "non-finite", says=["strength"])(
    lambda env: lambda: pipeline.image_to_image(env.bundled, PROMPT, picture(), strength=NAN, **FAST))


def weights_read(prompt):
    """A check for a prompt that may be accepted: no emphasis weight past ±1000 was read (A1111's syntax has no
    exponents or inf, so '(red:1e30)' is the text 'red:1e30' at 1.1), and the picture is not of one colour."""
    def check(result):
        big = [w for _, w in prompts.parse_emphasis(prompt) if not abs(w) <= 1000]
        return f"the prompt weight {big[0]:g} was read and used" if big else one_colour(result)
    return check


for _name, _prompt in (("(red:1e30), as the issue writes it", "a (red:1e30) circle"),
                       ("(red:" + "1" + "0" * 30 + ")", "a (red:1" + "0" * 30 + ") circle"),
                       ("(red:inf)", "a (red:inf) circle")):
    case(f"prompt weight {_name}", "non-finite", says=["red"])(
        lambda env, p=_prompt: (lambda: t2i(env, p), weights_read(p)))
case("nested weights ((red:1e20):1e20) multiply to 1e40", "non-finite", says=["red"])(
    lambda env: lambda: t2i(env, "a ((red:1" + "0" * 20 + "):1" + "0" * 20 + ") circle"))
case("AND part weight 1e40", "non-finite", says=["1e+40"])(
    lambda env: lambda: t2i(env, "a red circle :1" + "0" * 40 + " AND a blue square"))
case("AND part weight 50 times guidance 3", "non-finite", says=["50"])(
    lambda env: lambda: t2i(env, "a red circle :50 AND a blue square"))


@case("LoRA scale=nan (load_lora)", "non-finite", says=["scale"])
def _(env):
    path = lora_file(env)
    return lambda: with_lora(env, path, scale=NAN)


@case("LoRA scale=inf (load_lora)", "non-finite", says=["scale"])
def _(env):
    path = lora_file(env)
    return lambda: with_lora(env, path, scale=INF)


@case("LoRA network.scale = nan", "non-finite", says=["scale"])
def _(env):
    net = lora_files.load_lora(env.bundled.unet, lora_file(env))

    def call():
        net.scale = NAN
        return t2i(env)
    return call


case("inject_lora alpha=nan", "non-finite", says=["alpha"])(
    lambda env: lambda: (nets_lora.inject_lora(env.bundled.unet, rank=4, alpha=NAN), t2i(env))[1])


@case("a model with a NaN weight in its UNet (in memory)", "non-finite", says=["nan"])
def _(env):
    with torch.no_grad():
        env.bundled.unet.conv_in.weight[0, 0, 0, 0] = NAN
    return lambda: t2i(env)


@case("a model with a NaN weight in its text encoder (in memory)", "non-finite", says=["nan"])
def _(env):
    with torch.no_grad():
        env.bundled.text_encoder.final_layer_norm.weight[0] = NAN
    return lambda: t2i(env)


@case("a model with an inf weight in its VAE decoder (in memory)", "non-finite", says=["nan", "inf"])
def _(env):
    with torch.no_grad():
        env.bundled.vae.decoder.conv_out.bias[0] = INF
    return lambda: t2i(env)


# ---- unbounded work ------------------------------------------------------------------------------------------------
case("height=width=65536", "unbounded work", says=["65536"])(
    lambda env: lambda: t2i(env, height=65536, width=65536))
case("num_images_per_prompt=10**6", "unbounded work", says=["1000000"])(
    lambda env: lambda: t2i(env, num_images_per_prompt=10 ** 6))
case("steps=10**7", "unbounded work", says=["steps"])(lambda env: lambda: t2i(env, steps=10 ** 7))
case("2000 prompts in one call", "unbounded work", says=["2000"])(lambda env: lambda: t2i(env, ["a red circle"] * 2000))
case("img2img with a 4000×3000 picture on the 32-px model", "unbounded work", says=["4000"])(
    lambda env: lambda: pipeline.image_to_image(env.bundled, PROMPT, picture(4000, 3000), **FAST))
case("inpaint with a 4000×3000 picture and mask", "unbounded work", says=["4000"])(
    lambda env: lambda: pipeline.inpaint(env.bundled, PROMPT, picture(4000, 3000), hole(4000, 3000), **FAST))
case("img2img with 64 tensors of 512×512", "unbounded work", says=["512"])(
    lambda env: lambda: pipeline.image_to_image(env.bundled, PROMPT, torch.zeros(64, 3, 512, 512) + 0.5, **FAST))

# ---- adversarial prompts (about 100 KB, or the quadratic one): refused, or a picture in time -------------
PROMPTS = {
    "'(a:' + '1'*40000 + 'x'": "(a:" + "1" * 40000 + "x",
    "'(' * 100000": "(" * 100_000,
    "'[' * 100000": "[" * 100_000,
    "'(a' * 50000 (unclosed emphasis)": "(a" * 50_000,
    "'('*50000 + 'a' + ')'*50000 (deep nesting)": "(" * 50_000 + "a" + ")" * 50_000,
    "'[a:' * 33334": "[a:" * 33_334,
    "'[a|' * 33334 + ']' * 33334": "[a|" * 33_334 + "]" * 33_334,
    "'\\\\' * 100000": "\\" * 100_000,
    "'\\\\(' * 50000 (escaped brackets)": "\\(" * 50_000,
    "'a:' * 50000": "a:" * 50_000,
    "'[a:b:' + '9'*40000 + ']'": "[a:b:" + "9" * 40000 + "]",
    "'a AND ' * 16667": "a AND " * 16_667,
    "' BREAK' * 16667": " BREAK" * 16_667,
    "'(a:1.1) ' * 12500 (100 KB of valid emphasis)": "(a:1.1) " * 12_500,
    "'a, ' * 33334 (100 KB of plain words)": "a, " * 33_334,
}
for _name, _prompt in PROMPTS.items():  # 100 KB of text is real work (thousands of chunks to encode): 40 s
    case(f"prompt {_name}", "prompt parsing", says=["prompt"], limit=40)(
        lambda env, p=_prompt: (lambda: t2i(env, p), handled))

case("prompt editing with a negative switch step [cat:dog:-0.5] (A1111 reads it: dog from the start)",
     "prompt parsing", "accept")(
    lambda env: (lambda: prompt_schedule.schedule("a [cat:dog:-0.5]", 20),
                 lambda got: None if got[-1] == (20, "a dog") else f"{got}: A1111 draws 'a dog' at every step"))
case("parse_emphasis(None)", "prompt parsing", says=["none", "str"])(lambda env: lambda: prompts.parse_emphasis(None))
case("chunk with chunk_length=np.int64(22)", "numpy numbers", "accept")(
    lambda env: (lambda: prompts.chunk(PROMPT, env.bundled.tokenizer, chunk_length=np.int64(22)),
                 equal_chunks(prompts.chunk(PROMPT, env.bundled.tokenizer, chunk_length=22))))


def equal_chunks(reference):
    def check(chunks):
        return None if [(c.ids, c.weights) for c in chunks] == [(c.ids, c.weights) for c in reference] else \
            "other chunks than with chunk_length=22"
    return check


# ---- numpy numbers: these must WORK, and give the picture of the same Python numbers ------------------------------
NUMPY = {
    "steps=np.int64(2)": ({"steps": np.int64(2)}, {"steps": 2}),
    "seed=np.int64(3)": ({"seed": np.int64(3)}, {"seed": 3}),
    "guidance_scale=np.float32(3.0)": ({"guidance_scale": np.float32(3.0)}, {"guidance_scale": 3.0}),
    "height=width=np.int64(32)": ({"height": np.int64(32), "width": np.int64(32)}, {"height": 32, "width": 32}),
    "num_images_per_prompt=np.int64(2)": ({"num_images_per_prompt": np.int64(2)}, {"num_images_per_prompt": 2}),
    "clip_skip=np.int64(1)": ({"clip_skip": np.int64(1)}, {"clip_skip": 1}),
}
for _name, (_numpy, _python) in NUMPY.items():
    case(_name, "numpy numbers", "accept")(
        lambda env, n=_numpy, p=_python: (lambda: t2i(env, **{"seed": 0, **n}), equal_to(t2i(env, **{"seed": 0, **p}))))


@case("img2img strength=np.float64(0.75)", "numpy numbers", "accept")
def _(env):
    reference = pipeline.image_to_image(env.bundled, PROMPT, picture(), strength=0.75, seed=0, **FAST)
    return (lambda: pipeline.image_to_image(env.bundled, PROMPT, picture(), strength=np.float64(0.75), seed=0, **FAST),
            equal_to(reference))


@case("inpaint strength=np.float32(0.5)", "numpy numbers", "accept")
def _(env):
    reference = pipeline.inpaint(env.bundled, PROMPT, picture(), hole(), strength=0.5, seed=0, **FAST)
    return (lambda: pipeline.inpaint(env.bundled, PROMPT, picture(), hole(), strength=np.float32(0.5), seed=0, **FAST),
            equal_to(reference))


@case("load_lora scale=np.float32(0.5)", "numpy numbers", "accept")
def _(env):
    path, unet = lora_file(env), env.bundled.unet
    net = lora_files.load_lora(unet, path, scale=0.5)
    reference = t2i(env, seed=0)
    net.remove()
    return lambda: (lora_files.load_lora(unet, path, scale=np.float32(0.5)), t2i(env, seed=0))[1], equal_to(reference)


case("inject_lora rank=np.int64(4), alpha=np.float32(4)", "numpy numbers", "accept")(
    lambda env: lambda: nets_lora.inject_lora(env.bundled.unet, rank=np.int64(4), alpha=np.float32(4.0)))

# ---- seeds -------------------------------------------------------------------------------------------------------
case("seed=1.5", "seeds", says=["seed"])(lambda env: lambda: t2i(env, seed=1.5))
case("seed='3'", "seeds", says=["seed"])(lambda env: lambda: t2i(env, seed="3"))
case("seed=2**64", "seeds", says=["seed"])(lambda env: lambda: t2i(env, seed=2 ** 64))
case("seed=-5", "seeds", says=["seed"])(lambda env: lambda: t2i(env, seed=-5))
case("seed=2**32 (torch keeps 32 bits)", "seeds", says=["seed"])(
    lambda env: (lambda: t2i(env, seed=2 ** 32), same_as(t2i(env, seed=0), "seed=0")))
case("seed=True", "seeds", says=["seed"])(
    lambda env: (lambda: t2i(env, seed=True), same_as(t2i(env, seed=1), "seed=1")))
case("seed=3 and a generator", "seeds", says=["seed"])(
    lambda env: lambda: t2i(env, seed=3, generator=torch.Generator().manual_seed(5)))
case("generator=3", "seeds", says=["generator"])(lambda env: lambda: t2i(env, generator=3))


@case("seed=-1 draws a random seed (two calls differ)", "seeds", "accept")
def _(env):
    def check(pair):
        return "seed=-1 gave the same picture twice: it is a fixed seed, not a random one" if equal(*pair) else None
    return lambda: (t2i(env, seed=-1), t2i(env, seed=-1)), check


case("seed=2**32 - 1 (the largest)", "seeds", "accept")(
    lambda env: (lambda: t2i(env, seed=2 ** 32 - 1), lambda r: one_colour(r)))

# ---- other arguments of the pipeline ----------------------------------------------------------------------------
ARGUMENTS = {
    "guidance_scale='7.5'": ({"guidance_scale": "7.5"}, "guidance_scale"),
    "steps=0": ({"steps": 0}, "steps"),
    "steps=20.0": ({"steps": 20.0}, "steps"),
    "height=64.0": ({"height": 64.0, "width": 64}, "height"),
    "width=nan": ({"width": NAN}, "width"),
    "width=100": ({"width": 100}, "width"),
    "sampler='nope'": ({"sampler": "nope"}, "nope"),
    "output_type='np'": ({"output_type": "np"}, "output_type"),
    "callback=5": ({"callback": 5}, "callback"),
    "clip_skip=100": ({"clip_skip": 100}, "clip_skip"),
    "negative_prompt of 2 for 1 prompt": ({"negative_prompt": ["a", "b"]}, "negative"),
}
for _name, (_kw, _says) in ARGUMENTS.items():
    case(_name, "arguments", says=[_says])(lambda env, kw=_kw: lambda: t2i(env, **kw))
case("prompt=None", "arguments", says=["prompt"])(lambda env: lambda: t2i(env, None))
case("inpaint mask of another size", "arguments", says=["mask"])(
    lambda env: lambda: pipeline.inpaint(env.bundled, PROMPT, picture(), hole(16, 16), **FAST))
case("img2img picture of 30×30 pixels", "arguments", says=["30"])(
    lambda env: lambda: pipeline.image_to_image(env.bundled, PROMPT, picture(30, 30), **FAST))


@case("ControlNet control_start=nan", "arguments", says=["control_start"])
def _(env):
    net = loading.load_bundled_controlnet()
    return lambda: t2i(env, control=[(net, torch.rand(3, 32, 32), 1.0)], control_start=NAN)


@case("ControlNet scale=inf", "arguments", says=["scale"])
def _(env):
    net = loading.load_bundled_controlnet()
    return lambda: t2i(env, control=[(net, torch.rand(3, 32, 32), INF)])


case("inject_lora rank=2.5", "arguments", says=["rank"])(
    lambda env: lambda: nets_lora.inject_lora(env.bundled.unet, rank=2.5))
case("inject_lora targets='[' (not a regular expression)", "arguments", says=["targets", "'['"])(
    lambda env: lambda: nets_lora.inject_lora(env.bundled.unet, targets="["))


# ---- pictures given to the API ----------------------------------------------------------------------------------
def sixteen_bit():
    """32×32 16-bit grey: left half 8224 (= 32 · 257), right half 32896 (= 128 · 257); and the RGB it means."""
    values = np.full((32, 32), 8224, np.uint16)
    values[:, 16:] = 32896
    expected = np.repeat(np.where(values == 8224, 32, 128)[..., None], 3, axis=2)
    return Image.fromarray(values), expected


@case("a 16-bit grey PIL picture (image_tensor)", "pictures", says=["16-bit", "I;16"])
def _(env):
    image, expected = sixteen_bit()

    def check(x):
        got = ((x[0].permute(1, 2, 0) + 1) * 127.5).round().int().numpy()
        worst = int(np.abs(got - expected).max())
        return None if worst <= 2 else (f"read as {rgb(got[0, 0])} and {rgb(got[0, -1])}, "
                                        f"expected {rgb(expected[0, 0])} "
                                        f"and {rgb(expected[0, -1])}")
    return lambda: images.image_tensor(image), check


case("a floating-point 'F' PIL picture (image_tensor)", "pictures", says=["floating"])(
    lambda env: lambda: images.image_tensor(Image.fromarray(np.full((32, 32), 0.5, np.float32))))
case("a float64 numpy picture (image_tensor)", "pictures", says=["float64"])(
    lambda env: lambda: images.image_tensor(np.full((32, 32, 3), 0.5)))

@case("a PNG whose EXIF says 'rotate 180°' (load_image)", "pictures", says=["exif", "orientation"])
def _(env):
    image = Image.new("RGB", (32, 32), (200, 30, 30))
    image.paste((30, 200, 30), (16, 0, 32, 32))  # stored: red left, green right; shown upright: green left
    exif = Image.Exif()
    exif[0x0112] = 3  # Orientation: rotated 180°
    image.save("rotated.png", exif=exif)

    def check(loaded):
        left = rgb(np.asarray(loaded.convert("RGB"))[16, 4])
        return None if left == (30, 200, 30) else f"the EXIF orientation was ignored: the left is {left}, not green"
    return lambda: images.load_image("rotated.png"), check


# ---- the command line --------------------------------------------------------------------------------------------
case("CLI --out in a missing folder", "CLI", says=["missing"])(lambda env: lambda: generate(out="missing/x.png"))
case("CLI --out with an unknown extension .xyz", "CLI", says=[".xyz"])(lambda env: lambda: generate(out="x.xyz"))
case("CLI --out that is a folder", "CLI", says=["folder"])(
    lambda env: (Path("folder").mkdir(), lambda: generate(out="folder"))[1])


@case("CLI --out in a read-only folder (run as an unprivileged user)", "CLI", says=["read-only"])
def _(env):
    Path("ro").mkdir(mode=0o555)
    import os
    os.setuid(65534)  # root may write anywhere; this process is the case's own
    return lambda: generate(out="ro/x.png")


OPTIONS = {  # name: (arguments, what a clear refusal names)
    "--steps 0": (("--steps", "0"), ["steps"]),
    "--cfg nan": (("--cfg", "nan"), ["cfg", "guidance_scale"]),
    "--cfg inf": (("--cfg", "inf"), ["cfg", "guidance_scale"]),
    "--width 100": (("--width", "100"), ["100"]),
    "--sampler nope": (("--sampler", "nope"), ["nope"]),
    "--seed -5": (("--seed", "-5"), ["seed"]),
    "--model that does not exist": (("--model", "nowhere"), ["nowhere"]),
    "--init-image that does not exist": (("--init-image", "nowhere.png"), ["nowhere.png"]),
    "--mask without --init-image": (("--mask", "m.png"), ["mask"]),
}
for _name, (_args, _says) in OPTIONS.items():
    case(f"CLI {_name}", "CLI", says=_says)(
        lambda env, a=_args: lambda: generate(*a, steps=None if "--steps" in a else "2"))
case("CLI an empty prompt", "CLI", says=["prompt"])(lambda env: lambda: generate(prompt=""))


@case("CLI --seed 4294967296 (2**32)", "CLI", says=["seed"])
def _(env):
    generate("--seed", "0", out="seed0.png")
    return lambda: generate("--seed", str(2 ** 32)), lambda r: (
        "the very same picture as --seed 0" if r.rc == 0 and equal(Image.open("out.png"), Image.open("seed0.png"))
        else None)


@case("CLI --strength 2", "CLI", says=["strength"])
def _(env):
    save_png(picture(), "in.png")
    return lambda: generate("--init-image", "in.png", "--strength", "2")


@case("CLI --mask of another size than --init-image", "CLI", says=["mask"])
def _(env):
    save_png(picture(32, 32), "in.png"), save_png(hole(48, 40), "mask.png")
    return lambda: generate("--init-image", "in.png", "--mask", "mask.png")


@case("CLI --init-image that is a text file", "CLI", says=["notes.png"])
def _(env):
    Path("notes.png").write_text("not a picture")
    return lambda: generate("--init-image", "notes.png")


@case("CLI --init-image a truncated PNG", "CLI", says=["cut.png"])
def _(env):
    save_png(Image.effect_noise((64, 64), 50).convert("RGB"), "whole.png")
    Path("cut.png").write_bytes(Path("whole.png").read_bytes()[:2000])
    return lambda: generate("--init-image", "cut.png")


@case("CLI --init-image a 16-bit grey PNG (colours checked)", "CLI", says=["16-bit", "I;16"])
def _(env):
    image, expected = sixteen_bit()
    save_png(image, "grey16.png")
    seen = spy_on_img2img()
    return lambda: generate("--init-image", "grey16.png"), pixels_near(seen, expected, "the 16-bit PNG")


@case("CLI --init-image a palette PNG (colours checked)", "CLI", says=["palette"])
def _(env):
    image = Image.new("P", (32, 32), 0)
    image.putpalette([200, 30, 30, 30, 200, 30] + [0] * 762)
    image.paste(1, (16, 0, 32, 32))
    save_png(image, "palette.png")
    expected = np.zeros((32, 32, 3), int)
    expected[:, :16], expected[:, 16:] = (200, 30, 30), (30, 200, 30)
    seen = spy_on_img2img()
    return lambda: generate("--init-image", "palette.png"), pixels_near(seen, expected, "the palette PNG")


@case("CLI --model a pickle .ckpt file", "CLI", says=["ckpt"])
def _(env):
    torch.save({"state_dict": {"x": torch.zeros(1)}}, "model.ckpt")
    return lambda: generate("--model", "model.ckpt")


@case("CLI train-lora --lr 0", "CLI", says=["lr"], limit=120)
def _(env):
    return lambda: cli("train-lora", "--lr", "0", "--steps", "1", "--images", "1", "--out", "l.safetensors",
                       "--workdir", "w")


@case("CLI train-lora --out pink.png (not .safetensors)", "CLI", says=["safetensors"], limit=120)
def _(env):
    return lambda: cli("train-lora", "--out", "pink.png", "--steps", "1", "--images", "1", "--workdir", "w")


# ---- files -------------------------------------------------------------------------------------------------------
def folder_case(name, says, change, **kw):
    """A case: the tiny model folder with one file changed by ``change(folder)``, loaded and used."""
    @case(name, "files", says=says)
    def _(env):
        folder = env.model_copy()
        change(folder)
        return lambda: t2i(env, parts=loading.load_folder(folder), **{"height": 16, "width": 16, **kw})


folder_case("unet/config.json that is not JSON", ["config.json"],
            lambda f: (f / "unet" / "config.json").write_text('{"in_channels": 4,]'))
folder_case("unet/config.json that is a JSON list", ["config.json"],
            lambda f: (f / "unet" / "config.json").write_text("[4, 4, 2]"))
folder_case("vae/config.json that is not UTF-8", ["config.json"],
            lambda f: (f / "vae" / "config.json").write_bytes(b'{"in_channels": \xff\xfe}'))
folder_case('unet/config.json block_out_channels="32"', ["block_out_channels"],
            lambda f: edit_json(f / "unet" / "config.json", {"block_out_channels": "32"}))
folder_case("unet/config.json cross_attention_dim=null", ["cross_attention_dim"],
            lambda f: edit_json(f / "unet" / "config.json", {"cross_attention_dim": None}))
folder_case("text_encoder/config.json hidden_size=32.5", ["hidden_size"],
            lambda f: edit_json(f / "text_encoder" / "config.json", {"hidden_size": 32.5}))
folder_case('vae/config.json scaling_factor="0.18215"', ["scaling_factor"],
            lambda f: edit_json(f / "vae" / "config.json", {"scaling_factor": "0.18215"}))
folder_case("scheduler_config.json that is a JSON list", ["scheduler"],
            lambda f: (f / "scheduler" / "scheduler_config.json").write_text("[1000]"))
folder_case('scheduler_config.json beta_schedule="cosine"', ["beta_schedule", "cosine"],
            lambda f: edit_json(f / "scheduler" / "scheduler_config.json", {"beta_schedule": "cosine"}))
folder_case('bundled.json defaults.steps="20" (used when steps is left out)', ["steps"],
            lambda f: (f / "bundled.json").write_text('{"defaults": {"steps": "20"}}'), steps=None)
folder_case("merges.txt with a garbage line 'q z'", ["merges.txt"],
            lambda f: (f / "tokenizer" / "merges.txt").write_text("#version: 0.2\nr e\nq z\n"))
folder_case("merges.txt that is not UTF-8", ["merges.txt"],
            lambda f: (f / "tokenizer" / "merges.txt").write_bytes(b"#version: 0.2\n\xff\xfe\x00\x01garbage\n"))
folder_case("vocab.json that is a JSON list", ["vocab.json"],
            lambda f: (f / "tokenizer" / "vocab.json").write_text('["a", "b"]'))
folder_case('vocab.json with an id "320" (a string)', ["vocab.json"],
            lambda f: edit_json(f / "tokenizer" / "vocab.json", lambda v: {**v, next(iter(v)): "320"}))
folder_case("int64 weights in unet safetensors", ["int64"],
            lambda f: edit_weights(f / "unet" / "diffusion_pytorch_model.safetensors",
                                   lambda s: s.__setitem__(k := first_key(s, "conv_in.weight"), s[k].long())))
folder_case("a NaN weight in unet safetensors", ["nan"],
            lambda f: edit_weights(f / "unet" / "diffusion_pytorch_model.safetensors",
                                   lambda s: s[first_key(s, "conv_in.weight")].view(-1).__setitem__(0, NAN)))
folder_case("a truncated unet safetensors file", ["safetensors"],
            lambda f: (p := f / "unet" / "diffusion_pytorch_model.safetensors").write_bytes(p.read_bytes()[:5000]))


def lora_file_case(name, says, change=None, metadata_change=None, layout="kohya"):
    @case(name, "files", says=says)
    def _(env):
        path = lora_file(env, layout=layout)
        edit_weights(path, change or (lambda s: None), metadata_change)
        return lambda: with_lora(env, path)


lora_file_case("LoRA file (kohya) with alpha NaN", ["alpha"],
               lambda s: [s.__setitem__(k, torch.tensor(NAN)) for k in list(s) if k.endswith(".alpha")])
lora_file_case("LoRA file (kohya) with alpha 0", ["alpha"],
               lambda s: [s.__setitem__(k, torch.tensor(0.0)) for k in list(s) if k.endswith(".alpha")])
lora_file_case("LoRA file with NaN weights", ["nan"],
               lambda s: s[first_key(s, "lora_down")].view(-1).__setitem__(0, NAN))
lora_file_case("LoRA file with int64 weights", ["int64"],
               lambda s: s.__setitem__(k := first_key(s, "lora_up"), s[k].long()))


def _nan_header_alpha(metadata):
    config = json.loads(metadata["lora_adapter_metadata"])
    config["unet.lora_alpha"] = NAN
    metadata["lora_adapter_metadata"] = json.dumps(config)


lora_file_case("LoRA file (diffusers) with lora_alpha NaN in its header", ["alpha"], None, _nan_header_alpha,
               layout="diffusers")


case("load_controlnet on a UNet folder", "files", says=["controlnet"])(
    lambda env: lambda: loading.load_controlnet(env.tiny_dir / "unet"))


@case("a model .ckpt read without allow_pickle (load_single_file)", "files", says=["pickle"])
def _(env):
    torch.save({"state_dict": {}}, "model.ckpt")
    return lambda: loading.load_single_file("model.ckpt")


# ---- training ----------------------------------------------------------------------------------------------------
@case("train_lora resumed with lr 0.01 instead of 0.002", "training", says=["lr"], limit=120)
def _(env):
    with contextlib.suppress(KeyboardInterrupt):
        quick_lora_run(env, "w", stop_at=2)  # a run stopped at step 2 of 4, as by Ctrl-C

    def check(result):
        lr = torch.load("w/lora.pt", weights_only=True)["opt"]["param_groups"][0]["initial_lr"]
        return None if lr == 0.01 else f"the resumed run trained on with the checkpoint's lr {lr:g}, not 0.01"
    return lambda: quick_lora_run(env, "w", lr=0.01), check


case("train_lora with lr=nan", "training", says=["lr"], limit=120)(
    lambda env: lambda: quick_lora_run(env, "w", lr=NAN))
case("train_lora with rank=0", "training", says=["rank"], limit=120)(
    lambda env: lambda: quick_lora_run(env, "w", rank=0))


@case("save_folder stopped half-way (Ctrl-C) over a saved model", "training", says=["model"])
def _(env):
    import safetensors.torch

    out = loading.save_folder(env.tiny, env.tmp / "model")
    new = copy.deepcopy(env.tiny)
    with torch.no_grad():
        new.text_encoder.final_layer_norm.weight.add_(1.0)
        new.unet.conv_in.weight.add_(1.0)
    real, calls = safetensors.torch.save_file, []

    def save_file_then_stop(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:  # text_encoder written, then Ctrl-C during the UNet
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    def call():
        safetensors.torch.save_file = save_file_then_stop
        try:
            loading.save_folder(new, out)
        except KeyboardInterrupt:
            pass
        finally:
            safetensors.torch.save_file = real
        return loading.load_folder(out)

    def check(loaded):
        te = torch.equal(loaded.text_encoder.final_layer_norm.weight, new.text_encoder.final_layer_norm.weight)
        unet = torch.equal(loaded.unet.conv_in.weight, new.unet.conv_in.weight)
        age = lambda is_new: "new" if is_new else "old"
        return None if te == unet else ("the folder loads without error but mixes two saves: the "
                                        f"{age(te)} text encoder with the {age(unet)} UNet")
    return call, check
