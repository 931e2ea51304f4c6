"""Textual inversion, DreamBooth and LoRA on one concept and one budget; and where LoRA and DreamBooth go wrong.

    python tools/compare_personalisation.py                    # the table, the sweep and its figure
    python tools/compare_personalisation.py --only table       # or --only sweep
    python tools/compare_personalisation.py --only timing      # each method's seconds per step, back to back
    python tools/compare_personalisation.py --fresh            # retrain everything (else finished runs are reused)

The table: every method of ``course.training.compare.METHODS`` trained for ``--steps`` × ``--batch`` on the 40 pink
pictures (split "new"), read on ``--prompts`` pink prompts with the method's word (the 60 of tools/eval_lora.py)
and ``--old`` held-out prompts of the old concepts (the bundled model's evaluation), DPM++ 2M, 20 steps, CFG 3.
The sweep: LoRA and DreamBooth over learning rates (``--sweep-steps`` × ``--sweep-batch``, 20 other pink prompts
and 20 old ones, ``--sweep-prompts``), then the fixes (a lower rate, a warm-up, prior preservation, a tighter
gradient clip) at the rates that went wrong; the loss curves and accuracies go to ``--figure``. Every run is kept
as JSON in ``--runs`` as soon as it ends, so an interrupted run continues where it stopped. Prints markdown, the
machine's load and the threads used.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from course.training.compare import METHODS, Row, format_table, run_method  # noqa: E402

# the learning rates swept (each method's own default among them: LoRA 2e-3, DreamBooth 5e-4)
SWEEP = {"lora": (2e-4, 2e-3, 2e-2, 6e-2, 2e-1), "dreambooth": (5e-6, 5e-5, 5e-4, 5e-3, 5e-2)}
# the fixes tried where the sweep went wrong: (method, lr, changes of the recipe or run_method's clip, what it is)
FIXES = [("lora", 6e-2, dict(clip=0.1), "gradients clipped at 0.1"),
         ("lora", 6e-2, dict(clip=0.01), "gradients clipped at 0.01"),
         ("lora", 6e-2, dict(warmup=75), "warm-up 75 of 150 steps"),
         ("lora", 2e-1, dict(warmup=75), "warm-up 75 of 150 steps"),
         ("lora", 2e-2, dict(prior_share=0.0), "no prior preservation"),
         ("lora", 6e-2, dict(prior_share=0.0), "no prior preservation"),
         ("dreambooth_prior", 5e-4, {}, "prior preservation"),
         ("dreambooth_prior", 5e-3, {}, "prior preservation"),
         ("dreambooth", 5e-3, dict(warmup=75), "warm-up 75 of 150 steps"),
         ("dreambooth", 5e-3, dict(clip=0.3), "gradients clipped at 0.3")]


def run(key: str, runs: Path, fresh: bool, **kwargs) -> dict:
    """One ``run_method`` as a dict (with the machine's load around it), read from ``runs/<key>.json`` if there."""
    path = runs / f"{key}.json"
    if path.is_file() and not fresh:
        return json.loads(path.read_text())
    load = os.getloadavg()[0]
    started = time.monotonic()
    row = run_method(**kwargs)
    record = {**dataclasses.asdict(dataclasses.replace(row, parts=None)), "wall_seconds": time.monotonic() - started,
              "load_before": load, "load_after": os.getloadavg()[0]}
    record.pop("parts")
    runs.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record))
    return record


def as_row(record: dict) -> Row:
    return Row(**{f.name: record[f.name] for f in dataclasses.fields(Row) if f.name in record})


def table(args) -> None:
    records = [run(f"table-{m}-{args.steps}x{args.batch}", args.runs, args.fresh, name=m, steps=args.steps,
                   batch=args.batch, n_prompts=args.prompts, n_old=args.old) for m in METHODS]
    print(format_table([as_row(r) for r in records]))
    print(machine(records))


def machine(records) -> str:
    loads = [x for r in records for x in (r["load_before"], r["load_after"])]
    return (f"\n(torch threads {records[0]['threads']}, {os.cpu_count()} CPUs; 1-minute load average "
            f"{min(loads):.1f} to {max(loads):.1f} around the runs: timings on a machine shared with other jobs)")


def timing(args) -> None:
    """Each method's cost per step and before the first step, measured back to back, twice in opposite orders
    (the faster of the two), so that the load of a shared machine weighs on all of them alike."""
    names, best, loads = [m for m in METHODS if METHODS[m].kind != "base"], {}, [os.getloadavg()[0]]
    for order in (names, names[::-1]):
        for m in order:
            row = run_method(m, args.timing_steps, args.batch, n_prompts=1, n_old=1)
            per_step, setup = row.loop_seconds / args.timing_steps, row.seconds - row.loop_seconds
            old = best.get(m, (np.inf, np.inf))
            best[m] = (min(per_step, old[0]), min(setup, old[1]))
            loads.append(os.getloadavg()[0])
    print(f"| method | seconds per step of {args.batch} | seconds before the first step | {args.steps} steps |")
    print("|---|---:|---:|---:|")
    for m, (per_step, setup) in best.items():
        print(f"| {METHODS[m].label} | {per_step:.3f} | {setup:.0f} | {setup + args.steps * per_step:.0f} s |")
    print(f"\n(torch threads {torch.get_num_threads()}; {args.timing_steps} steps per run; 1-minute load average "
          f"{min(loads):.1f} to {max(loads):.1f})")


def sweep(args) -> None:
    common = dict(steps=args.sweep_steps, batch=args.sweep_batch, n_prompts=args.sweep_prompts,
                  n_old=args.sweep_prompts, prompt_seed=1)
    tag = f"{args.sweep_steps}x{args.sweep_batch}"
    results = {m: [run(f"sweep-{m}-{lr:g}-{tag}", args.runs, args.fresh, name=m, lr=lr, **common) for lr in lrs]
               for m, lrs in SWEEP.items()}
    fixes = [(m, lr, what, run(f"fix-{m}-{lr:g}-{'-'.join(f'{k}{v}' for k, v in ch.items())}-{tag}", args.runs,
                              args.fresh, name=m, lr=lr, **common, **ch)) for m, lr, ch, what in FIXES]
    print("| method | lr | change | loss, first → last 15 steps | gradient norm before clipping: median (max), "
          "share > 1 | pink prompts: all three | old prompts: all three | old drawn pink | diverged |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---|")
    for m, lr, what, r in [(m, r["lr"], "", r) for m, rs in results.items() for r in rs] + fixes:
        print(line(m, lr, what, r))
    print(machine([r for rs in results.values() for r in rs] + [f[3] for f in fixes]))
    figure(results, fixes, args.figure)


def line(method: str, lr: float, what: str, r: dict) -> str:
    losses, norms = np.asarray(r["losses"], float), np.asarray(r["grad_norms"][1:], float)
    pct = lambda d, k: "—" if d is None else f"{100 * d[k]:.0f}%"  # noqa: E731
    leak = "—" if r["old_pink"] is None else f"{100 * r['old_pink']:.0f}%"
    return (f"| {METHODS[method].label} | {lr:g} | {what or 'recipe'} | {losses[:15].mean():.3f} → "
            f"{losses[-15:].mean():.3f} | {np.median(norms):.3g} ({norms.max():.3g}), {np.mean(norms > 1):.0%} | "
            f"{pct(r['concept'], 'all')} | "
            f"{pct(r['old'], 'all')} | {leak} | {'yes' if as_row(r).diverged else 'no'} |")


def figure(results: dict, fixes: list, png: Path) -> None:
    """Loss curves per learning rate (top), what the checker read per learning rate (bottom), and each fix next to
    the same run without it (right)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(17, 7.5))
    grid = fig.add_gridspec(2, 3, width_ratios=(1, 1, 1.2))
    for col, (method, records) in enumerate(results.items()):
        ax = fig.add_subplot(grid[0, col])
        for r in records:
            smooth = np.convolve(r["losses"], np.ones(10) / 10, mode="valid")
            ax.plot(np.arange(len(smooth)) + 10, smooth, label=f"lr {r['lr']:g}")
        ax.set_title(f"{METHODS[method].label}: loss (10-step mean)", fontsize=9)
        ax.set_xlabel("step"), ax.set_yscale("log"), ax.legend(fontsize=7)
        ax = fig.add_subplot(grid[1, col])
        lrs = [r["lr"] for r in records]
        for key, label, style in (("concept", "pink prompts: all three", "o-"),
                                  ("old", "old prompts: all three", "s-")):
            ax.plot(lrs, [np.nan if r[key] is None else r[key]["all"] for r in records], style, label=label)
        ax.plot(lrs, [np.nan if r["old_pink"] is None else r["old_pink"] for r in records], "^--",
                label="old prompts drawn pink")
        ax.set_xscale("log"), ax.set_xlabel("learning rate"), ax.set_ylim(-0.05, 1.05), ax.legend(fontsize=7)
        ax.set_title(f"{METHODS[method].label}: read by the checker", fontsize=9)
    ax = fig.add_subplot(grid[:, 2])
    runs = {(r["method"], r["lr"]): r for rs in results.values() for r in rs}
    labels = []
    for y, (m, lr, what, r) in enumerate(fixes):
        base = runs[("dreambooth" if m.startswith("dreambooth") else m, lr)]
        for rec, fill, dy in ((base, "none", 0.15), (r, None, -0.15)):
            for key, colour, marker in (("concept", "C0", "o"), ("old", "C1", "s")):
                value = np.nan if rec[key] is None else rec[key]["all"]
                ax.plot([value], [-y + dy], marker, color=colour, markerfacecolor=fill or colour, markersize=8)
        end = lambda rec: np.mean(rec["losses"][-15:])  # noqa: E731
        labels.append(f"{METHODS[m].label.split(',')[0]}, lr {lr:g}: {what}\nloss at the end {end(base):.3f} → "
                      f"{end(r):.3f}")
    ax.set_yticks([-y for y in range(len(fixes))], labels, fontsize=7), ax.set_xlim(-0.05, 1.05)
    ax.set_xlabel("all three right"), ax.grid(axis="x", alpha=0.3)
    ax.set_title("a change (filled) against the run without it (hollow)\nblue: pink prompts, orange: old ones",
                 fontsize=9)
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=90)
    print(f"wrote {png}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("table", "sweep", "timing"), default=None,
                        help="timing: only each method's cost per step, back to back (not part of the default run)")
    parser.add_argument("--timing-steps", type=int, default=30)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--prompts", type=int, default=60)
    parser.add_argument("--old", type=int, default=200)
    parser.add_argument("--sweep-steps", type=int, default=150)
    parser.add_argument("--sweep-batch", type=int, default=16)
    parser.add_argument("--sweep-prompts", type=int, default=20, help="pink and old prompts each")
    parser.add_argument("--runs", type=Path, default=Path("runs/compare"))
    parser.add_argument("--figure", type=Path, default=Path("docs/personalisation_lr_sweep.png"))
    parser.add_argument("--fresh", action="store_true", help="retrain runs already kept in --runs")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.only == "timing":
        return timing(args)
    if args.only != "sweep":
        table(args)
    if args.only != "table":
        sweep(args)


if __name__ == "__main__":
    main()
