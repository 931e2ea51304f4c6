"""Textual inversion: embedding files against diffusers' ``pipe.load_textual_inversion`` (tiny models), refusals,
and a short training run on the bundled model (course/training/textual_inversion.py)."""
import pytest
import torch
from reference_parts import tiny_pipeline
from safetensors.torch import save_file
from stopping import fixed_batch_loss

from course.io.embeddings import load_textual_inversion, read_textual_inversion, save_textual_inversion
from course.io.loading import from_reference
from course.nets.text_encoder import encode_prompt
from course.text.prompts import chunk

PROMPTS = ["a photo of {} on a table", "{}", "{}, red,blue", "two {}s and a <cat-toy-other>"]


def fresh():
    """diffusers' tiny pipeline and our parts of it: each test loads into its own (loading changes both)."""
    pipe = tiny_pipeline()
    return pipe, from_reference(pipe)


def reference(pipe, prompt: str):
    """diffusers' ids (after maybe_convert_prompt, as its encode_prompt does) and text encoder output."""
    text = pipe.maybe_convert_prompt(prompt, pipe.tokenizer)
    ids = pipe.tokenizer(text, padding="max_length", max_length=77, truncation=True, return_tensors="pt").input_ids
    with torch.no_grad():
        return ids, pipe.text_encoder(ids)[0]


def assert_same_as_diffusers(pipe, parts, token: str):
    for template in PROMPTS:
        prompt = template.format(token)
        want_ids, want = reference(pipe, prompt)
        ids = parts.tokenizer(prompt)["input_ids"]
        assert ids.tolist() == want_ids.tolist(), prompt
        with torch.no_grad():
            got = parts.text_encoder(ids)
            ours, theirs = encode_prompt(parts.text_encoder, parts.tokenizer, prompt), pipe.encode_prompt(
                prompt, "cpu", 1, False)[0]
        assert (got - want).abs().max() <= 1e-5, prompt
        assert (ours - theirs).abs().max() <= 1e-5, prompt


def vectors(n: int, width: int = 32, seed: int = 0) -> torch.Tensor:
    return torch.randn(n, width, generator=torch.Generator().manual_seed(seed))


def test_diffusers_single_vector_file_matches_diffusers(tmp_path):
    path = tmp_path / "learned_embeds.safetensors"
    save_file({"<cat-toy>": vectors(1)[0]}, str(path))  # (D,), as sd-concepts-library's files
    pipe, parts = fresh()
    pipe.load_textual_inversion(str(path))
    assert load_textual_inversion(parts, path) == ["<cat-toy>"]
    assert_same_as_diffusers(pipe, parts, "<cat-toy>")
    assert_same_as_diffusers(pipe, parts, "<CAT-TOY>")  # added tokens match the cleaned (lower-case) text


def test_a1111_multi_vector_safetensors_matches_diffusers(tmp_path):
    path = tmp_path / "charturnerv2.safetensors"
    save_file({"emb_params": vectors(3)}, str(path))
    pipe, parts = fresh()
    pipe.load_textual_inversion(str(path), token="charturnerv2")  # else "emb_params"; A1111: the file name
    assert load_textual_inversion(parts, path) == ["charturnerv2", "charturnerv2_1", "charturnerv2_2"]
    assert_same_as_diffusers(pipe, parts, "charturnerv2")
    ids = parts.tokenizer("a charturnerv2")["input_ids"][0].tolist()
    assert ids[2:5] == [49408, 49409, 49410]  # one word, three vectors


def test_a1111_pt_needs_allow_pickle_and_matches_diffusers(tmp_path):
    path = tmp_path / "old.pt"
    torch.save({"string_to_token": {"*": 265}, "string_to_param": {"*": vectors(2)}, "name": "oldstylev1",
                "step": 3000, "sd_checkpoint": "abc", "sd_checkpoint_name": "v1-5"}, path)
    pipe, parts = fresh()
    with pytest.raises(ValueError, match="pickle"):
        load_textual_inversion(parts, path)
    pipe.load_textual_inversion(str(path))
    assert load_textual_inversion(parts, path, allow_pickle=True) == ["oldstylev1", "oldstylev1_1"]
    assert_same_as_diffusers(pipe, parts, "oldstylev1")


def test_token_given_explicitly_matches_diffusers(tmp_path):
    path = tmp_path / "learned_embeds.safetensors"
    save_file({"<cat-toy>": vectors(2, seed=1)}, str(path))
    pipe, parts = fresh()
    pipe.load_textual_inversion(str(path), token="<toy>")
    assert load_textual_inversion(parts, path, token="<toy>") == ["<toy>", "<toy>_1"]
    assert_same_as_diffusers(pipe, parts, "<toy>")


def test_prompt_weights_apply_to_the_new_token(tmp_path):
    """(<tok>:1.2) scales every vector of the token, A1111's way: z·w, then z's mean restored (formula written
    here, on diffusers' text encoder output)."""
    path = tmp_path / "learned_embeds.safetensors"
    save_file({"<cat-toy>": vectors(2, seed=2)}, str(path))
    pipe, parts = fresh()
    pipe.load_textual_inversion(str(path))
    load_textual_inversion(parts, path)
    prompt = "a (<cat-toy>:1.2) on a table"
    [c] = chunk(prompt, parts.tokenizer)
    new = [i for i, t in enumerate(c.ids) if t >= 49408]
    assert len(new) == 2 and all(c.weights[i] == pytest.approx(1.2) for i in new)
    assert all(w == 1.0 for i, w in enumerate(c.weights) if i not in new)
    ids, z = reference(pipe, "a <cat-toy> on a table")
    assert ids[0].tolist() == c.ids
    w = torch.tensor(c.weights)[None, :, None]
    want = z * w * z.mean() / (z * w).mean()
    with torch.no_grad():
        got = encode_prompt(parts.text_encoder, parts.tokenizer, prompt)
    assert (got - want).abs().max() <= 1e-5
    assert (got - z).abs().max() > 1e-3  # the weight did something


def test_old_prompts_are_untouched(tmp_path):
    path = tmp_path / "learned_embeds.safetensors"
    save_file({"<cat-toy>": vectors(1)}, str(path))
    _, parts = fresh()
    ids = parts.tokenizer("a red circle on a blue background")["input_ids"]
    with torch.no_grad():
        before = parts.text_encoder(ids)
        load_textual_inversion(parts, path)
        assert torch.equal(parts.tokenizer("a red circle on a blue background")["input_ids"], ids)
        assert torch.equal(parts.text_encoder(ids), before)


@pytest.mark.parametrize("layout", ["diffusers", "a1111"])
def test_save_then_load_round_trip(tmp_path, layout):
    path = tmp_path / "learned_embeds.safetensors"
    save_file({"<cat-toy>": vectors(3, seed=3)}, str(path))
    _, parts = fresh()
    load_textual_inversion(parts, path)
    out = save_textual_inversion(parts, tmp_path / f"cat{layout}.safetensors", "<cat-toy>", layout=layout)
    assert read_textual_inversion(out)[0] == layout
    assert torch.equal(read_textual_inversion(out)[2], vectors(3, seed=3))
    pipe, other = fresh()
    pipe.load_textual_inversion(str(out), token="<cat>")  # diffusers reads what we write
    assert load_textual_inversion(other, out, token="<cat>") == ["<cat>", "<cat>_1", "<cat>_2"]
    assert_same_as_diffusers(pipe, other, "<cat>")


def test_save_and_reload_a_model_folder_keeps_the_token(tmp_path):
    from course.io.loading import load_folder, save_folder

    path = tmp_path / "learned_embeds.safetensors"
    save_file({"<cat-toy>": vectors(2, seed=4)}, str(path))
    _, parts = fresh()
    load_textual_inversion(parts, path)
    save_folder(parts, tmp_path / "model")
    again = load_folder(tmp_path / "model")
    ids = parts.tokenizer("a <cat-toy>")["input_ids"]
    assert torch.equal(again.tokenizer("a <cat-toy>")["input_ids"], ids)
    with torch.no_grad():
        assert torch.equal(again.text_encoder(ids), parts.text_encoder(ids))


def test_refusals_name_the_file_and_the_fix(tmp_path):
    _, parts = fresh()
    empty = tmp_path / "lora.safetensors"
    save_file({"lora_unet_x.lora_down.weight": vectors(4), "lora_unet_x.lora_up.weight": vectors(4)}, str(empty))
    with pytest.raises(ValueError, match=r"lora\.safetensors holds no textual-inversion embedding.*load_lora"):
        load_textual_inversion(parts, empty)
    wide = tmp_path / "sd15.safetensors"
    save_file({"<big>": vectors(1, width=768)}, str(wide))
    with pytest.raises(ValueError, match=r"sd15\.safetensors.*768 wide.*32 wide.*Load it into a model"):
        load_textual_inversion(parts, wide)
    good = tmp_path / "learned_embeds.safetensors"
    save_file({"<cat-toy>": vectors(2)}, str(good))
    for token in ("cat", "a</w>"):  # words of CLIP's vocabulary
        with pytest.raises(ValueError, match=rf"learned_embeds\.safetensors.*{token!r} is already.*token="):
            load_textual_inversion(parts, good, token=token)
    load_textual_inversion(parts, good)
    with pytest.raises(ValueError, match=r"'<cat-toy>' is already.*token="):
        load_textual_inversion(parts, good)  # twice
    bare = tmp_path / "bare.pt"
    torch.save(vectors(1)[0], bare)
    with pytest.raises(ValueError, match=r"bare\.pt holds vectors without a token name.*token="):
        load_textual_inversion(parts, bare, allow_pickle=True)
    assert load_textual_inversion(parts, bare, token="<bare>", allow_pickle=True) == ["<bare>"]
    with pytest.raises(ValueError, match=r"\.safetensors"):
        save_textual_inversion(vectors(1), tmp_path / "x.pt", "<x>")
    assert len(parts.tokenizer) == parts.text_encoder.config.vocab_size == 49408 + 3  # refusals added nothing


# ---- the new shape: drawn and read, and never drawn for the old splits ------------------------------------------

def test_the_ring_is_drawn_and_read_everywhere_and_only_where_asked():
    import itertools

    import numpy as np

    from course.training import data as D

    misses, n = [], 0
    triples = [(c, "ring", b) for c, b in itertools.product(D.COLOURS, D.COLOURS) if c != b]
    for k, ((colour, shape, background), position) in enumerate(itertools.product(triples, D.POSITIONS)):
        for size in (0.30, 0.375, 0.45):
            (xl, xh), (yl, yh) = D._jitter_range(position, size, 32)
            jitter = [(xl, yl), (xh, yh), (xl, yh), (xh, yl), (0.0, 0.0)][(k + int(size * 40)) % 5]
            r = D.read(D.render(D.Spec(colour, shape, background, position, size, jitter), 32, noise=0))
            n += 1
            if (r.colour, r.shape, r.background, r.position) != (colour, "ring", background, position):
                misses.append(r)
    assert n == 72 * 5 * 3 and not misses, misses[:3]
    rng = np.random.default_rng(0)
    assert {D.sample_spec(rng, "new_shape").shape for _ in range(200)} == {"ring"}
    assert D.split_of("red", "ring", "blue") == "new_shape"
    for split in ("train", "heldout", "new"):  # the old splits never draw it, and their shapes never read as one
        specs = [D.sample_spec(rng, split) for _ in range(300)]
        assert "ring" not in {s.shape for s in specs}
        readings = [D.read(D.render(s, 32, rng=rng)) for s in specs]
        assert all(r.middle == 1.0 and r.shape == s.shape for r, s in zip(readings, specs))
    items = D.ShapesDataset(20, split="new_shape")
    assert all(" ring" in items.item(i)[1] for i in range(20))


# ---- training ------------------------------------------------------------------------------------------------------

def test_a_short_run_trains_only_the_new_vectors_and_lowers_the_loss(tmp_path):
    from course.io.loading import load_bundled
    from course.training.textual_inversion import (
        TextualInversionRecipe,
        add_new_tokens,
        encode_pictures,
        train_textual_inversion,
    )

    recipe = TextualInversionRecipe.of("pink", images=8, batch=8, steps=25, lr=2e-2, warmup=0, vectors=2)
    start = load_bundled()
    add_new_tokens(start, recipe).write(start.text_encoder)  # the vectors before training: "purple"'s
    mean, _, captions = encode_pictures(start, recipe, "cpu")
    assert all("<pink>" in c and "pink" not in c.replace("<pink>", "") for c in captions), captions
    before = fixed_batch_loss(start, mean, captions)
    parts = load_bundled()
    table = parts.text_encoder.embeddings.token_embedding.weight.detach().clone()
    unet = {k: v.clone() for k, v in parts.unet.state_dict().items()}
    vectors, losses = train_textual_inversion(parts, recipe, tmp_path)
    assert len(losses) == 25 and fixed_batch_loss(parts, mean, captions) < 0.9 * before, before
    assert all(torch.equal(v, unet[k]) for k, v in parts.unet.state_dict().items())  # the UNet is untouched
    after = parts.text_encoder.embeddings.token_embedding.weight
    first = parts.tokenizer.added_tokens["<pink>"]
    assert torch.equal(after[:first], table[:first])              # every old token's vector is untouched
    assert torch.equal(after[first:first + 2], vectors)           # the learnt vectors are in the table
    purple = table[parts.tokenizer.encode("purple")[0]]
    assert (vectors - purple).abs().max() > 0.05                  # and they moved away from "purple"'s


def test_a_stopped_run_resumes_to_the_same_vectors(tmp_path):
    from stopping import ctrl_c_at

    from course.io.loading import load_bundled
    from course.training.textual_inversion import TextualInversionRecipe, train_textual_inversion

    recipe = dataclasses_replace(TextualInversionRecipe.quick(), steps=5)

    def vectors(workdir, stop_at=None):
        if stop_at is not None:
            with ctrl_c_at(stop_at), pytest.raises(KeyboardInterrupt, match="textual_inversion stopped at step 2"):
                train_textual_inversion(load_bundled(), recipe, workdir)
        return train_textual_inversion(load_bundled(), recipe, workdir)

    (straight, _), (resumed, rest) = vectors(tmp_path / "a"), vectors(tmp_path / "b", stop_at=2)
    assert len(rest) == 3 and torch.equal(straight, resumed)
    with pytest.raises(ValueError, match=r"lr 0\.005 → 0\.01.*--restart"):
        train_textual_inversion(load_bundled(), dataclasses_replace(recipe, lr=0.01), tmp_path / "a")


def quick_settings() -> dict:
    from course.training.textual_inversion import TextualInversionRecipe

    quick, default = TextualInversionRecipe.quick(), TextualInversionRecipe()
    return {k: v for k, v in vars(quick).items() if v != getattr(default, k)}


def dataclasses_replace(recipe, **changes):
    import dataclasses

    return dataclasses.replace(recipe, **changes)


def test_the_command_writes_an_embedding_that_loads(tmp_path):
    from course.io.loading import load_bundled
    from course.training.textual_inversion import TextualInversionRecipe, train_textual_inversion_command

    out = train_textual_inversion_command(tmp_path / "learned_embeds.safetensors", tmp_path / "work",
                                          TextualInversionRecipe.of("ring", **quick_settings()))
    assert out.with_suffix(".json").is_file() and read_textual_inversion(out)[:2] == ("diffusers", "<ring>")
    parts = load_bundled()
    names = load_textual_inversion(parts, out)
    assert names == ["<ring>", "<ring>_1"]
    ids = parts.tokenizer("a red <ring> on a blue background")["input_ids"][0].tolist()
    assert [parts.tokenizer.decoder[i] for i in ids[3:5]] == names
    taken = TextualInversionRecipe.of("ring", token="circle</w>", steps=1, images=1, batch=1)
    with pytest.raises(ValueError, match="'circle</w>' is already in the tokenizer's vocabulary.*another token"):
        train_textual_inversion_command(tmp_path / "again.safetensors", tmp_path / "w2", taken)


def test_cli(monkeypatch, tmp_path, capsys):
    from course.__main__ import main
    from course.training.textual_inversion import TextualInversionRecipe

    with pytest.raises(SystemExit):
        main(["train-textual-inversion", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    defaults = TextualInversionRecipe()
    assert f"default {defaults.steps}" in text and f"default {defaults.lr:g}" in text and defaults.token in text
    seen = {}
    monkeypatch.setattr("course.training.textual_inversion.train_textual_inversion_command",
                        lambda *a, **kw: seen.update(kw, recipe=a[2]))
    out = tmp_path / "learned_embeds.safetensors"
    argv = ["train-textual-inversion", "--workdir", str(tmp_path / "w"), "--out", str(out), "--steps", "7"]
    assert main(argv + ["--restart", "--device", "cpu", "--concept", "pink", "--layout", "a1111"]) == 0
    assert seen["restart"] is True and seen["device"] == "cpu" and seen["layout"] == "a1111"
    assert (seen["recipe"].steps, seen["recipe"].token, seen["recipe"].split) == (7, "<pink>", "new")
    assert main(["train-textual-inversion", "--out", str(tmp_path / "x.pt")]) == 2
    assert "safetensors" in capsys.readouterr().err


def test_the_new_word_draws_the_new_colour(tmp_path):
    """A short run on the LoRA's concept, pink: the token's pictures read pink far more often than before training
    (docs/results.md: the ring, a new shape, is beyond what the frozen model can draw)."""
    from course.io.loading import load_bundled
    from course.training.textual_inversion import (
        TextualInversionRecipe,
        add_new_tokens,
        adherence,
        concept_prompts,
        train_textual_inversion,
    )

    recipe = TextualInversionRecipe.of("pink", steps=40, lr=3e-2, batch=8, images=12, warmup=0)
    prompts = concept_prompts(recipe.token, 12, split="new")
    assert all("<pink>" in p and "pink" not in p.replace("<pink>", "") for p, _ in prompts)
    start = load_bundled()
    add_new_tokens(start, recipe).write(start.text_encoder)  # "purple"'s vector, untrained
    before = adherence(start, prompts)["colour"]
    parts = load_bundled()
    train_textual_inversion(parts, recipe, tmp_path)
    after = adherence(parts, prompts)["colour"]
    assert before <= 0.25 and after >= before + 0.5, (before, after)
