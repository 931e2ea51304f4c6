"""Command line: ``python -m course tokenize "a photo of an astronaut"``, ``python -m course generate ...``.

    python -m course generate "a red circle" --model PATH --sampler "DPM++ 2M Karras" --steps 20 --cfg 7 --seed 1
    python -m course generate "a blue square" --model PATH --init-image in.png --strength 0.6 [--mask mask.png]

``--model`` is a diffusers model folder or one SD 1.x .safetensors file on local disk (a pickle .ckpt only with
``--allow-pickle``); without it the course's own small model (course/bundled/) draws. ``python -m course
train-bundled`` trains that model anew; ``python -m course train-lora`` teaches it a new colour with a LoRA;
``python -m course train-textual-inversion`` teaches it a word for a new shape (only that word's vectors train);
``python -m course train-dreambooth`` teaches it a new concept by fine-tuning its UNet (DreamBooth);
``python -m course train-ip-adapter`` trains its IP-Adapter (a picture as a prompt) and the image encoder it reads;
``python -m course train-controlnet`` trains its edge-map ControlNet (course/bundled_controlnet/; run it again
after retraining the bundled model).

Every argument is checked before the work it feeds (the model is loaded last), and a refusal is one line,
``error: ...``, with exit status 2; an operating-system failure during the work (disk full, ...) is one line too,
with status 1; Ctrl-C exits with 130. This module imports torch only inside the commands, so ``--help`` is quick;
the training commands themselves are in course/training/commands.py.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from course.cli import (
    OS_FIXES,
    POSITIVE,
    WHOLE,
    Parser,
    RecipeHelp,
    UsageError,
    _device,
    _number,
    _say,
    _size,
)
from course.training.commands import (
    train_bundled,
    train_controlnet,
    train_dreambooth,
    train_ip_adapter,
    train_lora,
    train_textual_inversion,
)


def tokenize(args: argparse.Namespace) -> None:
    """Print how SD 1.x's CLIP tokenizer reads a prompt: tokens, ids, weights and the 77-token chunks."""
    from course.text.prompts import chunk, parse_emphasis
    from course.text.tokenizer import CLIPTokenizer, load_clip_tokenizer

    tok = CLIPTokenizer.from_folder(args.tokenizer) if args.tokenizer else load_clip_tokenizer()
    print(f"prompt: {args.prompt!r}")
    print(f"weighted runs: {parse_emphasis(args.prompt)}")
    chunks = chunk(args.prompt, tok)
    n_tokens = sum(c.ids.index(tok.eos_id, 1) - 1 for c in chunks)  # real tokens sit between BOS and EOS
    print(f"{n_tokens} tokens -> {len(chunks)} chunk(s) of {tok.model_max_length} (BOS + 75 + EOS, padded)")
    for n, c in enumerate(chunks):
        end = c.ids.index(tok.eos_id, 1) + 1  # BOS, the tokens, EOS; after it only padding
        print(f"chunk {n}: {end} of {len(c.ids)} positions used")
        print(f"  {'id':>6}  {'weight':>6}  token")
        for token_id, weight in zip(c.ids[:end], c.weights[:end]):
            print(f"  {token_id:>6}  {weight:>6.3f}  {tok.decoder[token_id]}")


def _check_prompt(prompt: str) -> None:
    if not prompt.strip():
        raise ValueError('the prompt is empty: say what to draw, e.g. "a red circle" (an unconditional sample is '
                         'the API\'s text_to_image(parts, "")).')
    if Path(prompt).suffix.lower() == ".txt" and " " not in prompt and Path(prompt).is_file():
        raise ValueError(f"the prompt {prompt!r} is the name of a file: the prompt is the text itself; to draw the "
                         f'file\'s text, pass "$(cat {prompt})".')


def _pictures(args: argparse.Namespace):
    """--init-image (and --mask, which must have its size): loaded, checked, resized together to --width x
    --height, else down to multiples of 8."""
    from PIL import Image

    from course.io.images import load_image

    image = load_image(args.init_image)
    mask = load_image(args.mask, mode="L") if args.mask else None  # transparent = black = keep
    W, H = image.size
    if mask is not None and mask.size != image.size:
        raise ValueError(f"--mask {args.mask} is {mask.width}×{mask.height} but --init-image {args.init_image} is "
                         f"{W}×{H} (width×height): resize the mask to {W}×{H}, the picture's size (both are then "
                         "resized together, to --width/--height if given).")
    w = args.width if args.width is not None else W // 8 * 8
    h = args.height if args.height is not None else H // 8 * 8
    if w < 8 or h < 8:
        raise ValueError(f"--init-image {args.init_image} is {W}×{H} pixels: at least 8×8 are needed; use a bigger "
                         "picture, or give --width and --height.")
    if (w, h) != image.size:
        print(f"resizing {args.init_image}{' and ' + args.mask if mask else ''} from {W}×{H} to {w}×{h} "
              "(multiples of 8)")
        image = image.resize((w, h), Image.LANCZOS)
        mask = mask.resize((w, h), Image.LANCZOS) if mask is not None else None
    return image, mask


def _load_model(args: argparse.Namespace):
    from course.io.loading import load_bundled, load_folder, load_single_file
    from course.parts import default_device

    where = {"device": args.device or default_device(), "dtype": args.dtype}  # a GPU when there is one
    from course.io.weights import PICKLE_SUFFIXES

    if args.model is None:
        return load_bundled(**where)  # the course's own small model; says how to train it when it is missing
    model = Path(args.model)
    if model.is_file() and model.suffix in PICKLE_SUFFIXES and not args.allow_pickle:
        raise ValueError(f"--model {model} is a pickle file, and loading a pickle can run any code hidden in it: "
                         "convert it to .safetensors, or, if you trust its source, add --allow-pickle (it is then "
                         "read with torch.load(weights_only=True), which refuses code objects).")
    try:
        return (load_single_file if model.is_file() else load_folder)(model, allow_pickle=args.allow_pickle,
                                                                      **where)
    except ValueError as err:  # a folder whose weights are pickles: the API's refusal names its argument
        if "allow_pickle=True" in str(err) and not args.allow_pickle:
            raise ValueError(f"{err} On the command line: --allow-pickle.") from None
        raise


def generate(args: argparse.Namespace) -> None:
    """Make an image from a prompt (and an image to start from, and a mask) with the course's pipeline; save it.
    Every input is checked before the model loads."""
    from course.io.images import check_save_path
    from course.sampling.samplers import get_sampler

    _check_prompt(args.prompt)
    check_save_path(args.out, "--out")  # now: a bad --out found after the drawing would waste the run
    if args.mask and not args.init_image:
        raise ValueError(f"--mask {args.mask} needs --init-image: the picture whose white-masked part is repainted.")
    if args.strength is not None and not args.init_image:
        raise ValueError(f"--strength {args.strength:g} needs --init-image: it says how much of that picture is "
                         "repainted; without one, leave --strength out.")
    if args.sampler is not None:
        get_sampler(args.sampler)  # an unknown name is refused with the list of known ones
    image, mask = _pictures(args) if args.init_image else (None, None)
    parts = _load_model(args)

    from course.pipeline import image_to_image, inpaint, text_to_image, with_defaults

    common = dict(negative_prompt=args.negative, steps=args.steps, guidance_scale=args.cfg, sampler=args.sampler,
                  seed=args.seed)
    if mask is not None:
        out = inpaint(parts, args.prompt, image, mask, strength=1.0 if args.strength is None else args.strength,
                      **common)[0]
    elif image is not None:
        out = image_to_image(parts, args.prompt, image, strength=0.75 if args.strength is None else args.strength,
                             **common)[0]
    else:
        out = text_to_image(parts, args.prompt, height=args.height, width=args.width, **common)[0]
    out.save(args.out)
    steps, cfg, sampler = with_defaults(parts, args.steps, args.cfg, args.sampler)
    seed = out.info.get("seed", args.seed)  # the pipeline records the seed it drew for seed=-1
    print(f"wrote {args.out} ({out.width}×{out.height}, {sampler}, {steps} steps, CFG {cfg:g}, seed {seed}"
          f"{' (random)' if args.seed == -1 else ''})")


def start(args: argparse.Namespace) -> None:
    """Copy the learner notebooks into your own folder (work/), never overwriting what you wrote there."""
    from course.notebook.workspace import REPO, report
    from course.notebook.workspace import start as copy

    work = Path(args.dir) if args.dir else REPO / "work"
    print(report(copy(work), work))


def parser() -> argparse.ArgumentParser:
    """The command line's options; the recipe defaults in the help are read from the recipes when it is shown."""
    top = Parser(prog="python -m course", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)

    def command(name, run, help):
        p = sub.add_parser(name, help=help, description=help, formatter_class=RecipeHelp)
        p.set_defaults(run=run)
        return p

    s = command("start", start, "copy the notebooks into work/, your own folder: nothing overwrites it")
    s.add_argument("--dir", default=None, help="the folder for your notebooks (default: work/ in the course)")
    p = command("tokenize", tokenize, "show the tokens, ids and weights of a prompt")
    p.add_argument("prompt")
    p.add_argument("--tokenizer", help="a model folder (or its tokenizer/ folder) with vocab.json and merges.txt; "
                                       "default: SD 1.x's CLIP vocabulary")
    g = command("generate", generate, "make an image from a prompt")
    g.add_argument("prompt", help="what to draw (not empty)")
    g.add_argument("--negative", default="", help="negative prompt")
    g.add_argument("--sampler", default=None, help="a course name (dpmpp_2m_karras) or an A1111 name ('Euler a'); "
                                                   "default: the model's own (bundled: DPM++ 2M), else Euler")
    g.add_argument("--steps", type=_number(int, f"{WHOLE} (20 to 50 is usual)", lambda v: v >= 1), default=None,
                   help="sampler steps, >= 1; default: the model's own, else 20")
    g.add_argument("--cfg", type=_number(float, "must be a finite number (SD 1.5: 7.5; 1 = no guidance)"),
                   default=None, help="guidance scale; default: the model's own, else 7.5")
    g.add_argument("--seed", type=_number(int, "must be a whole number from 0 to 2**32 - 1 = 4294967295, or -1 for "
                                               "a random seed", lambda v: -1 <= v < 2 ** 32), default=0,
                   help="the noise's seed, 0 .. 2**32 - 1; -1 draws a random one and prints it (default %(default)s)")
    g.add_argument("--height", type=_size, default=None,
                   help="a multiple of 8; default: the model's own size; with --init-image, the picture's rounded "
                        "down to a multiple of 8")
    g.add_argument("--width", type=_size, default=None, help="as --height")
    g.add_argument("--out", default="image.png",
                   help="the picture to write, in an existing folder: .png, .jpg, .webp, .bmp or .tif "
                        "(default %(default)s)")
    g.add_argument("--model", default=None, help="a diffusers model folder or an SD 1.x .safetensors file "
                                                 "(default: the course's bundled model)")
    g.add_argument("--allow-pickle", action="store_true",
                   help="let --model be (or hold) a pickle file (.ckpt, .bin, .pt, .pth). Only for files you trust: "
                        "loading a pickle can run code; it is read with torch.load(weights_only=True)")
    g.add_argument("--device", type=_device, default=None,
                   help="where to run: cpu, cuda, cuda:1, mps (default: cuda when there is one, else cpu)")
    g.add_argument("--dtype", choices=("float32", "float16", "bfloat16"), default="float32",
                   help="the networks' precision: float16 halves the memory and is about twice as fast on a GPU "
                        "(default %(default)s)")
    g.add_argument("--init-image", default=None,
                   help="img2img: the picture to start from (transparent parts count as white); resized to "
                        "--width x --height if given, else down to multiples of 8")
    g.add_argument("--strength", type=_number(float, "must be a number in [0, 1]: 0 keeps the picture, 1 repaints "
                                                     "it from noise (0.5 to 0.8 is usual)", lambda v: 0 <= v <= 1),
                   default=None,
                   help="with --init-image: how much of the schedule runs, 0..1 (default 0.75; with --mask 1.0)")
    g.add_argument("--mask", default=None,
                   help="inpainting: a picture of exactly the --init-image's size (another size is refused: resize "
                        "it first); white = repaint, black or transparent = keep. It is resized with the picture")
    t = command("train-bundled", train_bundled, "train the course's small model from scratch")
    t.add_argument("--out", default=None, help="model folder to write (default: course/bundled)")
    t.add_argument("--workdir", default=None, help="checkpoints; rerun to resume after Ctrl-C (default: runs/bundled)")
    t.add_argument("--restart", action="store_true",
                     help="delete the checkpoints in --workdir and start anew (a resumed run refuses "
                           "changed settings)")
    t.add_argument("--device", type=_device, default=None,
                   help="cpu or cuda (default: cuda when there is one; under accelerate launch or torchrun: one GPU "
                        "per process)")
    t.add_argument("--quick", action="store_true",
                   help="a few steps of every stage (Recipe.quick(): {quick.unet_steps} UNet steps instead of "
                        "{bundled.unet_steps}) to check a setup, such as a multi-GPU launch; the model is useless "
                        "(default --workdir runs/bundled-quick, --out runs/bundled-quick/model)")
    lo = command("train-lora", train_lora, "teach the bundled model a new colour with a LoRA")
    lo.add_argument("--out", default="runs/lora/pink.safetensors", help="the LoRA file to write (.safetensors)")
    lo.add_argument("--workdir", default="runs/lora", help="checkpoints; rerun to resume after Ctrl-C")
    lo.add_argument("--restart", action="store_true",
                      help="delete the checkpoints in --workdir and start anew (a resumed run refuses "
                           "changed settings)")
    lo.add_argument("--layout", default="kohya", choices=("kohya", "diffusers"), help="file layout (default kohya)")
    whole = _number(int, WHOLE, lambda v: v >= 1)
    positive = _number(float, f"{POSITIVE}, e.g. 1e-3", lambda v: v > 0)
    lo.add_argument("--steps", type=whole, default=None, help="default {lora.steps}")
    lo.add_argument("--rank", type=whole, default=None, help="default {lora.rank}")
    lo.add_argument("--alpha", type=_number(float, f"{POSITIVE} (the update is scaled by alpha / rank; alpha = rank "
                                                   "is usual)", lambda v: v > 0),
                    default=None, help="default {lora.alpha:g}: the update is scaled by alpha / rank")
    lo.add_argument("--lr", type=positive, default=None, help="default {lora.lr:g}")
    lo.add_argument("--images", type=whole, default=None, help="pictures of the new colour (default {lora.images})")
    lo.add_argument("--targets", nargs="+", default=None,
                    help="course.nets.lora.TARGETS names or regexes (default: {lora_targets}; also transformer, "
                         "resnets, text_encoder)")
    lo.add_argument("--device", type=_device, default=None, help="cpu or cuda (default: cuda when there is one)")
    ti = command("train-textual-inversion", train_textual_inversion,
                 "teach the bundled model a word for a new shape (textual inversion)")
    ti.add_argument("--out", default="runs/textual_inversion/learned_embeds.safetensors",
                    help="the embedding file to write (.safetensors)")
    ti.add_argument("--workdir", default="runs/textual_inversion", help="checkpoints; rerun to resume after Ctrl-C")
    ti.add_argument("--restart", action="store_true",
                    help="delete the checkpoint in --workdir and start anew (a resumed run refuses changed settings)")
    ti.add_argument("--layout", default="diffusers", choices=("diffusers", "a1111"),
                    help="file layout (default diffusers: the token and its vectors; a1111: emb_params)")
    ti.add_argument("--concept", default="pink", choices=("pink", "ring"),
                    help="what to learn: pink, a colour the model never drew (default), or ring, a shape it never drew")
    ti.add_argument("--steps", type=whole, default=None, help="default {ti.steps}")
    ti.add_argument("--lr", type=positive, default=None, help="default {ti.lr:g}")
    ti.add_argument("--vectors", type=whole, default=None, help="vectors of the new word (default {ti.vectors})")
    ti.add_argument("--images", type=whole, default=None, help="pictures of the new shape (default {ti.images})")
    ti.add_argument("--token", default=None, help="the new word (default {ti.token})")
    ti.add_argument("--init-word", default=None, help="the word its vectors start from (default {ti.init_word})")
    ti.add_argument("--device", type=_device, default=None, help="cpu or cuda (default: cuda when there is one)")
    c = command("train-controlnet", train_controlnet, "train the bundled model's edge-map ControlNet")
    c.add_argument("--out", default=None, help="folder to write (default: course/bundled_controlnet)")
    c.add_argument("--workdir", default="runs/controlnet", help="checkpoints; rerun to resume after Ctrl-C")
    c.add_argument("--restart", action="store_true",
                     help="delete the checkpoints in --workdir and start anew (a resumed run refuses "
                           "changed settings)")
    c.add_argument("--steps", type=whole, default=None, help="training steps (default {control.steps})")
    c.add_argument("--batch", type=whole, default=None, help="pictures per step (default {control.batch})")
    c.add_argument("--lr", type=positive, default=None, help="learning rate (default {control.lr:g})")
    c.add_argument("--eval-n", type=whole, default=200, help="held-out cases for the model card (default %(default)s)")
    c.add_argument("--device", type=_device, default=None, help="cpu or cuda (default: cuda when there is one)")
    d = command("train-dreambooth", train_dreambooth,
                "teach the bundled model a new concept by fine-tuning its UNet (DreamBooth)")
    d.add_argument("--out", default="runs/dreambooth/model", help="the model folder to write")
    d.add_argument("--workdir", default="runs/dreambooth", help="checkpoints; rerun to resume after Ctrl-C")
    d.add_argument("--restart", action="store_true",
                   help="delete the checkpoint in --workdir and start anew (a resumed run refuses changed settings)")
    d.add_argument("--concept", default="pink", choices=("pink", "ring"),
                   help="what to learn: pink, a colour the model never drew (default), or ring, a shape it never drew")
    d.add_argument("--steps", type=whole, default=None, help="default {db.steps}")
    d.add_argument("--lr", type=positive, default=None, help="default {db.lr:g}")
    d.add_argument("--images", type=whole, default=None, help="pictures of the concept (default {db.images})")
    d.add_argument("--prior-weight", type=_number(float, "must be a number >= 0 (1 is the paper's; 0 turns prior "
                                                         "preservation off)", lambda v: v >= 0),
                   default=None, help="weight of the class pictures' loss, 0 = no prior preservation "
                                      "(default {db.prior_weight:g})")
    d.add_argument("--train-text-encoder", action="store_true",
                   help="fine-tune the text encoder too (default: the UNet alone)")
    d.add_argument("--device", type=_device, default=None, help="cpu or cuda (default: cuda when there is one)")
    ip = command("train-ip-adapter", train_ip_adapter,
                 "train the bundled model's IP-Adapter (a picture as a prompt) and, first, its image encoder")
    ip.add_argument("--out", default="runs/ip_adapter/model",
                    help="the folder to write: image_encoder/, ip_adapter.safetensors (as course/bundled_ip_adapter)")
    ip.add_argument("--workdir", default="runs/ip_adapter", help="checkpoints; rerun to resume after Ctrl-C")
    ip.add_argument("--restart", action="store_true",
                    help="delete the checkpoints in --workdir and start anew (a resumed run refuses changed settings)")
    ip.add_argument("--image-encoder", default=None,
                    help="an image encoder folder to read instead of training one (config.json + model.safetensors)")
    ip.add_argument("--encoder-steps", type=whole, default=None, help="image encoder steps (default {enc.steps})")
    ip.add_argument("--steps", type=whole, default=None, help="adapter steps (default {ip.steps})")
    ip.add_argument("--lr", type=positive, default=None, help="default {ip.lr:g}")
    ip.add_argument("--batch", type=whole, default=None, help="pictures per step (default {ip.batch})")
    ip.add_argument("--reference", choices=("other", "same"), default=None,
                    help="the picture prompt of each training picture: other, another picture of its colour and shape "
                         "(default), or same, the picture itself (the paper's)")
    ip.add_argument("--captions", choices=("place", "full"), default=None,
                    help="place: the captions name background and place only (default); full: the dataset's captions")
    ip.add_argument("--device", type=_device, default=None, help="cpu or cuda (default: cuda when there is one)")
    return top


def main(argv: list[str] | None = None) -> int:
    """Run a command; 0 when it worked, 2 for a refused input, 1 for an operating-system failure, 130 on Ctrl-C."""
    try:
        args = parser().parse_args(argv)
        with warnings.catch_warnings():  # a warning is one line too, not the source line that raised it
            warnings.showwarning = lambda message, *rest, **kw: print(f"warning: {message}", file=sys.stderr)
            args.run(args)
    except UsageError as err:
        _say(err)
        return 2
    except (ValueError, FileNotFoundError) as err:  # our own errors already say what to do
        _say(err)
        return 2
    except OSError as err:  # permission denied, disk full, a folder where a file was expected: no traceback
        where = f"{err.filename}: " if err.filename else ""
        _say(f"{where}{err.strerror or err} ({OS_FIXES.get(err.errno, 'check the path and the disk')}).")
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
