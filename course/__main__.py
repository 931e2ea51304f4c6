"""Command line: ``python -m course tokenize "a photo of an astronaut"``, ``python -m course generate ...``.

    python -m course generate "a red circle" --model PATH --sampler "DPM++ 2M Karras" --steps 20 --cfg 7 --seed 1
    python -m course generate "a blue square" --model PATH --init-image in.png --strength 0.6 [--mask mask.png]

``--model`` is a diffusers model folder or one SD 1.x .safetensors file on local disk; without it the
course's own small model (course/bundled/) draws. ``python -m course train-bundled`` trains that model anew;
``python -m course train-lora`` teaches it a new colour with a LoRA; ``python -m course train-controlnet`` trains
its edge-map ControlNet (course/bundled_controlnet/; run it again after retraining the bundled model).
"""
from __future__ import annotations

import argparse
import sys


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


def generate(args: argparse.Namespace) -> None:
    """Make an image from a prompt (and an image to start from, and a mask) with the course's pipeline; save a PNG."""
    from pathlib import Path

    from course.io.images import load_image
    from course.io.loading import load_bundled, load_folder, load_single_file
    from course.pipeline import image_to_image, inpaint, text_to_image

    if args.mask and not args.init_image:
        raise ValueError("--mask needs --init-image: the picture whose white-masked part is repainted.")
    if args.model is None:
        parts = load_bundled()  # the course's own small model; says how to train it when it is missing
    else:
        model = Path(args.model)
        parts = load_single_file(model) if model.is_file() else load_folder(model)
    common = dict(negative_prompt=args.negative, steps=args.steps, guidance_scale=args.cfg, sampler=args.sampler,
                  seed=args.seed)
    if args.init_image:
        image = load_image(args.init_image)
        w, h = args.width or image.width // 8 * 8, args.height or image.height // 8 * 8
        if (w, h) != image.size:
            print(f"resizing {args.init_image} from {image.width}×{image.height} to {w}×{h} (multiples of 8)")
            image = load_image(args.init_image, (w, h))
        if args.mask:
            mask = load_image(args.mask, (w, h)).convert("L")
            out = inpaint(parts, args.prompt, image, mask, strength=1.0 if args.strength is None else args.strength,
                          **common)[0]
        else:
            out = image_to_image(parts, args.prompt, image, strength=0.75 if args.strength is None else args.strength,
                                 **common)[0]
    else:
        out = text_to_image(parts, args.prompt, height=args.height, width=args.width, **common)[0]
    out.save(args.out)
    from course.pipeline import with_defaults
    steps, cfg, sampler = with_defaults(parts, args.steps, args.cfg, args.sampler)
    print(f"wrote {args.out} ({out.width}×{out.height}, {sampler}, {steps} steps, CFG {cfg:g}, seed {args.seed})")


def train_bundled(args: argparse.Namespace) -> None:
    """Train the course's small model from scratch (resuming a stopped run) and write it as a model folder."""
    from pathlib import Path

    from course.parts import BUNDLED_DIR
    from course.training.bundled import Recipe
    from course.training.bundled import train_bundled as train
    from course.training.stage import is_main

    # --quick keeps its useless model and its checkpoints apart: a real run must neither ship nor resume them
    workdir = Path(args.workdir or ("runs/bundled-quick" if args.quick else "runs/bundled"))
    out = Path(args.out) if args.out else workdir / "model" if args.quick else BUNDLED_DIR
    try:
        train(out, workdir, Recipe.quick() if args.quick else None, device=args.device)
    except KeyboardInterrupt as stop:
        if is_main():  # under a launcher every process stops; the main one saved
            print(f"\n{stop}", file=sys.stderr)
        raise SystemExit(130) from None


def train_lora(args: argparse.Namespace) -> None:
    """Teach the bundled model a new colour ("pink") with a LoRA (resuming a stopped run); write the LoRA file."""
    import dataclasses
    from pathlib import Path

    from course.training.lora import LoRARecipe, train_lora_command

    changes = {k: v for k, v in (("steps", args.steps), ("rank", args.rank), ("alpha", args.alpha), ("lr", args.lr),
                                 ("images", args.images), ("targets", tuple(args.targets) if args.targets else None))
               if v is not None}
    try:
        train_lora_command(Path(args.out), Path(args.workdir), dataclasses.replace(LoRARecipe(), **changes),
                           layout=args.layout, device=args.device)
    except KeyboardInterrupt as stop:
        print(f"\n{stop}", file=sys.stderr)
        raise SystemExit(130) from None


def train_controlnet(args: argparse.Namespace) -> None:
    """Train the bundled model's Canny ControlNet (resuming a stopped run), evaluate it, write it with its card."""
    import dataclasses
    from pathlib import Path

    from course.parts import BUNDLED_CONTROLNET_DIR
    from course.training.controlnet import ControlRecipe
    from course.training.controlnet import train_controlnet as train

    changes = {k: v for k, v in (("steps", args.steps), ("batch", args.batch), ("lr", args.lr)) if v is not None}
    try:
        train(Path(args.out) if args.out else BUNDLED_CONTROLNET_DIR, Path(args.workdir),
              dataclasses.replace(ControlRecipe(), **changes), device=args.device, eval_n=args.eval_n)
    except KeyboardInterrupt as stop:
        print(f"\n{stop}", file=sys.stderr)
        raise SystemExit(130) from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("tokenize", help="show the tokens, ids and weights of a prompt")
    p.add_argument("prompt")
    p.add_argument("--tokenizer", help="a model folder (or its tokenizer/ folder) with vocab.json and merges.txt; "
                                       "default: SD 1.x's CLIP vocabulary")
    p.set_defaults(run=tokenize)
    g = sub.add_parser("generate", help="make an image from a prompt")
    g.add_argument("prompt")
    g.add_argument("--negative", default="", help="negative prompt")
    g.add_argument("--sampler", default=None, help="a course name (dpmpp_2m_karras) or an A1111 name ('Euler a'); "
                                                   "default: the model's own (bundled: DPM++ 2M), else Euler")
    g.add_argument("--steps", type=int, default=None, help="default: the model's own, else 20")
    g.add_argument("--cfg", type=float, default=None, help="guidance scale; default: the model's own, else 7.5")
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--height", type=int, default=None)
    g.add_argument("--width", type=int, default=None)
    g.add_argument("--out", default="image.png")
    g.add_argument("--model", default=None, help="a diffusers model folder or an SD 1.x .safetensors file "
                                                 "(default: the course's bundled model)")
    g.add_argument("--init-image", default=None, help="img2img: the picture to start from (resized to multiples of 8)")
    g.add_argument("--strength", type=float, default=None,
                   help="how much of the schedule runs, 0..1 (img2img default 0.75; with --mask 1.0)")
    g.add_argument("--mask", default=None, help="inpainting: a picture the size of --init-image; white = repaint")
    g.set_defaults(run=generate)
    t = sub.add_parser("train-bundled", help="train the course's small model from scratch (~30 min on a CPU)")
    t.add_argument("--out", default=None, help="model folder to write (default: course/bundled)")
    t.add_argument("--workdir", default=None, help="checkpoints; rerun to resume after Ctrl-C (default: runs/bundled)")
    t.add_argument("--device", default=None, help="cpu or cuda (default: cuda when there is one; under accelerate "
                                                  "launch or torchrun: one GPU per process)")
    t.add_argument("--quick", action="store_true", help="a few steps of every stage (Recipe.quick()) to check a setup, "
                                                        "such as a multi-GPU launch; the model is useless (default "
                                                        "--workdir runs/bundled-quick, --out runs/bundled-quick/model)")
    t.set_defaults(run=train_bundled)
    lo = sub.add_parser("train-lora", help="teach the bundled model a new colour with a LoRA (~2.5 min on a CPU)")
    lo.add_argument("--out", default="runs/lora/pink.safetensors", help="the LoRA file to write")
    lo.add_argument("--workdir", default="runs/lora", help="checkpoints; rerun to resume after Ctrl-C")
    lo.add_argument("--layout", default="kohya", choices=("kohya", "diffusers"), help="file layout (default kohya)")
    lo.add_argument("--steps", type=int, default=None, help="default 800")
    lo.add_argument("--rank", type=int, default=None, help="default 4")
    lo.add_argument("--alpha", type=float, default=None, help="default 4: the update is scaled by alpha / rank")
    lo.add_argument("--lr", type=float, default=None, help="default 2e-3")
    lo.add_argument("--images", type=int, default=None, help="pictures of the new colour (default 40)")
    lo.add_argument("--targets", nargs="+", default=None,
                    help="course.nets.lora.TARGETS names or regexes (default: attention; also transformer, resnets, "
                         "text_encoder)")
    lo.add_argument("--device", default=None, help="cpu or cuda (default: cuda when there is one)")
    lo.set_defaults(run=train_lora)
    c = sub.add_parser("train-controlnet", help="train the bundled model's edge-map ControlNet (~15 min on a CPU)")
    c.add_argument("--out", default=None, help="folder to write (default: course/bundled_controlnet)")
    c.add_argument("--workdir", default="runs/controlnet", help="checkpoints; rerun to resume after Ctrl-C")
    c.add_argument("--steps", type=int, default=None, help="training steps (default: the recipe's)")
    c.add_argument("--batch", type=int, default=None, help="pictures per step (default: the recipe's)")
    c.add_argument("--lr", type=float, default=None, help="learning rate (default: the recipe's)")
    c.add_argument("--eval-n", type=int, default=200, help="held-out cases for the model card (default 200)")
    c.add_argument("--device", default=None, help="cpu or cuda (default: cuda when there is one)")
    c.set_defaults(run=train_controlnet)
    args = parser.parse_args(argv)
    try:
        args.run(args)
    except (ValueError, FileNotFoundError) as err:  # our own errors already say what to do
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
