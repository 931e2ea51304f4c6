"""course.text.tokenizer against transformers' CLIPTokenizer (Rust) and OpenAI's original (open_clip's copy)."""
import gzip
import importlib.util
import json

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prompt_corpus import make_corpus
from transformers import CLIPTokenizer as ReferenceTokenizer

from course.text.tokenizer import (
    BOS,
    EOS,
    CLIPTokenizer,
    bytes_to_unicode,
    clean,
    load_clip_tokenizer,
    openai_vocab_path,
    pre_tokenize,
    train_bpe,
)


@pytest.fixture(scope="module")
def tok():
    return load_clip_tokenizer()


@pytest.fixture(scope="module")
def ref(tok):
    # transformers 5.x ignores vocab_file=; build it from the same vocabulary and merges instead
    return ReferenceTokenizer(vocab=tok.encoder, merges=tok.merges)


@pytest.fixture(scope="module")
def corpus():
    return make_corpus(10_000, seed=0)


def test_vocabulary_is_sd_1x_clip(tok):
    assert len(tok) == 49408
    assert (tok.bos_id, tok.eos_id, tok.pad_id) == (49406, 49407, 49407)


def test_bytes_to_unicode_is_a_printable_bijection():
    table = bytes_to_unicode()
    assert sorted(table) == list(range(256))
    assert len(set(table.values())) == 256
    assert all(c.isprintable() and not c.isspace() for c in table.values())
    assert table[ord("a")] == "a" and table[ord(" ")] == "Ġ"


def test_ids_match_transformers_on_10k_prompts(tok, ref, corpus):
    assert len(corpus) >= 10_000
    expected = ref(corpus, add_special_tokens=False)["input_ids"]
    mismatches = [(text, tok.encode(text), want) for text, want in zip(corpus, expected) if tok.encode(text) != want]
    assert not mismatches, f"{len(mismatches)} of {len(corpus)} differ, first: {mismatches[0]}"


def test_padded_batch_and_mask_match_transformers(tok, ref, corpus):
    batch = corpus[:2000]
    with pytest.warns(UserWarning):  # the corpus has prompts past 75 tokens
        ours = tok(batch)
    theirs = ref(batch, padding="max_length", max_length=77, truncation=True, return_tensors="pt")
    assert ours["input_ids"].shape == (2000, 77)
    assert torch.equal(ours["input_ids"], theirs["input_ids"])
    assert torch.equal(ours["attention_mask"], theirs["attention_mask"])


def test_truncation_keeps_eos_and_warns_with_the_dropped_text(tok):
    prompt = " ".join(f"word{i}" for i in range(40))  # each 'wordNN' is 3 tokens: 120 in all
    with pytest.warns(UserWarning, match="dropped") as record:
        ids = tok(prompt)["input_ids"][0]
    assert ids[0] == tok.bos_id and ids[-1] == tok.eos_id and len(ids) == 77
    # word0..word9 take 2 tokens each ('word', '7'), word10.. take 3: 20 + 18 * 3 + 1 = 75
    assert tok.decode(ids).endswith("word 2 6 word 2 7 word")
    assert "dropped: '2 8 word 2 9" in str(record[0].message) and "word 3 9'" in str(record[0].message)


def test_no_warning_for_a_prompt_that_fits(tok, recwarn):
    tok("a photo of an astronaut riding a horse on mars")
    assert not [w for w in recwarn if issubclass(w.category, UserWarning)]


def test_other_pad_token_like_sd2(tok):
    """SD 2.x pads with '!' (id 0), not EOS; the mask then tells real tokens from padding."""
    sd2 = CLIPTokenizer(tok.encoder, tok.merges, pad_token="!")
    ref2 = ReferenceTokenizer(vocab=tok.encoder, merges=tok.merges, pad_token="!")
    out = sd2("a cat")
    assert torch.equal(out["input_ids"], ref2("a cat", padding="max_length", max_length=77, return_tensors="pt")["input_ids"])
    assert out["input_ids"][0, 4:].eq(0).all() and out["attention_mask"][0].sum() == 4


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60))
def test_round_trip_over_random_strings(text):
    """decode(encode(t)) is the cleaned text with one space between pre-tokens: nothing lost, nothing invented."""
    tok = _shared_tokenizer()
    if BOS in text or EOS in text:
        return  # special tokens are decoded away by design
    decoded = tok.decode(tok.encode(text))
    cleaned = clean(text)
    assert decoded == " ".join(pre_tokenize(cleaned))
    assert decoded.replace(" ", "") == cleaned.replace(" ", "")


@settings(max_examples=2_000, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200))
def test_no_input_crashes(text):
    """Any string, lone surrogates and control characters included, gives 77 ids."""
    out = _shared_tokenizer()(text, warn=False)
    assert out["input_ids"].shape == (1, 77)


_TOKENIZER = None


def _shared_tokenizer():
    global _TOKENIZER
    _TOKENIZER = _TOKENIZER or load_clip_tokenizer()
    return _TOKENIZER


def test_from_files_round_trips_through_a_diffusers_tokenizer_folder(tok, tmp_path):
    tok.save(tmp_path / "tokenizer")
    again = CLIPTokenizer.from_folder(tmp_path)  # a model folder: finds tokenizer/ inside
    assert again.encoder == tok.encoder and again.merges == tok.merges
    assert again.encode("a photo of a cat, (masterpiece:1.2)") == tok.encode("a photo of a cat, (masterpiece:1.2)")
    # what transformers writes loads too
    ReferenceTokenizer(vocab=tok.encoder, merges=tok.merges).save_pretrained(tmp_path / "hf")
    from_hf = CLIPTokenizer.from_folder(tmp_path / "hf")
    assert from_hf.encoder == tok.encoder and from_hf.merges == tok.merges


def test_from_bpe_gz_builds_the_vocab_from_the_merges():
    path = openai_vocab_path()
    lines = gzip.open(path, "rt", encoding="utf-8").read().split("\n")
    tok = CLIPTokenizer.from_bpe_gz(path)
    assert tok.merges[0] == tuple(lines[1].split())
    assert tok.encoder["!"] == 0 and tok.encoder["!</w>"] == 256  # the order of SD's tokenizer/vocab.json
    assert tok.encoder["".join(tok.merges[0])] == 512
    assert len(tok.merges) == 49408 - 512 - 2


def test_refuses_a_two_token_vocabulary(tmp_path):
    """What transformers 5 silently builds from a missing folder must not load quietly here."""
    (tmp_path / "vocab.json").write_text(json.dumps({BOS: 0, EOS: 1}))
    (tmp_path / "merges.txt").write_text("#version: 0.2\n")
    with pytest.raises(ValueError, match="256 byte symbols"):
        CLIPTokenizer.from_folder(tmp_path)


def test_missing_files_say_where_to_look(tmp_path):
    with pytest.raises(FileNotFoundError, match="tokenizer/ folder"):
        CLIPTokenizer.from_folder(tmp_path)


def test_wrong_input_types_say_what_to_pass(tok):
    with pytest.raises(TypeError, match="list of prompts"):
        tok.encode(["a cat"])
    with pytest.raises(TypeError, match="prompt"):
        tok(123)
    with pytest.raises(ValueError, match="empty"):
        tok([])


def test_vocab_without_specials_is_refused():
    with pytest.raises(ValueError, match="not a CLIP vocabulary"):
        CLIPTokenizer({"a": 0}, [])


def _openai_reference():
    """OpenAI's pure-Python tokenizer as open_clip ships it, loaded from its file (importing the package needs torchvision)."""
    spec = importlib.util.spec_from_file_location("openai_clip_tokenizer", openai_vocab_path().parent / "tokenizer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SimpleTokenizer(str(openai_vocab_path()))


def test_openai_cleanup_matches_openai_tokenizer(tok, corpus):
    openai = _openai_reference()
    ours = CLIPTokenizer(tok.encoder, tok.merges, openai_cleanup=True)
    texts = [t for t in corpus[:3000] if "<|" not in t and "|>" not in t]  # open_clip renames the special tokens
    mismatches = [t for t in texts if ours.encode(t) != openai.encode(t)]
    assert not mismatches, f"{len(mismatches)} differ, first: {mismatches[0]!r}"


def test_openai_and_transformers_differ_on_html_entities(tok):
    openai_style = CLIPTokenizer(tok.encoder, tok.merges, openai_cleanup=True)
    assert openai_style.decode(openai_style.encode("salt &amp; pepper")) == "salt & pepper"
    assert tok.decode(tok.encode("salt &amp; pepper")) == "salt & amp ; pepper"


# ---- BPE training -------------------------------------------------------------------------

def test_train_bpe_learns_the_most_frequent_pair_first():
    # 'ab' occurs 5 times as a word: a,b -> 'ab</w>'... the pair ('a', 'b</w>') is seen 5 times, ('c', 'd</w>') twice
    tok = train_bpe(["ab ab ab ab ab cd cd"], vocab_size=515)
    assert tok.merges == [("a", "b</w>")]
    assert len(tok) == 515
    assert tok.tokenize("ab cd") == ["ab</w>", "c", "d</w>"]


def test_train_bpe_breaks_ties_alphabetically():
    tok = train_bpe(["xy ab"], vocab_size=516)
    assert tok.merges == [("a", "b</w>"), ("x", "y</w>")]


def test_train_bpe_stops_when_nothing_is_left_to_merge():
    tok = train_bpe(["ab"], vocab_size=600)
    assert tok.merges == [("a", "b</w>")]


def test_train_bpe_rejects_a_vocab_smaller_than_the_bytes():
    with pytest.raises(ValueError, match="vocab_size=100"):
        train_bpe(["a cat"], vocab_size=100)


def test_trained_tokenizer_matches_transformers_and_compresses_captions():
    captions = [f"a {c} {s} on a {b} background" for c in ("red", "green", "blue", "purple")
                for s in ("circle", "square", "triangle") for b in ("white", "gray", "black")]
    tok = train_bpe(captions, vocab_size=600)
    ref = ReferenceTokenizer(vocab=tok.encoder, merges=tok.merges)
    for text in captions + ["an orange hexagon in the top left", "RED circle!!", "紅い丸"]:
        assert tok.encode(text) == ref(text, add_special_tokens=False)["input_ids"], text
    assert all(len(tok.encode(c)) == 7 for c in captions)  # every caption word became one token
