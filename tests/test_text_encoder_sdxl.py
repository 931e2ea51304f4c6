"""SDXL's text side: TextEncoder with a projection against transformers' CLIPTextModelWithProjection, tokenizer_2
("!" padding) against transformers' CLIPTokenizer, encode_prompt_xl against diffusers' SDXL encode_prompt on tiny
random parts (as diffusers' own SDXL tests build them), encode_weighted_xl against A1111's rules written out."""
import dataclasses
import json
import warnings

import pytest
import torch
from transformers import CLIPTextConfig, CLIPTextModel, CLIPTextModelWithProjection
from transformers import CLIPTokenizer as HFCLIPTokenizer

from course.config import TextEncoderConfig, from_reference_config
from course.io.loading import from_reference, load_text_encoder
from course.nets.sdxl_text import SDXLPromptEmbeds, encode_prompt_xl, encode_text_xl, encode_weighted_xl
from course.nets.text_encoder import TextEncoder, TextEncoderOutput, check_projection
from course.text.prompts import chunk
from course.text.tokenizer import CLIPTokenizer, load_clip_tokenizer, train_bpe

TOL = 1e-5
# diffusers' tests/pipelines/stable_diffusion_xl: CLIPTextConfig(hidden 32, intermediate 37, 5 layers, 4 heads,
# vocab 1000, gelu, projection_dim 32) for both encoders; here the first is quick_gelu, as CLIP ViT-L is
SDXL_TINY = TextEncoderConfig(vocab_size=1000, hidden_size=32, intermediate_size=37, num_hidden_layers=5,
                              num_attention_heads=4, hidden_act="gelu", projection_dim=32)
CONFIGS = {  # name: (config, batch, length)
    "sdxl_tiny": (SDXL_TINY, 2, 77),
    "quick_gelu_projection_16": (dataclasses.replace(SDXL_TINY, hidden_act="quick_gelu", projection_dim=16), 3, 77),
    "real_eos_id": (dataclasses.replace(SDXL_TINY, eos_token_id=999), 3, 77),  # the first EOS, not the largest id
    "eos_7": (dataclasses.replace(SDXL_TINY, eos_token_id=7, num_hidden_layers=2, num_attention_heads=2), 2, 20),
    "wide_3_layers_16_positions": (TextEncoderConfig(vocab_size=300, hidden_size=64, intermediate_size=96,
                                                     num_hidden_layers=3, num_attention_heads=8,
                                                     max_position_embeddings=16, layer_norm_eps=1e-6,
                                                     hidden_act="gelu", projection_dim=48), 4, 16),
}
CAPTIONS = [f"a {c} {s} on a {b} background" for c in ("red", "green", "blue", "purple")
            for s in ("circle", "square", "triangle") for b in ("white", "gray", "black")]


def nudged(model, seed):
    """Every parameter moved off its init (LayerNorms too), so swapped names cannot go unnoticed."""
    torch.manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.05 * torch.randn_like(p))
    return model.eval()


def reference(cfg: TextEncoderConfig, seed: int = 0, projection: bool = True):
    fields = {k: v for k, v in dataclasses.asdict(cfg).items() if k != "projection_dim"}
    config = CLIPTextConfig(**fields, projection_dim=cfg.projection_dim or 32, bos_token_id=0, pad_token_id=1)
    torch.manual_seed(seed)
    return nudged((CLIPTextModelWithProjection if projection else CLIPTextModel)(config), seed + 1)


def make_ids(cfg: TextEncoderConfig, batch: int, length: int, seed: int = 0) -> torch.Tensor:
    """Rows as tokenizer_2 makes them: BOS, words, EOS, then 0 ("!") as padding; rows of different lengths."""
    g = torch.Generator().manual_seed(seed)
    bos, eos = cfg.vocab_size - 2, (cfg.vocab_size - 1 if cfg.eos_token_id == 2 else cfg.eos_token_id)
    ids = torch.zeros((batch, length), dtype=torch.long)
    for row in range(batch):
        n = int(torch.randint(0, length - 1, (), generator=g))
        words = torch.randint(1, cfg.vocab_size - 2, (n,), generator=g)
        words[words == eos] = 3  # EOS only where the tokenizer puts it
        ids[row, : n + 2] = torch.cat([torch.tensor([bos]), words, torch.tensor([eos])])
    return ids


def max_diff(a, b) -> float:
    assert a.shape == b.shape, (a.shape, b.shape)
    return (a.float() - b.float()).abs().max().item()


# ---- 1. the second encoder: CLIPTextModelWithProjection ----------------------------------------------------------

@pytest.mark.parametrize("name", CONFIGS)
def test_projection_encoder_matches_transformers(name):
    cfg, batch, length = CONFIGS[name]
    ref = reference(cfg)
    ours = from_reference(ref)
    assert isinstance(ours, TextEncoder) and ours.config == cfg
    assert set(ours.state_dict()) == {k.removeprefix("text_model.") for k in ref.state_dict()}
    ids = make_ids(cfg, batch, length)
    with torch.no_grad():
        theirs = ref(ids, output_hidden_states=True)
        out = ours(ids, output_hidden_states=True)
        pooled = ref.text_model(ids).pooler_output
    assert isinstance(out, TextEncoderOutput) and len(out.hidden_states) == cfg.num_hidden_layers + 1
    for i, (a, b) in enumerate(zip(out.hidden_states, theirs.hidden_states, strict=True)):
        assert max_diff(a, b) <= TOL, f"hidden_states[{i}]"
    assert max_diff(out.last_hidden_state, theirs.last_hidden_state) <= TOL
    assert max_diff(out.pooled, pooled) <= TOL
    assert max_diff(out.text_embeds, theirs.text_embeds) <= TOL


def test_a_model_without_projection_has_no_text_embeds():
    """Every CLIPTextConfig has a projection_dim (512 unless set); only the class decides there is a projection."""
    ref = reference(SDXL_TINY, projection=False)
    ours = from_reference(ref)
    assert ref.config.projection_dim == 32 and ours.config.projection_dim is None and ours.text_projection is None
    ids = make_ids(SDXL_TINY, 2, 77)
    with torch.no_grad():
        out = ours(ids, output_hidden_states=True)
        assert out.text_embeds is None and max_diff(out.pooled, ref(ids).pooler_output) <= TOL
    reference_config = {**ref.config.to_dict(), "architectures": ["CLIPTextModel"]}
    assert from_reference_config(TextEncoderConfig, reference_config).projection_dim is None
    reference_config["architectures"] = ["CLIPTextModelWithProjection"]
    assert from_reference_config(TextEncoderConfig, reference_config).projection_dim == 32


def test_load_text_encoder_reads_a_text_encoder_2_folder(tmp_path):
    ref = reference(SDXL_TINY)
    ref.save_pretrained(tmp_path / "text_encoder_2")
    ours = load_text_encoder(tmp_path / "text_encoder_2")
    ids = make_ids(SDXL_TINY, 2, 77, seed=3)
    with torch.no_grad():
        assert max_diff(ours(ids, output_hidden_states=True).text_embeds, ref(ids).text_embeds) <= TOL


def _rewrite_architectures(folder, kind):
    path = folder / "config.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), "architectures": [kind]}))


def test_projection_mismatch_says_which_is_which(tmp_path):
    reference(SDXL_TINY).save_pretrained(tmp_path / "with")
    _rewrite_architectures(tmp_path / "with", "CLIPTextModel")
    with pytest.raises(ValueError, match=r"CLIPTextModelWithProjection's .*32 wide.*projection_dim=32"):
        load_text_encoder(tmp_path / "with")
    reference(SDXL_TINY, projection=False).save_pretrained(tmp_path / "without")
    _rewrite_architectures(tmp_path / "without", "CLIPTextModelWithProjection")
    with pytest.raises(ValueError, match=r"plain CLIPTextModel's .*projection_dim=32.*projection_dim=None"):
        load_text_encoder(tmp_path / "without")
    state = {k.removeprefix("text_model."): v for k, v in reference(SDXL_TINY).state_dict().items()}
    with pytest.raises(ValueError, match="TextEncoderConfig.sdxl_2"):
        check_projection(dataclasses.replace(SDXL_TINY, projection_dim=None), state)
    check_projection(SDXL_TINY, state)  # they agree: nothing to say
    for bad in (0, -3, 2.5, True):
        pytest.raises(ValueError, TextEncoder, dataclasses.replace(SDXL_TINY, projection_dim=bad)).match("projection")


# ---- 2. the second tokenizer: pads with "!" -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_tok():
    return train_bpe(CAPTIONS + ["a cat, a dog"], vocab_size=600)


PROMPTS = ["a red circle on a blue background", "", "   ", "a " * 80, "purple " * 40 + "square",
           "RED circle!!", "a ! b", "!", "wow!a cat", "a, b, c", "紅い丸", "triangle " * 75, "triangle " * 76]


@pytest.mark.parametrize("vocab", ["small", "clip"])
def test_tokenizer_2_pads_with_bang_as_transformers(vocab, small_tok):
    base = small_tok if vocab == "small" else load_clip_tokenizer()
    ours = CLIPTokenizer(base.encoder, base.merges, pad_token="!")
    theirs = HFCLIPTokenizer(vocab=base.encoder, merges=base.merges, pad_token="!", model_max_length=77)
    assert ours.pad_id == 0 == theirs.pad_token_id
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the long prompts are cut, with a warning
        got = ours(PROMPTS)
    expected = theirs(PROMPTS, padding="max_length", max_length=77, truncation=True, return_tensors="pt")
    assert torch.equal(got["input_ids"], expected["input_ids"])
    assert torch.equal(got["attention_mask"], expected["attention_mask"])
    assert got["input_ids"][1].tolist() == [ours.bos_id, ours.eos_id] + [0] * 75  # the empty prompt
    # "!" is the pad token, so transformers cuts it out of the text as a special token: id 0, not BPE's '!!</w>'
    assert ours.encode("a cat!!") == [*ours.encode("a cat"), 0, 0] != base.encode("a cat!!")


def test_tokenizer_2_folder_keeps_its_pad_token(small_tok, tmp_path):
    CLIPTokenizer(small_tok.encoder, small_tok.merges, pad_token="!").save(tmp_path / "tokenizer_2")
    ours = CLIPTokenizer.from_folder(tmp_path / "tokenizer_2")
    theirs = HFCLIPTokenizer.from_pretrained(tmp_path / "tokenizer_2")
    assert ours.pad_id == 0 == theirs.pad_token_id
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        assert torch.equal(ours(PROMPTS)["input_ids"], theirs(PROMPTS, padding="max_length", max_length=77,
                                                              truncation=True, return_tensors="pt")["input_ids"])


# ---- 3. the prompt: diffusers' StableDiffusionXLPipeline.encode_prompt ------------------------------------------

@pytest.fixture(scope="module")
def sdxl(small_tok):
    """diffusers' SDXL pipeline on tiny random parts, and ours: ([tokenizer, tokenizer_2], [encoder, encoder_2])."""
    from diffusers import AutoencoderKL, EulerDiscreteScheduler, StableDiffusionXLPipeline, UNet2DConditionModel

    fields = {k: v for k, v in dataclasses.asdict(SDXL_TINY).items() if k not in ("projection_dim", "hidden_act")}
    special = dict(bos_token_id=0, pad_token_id=1, projection_dim=32)
    torch.manual_seed(0)
    te1 = nudged(CLIPTextModel(CLIPTextConfig(**fields, **special, hidden_act="quick_gelu")), 1)
    torch.manual_seed(2)
    te2 = nudged(CLIPTextModelWithProjection(CLIPTextConfig(**fields, **special, hidden_act="gelu")), 3)
    torch.manual_seed(0)
    unet = UNet2DConditionModel(block_out_channels=(2, 4), layers_per_block=2, sample_size=32, in_channels=4,
                                out_channels=4, down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                                up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), attention_head_dim=(2, 4),
                                use_linear_projection=True, addition_embed_type="text_time", addition_time_embed_dim=8,
                                transformer_layers_per_block=(1, 2), projection_class_embeddings_input_dim=80,
                                cross_attention_dim=64, norm_num_groups=1)
    vae = AutoencoderKL(block_out_channels=[32, 64], down_block_types=["DownEncoderBlock2D"] * 2,
                        up_block_types=["UpDecoderBlock2D"] * 2, latent_channels=4)
    vocab, merges = small_tok.encoder, small_tok.merges
    pipe = StableDiffusionXLPipeline(
        vae=vae, unet=unet, scheduler=EulerDiscreteScheduler(), text_encoder=te1, text_encoder_2=te2,
        tokenizer=HFCLIPTokenizer(vocab=vocab, merges=merges, model_max_length=77),
        tokenizer_2=HFCLIPTokenizer(vocab=vocab, merges=merges, model_max_length=77, pad_token="!"))
    pipe.set_progress_bar_config(disable=True)
    tokenizers = [small_tok, CLIPTokenizer(vocab, merges, pad_token="!")]
    return pipe, tokenizers, [from_reference(te1), from_reference(te2)]


def diffusers_encode(pipe, **kwargs) -> SDXLPromptEmbeds:
    context, negative_context, pooled, negative_pooled = pipe.encode_prompt(device="cpu", **kwargs)
    return SDXLPromptEmbeds(context, pooled, negative_context, negative_pooled)


LONG = "a red circle, a green square, a blue triangle on a white background " * 8  # past 75 tokens: cut
CASES = {  # name: the arguments both take
    "no negative: zeros": dict(prompt=["a red circle on a blue background", "a green square"]),
    "negative str": dict(prompt=["a red circle on a blue background", "a green square"],
                         negative_prompt="a purple triangle"),
    "negative list, 2 images each": dict(prompt=["a red circle", "a green square"],
                                         negative_prompt=["a gray circle", ""], num_images_per_prompt=2),
    "prompt_2 and negative_prompt_2": dict(prompt="a red circle", prompt_2="on a black background",
                                           negative_prompt="blue", negative_prompt_2="a white square"),
    "empty prompt, empty negative": dict(prompt="", negative_prompt=""),
    "long prompt": dict(prompt=LONG, negative_prompt=LONG[:30]),
    "no guidance": dict(prompt="a red circle", do_classifier_free_guidance=False),
    "exclamation marks": dict(prompt="a red circle!! on a blue background!", negative_prompt="gray!"),
}


@pytest.mark.parametrize("name", CASES)
def test_encode_prompt_xl_matches_diffusers(name, sdxl):
    pipe, tokenizers, encoders = sdxl
    kwargs = dict(CASES[name])
    guidance = kwargs.pop("do_classifier_free_guidance", True)
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the long prompt is cut, with a warning
        theirs = diffusers_encode(pipe, do_classifier_free_guidance=guidance, **kwargs)
        ours = encode_prompt_xl(tokenizers, encoders, guidance=guidance, **kwargs)
    n = len(kwargs["prompt"]) if isinstance(kwargs["prompt"], list) else 1
    assert ours.context.shape == (n * kwargs.get("num_images_per_prompt", 1), 77, 64)
    for field in SDXLPromptEmbeds._fields:
        a, b = getattr(ours, field), getattr(theirs, field)
        assert (a is None) == (b is None), field
        if a is not None:
            assert max_diff(a, b) <= TOL, field
    if name == "no negative: zeros":
        assert not ours.negative_context.any() and not ours.negative_pooled.any()


def test_force_zeros_off_encodes_the_empty_text(sdxl):
    pipe, tokenizers, encoders = sdxl
    pipe.register_to_config(force_zeros_for_empty_prompt=False)
    try:
        with torch.no_grad():
            theirs = diffusers_encode(pipe, prompt="a red circle")
            ours = encode_prompt_xl(tokenizers, encoders, "a red circle", force_zeros_for_empty_prompt=False)
    finally:
        pipe.register_to_config(force_zeros_for_empty_prompt=True)
    assert ours.negative_context.abs().sum() > 0
    for field in SDXLPromptEmbeds._fields:
        assert max_diff(getattr(ours, field), getattr(theirs, field)) <= TOL, field


@pytest.mark.parametrize("clip_skip", [None, 0, 1, 3])
def test_clip_skip_matches_diffusers_on_both_sides(clip_skip, sdxl):
    """The prompt's context is diffusers' at every clip_skip. diffusers reads the negative prompt's
    hidden_states[-2] whatever clip_skip says; ours reads the same layer as the prompt's, which is diffusers'
    encoding of the negative text as a prompt."""
    pipe, tokenizers, encoders = sdxl
    prompts, negative = ["a red circle on a blue background", "a green square"], "a purple triangle"
    with torch.no_grad():
        theirs = diffusers_encode(pipe, prompt=prompts, negative_prompt=negative, clip_skip=clip_skip)
        negative_as_prompt = diffusers_encode(pipe, prompt=[negative] * 2, clip_skip=clip_skip)
        ours = encode_prompt_xl(tokenizers, encoders, prompts, negative_prompt=negative, clip_skip=clip_skip)
        alone = encode_text_xl(tokenizers, encoders, prompts, clip_skip=clip_skip)
    assert max_diff(ours.context, theirs.context) <= TOL and max_diff(alone[0], theirs.context) <= TOL
    assert max_diff(ours.pooled, theirs.pooled) <= TOL and max_diff(alone[1], theirs.pooled) <= TOL
    assert max_diff(ours.negative_context, negative_as_prompt.context) <= TOL
    assert max_diff(ours.negative_pooled, negative_as_prompt.pooled) <= TOL
    if not clip_skip:
        assert max_diff(ours.negative_context, theirs.negative_context) <= TOL


def test_refiner_reads_prompt_with_its_one_encoder(sdxl):
    """SDXL's refiner has only the second encoder; diffusers then gives it ``prompt`` (context 32 wide)."""
    pipe, tokenizers, encoders = sdxl
    with torch.no_grad():
        context, pooled = encode_text_xl(tokenizers[1:], encoders[1:], "a red circle", prompts_2="ignored")
        ids = pipe.tokenizer_2("a red circle", padding="max_length", max_length=77, return_tensors="pt").input_ids
        out = pipe.text_encoder_2(ids, output_hidden_states=True)
    assert max_diff(context, out.hidden_states[-2]) <= TOL and max_diff(pooled, out.text_embeds) <= TOL


# ---- 4. A1111's way: long prompts and weights ---------------------------------------------------------------------

def test_weighted_xl_without_weights_is_diffusers(sdxl):
    pipe, tokenizers, encoders = sdxl
    prompts = ["a red circle on a blue background", "a green square, a purple triangle", ""]
    with torch.no_grad():
        theirs = diffusers_encode(pipe, prompt=prompts, do_classifier_free_guidance=False)
        context, pooled = encode_weighted_xl(tokenizers, encoders, prompts)
    assert max_diff(context, theirs.context) <= TOL and max_diff(pooled, theirs.pooled) <= TOL


def a1111_reference(pipe, chunks_1, chunks_2):
    """A1111's SDXL conditioning for one prompt, written out on the reference encoders: per chunk and encoder,
    z = hidden_states[-2], z·w rescaled to z's mean; contexts side by side; the pooled vector from chunk 0."""
    blocks = []
    for c1, c2 in zip(chunks_1, chunks_2, strict=True):
        parts = []
        for encoder, c in ((pipe.text_encoder, c1), (pipe.text_encoder_2, c2)):
            out = encoder(torch.tensor([c.ids]), output_hidden_states=True)
            z, w = out.hidden_states[-2], torch.tensor(c.weights)[None, :, None]
            parts.append(z * w * (z.mean() / (z * w).mean()))
        blocks.append(torch.cat(parts, dim=-1))
    first = pipe.text_encoder_2(torch.tensor([chunks_2[0].ids])).text_embeds
    return torch.cat(blocks, dim=1), first


@pytest.mark.parametrize("prompt", ["a (red:1.3) circle on a [blue] background",
                                    "a ((green)) square, " * 20 + "a (purple:0.7) triangle",  # 2 chunks
                                    "a red circle BREAK a (blue:1.2) square"])
def test_weighted_xl_follows_a1111(prompt, sdxl):
    pipe, tokenizers, encoders = sdxl
    chunks_1, chunks_2 = chunk(prompt, tokenizers[0]), chunk(prompt, tokenizers[1])
    with torch.no_grad():
        expected_context, expected_pooled = a1111_reference(pipe, chunks_1, chunks_2)
        context, pooled = encode_weighted_xl(tokenizers, encoders, prompt)
    assert context.shape == (1, 77 * len(chunks_1), 64)
    assert max_diff(context, expected_context) <= TOL and max_diff(pooled, expected_pooled) <= TOL


def test_weighted_xl_batch_pads_to_one_chunk_count(sdxl):
    pipe, tokenizers, encoders = sdxl
    long = "a (red:1.2) circle, " * 30
    with torch.no_grad():
        context, pooled = encode_weighted_xl(tokenizers, encoders, ["a green square", long])
        alone_long = encode_weighted_xl(tokenizers, encoders, long)
        alone_short = encode_weighted_xl(tokenizers, encoders, "a green square")
        empty = encode_weighted_xl(tokenizers, encoders, "")
    k = context.shape[1] // 77
    assert k == len(chunk(long, tokenizers[0])) > 1 and pooled.shape == (2, 32)
    assert max_diff(context[1:], alone_long[0]) <= TOL and max_diff(pooled[1:], alone_long[1]) <= TOL
    assert max_diff(context[:1, :77], alone_short[0]) <= TOL and max_diff(pooled[:1], alone_short[1]) <= TOL
    for i in range(1, k):  # the short prompt's extra chunks are the empty prompt's
        assert max_diff(context[:1, 77 * i: 77 * (i + 1)], empty[0]) <= TOL


@pytest.mark.parametrize("prompt", ["a (red:1.3) circle", "cat, " * 40 + "dog", "a BREAK b", "", "x " * 200,
                                    "(a BREAK b)", "a, " * 37 + "(b:1.1) c" * 10])
def test_chunks_of_tokenizer_2_are_a1111s(prompt):
    """A1111 chunks OpenCLIP's text as CLIP's, then sets every id after the first EOS to 0 (process_tokens:
    id_pad = 0 for FrozenOpenCLIPEmbedder2): tokenizer_2's chunks are tokenizer's with that padding."""
    tok = load_clip_tokenizer()
    tok_2 = CLIPTokenizer(tok.encoder, tok.merges, pad_token="!")
    ours, clip_l = chunk(prompt, tok_2), chunk(prompt, tok)
    assert len(ours) == len(clip_l)
    for a, b in zip(ours, clip_l):
        end = b.ids.index(tok.eos_id)
        assert a.ids == b.ids[: end + 1] + [0] * (len(b.ids) - end - 1) and a.weights == b.weights


# ---- 5. what a learner gets wrong --------------------------------------------------------------------------------

def test_learner_facing_errors(sdxl):
    _, tokenizers, encoders = sdxl
    cases = [
        (lambda: encode_prompt_xl(tokenizers, encoders[::-1], "a"), "must have a text_projection"),
        (lambda: encode_prompt_xl(tokenizers[:1], encoders, "a"), "two lists of the same length"),
        (lambda: encode_prompt_xl(tokenizers, encoders, "a", clip_skip=4), r"clip_skip=4: .* from 0 to 3"),
        (lambda: encode_prompt_xl(tokenizers, encoders, "a", clip_skip=-1), "clip_skip=-1"),
        (lambda: encode_prompt_xl(tokenizers, encoders, ["a", "b"], negative_prompt=["c"]),
         "negative_prompt holds 1 texts for 2 prompts"),
        (lambda: encode_prompt_xl(tokenizers, encoders, "a", num_images_per_prompt=0), "num_images_per_prompt=0"),
        (lambda: encode_text_xl(tokenizers, encoders, ["a", "b"], prompts_2=["c"]), "prompts and prompts_2 hold"),
        (lambda: encode_weighted_xl(tokenizers, encoders, "a (b:9)", max_weight=2.0), r"\(b:9\) is beyond"),
        (lambda: encode_weighted_xl(tokenizers, encoders, 3), "prompt must be a str"),
    ]
    for call, message in cases:
        with pytest.raises(ValueError, match=message):
            call()


@pytest.mark.slow
def test_full_size_open_clip_bigg_matches_transformers():
    """SDXL's second encoder at full size (32 layers, width 1280, random weights): every layer and text_embeds."""
    cfg = TextEncoderConfig.sdxl_2()  # eos_token_id 2: the argmax rule (EOS is the largest id: the same position)
    ref, ids = reference(cfg), make_ids(cfg, 2, 77)
    ours = from_reference(ref)
    with torch.no_grad():
        theirs = ref(ids, output_hidden_states=True)
        out = ours(ids, output_hidden_states=True)
    diffs = [max_diff(a, b) for a, b in zip(out.hidden_states, theirs.hidden_states, strict=True)]
    assert max(diffs) <= TOL, diffs
    assert max_diff(out.last_hidden_state, theirs.last_hidden_state) <= TOL
    assert max_diff(out.text_embeds, theirs.text_embeds) <= TOL
