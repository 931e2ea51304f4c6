"""Benchmark: encode 1,000 prompts with course.text.tokenizer, transformers (Rust) and OpenAI's pure Python.

Run: ``.venv/bin/python tools/bench_tokenizer.py``. Each tokenizer is built fresh for every
repeat, so the per-word merge cache starts cold (all three keep one); the best of
five repeats is reported, with the ratio to ours. The prompts come from the
seeded corpus the parity tests use.
"""
from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from prompt_corpus import make_corpus  # noqa: E402
from transformers import CLIPTokenizer as HFTokenizer  # noqa: E402

from course.text.tokenizer import CLIPTokenizer, openai_vocab_path  # noqa: E402


def openai_tokenizer():
    spec = importlib.util.spec_from_file_location("openai_clip_tokenizer", openai_vocab_path().parent / "tokenizer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SimpleTokenizer(str(openai_vocab_path()))


def best_of(repeats: int, make, run) -> float:
    times = []
    for _ in range(repeats):
        tokenizer = make()
        start = time.perf_counter()
        run(tokenizer)
        times.append(time.perf_counter() - start)
    return min(times)


def main(n: int = 1000, repeats: int = 5) -> None:
    prompts = make_corpus(n, seed=1)
    base = CLIPTokenizer.from_bpe_gz(openai_vocab_path())
    contenders = {
        "course (pure Python)": (lambda: CLIPTokenizer(base.encoder, base.merges),
                                 lambda t: [t.encode(p) for p in prompts]),
        "course, batch to 77": (lambda: CLIPTokenizer(base.encoder, base.merges),
                                lambda t: t(prompts, warn=False)),
        "transformers (Rust), batch": (lambda: HFTokenizer(vocab=base.encoder, merges=base.merges),
                                       lambda t: t(prompts, add_special_tokens=False)),
        "OpenAI simple_tokenizer": (openai_tokenizer, lambda t: [t.encode(p) for p in prompts]),
    }
    results = {name: best_of(repeats, make, run) for name, (make, run) in contenders.items()}
    ours = results["course (pure Python)"]
    print(f"{n} prompts, best of {repeats}, cold merge cache each time")
    print(f"{'tokenizer':<30} {'seconds':>8} {'prompts/s':>10} {'time vs course':>15}")
    for name, seconds in results.items():
        print(f"{name:<30} {seconds:8.3f} {n / seconds:10.0f} {seconds / ours:14.2f}x")


if __name__ == "__main__":
    main()
