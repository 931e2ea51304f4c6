"""The same data, both families: the bundled UNet (ε, SD 1.x schedule) and the small MMDiT (rectified flow).

Held-out prompt following ("all three" = colour, shape and background right; and position) on ``--n`` prompts of
the held-out triples (``course.training.data.heldout_prompts``, read back by the analytic ``data.read``) at each
number of sampling steps, per sampler: the UNet with its default dpmpp_2m and with euler, the MMDiT with flow Euler,
flow Heun where it fits the same budget of network calls (k Heun steps call the network 2k - 1 times: 2, 4 and 10
steps for budgets 4, 8, 20) and flow Euler on SD3's shifted schedule (shift 3). Also times one sampling step
(one picture, guidance on, unbatched) and one training step (forward and backward, batch 64, text encoder
included) of each network on this machine, and states the threads and the load.

    python tools/compare_flow.py --flow runs/flow/model --json docs/flow_results.json     # both, ~30 min (2 CPUs)
    python tools/compare_flow.py --only unet ...            # one family (the results are merged into --json)
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
from course.io.loading import load_bundled  # noqa: E402
from course.pipeline import text_to_image  # noqa: E402
from course.sampling.flow_pipeline import encode_text, flow_text_to_image, load_flow_folder, velocity_fn  # noqa: E402
from course.training import data  # noqa: E402

STEPS = (1, 2, 4, 8, 20)


def adherence(run, n: int, batch: int = 50, seed: int = 0) -> dict:
    """``run(prompts, seed)`` -> pictures (B, 3, H, W) in [0, 1]; scored on n held-out prompts."""
    prompts = data.heldout_prompts(n, seed=seed)
    images = [run([p for p, _ in prompts[i:i + batch]], seed + i) for i in range(0, n, batch)]
    return data.evaluate(torch.cat(images), [spec for _, spec in prompts])


def unet_rows(parts, n: int, cfg: float) -> dict:
    rows = {}
    for sampler in ("dpmpp_2m", "euler"):
        for steps in STEPS:
            run = lambda p, s: text_to_image(parts, p, sampler=sampler, steps=steps, guidance_scale=cfg,  # noqa: E731
                                             seed=s, output_type="pt", progress=False)
            rows[f"UNet {sampler}|{steps}"] = adherence(run, n)
            print(f"UNet {sampler} {steps}: {rows[f'UNet {sampler}|{steps}']}", flush=True)
    return rows


def flow_rows(parts, n: int, cfg: float) -> dict:
    plans = [("flow_euler", {}, [(s, s) for s in STEPS]), ("flow_heun", {}, [(4, 2), (8, 4), (20, 10)]),
             ("flow_euler shift 3", {"shift": 3.0}, [(s, s) for s in STEPS]),
             ("flow_euler σ to 0", {}, [(s, s) for s in STEPS])]
    rows = {}
    for name, scheduler, budget_steps in plans:
        shifted = dataclasses.replace(parts, scheduler_config={**parts.scheduler_config, **scheduler})
        for budget, steps in budget_steps:
            sampler = name.split()[0]
            # "σ to 0": Flux's linspace(1, 1/n, n), then 0, instead of the scheduler's n σ's down to 1/T, then 0
            sigmas = list(np.linspace(1, 1 / steps, steps)) if name.endswith("σ to 0") else None
            run = lambda p, s: flow_text_to_image(shifted, p, sampler=sampler, guidance_scale=cfg,  # noqa: E731
                                                  seed=s, **({"sigmas": sigmas} if sigmas else {"steps": steps}))
            rows[f"MMDiT {name}|{budget}"] = {**adherence(run, n), "sampler_steps": steps}
            print(f"MMDiT {name} {budget} ({steps} steps): {rows[f'MMDiT {name}|{budget}']}", flush=True)
    return rows


def guidance_rows(parts, n: int = 100, scales=(1.5, 3.0, 5.0, 7.5)) -> dict:
    """The flow model's guidance scale chosen as the bundled model's was: on prompts of *training* triples (the
    held-out ones are kept for the table), 20 flow-Euler steps, all three / position per scale."""
    rng = np.random.default_rng(7)
    specs = [data.sample_spec(rng) for _ in range(n)]
    prompts = [data.prompt(s) for s in specs]
    rows = {}
    for scale in scales:
        images = torch.cat([flow_text_to_image(parts, prompts[i:i + 50], guidance_scale=scale, seed=i)
                            for i in range(0, n, 50)])
        rows[str(scale)] = data.evaluate(images, specs)
        print(f"guidance {scale}: {rows[str(scale)]}", flush=True)
    return rows


def _best_of(fns: dict, repeats: int) -> dict:
    """The best time of each function over ``repeats`` rounds, the functions taking turns within each round, so
    that a busy moment of a shared machine falls on all of them alike."""
    best = {f"{name}, {kind}": float("inf") for name in fns for kind in ("wall s", "CPU s")}
    for _ in range(repeats):
        for name, fn in fns.items():
            start, cpu = time.perf_counter(), time.process_time()  # CPU: all threads; wall: waits for a core too
            fn()
            best[f"{name}, wall s"] = min(best[f"{name}, wall s"], time.perf_counter() - start)
            best[f"{name}, CPU s"] = min(best[f"{name}, CPU s"], time.process_time() - cpu)
    return best


def timings(unet_parts, flow_parts, repeats: int = 7) -> dict:
    """Seconds of one sampling step (1 picture, guidance on: a batch of 2) and one training step (batch 64,
    forward and backward through the text encoder and the network), the best of ``repeats``."""
    ids = unet_parts.tokenizer(["a red circle in the top left corner"] * 64, warn=False)["input_ids"]
    x, t = torch.randn(64, 4, 8, 8), torch.rand(64) * 999
    with torch.no_grad():
        ctx_u = unet_parts.text_encoder(ids[:2])
        ctx_f = encode_text(flow_parts.tokenizer, flow_parts.text_encoder, ["a red circle", ""])
    v = velocity_fn(flow_parts.transformer)

    def sample(fn):
        with torch.no_grad():
            fn()

    def train(text_encoder, call):
        text_encoder.train().requires_grad_(True)
        call(text_encoder(ids, output_hidden_states=True)).pow(2).mean().backward()
        text_encoder.eval()

    out = _best_of({
        "sampling step, UNet": lambda: sample(lambda: unet_parts.unet(x[:2], t[:2].long(), ctx_u)),
        "sampling step, MMDiT": lambda: sample(lambda: v(x[:2], t[:2], ctx_f)),
        "training step (batch 64), UNet": lambda: train(unet_parts.text_encoder, lambda o: unet_parts.unet(
            x, t.long(), o.last_hidden_state)),
        "training step (batch 64), MMDiT": lambda: train(flow_parts.text_encoder, lambda o: flow_parts.transformer(
            x, t, o.last_hidden_state, o.pooled)),
    }, repeats)
    return {k: round(v, 4) for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flow", default="course/bundled_flow", help="the flow model folder")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--cfg-unet", type=float, default=None, help="default: the bundled model's (3)")
    parser.add_argument("--cfg-flow", type=float, default=None, help="default: the flow model's (3)")
    parser.add_argument("--only", choices=("unet", "flow", "timing", "guidance"), default=None,
                        help="one part; 'guidance' (not in the default run): the flow model's scale on training triples")
    parser.add_argument("--json", default="docs/flow_results.json", help="results merged into this file")
    parser.add_argument("--plot-log", default=None, nargs="+", metavar="LABEL=FLOW_LOG",
                        help="instead: plot the loss of flow_log.jsonl files (course/training/flow.py) into --png")
    parser.add_argument("--plot-evals", default=None, nargs="+", metavar="LABEL=LOG",
                        help="instead: plot the evaluations during training of run logs (flow_log.jsonl of the flow "
                             "trainer, unet_log.jsonl of the bundled one) into --png")
    parser.add_argument("--png", default="docs/flow_loss.png")
    parser.add_argument("--samples", default=None, metavar="PNG",
                        help="instead: a grid of the flow model's pictures, one position per column, 3 seeds")
    args = parser.parse_args()
    if args.plot_log:
        plot_loss(dict(item.split("=", 1) if "=" in item else (Path(item).parent.name, item) for item in args.plot_log),
                  Path(args.png))
        return
    if args.plot_evals:
        plot_evaluations(dict(item.split("=", 1) for item in args.plot_evals), Path(args.png))
        return
    if args.samples:
        sample_grid(load_flow_folder(args.flow), Path(args.samples))
        return
    unet_parts = load_bundled()
    flow_parts = load_flow_folder(args.flow) if args.only != "unet" else None
    results = json.loads(Path(args.json).read_text()) if Path(args.json).is_file() else {}
    setting = {"torch_threads": torch.get_num_threads(), "cpus": os.cpu_count(), "n": args.n}
    started, load_before = time.perf_counter(), os.getloadavg()
    if args.only in (None, "unet"):
        cfg = args.cfg_unet or unet_parts.defaults.get("guidance_scale", 3.0)
        results["unet"] = {"cfg": cfg, "rows": unet_rows(unet_parts, args.n, cfg)}
    if args.only in (None, "flow"):
        cfg = args.cfg_flow or flow_parts.defaults.get("guidance_scale", 3.0)
        results["flow"] = {"cfg": cfg, "rows": flow_rows(flow_parts, args.n, cfg)}
    if args.only == "guidance":
        results["guidance"] = guidance_rows(flow_parts)
    if args.only in (None, "timing"):
        results["timing"] = {**timings(unet_parts, flow_parts), **setting,
                             "load_average_1min": round(os.getloadavg()[0], 2)}
    results.setdefault("runs", []).append({"only": args.only or "all", **setting,
                                           "seconds": round(time.perf_counter() - started, 1),
                                           "load_average_1min_before_after": [round(load_before[0], 2),
                                                                              round(os.getloadavg()[0], 2)]})
    Path(args.json).write_text(json.dumps(results, indent=1))
    print(table(results))


def plot_loss(logs: dict, png: Path) -> None:
    """Each run's loss, the mean over 25 steps (the draws of σ make single steps noisy), against the training
    samples seen (steps × batch, the batch read from the run's checkpoint settings when the log does not say)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from course.training.flow import read_log

    fig, ax = plt.subplots(figsize=(6, 3.2))
    for label, log in logs.items():
        rows = read_log(Path(log))
        batch = _batch_of(Path(log))
        samples = torch.tensor([(r["step"] + 1) * batch for r in rows], dtype=torch.float32)
        losses = torch.tensor([r["loss"] for r in rows])
        mean = torch.nn.functional.avg_pool1d(losses[None, None], 25, 1).flatten()
        ax.plot(samples[12:12 + len(mean)] / 1000, mean, lw=1.2, label=f"{label} (batch {batch})")
        print(f"{label}: loss {losses[:25].mean():.3f} (first 25 steps) -> {losses[-25:].mean():.3f} (last 25), "
              f"{len(rows)} steps")
    ax.set(xlabel="training samples seen (thousands)", ylabel="rectified-flow loss (v MSE)",
           title="MMDiT, rectified flow: mean of 25 steps")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    print(f"wrote {png}")


def _batch_of(log: Path) -> int:
    """The batch a run trained with: the recipe settings in the checkpoint beside its log (<stage>_log.jsonl ->
    <stage>.pt)."""
    stage = Path(log).name.removesuffix("_log.jsonl")
    state = torch.load(Path(log).parent / f"{stage}.pt", map_location="cpu", weights_only=False)
    return int(state["settings"]["batch"])


def plot_evaluations(logs: dict, png: Path) -> None:
    """Prompt following during training (the trainers' evaluations: 20 prompts of training triples, 20 steps of
    each model's default sampler, EMA weights) against the training samples seen, one line per run log."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from course.training.flow import read_log

    fig, axes = plt.subplots(1, 2, figsize=(9, 3.2), sharey=True)
    for label, log in logs.items():
        rows, batch = read_log(Path(log), evaluations="EMA"), _batch_of(Path(log))
        samples = [r["step"] * batch / 1000 for r in rows]
        for ax, key in zip(axes, ("all", "position")):
            ax.plot(samples, [100 * r[key] for r in rows], marker=".", label=label)
        print(f"{label}: " + ", ".join(f"{r['step'] * batch // 1000}k {r['all']:.0%}/{r['position']:.0%}"
                                       for r in rows))
    for ax, what in zip(axes, ("all three right", "position right")):
        ax.set(xlabel="training samples seen (thousands)", title=f"{what}, 20 training prompts (EMA)")
    axes[0].set_ylabel("%"), axes[0].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    print(f"wrote {png}")


def sample_grid(parts, png: Path) -> None:
    """"a red square <position> on a blue background" for the five positions (columns), seeds 0, 1, 2 (rows)."""
    from PIL import Image

    places = ["in the top left corner", "in the top right corner", "in the bottom left corner",
              "in the bottom right corner", "in the center"]
    prompts = [f"a red square {place} on a blue background" for place in places]
    rows = [torch.cat(list(flow_text_to_image(parts, prompts, seed=seed)), dim=2) for seed in range(3)]  # (3, 32, 160)
    grid = (torch.cat(rows, dim=1).permute(1, 2, 0).numpy() * 255).astype("uint8")  # (96, 160, 3)
    Image.fromarray(grid).resize((640, 384), Image.NEAREST).save(png)
    print(f"wrote {png}")


def table(results: dict) -> str:
    """Markdown: one row per model and sampler, "all three / position" per step budget."""
    lines = ["| model, sampler | " + " | ".join(f"{s} step{'s' if s > 1 else ''}" for s in STEPS) + " |",
             "|---" * (len(STEPS) + 1) + "|"]
    for family in ("unet", "flow"):
        rows = results.get(family, {}).get("rows", {})
        names = list(dict.fromkeys(k.split("|")[0] for k in rows))
        for name in names:
            cells = []
            for s in STEPS:
                r = rows.get(f"{name}|{s}")
                cells.append("–" if r is None else f"{100 * r['all']:.1f}% / {100 * r['position']:.1f}%"
                             + (f" ({r['sampler_steps']} steps)" if r.get("sampler_steps", s) != s else ""))
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
