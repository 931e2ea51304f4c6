"""Benchmark: how live do the widgets of course/notebook/widgets.py feel on the bundled model, on this CPU?

Run: ``.venv/bin/python tools/bench_widgets.py [--repeats 5] [--steps 20] [--threads N]``.
For each widget: the time to build it (everything it computes once) and the time of each kind of interaction
(setting a control's value from code, which runs the same observer a slider drag does, until the new picture is
in the widget). Medians of ``--repeats`` runs, after one warm-up build. The model's own defaults otherwise
(DPM++ 2M, CFG 3, 32×32). Wall-clock times: on a busy machine they grow, sometimes several times over.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course.io.loading import load_bundled  # noqa: E402
from course.notebook import widgets  # noqa: E402

PROMPT = "a red circle in the top left on a blue background"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cycle(control, values):
    """A function that sets ``control.value`` to the next of ``values`` (each call a real change)."""
    state = {"k": 0}

    def step():
        state["k"] += 1
        control.value = values[state["k"] % len(values)]
    return step


def interactions(parts, steps: int) -> dict:
    """{widget: (build function, {interaction: function of the built widget})}."""
    fresh = iter([s / 2 for s in range(-4, 21) if s / 2 not in (3.0, 4.0)])  # scales -2 to 10 not seen yet
    names = iter(range(10 ** 6))
    return {
        "denoising_scrubber": (lambda: widgets.denoising_scrubber(parts, PROMPT, steps=steps, progress=False),
                               {"move the step slider": lambda w: cycle(w.slider, [3, 11, 17])}),
        "cfg_explorer": (lambda: widgets.cfg_explorer(parts, PROMPT, steps=steps, progress=False),
                         {"new scale (preview + a new run)": lambda w: lambda: setattr(w.slider, "value", next(fresh)),
                          "scale seen before (preview; cached)": lambda w: cycle(w.slider, [3.0, 4.0]),
                          "edit the negative prompt (D_u + a run)": lambda w: lambda: setattr(
                              w.negative, "value", f"green {next(names)}")}),
        "clip_skip_toggle": (lambda: widgets.clip_skip_toggle(parts, PROMPT, steps=steps, progress=False),
                             {"toggle the clip skip": lambda w: cycle(w.toggle, [1, 2, 3])}),
        "attention_explorer": (lambda: widgets.attention_explorer(parts, PROMPT, steps=steps, progress=False),
                               {"choose a word": lambda w: cycle(w.word, ["red", "circle", "blue"]),
                                "choose a resolution": lambda w: cycle(w.resolution, [0] + list(w.record.resolutions)),
                                "choose a step range": lambda w: cycle(w.steps, [(0, 4), (5, steps - 1), (0, 0)])}),
        "sampler_grid": (lambda: widgets.sampler_grid(parts, PROMPT, steps=(3, 6, 12), progress=False),
                         {"render 6 samplers × (3, 6, 12) steps": lambda w: w.render}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--steps", type=int, default=None, help="sampling steps (default: the model's, 20)")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    parts = load_bundled()
    steps = args.steps or parts.defaults.get("steps", 20)
    print(f"bundled model, {steps} steps, {torch.get_num_threads()} torch thread(s), median of {args.repeats}")
    print(f"{'widget':20} {'what':42} {'ms':>8}")
    for name, (build, actions) in interactions(parts, steps).items():
        build()  # warm-up
        built = []
        ms = statistics.median(timed(lambda: built.append(build())) for _ in range(args.repeats)) * 1000
        print(f"{name:20} {'build':42} {ms:8.1f}")
        for what, make in actions.items():
            act = make(built[-1])
            act()  # warm-up (and the first change away from the start)
            ms = statistics.median(timed(act) for _ in range(args.repeats)) * 1000
            print(f"{'':20} {what:42} {ms:8.1f}")


if __name__ == "__main__":
    main()
