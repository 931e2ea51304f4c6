"""tools/unet_cost.py counts right: its hook counter against torch's FlopCounterMode (total, per block and per part)
and against multiply-adds derived by hand from the config, on the tiny UNets; and its timer runs."""
import sys
from pathlib import Path

import pytest
import torch
from torch.utils.flop_counter import FlopCounterMode

from course.config import UNetConfig
from course.nets.unet import UNet

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
import unet_cost as tool  # noqa: E402  (tools/ is a folder of scripts, not a package)

CONFIGS = {"tiny": UNetConfig.tiny, "tiny_sdxl": UNetConfig.tiny_sdxl}
SIZE, TOKENS, BATCH = 16, 77, 2


def meta_unet(name):
    config = CONFIGS[name]()
    with torch.device("meta"):
        return config, UNet(config)


def by_module(model, call) -> dict:
    """FlopCounterMode's own count per module path (its names: 'UNet.down_blocks.1...'), in MACs."""
    with torch.no_grad(), FlopCounterMode(display=False) as counter:
        call(model)
    return {name: sum(ops.values()) // 2 for name, ops in counter.get_flop_counts().items()}


@pytest.mark.parametrize("name", CONFIGS)
def test_hook_count_matches_flop_counter_per_block_and_part(name):
    config, model = meta_unet(name)
    call = tool.unet_call(tool.unet_inputs(config, SIZE, TOKENS, BATCH))
    macs, _ = tool.count_macs(model, call)
    theirs = by_module(model, call)
    assert sum(macs.values()) == theirs["Global"] == tool.flop_counter_macs(model, call) > 0
    groups = {g for g, _ in macs}
    for group in groups - {"stem", "head"}:  # each block on its own: the split adds up block by block
        assert sum(v for (g, _), v in macs.items() if g == group) == theirs[f"UNet.{group}"], group
    for part in ("attn1", "attn2", "ff"):  # and part by part (the hooks book q·kᵀ and p·v separately)
        ours = sum(v for (_, p), v in macs.items() if p in (part, f"{part} qk/pv"))
        assert ours == sum(v for k, v in theirs.items() if k.endswith(f".{part}")) > 0, part
    assert {"down_blocks.0", "down_blocks.1", "mid_block", "up_blocks.0", "up_blocks.1"} <= groups


def transformer_macs(channels, tokens, context_tokens, context_dim, batch):
    """One transformer layer by hand: attn1 (4 C×C projections, q·kᵀ and p·v over T×T), attn2 (q and out from
    the pixels, k and v from the text), GEGLU feed-forward (C -> 2·4C, 4C -> C)."""
    c, t, tk = channels, tokens, context_tokens
    return {"attn1": 4 * batch * t * c * c, "attn1 qk/pv": 2 * batch * t * t * c,
            "attn2": 2 * batch * t * c * c + 2 * batch * tk * context_dim * c, "attn2 qk/pv": 2 * batch * t * tk * c,
            "ff": 12 * batch * t * c * c}


@pytest.mark.parametrize("name, layers", [
    ("tiny", {"down_blocks.1": 2, "mid_block": 1, "up_blocks.0": 3}),
    ("tiny_sdxl", {"down_blocks.1": 2 * 2, "mid_block": 2, "up_blocks.0": 3 * 2})])
def test_attention_and_feed_forward_match_a_count_by_hand(name, layers):
    # both tiny configs: level 1 is 64 wide at SIZE/2 × SIZE/2; transformers per ResNet: 1 (tiny), 2 (tiny_sdxl)
    config, model = meta_unet(name)
    macs, tokens = tool.count_macs(model, tool.unet_call(tool.unet_inputs(config, SIZE, TOKENS, BATCH)))
    t = (SIZE // 2) ** 2
    one = transformer_macs(64, t, TOKENS, config.cross_attention_dim, BATCH)
    for group, n in layers.items():
        for part, value in one.items():
            assert macs[group, part] == n * value, (group, part)
        assert tokens[group] == {("attn1", t, t), ("attn2", t, TOKENS)}
    # the ResNets of level 0 (32 → 32 at SIZE²): two 3×3 convs and the time projection from 4·32, twice
    assert macs["down_blocks.0", "resnets"] == 2 * (2 * BATCH * SIZE ** 2 * 32 * 32 * 9 + BATCH * 128 * 32)


def test_attention_is_counted_on_cpu_tensors_too():
    # FlopCounterMode sees no FLOPs in the CPU kernel of scaled_dot_product_attention; the hooks do not depend on it
    config = UNetConfig.tiny()
    torch.manual_seed(0)
    model = UNet(config).eval()
    on_cpu, _ = tool.count_macs(model, tool.unet_call(tool.unet_inputs(config, SIZE, TOKENS, BATCH, device="cpu")))
    _, meta = meta_unet("tiny")
    on_meta, _ = tool.count_macs(meta, tool.unet_call(tool.unet_inputs(config, SIZE, TOKENS, BATCH)))
    assert on_cpu == on_meta


def test_parameters_split_adds_up_to_the_model():
    _, model = meta_unet("tiny_sdxl")
    split = tool.parameters(model)
    assert sum(split.values()) == sum(p.numel() for p in model.parameters())
    assert split["stem", "other"] == sum(p.numel() for n, p in model.named_parameters()
                                         if n.startswith(("conv_in", "time_embedding", "add_embedding")))


def test_materialise_and_time_a_tiny_step():
    config, model = meta_unet("tiny")
    live = tool.materialise(model, torch.device("cpu"), torch.float32)
    assert next(model.parameters()).is_meta  # the meta model is left as it was
    again = tool.materialise(model, torch.device("cpu"), torch.float32)
    for a, b in zip(live.parameters(), again.parameters()):
        assert torch.equal(a, b)  # seeded
    call = tool.unet_call(tool.unet_inputs(config, 8, 7, 1, device="cpu"))
    timing = tool.time_step(live, call, torch.device("cpu"), repeats=1)
    assert set(timing["blocks"]) == {"down_blocks.0", "down_blocks.1", "mid_block", "up_blocks.0", "up_blocks.1"}
    assert len(timing["steps"]) == 1
    assert sum(w for w, _ in timing["blocks"].values()) <= timing["step"]  # blocks run inside the step
    assert {part for _, part in timing["parts"]} == {"resnets", "attn1", "attn2", "ff"}
