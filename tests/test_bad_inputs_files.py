"""Bad files and bad resumptions are refused at once, with one error that names the file (and the line, field or
key), the bad value and what to do: config JSON, tokenizer files, weights, LoRA files and settings, a training run
resumed with other settings. And a save that is stopped half-way leaves the old model folder whole.

Each test starts from a good file (the ``model_folder`` fixture, a LoRA or checkpoint written here) and spoils one
thing in it."""
import dataclasses
import json
import math
import shutil

import numpy as np
import pytest
import safetensors.torch
import torch
from reference_parts import write_model_folder
from refusals import refused
from safetensors.torch import load_file, save_file

from course.io import lora_files
from course.io.loading import (
    load_controlnet,
    load_folder,
    load_text_encoder,
    load_unet,
    load_vae,
    save_controlnet,
    save_folder,
)
from course.nets import lora
from course.nets.controlnet import ControlNet
from course.text.tokenizer import CLIPTokenizer
from course.training import bundled
from course.training.lora import LoRARecipe, train_lora_command
from course.training.stage import Stage, recipe_settings

# ---- helpers --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def good_folder(tmp_path_factory):
    return write_model_folder(tmp_path_factory.mktemp("good") / "model")


@pytest.fixture
def model_folder(good_folder, tmp_path):
    """conftest's tiny diffusers folder, written once and copied for each test (which spoils one file of it)."""
    return shutil.copytree(good_folder, tmp_path / "model")



def edit_json(path, change):
    """Apply ``change`` (a dict of fields; None writes null) to the JSON object in ``path``."""
    data = json.loads(path.read_text())
    data.update(change)
    path.write_text(json.dumps(data))


def edit_weights(path, change):
    """Rewrite a safetensors file with ``change(state)`` applied to its tensors; returns the changed key."""
    state = load_file(str(path))
    key = change(state)
    save_file(state, str(path))
    return key


def first_float_key(state, ending=""):
    return next(k for k, v in state.items() if v.is_floating_point() and v.ndim >= 1 and k.endswith(ending))


# ---- config JSON ------------------------------------------------------------------------------------------------

BROKEN_JSON = '{\n "in_channels": 4,\n "out_channels": 4\n "layers_per_block": 2\n}'  # no comma after line 3


@pytest.mark.parametrize("component", ["unet/config.json", "vae/config.json", "text_encoder/config.json",
                                       "scheduler/scheduler_config.json"])
def test_a_config_that_is_not_json_names_the_file_line_and_column(model_folder, component):
    (model_folder / component).write_text(BROKEN_JSON)
    refused(lambda: load_folder(model_folder), ValueError, component, "not valid JSON", "line 4, column 2",
            "original download")


@pytest.mark.parametrize("component", ["unet/config.json", "scheduler/scheduler_config.json"])
def test_a_config_that_is_a_json_list_is_refused(model_folder, component):
    (model_folder / component).write_text("[4, 4, 2]")
    refused(lambda: load_folder(model_folder), ValueError, component, "a JSON list", "JSON object")


def test_a_config_that_is_not_text_is_refused(model_folder):
    (model_folder / "vae" / "config.json").write_bytes(b'{"in_channels": \xff\xfe}')
    refused(lambda: load_folder(model_folder), ValueError, "vae/config.json", "line 1", "not UTF-8 text")


@pytest.mark.parametrize("component, change, must_say", [
    ("unet", {"block_out_channels": "32"}, ['block_out_channels="32"', "list of whole numbers", "320, 640"]),
    ("unet", {"layers_per_block": -1}, ["layers_per_block=-1", "whole number >= 1", "SD 1.5: 2"]),
    ("unet", {"cross_attention_dim": None}, ["cross_attention_dim is null", "whole number >= 1", "768"]),
    ("unet", {"attention_head_dim": [8, 0]}, ["attention_head_dim=[8, 0]", "one per block"]),
    ("unet", {"norm_eps": "1e-5"}, ['norm_eps="1e-5"', "finite number > 0"]),
    ("unet", {"flip_sin_to_cos": "yes"}, ['flip_sin_to_cos="yes"', "true or false"]),
    ("unet", {"down_block_types": ["DownBlock2D"]}, ["down_block_types 1", "one entry per level"]),
    ("unet", {"norm_num_groups": 7}, ["norm_num_groups=7", "multiple of norm_num_groups"]),
    ("vae", {"scaling_factor": "0.18215"}, ['scaling_factor="0.18215"', "finite number > 0", "0.18215"]),
    ("vae", {"latent_channels": 0}, ["latent_channels=0", "whole number >= 1"]),
    ("text_encoder", {"hidden_size": 32.5}, ["hidden_size=32.5", "whole number"]),
    ("text_encoder", {"num_attention_heads": 3}, ["num_attention_heads=3", "divides evenly"]),
], ids=["unet-channels-string", "unet-layers-negative", "unet-cross-attention-null", "unet-heads-zero",
        "unet-eps-string", "unet-flag-string", "unet-block-types-short", "unet-groups-uneven", "vae-scaling-string",
        "vae-latents-zero", "text-width-float", "text-heads-uneven"])
def test_a_config_field_of_the_wrong_type_or_range_names_file_and_field(model_folder, component, change, must_say):
    edit_json(model_folder / component / "config.json", change)
    refused(lambda: load_folder(model_folder), ValueError, f"{component}/config.json", *must_say)


@pytest.mark.parametrize("change, must_say", [
    ({"num_train_timesteps": "1000"}, ['num_train_timesteps="1000"', "whole number >= 1"]),
    ({"beta_schedule": "cosine"}, ['beta_schedule="cosine"', '"scaled_linear"']),
    ({"beta_start": 0.5, "beta_end": 0.012}, ["beta_start=0.5", "at most beta_end"]),
    ({"prediction_type": None}, ["prediction_type=null", '"epsilon"']),
    ({"clip_sample": "false"}, ['clip_sample="false"', "true or false"]),
], ids=["timesteps-string", "schedule-unknown", "start-above-end", "prediction-null", "flag-string"])
def test_a_scheduler_setting_of_the_wrong_type_names_file_and_field(model_folder, change, must_say):
    edit_json(model_folder / "scheduler" / "scheduler_config.json", change)
    refused(lambda: load_folder(model_folder), ValueError, "scheduler_config.json", *must_say)


@pytest.mark.parametrize("content, must_say", [
    ('{"defaults": {"steps": 20,}}', ["not valid JSON", "line 1, column 27"]),
    ('{"defaults": ["dpmpp_2m", 20]}', ['"defaults" must be a JSON object']),
    ('{"defaults": {"steps": 0}}', ["defaults.steps=0", "whole number >= 1"]),
    ('{"defaults": {"guidance_scale": NaN}}', ["defaults.guidance_scale=NaN", "finite number"]),
    ('{"defaults": {"height": 30}}', ["defaults.height=30", "multiple of 8"]),
], ids=["not-json", "defaults-list", "steps-zero", "cfg-nan", "height-30"])
def test_a_bad_bundled_json_names_the_file_and_setting(model_folder, content, must_say):
    (model_folder / "bundled.json").write_text(content)
    refused(lambda: load_folder(model_folder), ValueError, "bundled.json", *must_say)


@pytest.fixture
def controlnet_folder(model_folder, tmp_path):
    net = ControlNet.from_unet(load_unet(model_folder / "unet"), conditioning_embedding_out_channels=(16, 32))
    return save_controlnet(net, tmp_path / "controlnet")


@pytest.mark.parametrize("change, must_say", [
    ({"block_out_channels": "32"}, ['block_out_channels="32"', "list of whole numbers"]),
    ({"conditioning_embedding_out_channels": None}, ["conditioning_embedding_out_channels is null"]),
    ({"conditioning_channels": 2.5}, ["conditioning_channels=2.5", "whole number >= 1"]),
], ids=["channels-string", "hint-widths-null", "hint-channels-float"])
def test_a_bad_controlnet_config_names_file_and_field(controlnet_folder, change, must_say):
    edit_json(controlnet_folder / "config.json", change)
    refused(lambda: load_controlnet(controlnet_folder), ValueError, "controlnet/config.json", *must_say)


def test_a_controlnet_config_that_is_not_json_is_refused(controlnet_folder):
    (controlnet_folder / "config.json").write_text('{"in_channels": 4,]')
    refused(lambda: load_controlnet(controlnet_folder), ValueError, "controlnet/config.json", "line 1, column 19")


# ---- tokenizer files ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("garbage, must_say", [
    (b"\xff\xfe\x00\x01garbage", ["line 3", "not UTF-8 text"]),
    (b"c", ["line 3", "'c' has 1 symbol", "two symbols"]),
    (b"c i r", ["line 3", "'c i r' has 3 symbol"]),
    (b"q z", ["line 3", "'qz'", "same tokenizer"]),
    (None, ["is empty", "#version"]),
    (b"\n\n", ["is empty"]),
], ids=["binary-bytes", "one-symbol", "three-symbols", "merge-not-in-vocab", "empty", "blank-lines"])
def test_garbage_in_merges_txt_names_the_file_and_line(model_folder, garbage, must_say):
    path = model_folder / "tokenizer" / "merges.txt"
    header_and_first = b"\n".join(path.read_bytes().split(b"\n")[:2])  # "#version: 0.2" and a good merge
    content = b"" if garbage is None else garbage if garbage.strip() == b"" else header_and_first + b"\n" + garbage
    path.write_bytes(content)
    refused(lambda: load_folder(model_folder), ValueError, "merges.txt", *must_say)


def test_merges_without_a_version_header_load_as_with_it(model_folder):
    """The header is optional, as in transformers' fast tokenizers: the merges themselves are the same."""
    folder = model_folder / "tokenizer"
    with_header = CLIPTokenizer.from_folder(folder)
    lines = (folder / "merges.txt").read_text().split("\n")
    (folder / "merges.txt").write_text("\n".join(lines[1:]))
    assert lines[0].startswith("#version") and CLIPTokenizer.from_folder(folder).merges == with_header.merges


@pytest.mark.parametrize("vocab, must_say", [
    ("[\"a\", \"b\"]", ["holds a JSON list"]),
    ('{"a": 1,', ["not valid JSON", "line 1"]),
    ({"a</w>": "320"}, ["'a</w>': \"320\"", "whole number >= 0"]),
    ({"a</w>": -1}, ["'a</w>': -1"]),
    ({"a</w>": 1.5}, ["'a</w>': 1.5"]),
    ({"a</w>": True}, ["'a</w>': true"]),
    ({"a</w>": 0}, ["both have the id 0"]),
], ids=["list", "not-json", "id-string", "id-negative", "id-float", "id-bool", "id-shared"])
def test_a_vocab_json_that_is_not_a_token_to_id_map_is_refused(model_folder, vocab, must_say):
    path = model_folder / "tokenizer" / "vocab.json"
    if isinstance(vocab, dict):  # one entry of the real vocabulary spoiled
        vocab = json.dumps({**json.loads(path.read_text()), **vocab})
    path.write_text(vocab)
    refused(lambda: load_folder(model_folder), ValueError, "vocab.json", *must_say)


# ---- weights ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", [torch.int64, torch.bool])
def test_a_weight_that_is_not_floating_point_is_refused_by_key_and_dtype(model_folder, dtype):
    path = model_folder / "unet" / "diffusion_pytorch_model.safetensors"

    def spoil(state):
        key = first_float_key(state, "conv_in.weight")
        state[key] = torch.ones_like(state[key], dtype=dtype)
        return key
    key = edit_weights(path, spoil)
    refused(lambda: load_unet(model_folder / "unet"), ValueError, key, str(dtype), "floating point")


@pytest.mark.parametrize("component, file, value, load", [
    ("unet", "diffusion_pytorch_model.safetensors", math.nan, load_unet),
    ("vae", "diffusion_pytorch_model.safetensors", math.inf, load_vae),
    ("text_encoder", "model.safetensors", -math.inf, load_text_encoder),
], ids=["unet-nan", "vae-inf", "text-encoder-minus-inf"])
def test_non_finite_weights_are_refused_at_load_naming_the_first_key(model_folder, component, file, value, load):
    def spoil(state):
        keys = [k for k, v in state.items() if v.is_floating_point() and v.numel() > 4]
        for key in keys[3:5]:  # two bad tensors: the message names the first of them
            state[key].view(-1)[2] = value
        return keys[3]
    key = edit_weights(model_folder / component / file, spoil)
    refused(lambda: load(model_folder / component), ValueError, component, key.removeprefix("text_model."),
            "1 NaN or inf", "another copy")


def test_non_finite_controlnet_weights_are_refused(controlnet_folder):
    def spoil(state):
        key = first_float_key(state, "controlnet_mid_block.weight")
        state[key].fill_(math.nan)
        return key
    key = edit_weights(controlnet_folder / "diffusion_pytorch_model.safetensors", spoil)
    refused(lambda: load_controlnet(controlnet_folder), ValueError, key, "NaN or inf")


# ---- LoRA ------------------------------------------------------------------------------------------------------

@pytest.fixture
def unet(model_folder):
    return load_unet(model_folder / "unet")


@pytest.fixture
def lora_file(unet, tmp_path):
    """A kohya LoRA of the UNet's attention, written to disk; the UNet is left without it."""
    network = lora.inject_lora(unet, rank=2)
    path = lora_files.save_lora(network, tmp_path / "lora.safetensors")
    network.remove()
    return path


@pytest.mark.parametrize("scale", [math.nan, math.inf, -math.inf, "0.8", None, True],
                         ids=["nan", "inf", "minus-inf", "string", "none", "bool"])
def test_load_lora_refuses_a_scale_that_is_not_a_finite_number(unet, lora_file, scale):
    refused(lambda: lora_files.load_lora(unet, lora_file, scale=scale), ValueError, f"scale={scale!r}",
            "finite number", "0.0 switches it off")


@pytest.mark.parametrize("scale", [math.nan, math.inf], ids=["nan", "inf"])
def test_setting_a_non_finite_scale_on_a_network_or_layer_is_refused(unet, scale):
    network = lora.inject_lora(unet, rank=2)

    def set_layer():
        next(network.children()).scale = scale
    refused(lambda: setattr(network, "scale", scale), ValueError, f"scale={scale!r}", "finite number")
    refused(set_layer, ValueError, f"scale={scale!r}", "finite number")
    assert network.scale == 1.0 and all(layer.scale == 1.0 for layer in network.children())  # nothing changed


@pytest.mark.parametrize("alpha", [math.nan, math.inf, 0, -1.0, "4", True],
                         ids=["nan", "inf", "zero", "negative", "string", "bool"])
def test_inject_lora_refuses_an_alpha_that_is_not_a_positive_finite_number(unet, alpha):
    refused(lambda: lora.inject_lora(unet, rank=4, alpha=alpha), ValueError, f"alpha={alpha!r}",
            "finite number > 0", "alpha = rank")
    assert all(p.requires_grad for p in unet.parameters()) and not unet._forward_hooks  # nothing was done


@pytest.mark.parametrize("rank", [0, -2, 2.5, 4.0, True, "4"], ids=["zero", "negative", "float", "float-whole",
                                                                  "bool", "string"])
def test_inject_lora_refuses_a_rank_that_is_not_a_whole_number_from_1(unet, rank):
    refused(lambda: lora.inject_lora(unet, rank=rank), ValueError, f"rank={rank!r}", "whole number >= 1")


def test_numpy_rank_and_alpha_are_accepted(unet):
    network = lora.inject_lora(unet, rank=np.int64(2), alpha=np.float32(1.0))
    layer = next(network.children())
    assert type(layer.rank) is int and layer.rank == 2 and float(layer.alpha) == 1.0


@pytest.mark.parametrize("dropout", [math.nan, 1.0, "0.1"], ids=["nan", "one", "string"])
def test_inject_lora_refuses_a_dropout_outside_0_1(unet, dropout):
    refused(lambda: lora.inject_lora(unet, dropout=dropout), ValueError, f"dropout={dropout!r}", "[0, 1)")


def test_a_target_that_is_no_valid_regex_is_named(unet):
    refused(lambda: lora.inject_lora(unet, targets=["attention", "to_q["]), ValueError, "'to_q['",
            "valid regular expression", "TARGETS")


@pytest.mark.parametrize("value", [math.nan, math.inf, 0.0, -4.0], ids=["nan", "inf", "zero", "negative"])
def test_a_kohya_lora_file_whose_alpha_is_not_positive_and_finite_is_refused(unet, lora_file, value):
    def spoil(state):
        key = next(k for k in state if k.endswith(".alpha"))
        state[key] = torch.tensor(value)
        return key
    key = edit_weights(lora_file, spoil)
    refused(lambda: lora_files.load_lora(unet, lora_file), ValueError, key, "finite number > 0", "rank")


def test_a_diffusers_lora_file_whose_header_alpha_is_nan_is_refused(unet, tmp_path):
    network = lora.inject_lora(unet, rank=2)
    path = lora_files.save_lora(network, tmp_path / "lora.safetensors", layout="diffusers")
    network.remove()
    state = load_file(str(path))
    config = {"unet.r": 2, "unet.lora_alpha": math.nan, "unet.target_modules": []}
    save_file(state, str(path), metadata={"lora_adapter_metadata": json.dumps(config), "format": "pt"})
    refused(lambda: lora_files.load_lora(unet, path), ValueError, "lora_adapter_metadata", "nan", "finite number > 0")


@pytest.mark.parametrize("value", [math.nan, math.inf], ids=["nan", "inf"])
def test_a_lora_file_with_non_finite_weights_names_the_key(unet, lora_file, value):
    def spoil(state):
        key = next(k for k in state if k.endswith("lora_down.weight"))
        state[key].view(-1)[0] = value
        return key
    key = edit_weights(lora_file, spoil)
    refused(lambda: lora_files.load_lora(unet, lora_file), ValueError, key, "NaN or inf")


def test_a_lora_file_with_integer_weights_names_the_key_and_dtype(unet, lora_file):
    def spoil(state):
        key = next(k for k in state if k.endswith("lora_up.weight"))
        state[key] = state[key].to(torch.int64)
        return key
    key = edit_weights(lora_file, spoil)
    refused(lambda: lora_files.load_lora(unet, lora_file), ValueError, key, "torch.int64", "floating point")


def test_merge_lora_refuses_what_is_not_a_lora_network(unet):
    refused(lambda: lora.merge_lora(unet), ValueError, "merge_lora takes LoRANetworks", "UNet")


# ---- resuming a training run with other settings -------------------------------------------------------------

QUICK = LoRARecipe.quick()


def test_train_lora_resumed_with_another_learning_rate_is_refused_and_restart_starts_anew(tmp_path):
    out, work = tmp_path / "pink.safetensors", tmp_path / "work"
    train_lora_command(out, work, QUICK)  # the first run: lr 2e-3
    changed = dataclasses.replace(QUICK, lr=1e-2, rank=8)
    refused(lambda: train_lora_command(out, work, changed), ValueError, "lora.pt", "rank 4 → 8", "lr 0.002 → 0.01",
            "--restart", "--workdir")
    train_lora_command(out, work, changed, restart=True)
    checkpoint = torch.load(work / "lora.pt", weights_only=True)
    assert checkpoint["settings"]["lr"] == 0.01 and checkpoint["opt"]["param_groups"][0]["initial_lr"] == 0.01
    assert json.loads(out.with_suffix(".json").read_text())["recipe"]["lr"] == 0.01  # the record says what ran


def test_a_stage_resumed_with_another_schedule_is_refused(tmp_path):
    def run(lr, steps):
        torch.manual_seed(0)
        model = torch.nn.Linear(2, 1)
        stage = Stage("toy", model, lr, tmp_path, steps)
        stage.run(lambda step: model(torch.ones(1, 2)).pow(2).sum(), save_every_s=60)
    run(1e-3, 3)
    run(1e-3, 3)  # the same settings: resumes (and has nothing left to do)
    refused(lambda: run(1e-3, 5), ValueError, "toy.pt", "steps 3 → 5", "restart")


def test_train_bundled_refuses_changed_settings_before_training_anything(tmp_path):
    recipe = dataclasses.replace(bundled.Recipe.quick(), vae_steps=1)
    bundled.train_vae(recipe, tmp_path, torch.device("cpu"))
    changed = dataclasses.replace(recipe, vae_lr=3e-3, vae=dataclasses.replace(recipe.vae, layers_per_block=2))
    refused(lambda: bundled.train_bundled(tmp_path / "model", tmp_path, changed, device="cpu"), ValueError,
            "vae.pt", "vae.layers_per_block 1 → 2", "vae_lr 0.002 → 0.003", "--restart")
    unchanged_vae = dataclasses.replace(recipe, lr=1e-3)  # the UNet's settings: no concern of the VAE's checkpoint
    assert bundled.stage_settings(unchanged_vae, "vae") == bundled.stage_settings(recipe, "vae")


def test_train_controlnet_refuses_a_checkpoint_of_another_recipe(tmp_path):
    from course.training import controlnet as ct

    old = ct.ControlRecipe.quick()
    # the settings are all a resumption compares, so a checkpoint holding only them stands for a stopped run
    torch.save({"settings": json.loads(json.dumps(recipe_settings(old)))}, tmp_path / "controlnet.pt")
    refused(lambda: ct.train_controlnet(tmp_path / "out", tmp_path, dataclasses.replace(old, batch=8), device="cpu"),
            ValueError, "controlnet.pt", "batch 4 → 8", "--restart")


# ---- a save stopped half-way -----------------------------------------------------------------------------------

def snapshot(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fail_on_second_save(monkeypatch, error):
    original, calls = safetensors.torch.save_file, []

    def save_file_then_fail(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise error
        return original(*args, **kwargs)
    monkeypatch.setattr(safetensors.torch, "save_file", save_file_then_fail)


@pytest.mark.parametrize("error", [KeyboardInterrupt(), OSError("No space left on device")], ids=["ctrl-c", "disk"])
def test_save_folder_stopped_half_way_leaves_the_old_folder_whole(model_folder, tmp_path, monkeypatch, error):
    parts = load_folder(model_folder)
    out = save_folder(parts, tmp_path / "bundled", extra={"bundled.json": {"defaults": {"steps": 20}}})
    before = snapshot(out)
    fail_on_second_save(monkeypatch, error)
    with torch.no_grad():
        parts.unet.conv_in.weight.add_(1.0)  # a new model, which must not get half-way into the folder
    with pytest.raises(type(error)):
        save_folder(parts, out)
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundled", "model"]  # no temporary folder left
    monkeypatch.undo()
    save_folder(parts, out)  # a save that runs through replaces the folder whole: bundled.json is gone
    assert not (out / "bundled.json").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["bundled", "model"]
    assert torch.equal(load_folder(out).unet.conv_in.weight, parts.unet.conv_in.weight)


def test_save_controlnet_stopped_half_way_leaves_the_old_folder_whole(controlnet_folder, monkeypatch):
    before = snapshot(controlnet_folder)
    net = load_controlnet(controlnet_folder)
    fail_on_second_save(monkeypatch, KeyboardInterrupt())
    save_controlnet(net, controlnet_folder.parent / "other")  # the first save_file call: a complete folder
    with pytest.raises(KeyboardInterrupt):
        save_controlnet(net, controlnet_folder, extra={"controlnet.json": {"steps": 4}})
    assert snapshot(controlnet_folder) == before
    assert not [p for p in controlnet_folder.parent.iterdir() if p.name.startswith(".")]


def test_save_folder_refuses_a_path_that_is_a_file(model_folder, tmp_path):
    (tmp_path / "taken").write_text("notes")
    parts = load_folder(model_folder)
    refused(lambda: save_folder(parts, tmp_path / "taken"), ValueError, "taken is a file", "folder")
    assert (tmp_path / "taken").read_text() == "notes"
