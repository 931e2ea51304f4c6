"""course.nets.text_encoder against transformers' CLIPTextModel (and diffusers' encode_prompt for clip skip)."""
import dataclasses
import warnings

import pytest
import torch
from transformers import CLIPTextConfig, CLIPTextModel

from course.config import TextEncoderConfig
from course.io.loading import from_reference
from course.nets.text_encoder import (
    TextEncoder,
    TextEncoderOutput,
    a1111_to_diffusers_clip_skip,
    encode_prompt,
    encode_weighted,
)
from course.text.prompts import Chunk, chunk, match_chunk_counts
from course.text.tokenizer import load_clip_tokenizer

TOL = 1e-5
TINY = TextEncoderConfig.tiny()  # vocab 1000, width 32, 5 layers, 4 heads, eos_token_id 2 (legacy rule)
CLIP_VOCAB = dataclasses.replace(TINY, vocab_size=49408)  # tiny, but the real tokenizer's ids fit


def reference(cfg: TextEncoderConfig, seed: int = 0, dtype=torch.float32) -> CLIPTextModel:
    """transformers' CLIPTextModel with our config; every parameter (LN and biases too) nudged off its init,
    so swapped names such as layer_norm1/layer_norm2 or q_proj/k_proj biases cannot go unnoticed."""
    torch.manual_seed(seed)
    special = {"bos_token_id": 0, "pad_token_id": 1} if cfg.vocab_size < 49408 else {}  # in the vocab: no warning
    model = CLIPTextModel(CLIPTextConfig(**dataclasses.asdict(cfg), **special))
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.05 * torch.randn_like(p))
    return model.to(dtype).eval()


def make_ids(cfg: TextEncoderConfig, batch: int, length: int, seed: int = 0) -> torch.Tensor:
    """Rows shaped like the tokenizer's: BOS, words, EOS, then EOS as padding (rows of different text lengths)."""
    g = torch.Generator().manual_seed(seed)
    bos, eos = cfg.vocab_size - 2, (cfg.vocab_size - 1 if cfg.eos_token_id == 2 else cfg.eos_token_id)
    ids = torch.full((batch, length), eos, dtype=torch.long)
    for row in range(batch):
        words = torch.randint(0, cfg.vocab_size - 2, (length,), generator=g)
        words[words == eos] = 3  # EOS only where the tokenizer would put it
        n = int(torch.randint(0, max(length - 1, 1), (), generator=g)) if length > 2 else 0
        ids[row, : n + 1] = torch.cat([torch.tensor([bos]), words[:n]])[: length]
        if length == 1:
            ids[row, 0] = eos
    return ids


def max_diff(a: torch.Tensor, b: torch.Tensor) -> float:
    assert a.shape == b.shape, (a.shape, b.shape)
    return (a.float() - b.float()).abs().max().item()


@pytest.fixture(scope="module")
def tok():
    return load_clip_tokenizer()


@pytest.fixture(scope="module")
def clip_vocab_pair():
    ref = reference(CLIP_VOCAB)
    return ref, from_reference(ref)


CONFIGS = {  # name: (config, batch, length)
    "tiny": (TINY, 2, 77),
    "gelu": (dataclasses.replace(TINY, hidden_act="gelu"), 2, 77),
    "eos_token_id=7": (dataclasses.replace(TINY, eos_token_id=7), 3, 20),  # first EOS, not the largest id
    "clip_vocab_eos=49407": (dataclasses.replace(CLIP_VOCAB, eos_token_id=49407), 2, 77),
    "short_rows": (TINY, 3, 5),
    "one_token": (TINY, 2, 1),
    "wide_2_layers_16_positions": (TextEncoderConfig(vocab_size=300, hidden_size=64, intermediate_size=96,
                                                     num_hidden_layers=2, num_attention_heads=2,
                                                     max_position_embeddings=16, layer_norm_eps=1e-6), 4, 16),
}


@pytest.mark.parametrize("name", CONFIGS)
def test_matches_transformers_everywhere(name):
    cfg, batch, length = CONFIGS[name]
    ref = reference(cfg)
    ours = from_reference(ref)
    assert isinstance(ours, TextEncoder) and set(ours.state_dict()) == set(ref.state_dict())
    ids = make_ids(cfg, batch, length)
    with torch.no_grad():
        theirs = ref(ids, output_hidden_states=True)
        out = ours(ids, output_hidden_states=True)
        plain = ours(ids)
    assert isinstance(out, TextEncoderOutput) and isinstance(plain, torch.Tensor)
    assert len(out.hidden_states) == len(theirs.hidden_states) == cfg.num_hidden_layers + 1
    for i, (a, b) in enumerate(zip(out.hidden_states, theirs.hidden_states)):
        assert max_diff(a, b) <= TOL, f"hidden_states[{i}]"
    assert max_diff(out.last_hidden_state, theirs.last_hidden_state) <= TOL
    assert max_diff(plain, theirs.last_hidden_state) <= TOL
    assert max_diff(out.pooled, theirs.pooler_output) <= TOL


@pytest.mark.parametrize("name", ["tiny", "gelu", "eos_token_id=7"])
def test_clip_skip_is_diffusers_formula(name):
    """diffusers' encode_prompt: hidden_states[-(clip_skip + 1)], then final_layer_norm."""
    cfg, batch, length = CONFIGS[name]
    ref = reference(cfg)
    ours = from_reference(ref)
    ids = make_ids(cfg, batch, length, seed=1)
    with torch.no_grad():
        hidden = ref(ids, output_hidden_states=True).hidden_states
        for k in range(cfg.num_hidden_layers):
            expected = ref.final_layer_norm(hidden[-(k + 1)])
            short = ours(ids, clip_skip=k)  # stops after layer L - k
            full = ours(ids, clip_skip=k, output_hidden_states=True)
            assert max_diff(short, expected) <= TOL and max_diff(full.last_hidden_state, expected) <= TOL
            assert max_diff(full.pooled, ref(ids).pooler_output) <= TOL  # pooled is the last layer's, skip or not
        assert torch.equal(ours(ids, clip_skip=None), ours(ids))


def test_a1111_clip_skip_convention():
    """A1111 (sd_hijack_clip.py): 'Clip skip' N takes hidden_states[-N], then final_layer_norm; 1 is off."""
    ref = reference(TINY)
    ours = from_reference(ref)
    ids = make_ids(TINY, 2, 77)
    assert [a1111_to_diffusers_clip_skip(n) for n in (1, 2, 12)] == [0, 1, 11]
    with torch.no_grad():
        hidden = ref(ids, output_hidden_states=True).hidden_states
        for n in range(1, TINY.num_hidden_layers + 1):
            expected = ref.final_layer_norm(hidden[-n])
            assert max_diff(ours(ids, clip_skip=a1111_to_diffusers_clip_skip(n)), expected) <= TOL
    for bad in (0, -1, 1.5, True, "2"):
        with pytest.raises(ValueError, match="Clip skip"):
            a1111_to_diffusers_clip_skip(bad)


class CLIPTextModelWithTextModel(CLIPTextModel):
    """diffusers 0.42's encode_prompt reads text_encoder.text_model.final_layer_norm when clip_skip is set, but
    transformers 5.6+ flattened CLIPTextModel and dropped .text_model (huggingface/diffusers#14124, still open).
    This subclass gives the old name back, so the test can call diffusers' real code."""

    @property
    def text_model(self):
        return self


def test_clip_skip_matches_diffusers_pipeline_encode_prompt(tok, tmp_path, clip_vocab_pair):
    from diffusers import AutoencoderKL, DDIMScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTokenizer

    ref, ours = clip_vocab_pair
    text_encoder = CLIPTextModelWithTextModel(ref.config).eval()
    text_encoder.load_state_dict(ref.state_dict())
    tok.save(tmp_path)  # the real vocabulary, so diffusers tokenizes as SD 1.x does
    hf_tok = CLIPTokenizer.from_pretrained(tmp_path, model_max_length=77)
    torch.manual_seed(0)
    unet = UNet2DConditionModel(sample_size=8, block_out_channels=(32, 64), layers_per_block=1, norm_num_groups=8,
                                down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                                up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), cross_attention_dim=32)
    vae = AutoencoderKL(block_out_channels=(32,), norm_num_groups=8, down_block_types=("DownEncoderBlock2D",),
                        up_block_types=("UpDecoderBlock2D",))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # DDIMScheduler() without a config file
        pipe = StableDiffusionPipeline(vae=vae, text_encoder=text_encoder, tokenizer=hf_tok, unet=unet,
                                       scheduler=DDIMScheduler(), safety_checker=None, feature_extractor=None,
                                       requires_safety_checker=False)
    prompts = ["a photo of a cat", "an oil painting of a red sports car, trending"]
    ids = tok(prompts)["input_ids"]
    assert torch.equal(ids, hf_tok(prompts, padding="max_length", max_length=77, return_tensors="pt").input_ids)
    with torch.no_grad():
        for k in (None, 1, 2, 4):
            theirs, _ = pipe.encode_prompt(prompts, "cpu", 1, False, clip_skip=k)
            assert max_diff(ours(ids, clip_skip=k), theirs) <= TOL, f"clip_skip={k}"


def weighted_reference(ref: CLIPTextModel, c: Chunk) -> torch.Tensor:
    """A1111's formula, written out on the reference's output: z·w, then rescale to the old mean."""
    with torch.no_grad():
        z = ref(torch.tensor([c.ids])).last_hidden_state  # (1, 77, D)
    w = torch.tensor(c.weights)[None, :, None]
    weighted = z * w
    return weighted * (z.mean() / weighted.mean())


def test_weights_of_one_change_nothing(tok, clip_vocab_pair):
    ref, ours = clip_vocab_pair
    (c,) = chunk("a photo of a cat", tok)
    assert set(c.weights) == {1.0}
    with torch.no_grad():
        assert torch.equal(encode_weighted(ours, [c]), ours(torch.tensor([c.ids])))
        assert max_diff(encode_prompt(ours, tok, "a photo of a cat"), ref(torch.tensor([c.ids]))[0]) <= TOL


def test_one_weighted_token_follows_a1111_formula(tok, clip_vocab_pair):
    ref, ours = clip_vocab_pair
    (c,) = chunk("a photo of a (cat:1.5) on a [mat]", tok)
    assert sorted(set(c.weights)) == [pytest.approx(1 / 1.1), 1.0, 1.5]
    expected = weighted_reference(ref, c)
    with torch.no_grad():
        got = encode_weighted(ours, [c])
        assert max_diff(got, expected) <= TOL
        assert max_diff(encode_prompt(ours, tok, "a photo of a (cat:1.5) on a [mat]"), expected) <= TOL
        assert abs(got.mean().item() - ours(torch.tensor([c.ids])).mean().item()) <= 1e-6  # the mean is restored


def test_long_prompt_is_encoded_chunk_by_chunk(tok, clip_vocab_pair):
    ref, ours = clip_vocab_pair
    prompt = " ".join(["cat", "dog", "red", "car"] * 30)  # 120 tokens: 75 + 45
    chunks = chunk(prompt, tok)
    assert len(chunks) == 2
    with torch.no_grad():
        out = encode_prompt(ours, tok, prompt)
        assert out.shape == (1, 154, CLIP_VOCAB.hidden_size)
        for i, c in enumerate(chunks):
            alone = ref(torch.tensor([c.ids])).last_hidden_state
            assert max_diff(out[:, 77 * i: 77 * (i + 1)], alone) <= TOL


def test_batch_pads_to_the_same_number_of_chunks(tok, clip_vocab_pair):
    _, ours = clip_vocab_pair
    long = "a (red:1.3) car, " * 40
    with torch.no_grad():
        out = encode_prompt(ours, tok, ["a cat", long], clip_skip=1)
        n = len(chunk(long, tok))
        assert out.shape == (2, 77 * n, CLIP_VOCAB.hidden_size)
        assert max_diff(out[1:], encode_prompt(ours, tok, long, clip_skip=1)) <= TOL  # batch-independent
        empty = ours(torch.tensor([chunk("", tok)[0].ids]), clip_skip=1)
        assert max_diff(out[:1, :77], encode_prompt(ours, tok, "a cat", clip_skip=1)) <= TOL
        assert max_diff(out[:1, 77:154], empty) <= TOL
        cat, padded = match_chunk_counts(chunk("a cat", tok), chunk(long, tok), tok)
        assert max_diff(encode_weighted(ours, [cat, padded], clip_skip=1), out) <= TOL


def test_learner_facing_errors(tok, clip_vocab_pair):
    ours = from_reference(reference(TINY))
    ids = make_ids(TINY, 1, 77)
    cases = [
        (torch.zeros(1, 78, dtype=torch.long), {}, "max_position_embeddings"),
        (torch.zeros(1, 0, dtype=torch.long), {}, "max_position_embeddings"),
        (torch.full((1, 5), TINY.vocab_size), {}, "vocab_size"),
        (torch.full((1, 5), -1), {}, "vocab_size"),
        (ids[0], {}, r"ids\[None\]"),
        (ids.float(), {}, "torch.long"),
        ([[1, 2, 3]], {}, "tensor of token ids"),
        (ids, {"clip_skip": TINY.num_hidden_layers}, "clip_skip"),
        (ids, {"clip_skip": -1}, "a1111_to_diffusers_clip_skip"),
        (ids, {"clip_skip": 1.0}, "clip_skip"),
    ]
    for bad, kwargs, message in cases:
        with pytest.raises(ValueError, match=message):
            ours(bad, **kwargs)
    with pytest.raises(ValueError, match="hidden_act"):
        TextEncoder(dataclasses.replace(TINY, hidden_act="relu"))
    with pytest.raises(ValueError, match="num_attention_heads"):
        TextEncoder(dataclasses.replace(TINY, num_attention_heads=5))
    _, big = clip_vocab_pair
    one, two = chunk("a cat", tok), chunk("cat " * 100, tok)
    with pytest.raises(ValueError, match="match_chunk_counts"):
        encode_weighted(big, [one, two])
    for bad in ([], [[]], "a cat", None, [one[0], "x"]):
        with pytest.raises(ValueError, match="course.text.prompts.chunk"):
            encode_weighted(big, bad)
    with pytest.raises(ValueError, match="vocab_size"):  # the real tokenizer's ids do not fit a 1000-word vocab
        encode_prompt(ours, tok, "a cat")
    with pytest.raises(ValueError, match="list of str"):
        encode_prompt(big, tok, [])


@pytest.mark.slow
def test_full_size_sd15_matches_transformers():
    cfg = TextEncoderConfig.sd15()
    ref = reference(cfg)
    ours = from_reference(ref)
    ids = make_ids(cfg, 2, 77)
    with torch.no_grad():
        theirs = ref(ids, output_hidden_states=True)
        out = ours(ids, output_hidden_states=True)
        skipped = ours(ids, clip_skip=1)
    diffs = [max_diff(a, b) for a, b in zip(out.hidden_states, theirs.hidden_states)]
    assert max(diffs) <= TOL, diffs
    assert max_diff(out.last_hidden_state, theirs.last_hidden_state) <= TOL
    assert max_diff(out.pooled, theirs.pooler_output) <= TOL
    assert max_diff(skipped, ref.final_layer_norm(theirs.hidden_states[-2])) <= TOL


def test_weighted_encoding_of_a_zero_mean_output_stays_finite():
    """Regression: a fresh final LayerNorm makes every vector's mean exactly 0, and A1111's
    rescale mean(z)/mean(z') was 0/0 = NaN for every unweighted chunk (the empty negative prompt)."""
    from course.text.prompts import chunk
    from course.text.tokenizer import train_bpe

    torch.manual_seed(0)
    encoder = TextEncoder(TextEncoderConfig.tiny())  # untouched LayerNorms: weight 1, bias 0
    tok = train_bpe(["a red circle"], vocab_size=520)
    plain = encode_weighted(encoder, chunk("", tok))
    assert torch.isfinite(plain).all()
    assert torch.equal(plain[0], encoder(torch.tensor([chunk("", tok)[0].ids]))[0])
    assert torch.isfinite(encode_weighted(encoder, chunk("a (red:1.5) circle", tok))).all()
