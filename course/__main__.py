"""Command line: ``python -m course tokenize "a photo of an astronaut"``.

Later pieces of the course add ``generate`` and ``train-bundled`` here.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("tokenize", help="show the tokens, ids and weights of a prompt")
    p.add_argument("prompt")
    p.add_argument("--tokenizer", help="a model folder (or its tokenizer/ folder) with vocab.json and merges.txt; "
                                       "default: SD 1.x's CLIP vocabulary")
    p.set_defaults(run=tokenize)
    args = parser.parse_args(argv)
    try:
        args.run(args)
    except (ValueError, FileNotFoundError) as err:  # our own errors already say what to do
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
