"""Command line: ``python -m course tokenize "a photo of an astronaut"``, ``python -m course generate ...``.

    python -m course generate "a red circle" --model PATH --sampler "DPM++ 2M Karras" --steps 20 --cfg 7 --seed 1

``--model`` is a diffusers model folder or one SD 1.x .safetensors file on local disk.
"""
from __future__ import annotations

import argparse
import sys


def tokenize(args: argparse.Namespace) -> None:
    """Print how SD 1.x's CLIP tokenizer reads a prompt: tokens, ids, weights and the 77-token chunks."""
    from course.prompts import chunk, parse_emphasis
    from course.tokenizer import CLIPTokenizer, load_clip_tokenizer

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
    """Make an image from a prompt with the course's own pipeline and save it as PNG."""
    from pathlib import Path

    from course.loading import load_folder, load_single_file
    from course.pipeline import text_to_image

    if args.init_image or args.mask:
        raise ValueError("--init-image/--strength and --mask (img2img, inpainting) are not built yet; "
                         "leave them out to make an image from text alone.")
    if args.model is None:
        raise ValueError("No --model given, and the course's bundled model is not trained yet. Pass a local "
                         "Stable Diffusion 1.x model: --model path/to/folder (diffusers layout) or a .safetensors file.")
    model = Path(args.model)
    parts = load_single_file(model) if model.is_file() else load_folder(model)
    image = text_to_image(parts, args.prompt, negative_prompt=args.negative, steps=args.steps,
                          guidance_scale=args.cfg, sampler=args.sampler, seed=args.seed,
                          height=args.height, width=args.width)[0]
    image.save(args.out)
    print(f"wrote {args.out} ({image.width}×{image.height}, {args.sampler}, {args.steps} steps, "
          f"CFG {args.cfg}, seed {args.seed})")


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
    g.add_argument("--sampler", default="euler", help="a course name (dpmpp_2m_karras) or an A1111 name ('Euler a')")
    g.add_argument("--steps", type=int, default=20)
    g.add_argument("--cfg", type=float, default=7.5, help="guidance scale")
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--height", type=int, default=None)
    g.add_argument("--width", type=int, default=None)
    g.add_argument("--out", default="image.png")
    g.add_argument("--model", default=None, help="a diffusers model folder or an SD 1.x .safetensors file")
    g.add_argument("--init-image", default=None, help="img2img (not built yet)")
    g.add_argument("--strength", type=float, default=0.75, help="img2img strength (not built yet)")
    g.add_argument("--mask", default=None, help="inpainting mask (not built yet)")
    g.set_defaults(run=generate)
    args = parser.parse_args(argv)
    try:
        args.run(args)
    except (ValueError, FileNotFoundError) as err:  # our own errors already say what to do
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
