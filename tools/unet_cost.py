"""Why is SDXL about as fast as SD 1.5? Count and time one UNet step of each, block by block.

Run: ``PYTHONPATH=. .venv/bin/python tools/unet_cost.py [--time float32,bfloat16] [--device cuda] [--vae]
[--json out.json]``.

One step is what a sampler pays per denoising step with classifier-free guidance: one UNet call on a batch of 2
(uncond, cond). SD 1.5 at 512² px (latent 64×64, context 77×768) against SDXL base at 1024² px (latent 128×128,
context 77×2048, pooled text 1280 and 6 time_ids).

Counting (always, on the meta device: no memory, no time): multiply-adds (MACs; FLOPs ≈ 2·MACs) of every Linear
and Conv2d, from forward hooks (output elements × inputs each one reads), plus the two matmuls inside every
attention, q·kᵀ and p·v: B·Tq·Tk·(heads·d) each. Each MAC is booked to a block (``down_blocks.i``, ``mid_block``,
``up_blocks.i``, or the small stem/head) and inside it to a part: ResNets, self-attention (attn1), cross-attention
(attn2), feed-forward, or other (the transformers' proj_in/proj_out, the down/upsamplers, conv_in/out, the time
MLP). The hook count is checked against ``torch.utils.flop_counter.FlopCounterMode`` on the same meta call; on a
CPU tensor FlopCounterMode sees no FLOPs in ``F.scaled_dot_product_attention`` (torch 2.13: the CPU flash kernel
is not in its table), so the hooks count the attention themselves.

Timing (``--time``): the same step with random weights at full size (built on meta, then materialised on the
device and filled: no 10 GB of initialisation twice), 1 warm-up + 2 timed steps (1 when the warm-up took longer
than ``--max-step-s``), with per-block and per-part wall times from pre/post forward hooks (on CUDA each hook
synchronises, which adds a little time).
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import os
import platform
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course.config import UNetConfig, VAEConfig  # noqa: E402
from course.nets.attention import Attention  # noqa: E402
from course.nets.unet import UNet  # noqa: E402
from course.nets.vae import VAE  # noqa: E402

PARTS = ("resnets", "attn1", "attn1 qk/pv", "attn2", "attn2 qk/pv", "ff", "other")
# (config, latent size, text tokens) per model; batch 2 = classifier-free guidance's [uncond, cond]
# "SD 1.5 (1024)": SD 1.5 at SDXL's resolution, the fair comparison of the two architectures
SETUPS = {"SD 1.5": (UNetConfig.sd15, 64, 77), "SDXL": (UNetConfig.sdxl, 128, 77),
          "SD 1.5 (1024)": (UNetConfig.sd15, 128, 77)}


def group_of(name: str) -> str:
    """The top-level block a module belongs to: down_blocks.1, mid_block, up_blocks.0, or stem / head."""
    match = re.match(r"(down_blocks\.\d+|up_blocks\.\d+|mid_block|decoder\.up_blocks\.\d+|decoder\.mid_block)", name)
    if match:
        return match.group(1)
    return "head" if re.match(r"(conv_norm_out|conv_out|decoder\.conv)", name) else "stem"


def part_of(name: str) -> str:
    """The part inside a block: a ResNet, attn1, attn2, the feed-forward, or other (projections, samplers, ...)."""
    for part, pattern in (("resnets", r"\.resnets\.\d+"), ("attn1", r"\.attn1\b"), ("attn2", r"\.attn2\b"),
                          ("ff", r"\.ff\b")):
        if re.search(pattern, name):
            return part
    return "other"


def unet_inputs(config: UNetConfig, size: int, tokens: int, batch: int = 2, device="meta", dtype=torch.float32):
    """Keyword arguments of one UNet call: noisy latents, t, the text context, and SDXL's micro-conditioning."""
    def make(*shape):
        return torch.randn(*shape, device=device, dtype=dtype) if device != "meta" else torch.empty(
            *shape, device=device, dtype=dtype)
    kwargs = {"x": make(batch, config.in_channels, size, size), "t": torch.full((batch,), 999, device=device),
              "context": make(batch, tokens, config.cross_attention_dim)}
    if config.addition_embed_type == "text_time":
        pooled = config.projection_class_embeddings_input_dim - 6 * config.addition_time_embed_dim  # SDXL: 1280
        px = 8 * size  # original size = target size = the image's, no crop
        kwargs["text_embeds"] = make(batch, pooled)
        kwargs["time_ids"] = torch.tensor([[px, px, 0, 0, px, px]] * batch, device=device, dtype=dtype)
    return kwargs


def count_macs(model: nn.Module, call) -> tuple[dict, dict]:
    """Run ``call(model)`` once with counting hooks. Returns ({(group, part): MACs}, {group: {(part, Tq, Tk)}})."""
    macs, tokens, hooks = defaultdict(int), defaultdict(set), []

    def layer_hook(name):
        def hook(module, args, out):
            if isinstance(module, nn.Linear):
                per_output = module.in_features  # each output element reads in_features inputs
            else:  # Conv2d: (C_in / groups) · kh · kw inputs per output element
                per_output = module.in_channels // module.groups * math.prod(module.kernel_size)
            macs[group_of(name), part_of(name)] += out.numel() * per_output
        return hook

    def attention_hook(name):
        def hook(module, args, kwargs, out):
            x = args[0]
            context = args[1] if len(args) > 1 else kwargs.get("context")
            b, tq = x.shape[0], (x.shape[2] * x.shape[3] if x.ndim == 4 else x.shape[1])  # image: H·W tokens
            contexts = context if isinstance(context, tuple) else (context,)  # IP-Adapter: text and image tokens
            tk = sum(c.shape[1] for c in contexts) if context is not None else tq
            part = part_of(name)
            # q·kᵀ: (B·heads, Tq, d) @ (B·heads, d, Tk); p·v: (B·heads, Tq, Tk) @ (B·heads, Tk, d); heads·d = inner
            macs[group_of(name), f"{part} qk/pv"] += 2 * b * tq * tk * module.to_q.out_features
            tokens[group_of(name)].add((part, tq, tk))
        return hook

    for name, module in model.named_modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            hooks.append(module.register_forward_hook(layer_hook(name)))
        elif isinstance(module, Attention):
            hooks.append(module.register_forward_hook(attention_hook(name), with_kwargs=True))
    try:
        with torch.no_grad():
            call(model)
    finally:
        for hook in hooks:
            hook.remove()
    return dict(macs), dict(tokens)


def flop_counter_macs(model: nn.Module, call) -> int:
    """The same call under FlopCounterMode (meta tensors: its attention decomposes into counted bmm's), in MACs."""
    from torch.utils.flop_counter import FlopCounterMode

    with torch.no_grad(), FlopCounterMode(display=False) as counter:
        call(model)
    return counter.get_total_flops() // 2  # it counts 2 FLOPs per multiply-add


def parameters(model: nn.Module) -> dict:
    """{(group, part): number of parameters}."""
    counts = defaultdict(int)
    for name, p in model.named_parameters():
        counts[group_of(name), part_of(name)] += p.numel()
    return dict(counts)


def materialise(model: nn.Module, device, dtype, seed: int = 0) -> nn.Module:
    """A copy of a meta-built model on ``device`` with random weights: N(0, 1/fan_in) for Linear/Conv2d (biases 0),
    norms at 1 and 0. Cheap at 2.6 B parameters, and the activations keep a sane scale through SDXL's deep
    transformers."""
    model = copy.deepcopy(model).to(dtype).to_empty(device=device)  # a copy: Module.to works in place
    generator = torch.Generator(device=device).manual_seed(seed)
    done = set()
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, (nn.Linear, nn.Conv2d)):
                fan_in = module.weight[0].numel()
                module.weight.normal_(0, fan_in ** -0.5, generator=generator)
            elif isinstance(module, (nn.GroupNorm, nn.LayerNorm)):
                module.weight.fill_(1)
            else:
                continue
            if module.bias is not None:
                module.bias.zero_()
            done.update({id(module.weight), id(module.bias)})
    missed = [n for n, p in model.named_parameters() if id(p) not in done]
    if missed:
        raise ValueError(f"materialise: no rule to fill {missed[:3]}...; add one for their module type.")
    return model.eval()


def clocks() -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process, all threads): the CPU clock does not run while other jobs on a
    shared machine hold the cores, so CPU seconds compare across runs where wall seconds do not."""
    return time.perf_counter(), time.process_time()


def time_step(model: nn.Module, call, device: torch.device, max_step_s: float = 180.0, repeats: int = 2) -> dict:
    """Wall and CPU time of ``call(model)``: 1 warm-up, then ``repeats`` timed calls (1 if the warm-up took more than
    max_step_s of wall time). Returns {"step": wall s, "cpu": CPU s, "steps": [wall s, ...], "warmup": wall s,
    "load": 1-min load average before and after, "blocks": {group: (wall, cpu)}, "parts": {(group, part): (wall,
    cpu)}}, per step."""
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    blocks, parts, starts, hooks = defaultdict(lambda: [0.0, 0.0]), defaultdict(lambda: [0.0, 0.0]), {}, []

    def pre(key):
        def hook(module, args):
            sync()
            starts[key] = clocks()
        return hook

    def post(key, table):
        def hook(module, args, out):
            sync()
            for i, (now, then) in enumerate(zip(clocks(), starts[key])):
                table[key][i] += now - then
        return hook

    for name, module in model.named_modules():
        if re.fullmatch(r"(down_blocks|up_blocks|decoder\.up_blocks)\.\d+|(decoder\.)?mid_block", name):
            key, table = group_of(name), blocks
        elif re.search(r"\.resnets\.\d+$|\.attn[12]$|\.ff$", name):
            key, table = (group_of(name), part_of(name)), parts
        else:
            continue
        hooks.append(module.register_forward_pre_hook(pre(key)))
        hooks.append(module.register_forward_hook(post(key, table)))

    def once() -> tuple[float, float]:
        sync()
        start = clocks()
        with torch.no_grad():
            out = call(model)
        sync()
        if not torch.isfinite(out).all():
            raise ValueError("time_step: the output is not finite; the random weights blew up, so the timing "
                             "would not be representative. Lower the init scale in materialise.")
        return tuple(now - then for now, then in zip(clocks(), start))

    load = [os.getloadavg()[0]]
    try:
        warmup = once()[0]
        blocks.clear()
        parts.clear()
        steps = [once() for _ in range(1 if warmup > max_step_s else repeats)]
    finally:
        for hook in hooks:
            hook.remove()
    load.append(os.getloadavg()[0])
    n = len(steps)
    return {"step": sum(s[0] for s in steps) / n, "cpu": sum(s[1] for s in steps) / n, "steps": [s[0] for s in steps],
            "warmup": warmup, "load": load, "blocks": {k: (w / n, c / n) for k, (w, c) in blocks.items()},
            "parts": {k: (w / n, c / n) for k, (w, c) in parts.items()}}


def block_order(keys) -> list[str]:
    """stem, down_blocks.0.., mid_block, up_blocks.0.., head (the data flow)."""
    def rank(g):
        kind = ("stem", "down", "mid", "up", "head").index(next(k for k in ("stem", "down", "mid", "up", "head")
                                                                if k in g))
        return kind, int(g.rsplit(".", 1)[1]) if g[-1].isdigit() else 0
    return sorted(set(keys), key=rank)


def cost_table(label: str, macs: dict, params: dict, tokens: dict, depth: dict) -> str:
    """Markdown: per block parameters, GMACs by part, tokens per attention."""
    total = sum(macs.values())
    lines = [f"**{label}**: {sum(params.values()) / 1e6:,.0f} M parameters, {total / 1e9:,.0f} GMACs per step "
             f"(batch 2)", "",
             "| block | params M | GMACs | % | ResNets | self-attn (of which q·kᵀ, p·v) | cross-attn | FF | other | "
             "tokens h·w | layers |", "|" + "---|" * 11]
    for g in block_order(k[0] for k in macs):
        m = {p: macs.get((g, p), 0) / 1e9 for p in PARTS}
        block = sum(m.values())
        seen = sorted({tq for part, tq, tk in tokens.get(g, ()) if part == "attn1"})
        lines.append(f"| {g} | {sum(v for (gg, _), v in params.items() if gg == g) / 1e6:,.1f} | {block:,.1f} | "
                     f"{100 * block * 1e9 / total:.0f} | {m['resnets']:,.1f} | {m['attn1'] + m['attn1 qk/pv']:,.1f} "
                     f"({m['attn1 qk/pv']:,.1f}) | {m['attn2'] + m['attn2 qk/pv']:,.1f} | {m['ff']:,.1f} | "
                     f"{m['other']:,.1f} | {', '.join(f'{t:,}' for t in seen) or '-'} | {depth.get(g, '-')} |")
    return "\n".join(lines)


def level_table(label: str, macs: dict, params: dict, size: int, levels: int) -> str:
    """Markdown: the same figures by resolution level (down block i, its up twin, and the mid block at the last)."""
    def level(group):
        kind, _, i = group.partition(".")
        if kind == "down_blocks":
            return int(i)
        return levels - 1 - int(i) if kind == "up_blocks" else levels - 1 if kind == "mid_block" else None
    total_macs, total_params = sum(macs.values()), sum(params.values())
    lines = [f"**{label}** by level", "", "| level | h×w (tokens) | params M | % params | GMACs | % GMACs | "
             "of which self-attn q·kᵀ, p·v | MACs per param per image |", "|" + "---|" * 8]
    for lv in range(levels):
        m = sum(v for (g, _), v in macs.items() if level(g) == lv)
        quad = sum(v for (g, p), v in macs.items() if level(g) == lv and p == "attn1 qk/pv")
        n = sum(v for (g, _), v in params.items() if level(g) == lv)
        side = size >> lv
        lines.append(f"| {lv} | {side}×{side} ({side * side:,}) | {n / 1e6:,.1f} | {100 * n / total_params:.0f} | "
                     f"{m / 1e9:,.1f} | {100 * m / total_macs:.0f} | {quad / 1e9:,.1f} | {m / n / 2:,.0f} |")
    quad = sum(v for (_, p), v in macs.items() if p == "attn1 qk/pv")
    lines.append(f"\nself-attention q·kᵀ and p·v in all: {quad / 1e9:,.1f} GMACs, "
                 f"{100 * quad / total_macs:.0f}% of the step")
    return "\n".join(lines)


def transformer_layers(model: nn.Module) -> dict:
    """{group: number of transformer layers (BasicTransformerBlock) in it}."""
    counts = defaultdict(int)
    for name, _ in model.named_modules():
        if re.search(r"transformer_blocks\.\d+$", name):
            counts[group_of(name)] += 1
    return dict(counts)


def time_table(label: str, timing: dict, macs: dict) -> str:
    """Markdown: per block wall seconds, CPU seconds, the parts' CPU seconds, and MACs per CPU second."""
    lines = [f"**{label}**: {timing['step']:.1f} s wall, {timing['cpu']:.1f} CPU-s per step (timed "
             f"{len(timing['steps'])}: {', '.join(f'{s:.1f}' for s in timing['steps'])} s wall; warm-up "
             f"{timing['warmup']:.1f} s; load average {timing['load'][0]:.1f} before, {timing['load'][1]:.1f} after)",
             "", "| block | wall s | CPU s | % of step (CPU) | ResNets CPU s | attn1 CPU s | attn2 CPU s | FF CPU s | "
             "GMACs per CPU-s |", "|" + "---|" * 9]
    for g in block_order(timing["blocks"]):
        wall, cpu = timing["blocks"][g]
        p = {k: timing["parts"].get((g, k), (0.0, 0.0))[1] for k in ("resnets", "attn1", "attn2", "ff")}
        work = sum(v for (gg, _), v in macs.items() if gg == g)
        lines.append(f"| {g} | {wall:.2f} | {cpu:.2f} | {100 * cpu / timing['cpu']:.0f} | {p['resnets']:.2f} | "
                     f"{p['attn1']:.2f} | {p['attn2']:.2f} | {p['ff']:.2f} | {work / 1e9 / cpu:,.0f} |")
    return "\n".join(lines)


def machine() -> str:
    name = platform.processor() or platform.machine()
    try:
        name = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{name}, torch {torch.__version__}, {torch.get_num_threads()} threads"


def unet_call(kwargs):
    return lambda m: m(kwargs["x"], kwargs["t"], kwargs["context"], text_embeds=kwargs.get("text_embeds"),
                       time_ids=kwargs.get("time_ids"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time", default="", help="dtypes to time, comma-separated (float32,bfloat16); "
                                                  "empty: count only")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--max-step-s", type=float, default=180.0, help="time once when the warm-up is longer")
    parser.add_argument("--models", default="SD 1.5,SDXL")
    parser.add_argument("--vae", action="store_true", help="also the VAE decode of one latent at each size")
    parser.add_argument("--json", help="write every figure here")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    dtypes = [getattr(torch, d) for d in args.time.split(",") if d]
    print(f"machine: {machine()}; device {device}\n")
    record = {"machine": machine(), "device": str(device), "command": " ".join(sys.argv), "models": {}}
    for label in filter(None, args.models.split(",")):
        make_config, size, tokens = SETUPS[label]
        config = make_config()
        with torch.device("meta"):
            model = UNet(config)
        call = unet_call(unet_inputs(config, size, tokens))
        macs, seen = count_macs(model, call)
        check = flop_counter_macs(model, call)
        params = parameters(model)
        title = f"{label} at {8 * size}² px (latent {size}×{size}, batch 2)"
        print(cost_table(title, macs, params, seen, transformer_layers(model)) + "\n")
        print(level_table(title, macs, params, size, len(config.block_out_channels)) + "\n")
        print(f"\nFlopCounterMode on meta: {check / 1e9:,.1f} GMACs (hooks: {sum(macs.values()) / 1e9:,.1f})\n")
        entry = {"macs": {f"{g}|{p}": v for (g, p), v in macs.items()}, "flop_counter_macs": check,
                 "params": {f"{g}|{p}": v for (g, p), v in params.items()},
                 "tokens": {g: sorted(v) for g, v in seen.items()}, "timing": {}}
        for dtype in dtypes:
            live = materialise(model, device, dtype)
            timing = time_step(live, unet_call(unet_inputs(config, size, tokens, device=device, dtype=dtype)), device,
                               args.max_step_s)
            print(time_table(f"{title}, {str(dtype)[6:]}, {device}", timing, macs) + "\n")
            entry["timing"][str(dtype)[6:]] = {**timing,
                                               "parts": {f"{g}|{p}": v for (g, p), v in timing["parts"].items()}}
            del live
        record["models"][label] = entry
        del model
    if args.vae:
        record["vae"] = vae_decode(device, dtypes, args.max_step_s)
    if args.json:
        Path(args.json).write_text(json.dumps(record, indent=1))


def vae_decode(device, dtypes, max_step_s) -> dict:
    """MACs (meta) and wall time of decoding one latent (batch 1) to 512² and to 1024² px: the same decoder for
    SD 1.5 and SDXL (SDXL's VAE differs in weights, not in shape)."""
    results = {}
    for size in (64, 128):
        with torch.device("meta"):
            vae = VAE(VAEConfig.sd15())
        z = torch.empty(1, 4, size, size, device="meta")
        macs, _ = count_macs(vae, lambda m: m.decode(z))
        results[size] = {"macs": sum(macs.values())}
        print(f"VAE decode to {8 * size}² px: {sum(macs.values()) / 1e9:,.0f} GMACs", end="")
        for dtype in dtypes:
            live = materialise(vae, device, dtype)
            zz = torch.randn(1, 4, size, size, device=device, dtype=dtype)
            timing = time_step(live, lambda m: m.decode(zz), device, max_step_s, repeats=1)
            results[size][str(dtype)[6:]] = {"wall": timing["step"], "cpu": timing["cpu"], "load": timing["load"]}
            print(f"; {str(dtype)[6:]} {timing['step']:.1f} s wall, {timing['cpu']:.1f} CPU-s", end="")
            del live
        print()
    return results


if __name__ == "__main__":
    main()
