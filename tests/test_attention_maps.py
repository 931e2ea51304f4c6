"""course.notebook.attention_maps: captured probabilities equal softmax(QKᵀ/√d) computed here by hand, maps equal a
re-aggregation written here, capture leaves the model as it was, and on the bundled model the shape word's map
peaks on the shape.

Also course.training.data.shape_mask (the mask the localisation test scores against)."""
import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from reference_parts import tiny_unet

from course.io.loading import from_reference, load_bundled
from course.notebook.attention_maps import cross_attention_layers, heatmaps, peak, prompt_words, record
from course.parts import Parts
from course.pipeline import text_to_image
from course.training import data

PROMPT = "a red circle in the top left on a blue background"


@pytest.fixture(scope="module")
def multi(parts):
    """The tiny parts with diffusers' "sd-order" test UNet: cross-attention at four resolutions (16, 8, 4, 2 for
    16×16 latents: 32-px pictures through the tiny VAE's factor 2) with 2, 4, 8 and 8 heads."""
    return Parts(parts.tokenizer, parts.text_encoder, from_reference(tiny_unet("sd-order")), parts.vae,
                 scheduler_config=parts.scheduler_config, defaults={"height": 32, "width": 32})


@pytest.fixture(scope="module")
def bundled():
    return load_bundled()


def capture_inputs(unet):
    """Hooks of the test's own that keep (x, context) of every attn2 call, per layer: {name: [(x, context), ...]}."""
    calls, handles = {}, []
    for name, module in unet.named_modules():
        if name.endswith("attn2"):
            calls[name] = []
            handles.append(module.register_forward_hook(
                lambda m, args, out, name=name: calls[name].append((args[0].clone(), args[1].clone()))))
    return calls, handles


def hand_probs(attn, x, context):
    """softmax(Q Kᵀ/√d) per head for one row: x (Tq, C), context (T, D) -> (heads, Tq, T)."""
    q = x @ attn.to_q.weight.T  # (Tq, heads·d); SD's to_q and to_k have no bias
    k = context @ attn.to_k.weight.T  # (T, heads·d)
    heads = attn.heads
    d = q.shape[1] // heads
    q = q.view(q.shape[0], heads, d).transpose(0, 1)  # (heads, Tq, d)
    k = k.view(k.shape[0], heads, d).transpose(0, 1)  # (heads, T, d)
    scores = q @ k.transpose(1, 2) / math.sqrt(d)  # (heads, Tq, T)
    e = torch.exp(scores - scores.max(dim=-1, keepdim=True).values)
    return e / e.sum(dim=-1, keepdim=True)


@pytest.mark.parametrize("guidance_scale, prompts", [(7.5, PROMPT), (1.0, PROMPT), (7.5, [PROMPT, "a cat"])])
def test_probs_are_softmax_of_q_k_by_hand(multi, guidance_scale, prompts):
    calls, handles = capture_inputs(multi.unet)
    try:
        recs = record(multi, prompts, seed=0, steps=3, sampler="euler", guidance_scale=guidance_scale,
                      dtype=torch.float32)
    finally:
        for h in handles:
            h.remove()
    recs = recs if isinstance(recs, list) else [recs]
    B = len(recs)
    modules = dict(multi.unet.named_modules())
    for rec in recs:
        assert rec.steps == 3 and rec.resolutions == [2, 4, 8, 16] and rec.layers == cross_attention_layers(multi.unet)
    for name, seen in calls.items():
        assert len(seen) == 3  # euler: one UNet call per step
        for step, (x, context) in enumerate(seen):
            assert x.shape[0] == (B if guidance_scale == 1 else 2 * B)  # [prompts] or [negatives, prompts]
            for b, rec in enumerate(recs):
                row = x.shape[0] - B + b
                want = hand_probs(modules[name], x[row], context[row])
                got = rec.probs[(step, name)]
                assert got.shape == want.shape
                assert (got - want).abs().max() <= 1e-5
                assert torch.allclose(got.sum(-1), torch.ones(()), atol=1e-5)


def test_a_step_is_the_first_unet_call_of_the_step(parts):
    """Heun calls the UNet at σ_i and again at σ_{i+1} (not in its last step): step i keeps the call at σ_i."""
    calls, handles = capture_inputs(parts.unet)
    try:
        rec = record(parts, PROMPT, seed=0, steps=3, sampler="heun", dtype=torch.float32)
    finally:
        for h in handles:
            h.remove()
    modules = dict(parts.unet.named_modules())
    for name, seen in calls.items():
        assert len(seen) == 5  # 2 + 2 + 1
        for step, call in zip(range(3), (0, 2, 4)):
            x, context = seen[call]
            assert (rec.probs[(step, name)] - hand_probs(modules[name], x[-1], context[-1])).abs().max() <= 1e-5
    assert rec.steps == 3 and len(rec.sigmas) == 3 and rec.sigmas[0] > rec.sigmas[1] > rec.sigmas[2]


def test_map_of_one_layer_and_step_by_hand(multi):
    rec = record(multi, PROMPT, seed=0, steps=2, sampler="euler", dtype=torch.float32)
    H, W = rec.image.size[1], rec.image.size[0]
    pos = rec.positions("circle")
    for name in rec.layers:
        h, w = rec.shapes[name]
        p = rec.probs[(1, name)]  # (heads, h·w, T)
        small = p[:, :, pos].sum(-1).mean(0).view(1, 1, h, w)
        want = F.interpolate(small, size=(H, W), mode="bilinear", align_corners=False)[0, 0].numpy()
        got = rec.map("circle", layers=[name], steps=[1])
        assert got.shape == (H, W) and got.dtype == np.float32
        assert np.abs(got - want).max() <= 1e-6


def test_map_averages_upsampled_head_maps_over_heads_layers_and_steps(multi):
    """DAAM's order, written out: upsample every head's map of every layer and step, then average them all."""
    rec = record(multi, PROMPT, seed=0, steps=3, sampler="euler", dtype=torch.float32)
    H, W = rec.size
    pos = rec.positions("blue")
    for resolutions, steps, heads in ((None, None, None), ([4, 16], [0, 2], [0, 1]), ([8], range(1, 3), None)):
        per_layer = []
        for name in rec.layers:
            h, w = rec.shapes[name]
            if resolutions is not None and h not in resolutions:
                continue
            ups = []
            for s in (steps if steps is not None else range(rec.steps)):
                p = rec.probs[(s, name)]
                for head in (heads if heads is not None else range(p.shape[0])):
                    m = p[head, :, pos].sum(-1).view(1, 1, h, w)
                    ups.append(F.interpolate(m, size=(H, W), mode="bilinear", align_corners=False)[0, 0])
            per_layer.append(torch.stack(ups).mean(0))
        want = torch.stack(per_layer).mean(0).numpy()
        got = rec.map("blue", resolutions=resolutions, steps=steps, heads=heads)
        assert np.abs(got - want).max() <= 1e-6 * max(1.0, float(want.max()))


def test_words_of_several_tokens_sum_and_repeated_words_average(parts):
    tok = parts.tokenizer
    assert len(tok.encode("blorptastic")) > 1  # several BPE tokens
    rec = record(parts, "a blorptastic cat and a dog", seed=0, steps=2, sampler="euler", dtype=torch.float32)
    n = len(tok.encode("blorptastic"))
    assert rec.positions("blorptastic") == list(range(2, 2 + n))  # BOS, a, then the word's tokens
    want = sum(rec.map(p) for p in range(2, 2 + n))
    assert np.allclose(rec.map("blorptastic"), want, atol=1e-6)
    first, second = 1, 2 + n + 2  # a, blorptastic..., cat, and, a
    assert rec.positions("a") == [first, second]
    assert np.allclose(rec.map("a"), (rec.map(first) + rec.map(second)) / 2, atol=1e-6)


def test_maps_of_all_tokens_sum_to_one(parts):
    """Every pixel's attention sums to 1 over the T tokens; averaging and bilinear upsampling keep that."""
    rec = record(parts, PROMPT, seed=0, steps=2, sampler="euler", dtype=torch.float32)
    total = sum(rec.map(t) for t in range(len(rec.tokens)))
    assert np.allclose(total, 1.0, atol=1e-5)


def test_capture_leaves_the_model_as_it_was(parts):
    modules = list(parts.unet.modules())
    attn2 = [m for name, m in parts.unet.named_modules() if name.endswith("attn2")]
    image = text_to_image(parts, PROMPT, seed=3, steps=3, progress=False)[0]
    rec = record(parts, PROMPT, seed=3, steps=3)
    assert np.array_equal(np.asarray(rec.image), np.asarray(image))
    assert all(not m.keep_probs and m.probs is None for m in attn2)
    assert all(not m._forward_hooks and not m._forward_pre_hooks for m in modules)

    def fail(d):
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        record(parts, PROMPT, seed=3, steps=3, callback=fail)
    assert all(not m.keep_probs and m.probs is None for m in attn2)
    assert all(not m._forward_hooks and not m._forward_pre_hooks for m in modules)


def test_the_callers_callback_still_sees_every_step(parts):
    seen = []
    record(parts, PROMPT, seed=0, steps=4, callback=lambda d: seen.append(d["i"]))
    assert seen == [0, 1, 2, 3]


def test_prompt_words_and_positions(parts):
    tok = parts.tokenizer
    one = lambda w: len(tok.encode(w)) == 1  # noqa: E731
    assert all(one(w) for w in ("a", "red", "car", "blue", "sky", ","))
    words = prompt_words(tok, "a (red:1.3) car, BREAK blue [sky]")
    # BOS 0, a 1, red 2, car 3, ',' 4 (not part of the word), EOS...; BREAK: the next chunk starts at 77
    assert words == [("a", [1]), ("red", [2]), ("car", [3]), ("blue", [78]), ("sky", [79])]
    assert prompt_words(tok, "(red)dish") == [("reddish", [1, 2])]  # one word across two emphasis runs
    assert prompt_words(tok, "red", chunk_length=10) == [("red", [1])]


def test_weighted_prompt_records_and_tokens_spell_the_words(parts):
    rec = record(parts, "a (blorptastic:1.3) [cat], on (a blue) background", seed=0, steps=2)
    assert [w for w, _ in rec.words] == ["a", "blorptastic", "cat", "on", "a", "blue", "background"]
    for word, positions in rec.words:
        assert "".join(rec.tokens[p] for p in positions).replace("</w>", "") == word
    assert rec.tokens[0] == "<|startoftext|>" and len(rec.tokens) == rec.probs[(0, rec.layers[0])].shape[-1]
    assert rec.map("blorptastic").shape == rec.size


def test_heatmaps_gives_every_word_once(parts):
    image, maps = heatmaps(parts, PROMPT, seed=0, steps=2)
    assert list(maps) == ["a", "red", "circle", "in", "the", "top", "left", "on", "blue", "background"]
    assert all(m.shape == (image.size[1], image.size[0]) for m in maps.values())


def test_keep_steps_and_resolutions_store_only_those(multi):
    rec = record(multi, PROMPT, seed=0, steps=3, sampler="euler", keep_steps=[1, 2], keep_resolutions=[4, 8])
    assert {s for s, _ in rec.probs} == {1, 2} and rec.resolutions == [4, 8]
    kept = [name for name in rec.layers if rec.shapes[name][0] in (4, 8)]
    assert set(rec.probs) == {(s, name) for s in (1, 2) for name in kept}
    assert rec.probs[(1, kept[0])].dtype == torch.float16  # the default storage
    assert rec.map("red", steps=[2]).shape == rec.size
    with pytest.raises(ValueError, match="kept"):
        rec.map("red", steps=[0])
    with pytest.raises(ValueError, match=r"\[4, 8\]"):
        rec.map("red", resolutions=[16])


def test_clear_errors(parts):
    rec = record(parts, PROMPT, seed=0, steps=2)
    with pytest.raises(ValueError, match="circle, in, the"):
        rec.map("square")
    with pytest.raises(ValueError, match="steps"):
        rec.map("circle", steps=[2])
    with pytest.raises(ValueError, match="steps"):
        rec.map("circle", steps=range(0))
    with pytest.raises(ValueError, match="resolutions"):
        rec.map("circle", resolutions=[3])
    with pytest.raises(ValueError, match="heads"):
        rec.map("circle", heads=[99])
    with pytest.raises(ValueError, match="token index"):
        rec.map(len(rec.tokens))
    with pytest.raises(ValueError, match="layers"):
        rec.map("circle", layers=["nope"])
    with pytest.raises(ValueError, match="AND"):
        record(parts, "a cat AND a dog", steps=2)
    with pytest.raises(ValueError, match="prompt editing"):
        record(parts, "a [cat:dog:0.5]", steps=2)
    with pytest.raises(ValueError, match="keep_steps"):
        record(parts, PROMPT, steps=2, keep_steps=[2])
    with pytest.raises(ValueError, match="num_images_per_prompt"):
        record(parts, PROMPT, steps=2, num_images_per_prompt=2)
    with pytest.raises(ValueError, match="dtype"):
        record(parts, PROMPT, steps=2, dtype=torch.int8)
    with pytest.raises(ValueError, match="str"):
        heatmaps(parts, [PROMPT], steps=2)


def test_peak_by_hand():
    heat = np.zeros((8, 8))
    heat[1:3, 5:7] = 1.0  # a 2×2 block: its centre is at (2, 6)
    heat += 0.01  # a faint floor everywhere, which the plain centroid would follow
    assert peak(heat, top=4 / 64) == pytest.approx((2.0, 6.0))
    assert peak(np.ones((4, 6)), top=1.0) == pytest.approx((2.0, 3.0))
    plain_y = (heat * (np.arange(8)[:, None] + 0.5)).sum() / heat.sum()
    assert peak(heat, top=1.0)[0] == pytest.approx(plain_y)
    with pytest.raises(ValueError, match="top"):
        peak(heat, top=0)
    with pytest.raises(ValueError, match="heat"):
        peak(-heat)


def test_shape_mask_is_the_drawn_shape():
    rng = np.random.default_rng(0)
    for _ in range(20):
        spec = data.sample_spec(rng)
        clean = data.render(spec, noise=0)
        inside = (clean == np.array(data.COLOURS[spec.colour], np.uint8)).all(-1)  # hard edges: no blur at noise 0
        noisy = data.render(spec, rng=rng)
        assert np.array_equal(data.shape_mask(noisy), inside)
        assert data.shape_mask(noisy).sum() == data.read(noisy).pixels
    blank = np.full((32, 32, 3), 128, np.uint8)
    assert data.shape_mask(blank).shape == (32, 32) and not data.shape_mask(blank).any()


# measured by tools/eval_attention.py on 200 held-out prompts: the peak (centroid of the top 25%) of the shape word's
# map lies in the generated shape for 100% of them, the colour word's for 70.5% (chance, the picture's centre: 22%;
# the bundled UNet attends at 4×4 only, and with attention at 8×8 too the colour word's was 95%); the background
# colour word has more of its mass outside the shape than the area outside it for 99.5%. The issue asks >= 80% for
# the shape word; the other floors leave room for a retrained bundled model.
FLOORS = {"shape": 0.8, "colour": 0.5}


def test_bundled_shape_word_peaks_on_the_shape(bundled):
    prompts = data.heldout_prompts(20, seed=1)
    recs = record(bundled, [p for p, _ in prompts], seed=0)
    hits = {"shape": [], "colour": []}
    outside = []
    for rec, (_, spec) in zip(recs, prompts):
        mask = data.shape_mask(np.asarray(rec.image))
        for key in hits:
            y, x = peak(rec.map(getattr(spec, key)))
            hits[key].append(bool(mask[int(y), int(x)]))
        bg = rec.map(spec.background)  # the background's colour word: its attention lies more outside the shape
        outside.append((bg * ~mask).sum() / bg.sum() > (~mask).mean())
    rates = {key: np.mean(v) for key, v in hits.items()}
    print(rates, np.mean(outside))
    for key, floor in FLOORS.items():
        assert rates[key] >= floor, rates
    assert np.mean(outside) >= 0.7
