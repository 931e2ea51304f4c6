"""Every LoRA file layout people have, written the way its trainer writes it, loaded into diffusers
(``load_lora_weights``, with peft) and into ours (``course.io.lora_files.load_lora``): the text encoder's and the
UNet's outputs agree (max |Δ| ≤ 1e-5), and so does a short text_to_image run. Each file starts as a peft LoRA on
diffusers' own tiny pipeline (random A and B, so a layer that goes missing shows); the reference's functions write
it, or, for layouts no library writes any more, its keys are renamed exactly as the old trainers named them (the
source of each naming is given). The formats that are not plain LoRA are refused with one error naming them.
"""
import copy
import re
import warnings

import pytest
import torch
from diffusers import EulerDiscreteScheduler, PNDMScheduler, StableDiffusionPipeline
from diffusers.utils.state_dict_utils import convert_state_dict_to_diffusers, convert_state_dict_to_kohya
from peft import LoHaConfig, LoKrConfig, LoraConfig, inject_adapter_in_model
from peft.utils import get_peft_model_state_dict
from reference_parts import SD15_SCHEDULER
from refusals import refused
from safetensors.torch import save_file

from course.io import lora_files
from course.io.loading import from_reference
from course.pipeline import text_to_image

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")

# what diffusers' train_dreambooth_lora.py adapts (its LoraConfigs, lora_alpha=rank)
UNET_SCRIPT = ["to_k", "to_q", "to_v", "to_out.0"]
TEXT_SCRIPT = ["q_proj", "k_proj", "v_proj", "out_proj"]
IDS = torch.randint(0, 49408, (2, 77), generator=torch.Generator().manual_seed(0))
X = torch.randn(2, 4, 8, 8, generator=torch.Generator().manual_seed(3))
T = torch.tensor([10, 600])
DELTAS = {}  # layout -> max |Δ| of the text encoder's and the UNet's outputs (printed with -s)


def adapted(pipe, unet=(), text=(), rank=4, alpha=4, seed=1):
    """A copy of ``pipe`` with a peft LoRA of random A and B on the UNet's ``unet`` and the text encoder's ``text``
    modules, and its configs; the file is written from it, and it is what the file means."""
    torch.manual_seed(seed)
    writer, configs = copy.deepcopy(pipe), {}
    for name, targets in (("unet", unet), ("text_encoder", text)):
        if targets:
            configs[name] = LoraConfig(r=rank, lora_alpha=alpha, init_lora_weights=False, target_modules=list(targets))
            getattr(writer, name).add_adapter(configs[name])
    return writer, configs


def peft_state(writer, name):
    return get_peft_model_state_dict(getattr(writer, name))


def outputs(text_encoder, unet, diffusers: bool):
    with torch.no_grad():
        context = text_encoder(IDS)[0] if diffusers else text_encoder(IDS)
        out = unet(X, T, context)
        return context, out.sample if diffusers else out


def check(name, pipe, path, writer, *, diffusers_loads=True, allow_pickle=False, layers=None):
    """Our load_lora on fresh parts against the writer and against diffusers' load_lora_weights of the same file;
    ``layers``: how many LoRA layers must land in the UNet and in the text encoder."""
    base = outputs(pipe.text_encoder, pipe.unet, True)
    truth = outputs(writer.text_encoder, writer.unet, True)
    parts = from_reference(pipe)
    network = lora_files.load_lora(parts, path, allow_pickle=allow_pickle)
    ours = outputs(parts.text_encoder, parts.unet, False)
    if diffusers_loads:
        theirs = copy.deepcopy(pipe)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs.load_lora_weights(str(path))
        reference = outputs(theirs.text_encoder, theirs.unet, True)
        for a, b in zip(reference, truth):  # diffusers reads the file as what its writer meant
            assert (a - b).abs().max() <= 1e-5
    delta = max(float((a - b).abs().max()) for a, b in zip(ours, truth))
    DELTAS[name] = delta
    print(f"{name}: max |Δ| = {delta:.2e}")
    assert delta <= 1e-5
    assert (truth[1] - base[1]).abs().max() > 1e-3  # the LoRA changes the outputs: the test can fail
    if layers is not None:
        roots = [p.partition(".")[0] for p in network.paths.values()]
        assert (roots.count("unet"), roots.count("text_encoder")) == layers
    return network


def count(model, targets):
    return sum(any(n == t or n.endswith("." + t) for t in targets) for n, _ in model.named_modules())


# ---- (1) what diffusers' LoRA training scripts write ------------------------------------------------------

@pytest.mark.parametrize("which", ["unet", "unet + text encoder", "text encoder, transformers 4 names"])
def test_the_layout_diffusers_training_scripts_write(tmp_path, pipe, which):
    """train_dreambooth_lora.py / train_text_to_image_lora.py (diffusers 0.26 on) save
    ``convert_state_dict_to_diffusers(get_peft_model_state_dict(model))`` with ``save_lora_weights``: the UNet's
    to_q/k/v/out.0 as ``.lora.down.weight``, the text encoder's q/k/v/out_proj as ``.lora_linear_layer.down``;
    before transformers 5 the text encoder's modules sat under ``text_model.``, and the files kept it."""
    writer, _ = adapted(pipe, [] if which.startswith("text") else UNET_SCRIPT, TEXT_SCRIPT if "text" in which else [])
    unet = convert_state_dict_to_diffusers(peft_state(writer, "unet")) if "unet" in which else None
    text = convert_state_dict_to_diffusers(peft_state(writer, "text_encoder")) if "text" in which else None
    if "transformers 4" in which:
        text = {"text_model." + k: v for k, v in text.items()}
    StableDiffusionPipeline.save_lora_weights(tmp_path, unet_lora_layers=unet, text_encoder_lora_layers=text)
    path = tmp_path / "pytorch_lora_weights.safetensors"
    keys = list(lora_files.read_state_dict(path))
    assert any(k.endswith(".attn1.to_q.lora.down.weight") for k in keys) == ("unet" in which)
    assert any(re.search(r"^text_encoder\.(text_model\.)?encoder.*q_proj\.lora_linear_layer\.down", k) for k in keys)\
        == ("text" in which)
    assert lora_files.read_lora(path)[0] == "diffusers-old"
    layers = (count(pipe.unet, UNET_SCRIPT) if "unet" in which else 0,
              count(pipe.text_encoder, TEXT_SCRIPT) if "text" in which else 0)
    check(f"training scripts' layout ({which})", pipe, path, writer, layers=layers)


def test_diffusers_layouts_mixed_in_one_file(tmp_path, pipe):
    """``convert_state_dict_to_diffusers`` renames only to_q/k/v/out.0 and q/k/v/out_proj: adapting convolutions,
    proj_in or the MLP too gives one file with three namings (.lora.down, .lora_linear_layer.down, .lora_A).
    diffusers 0.42's load_lora_weights reads such a UNet only in the naming of its first key (it renames a UNet's
    keys only when the first is not lora_A), so the reference here is the LoRA that wrote the file."""
    unet_targets, text_targets = UNET_SCRIPT + ["proj_in", "conv1"], TEXT_SCRIPT + ["fc1"]
    writer, _ = adapted(pipe, unet_targets, text_targets)
    StableDiffusionPipeline.save_lora_weights(
        tmp_path, unet_lora_layers=convert_state_dict_to_diffusers(peft_state(writer, "unet")),
        text_encoder_lora_layers=convert_state_dict_to_diffusers(peft_state(writer, "text_encoder")))
    path = tmp_path / "pytorch_lora_weights.safetensors"
    assert lora_files.read_lora(path)[0] == "diffusers+diffusers-old"
    check("diffusers + training scripts' layouts in one file", pipe, path, writer, diffusers_loads=False,
          layers=(count(pipe.unet, unet_targets), count(pipe.text_encoder, text_targets)))


# ---- (2) diffusers' attention-processor LoRA (0.14-0.20) ------------------------------------------------

PROCESSOR = {"to_q": "to_q_lora", "to_k": "to_k_lora", "to_v": "to_v_lora", "to_out.0": "to_out_lora",
             "q_proj": "to_q_lora", "k_proj": "to_k_lora", "v_proj": "to_v_lora", "out_proj": "to_out_lora"}


def processor_key(key: str, root: str) -> str:
    """peft's name -> diffusers 0.14-0.19's. LoRACrossAttnProcessor / LoRAAttnProcessor held to_q_lora, to_k_lora,
    to_v_lora, to_out_lora (LoRALinearLayer: down, up) for to_q, to_k, to_v, to_out[0]; AttnProcsLayers keyed them
    by the processor's path, ``….attn1.processor.to_q_lora.down.weight`` (models/cross_attention.py and
    loaders.py of v0.14). The text encoder's (v0.17-0.19) were keyed by the CLIPAttention's path,
    ``text_model.encoder.layers.0.self_attn.to_q_lora.down.weight`` (AttnProcsLayers' split_keys ".self_attn")."""
    module, part = re.fullmatch(r"(.+)\.lora_(A|B)\.weight", key).groups()
    parent, _, leaf = module.rpartition(".")
    if leaf == "0":  # to_out.0
        parent, _, leaf = parent.rpartition(".")
        leaf += ".0"
    parent = parent + ".processor" if root == "unet" else "text_model." + parent
    return f"{parent}.{PROCESSOR[leaf]}.{'down' if part == 'A' else 'up'}.weight"


def test_the_attention_processor_layout_of_diffusers_0_16_to_0_20(tmp_path, pipe):
    """LoraLoaderMixin.save_lora_weights (0.16 on) put ``unet.`` and ``text_encoder.`` in front."""
    writer, _ = adapted(pipe, UNET_SCRIPT, TEXT_SCRIPT)
    state = {f"{root}.{processor_key(k, root)}": v for root in ("unet", "text_encoder")
             for k, v in peft_state(writer, root).items()}
    assert "unet.down_blocks.1.attentions.0.transformer_blocks.0.attn1.processor.to_out_lora.up.weight" in state
    assert "text_encoder.text_model.encoder.layers.0.self_attn.to_q_lora.down.weight" in state
    save_file(state, str(tmp_path / "pytorch_lora_weights.safetensors"))
    path = tmp_path / "pytorch_lora_weights.safetensors"
    assert lora_files.read_lora(path)[0] == "attn-processor"
    check("attention processors (diffusers 0.16-0.20)", pipe, path, writer,
          layers=(count(pipe.unet, UNET_SCRIPT), count(pipe.text_encoder, TEXT_SCRIPT)))


def test_the_oldest_layout_unet_save_attn_procs_as_a_pickle(tmp_path, pipe):
    """diffusers 0.14-0.15's ``unet.save_attn_procs`` wrote the processors' keys without ``unet.`` to
    ``pytorch_lora_weights.bin`` with torch.save. load_lora_weights skips keys without ``unet.``; diffusers reads
    such a file with the UNet's own ``load_lora_adapter(state, prefix=None)``, the reference here."""
    writer, _ = adapted(pipe, UNET_SCRIPT)
    state = {processor_key(k, "unet"): v for k, v in peft_state(writer, "unet").items()}
    path = tmp_path / "pytorch_lora_weights.bin"
    torch.save(state, path)
    parts = from_reference(pipe)
    refused(lambda: lora_files.load_lora(parts, path), ValueError, "pickle", "allow_pickle=True")
    theirs = copy.deepcopy(pipe)
    theirs.unet.load_lora_adapter(state, prefix=None)
    for a, b in zip(outputs(theirs.text_encoder, theirs.unet, True), outputs(writer.text_encoder, writer.unet, True)):
        assert (a - b).abs().max() <= 1e-5
    check("attention processors, no unet. prefix, .bin (diffusers 0.14-0.15)", pipe, path, writer,
          diffusers_loads=False, allow_pickle=True, layers=(count(pipe.unet, UNET_SCRIPT), 0))


# ---- (3) the text encoder in kohya's and diffusers' layouts, and (4) mixed files --------------------------

def test_kohya_names_as_diffusers_writes_them_lora_te1(tmp_path, pipe):
    """diffusers' ``convert_state_dict_to_kohya`` names the text encoder ``lora_te1_`` (SDXL's first, the same
    CLIP ViT-L as SD 1.x's) and writes α = r; diffusers' loader reads lora_te1_ into an SD 1.x text encoder."""
    writer, _ = adapted(pipe, UNET_SCRIPT + ["conv1"], TEXT_SCRIPT + ["fc1", "fc2"])
    state = convert_state_dict_to_kohya({f"{root}.{k}": v for root in ("unet", "text_encoder")
                                         for k, v in peft_state(writer, root).items()})
    assert "lora_te1_encoder_layers_0_self_attn_q_proj.lora_down.weight" in state
    save_file(state, str(tmp_path / "kohya.safetensors"))
    check("kohya, lora_te1_ + lora_unet_ (convert_state_dict_to_kohya)", pipe, tmp_path / "kohya.safetensors",
          writer, layers=(count(pipe.unet, UNET_SCRIPT + ["conv1"]), count(pipe.text_encoder, TEXT_SCRIPT + ["fc1", "fc2"])))


def test_kohya_text_encoder_lora_te_with_its_alpha(tmp_path, pipe):
    """kohya's sd-scripts (networks/lora.py: LORA_PREFIX_TEXT_ENCODER = "lora_te", the module path from
    transformers 4's text_model.… with "_" for ".") adapt the CLIPAttention and CLIPMLP linears and store α;
    here α = 2 with r = 4, a text-encoder-only file."""
    targets = TEXT_SCRIPT + ["fc1", "fc2"]
    writer, _ = adapted(pipe, [], targets, alpha=2)
    state = {}
    for key, value in peft_state(writer, "text_encoder").items():
        module, part = re.fullmatch(r"(.+)\.lora_(A|B)\.weight", key).groups()
        name = "lora_te_" + ("text_model." + module).replace(".", "_")
        state[f"{name}.lora_{'down' if part == 'A' else 'up'}.weight"] = value
        state[f"{name}.alpha"] = torch.tensor(2.0)
    assert "lora_te_text_model_encoder_layers_1_mlp_fc2.alpha" in state
    save_file(state, str(tmp_path / "kohya_te.safetensors"))
    network = check("kohya, lora_te_ text encoder only, α = r/2", pipe, tmp_path / "kohya_te.safetensors", writer,
                    layers=(0, count(pipe.text_encoder, targets)))
    assert {float(layer.alpha) for layer in network.children()} == {2.0}


@pytest.mark.parametrize("which", ["text encoder", "unet + text encoder"])
def test_diffusers_peft_text_encoder_and_mixed_files(tmp_path, pipe, which):
    """What save_lora_weights writes from get_peft_model_state_dict with both LoraConfigs in the header, α = 8, r = 4."""
    targets = TEXT_SCRIPT + ["fc1"]
    writer, configs = adapted(pipe, UNET_SCRIPT + ["conv2"] if "unet" in which else [], targets, alpha=8)
    kwargs = {"text_encoder_lora_layers": peft_state(writer, "text_encoder"),
              "text_encoder_lora_adapter_metadata": configs["text_encoder"].to_dict()}
    if "unet" in which:
        kwargs.update(unet_lora_layers=peft_state(writer, "unet"), unet_lora_adapter_metadata=configs["unet"].to_dict())
    StableDiffusionPipeline.save_lora_weights(tmp_path, **kwargs)
    path = tmp_path / "pytorch_lora_weights.safetensors"
    assert lora_files.read_lora(path)[0] == "diffusers"
    unet_layers = count(pipe.unet, UNET_SCRIPT + ["conv2"]) if "unet" in which else 0
    check(f"diffusers / peft ({which})", pipe, path, writer, layers=(unet_layers, count(pipe.text_encoder, targets)))


def test_text_to_image_with_a_training_script_lora_matches_diffusers(tmp_path, pipe):
    writer, _ = adapted(pipe, UNET_SCRIPT, TEXT_SCRIPT)
    StableDiffusionPipeline.save_lora_weights(
        tmp_path, unet_lora_layers=convert_state_dict_to_diffusers(peft_state(writer, "unet")),
        text_encoder_lora_layers=convert_state_dict_to_diffusers(peft_state(writer, "text_encoder")))
    path = tmp_path / "pytorch_lora_weights.safetensors"
    theirs = copy.deepcopy(pipe)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs.load_lora_weights(str(path))
    theirs.scheduler = EulerDiscreteScheduler.from_config(PNDMScheduler.from_config(SD15_SCHEDULER).config)
    theirs.set_progress_bar_config(disable=True)
    settings = dict(guidance_scale=7.5, height=32, width=32, output_type="latent")
    with torch.no_grad():
        reference = theirs("a photo of a red cat", num_inference_steps=4, generator=torch.Generator().manual_seed(0),
                           **settings).images
        base = pipe("a photo of a red cat", num_inference_steps=4, generator=torch.Generator().manual_seed(0),
                    **settings).images
    parts = from_reference(pipe)
    lora_files.load_lora(parts, path)
    ours = text_to_image(parts, "a photo of a red cat", steps=4, sampler="euler", seed=0, progress=False, **settings)
    delta = float((ours - reference).abs().max())
    DELTAS["text_to_image, 4 Euler steps (latents)"] = delta
    print(f"text_to_image latents: max |Δ| = {delta:.2e} (latents up to {float(reference.abs().max()):.1f})")
    # test_pipeline.py's bound: 1e-5 relative to the latents' size (a random tiny UNet's latents reach 25 to 70)
    assert delta <= 1e-5 * max(1.0, float(reference.abs().max()))
    assert (reference - base).abs().max() > 1e-2


# ---- what is not plain LoRA: one refusal each, naming the format ------------------------------------------

def _kohya_like(key: str) -> str:
    """peft's ``down_blocks.1.….to_q.hada_w1_a`` -> LyCORIS' ``lora_unet_down_blocks_1_…_to_q.hada_w1_a``."""
    module, _, param = key.rpartition(".")
    if param == "weight":  # peft's ModuleDict-held factors: ….to_q.lokr_w1.weight style
        module, _, param = module.rpartition(".")
    return "lora_unet_" + module.replace(".", "_") + "." + param


@pytest.fixture(scope="module")
def parts_for_refusals(pipe):
    return from_reference(pipe)


def write(tmp_path, state, metadata=None):
    path = tmp_path / "lora.safetensors"
    save_file({k: v.contiguous() for k, v in state.items()}, str(path), metadata=metadata)
    return path


def test_a_loha_file_is_refused_by_name(tmp_path, pipe, parts_for_refusals):
    state = {_kohya_like(k): v for k, v in get_peft_model_state_dict(
        inject_adapter_in_model(LoHaConfig(r=2, target_modules=["to_q"]), copy.deepcopy(pipe.unet))).items()}
    assert any(k.endswith(".hada_w1_a") for k in state)
    refused(lambda: lora_files.load_lora(parts_for_refusals, write(tmp_path, state)), ValueError,
            "LoHa (LyCORIS)", "hada_w1_a", "plain LoRA only", "tools/merge.py", "load_single_file")


def test_a_lokr_file_is_refused_by_name(tmp_path, pipe, parts_for_refusals):
    state = {_kohya_like(k): v for k, v in get_peft_model_state_dict(
        inject_adapter_in_model(LoKrConfig(r=2, target_modules=["to_q"]), copy.deepcopy(pipe.unet))).items()}
    assert any(".lokr_w1" in k for k in state)
    refused(lambda: lora_files.load_lora(parts_for_refusals, write(tmp_path, state)), ValueError,
            "LoKr (LyCORIS)", "lokr_w", "plain LoRA only", "tools/merge.py")


@pytest.mark.parametrize("layout", ["kohya dora_scale", "peft lora_magnitude_vector", "use_dora in the header"])
def test_a_dora_file_is_refused_by_name(tmp_path, pipe, parts_for_refusals, layout):
    writer = copy.deepcopy(pipe)
    config = LoraConfig(r=2, target_modules=["to_q"], use_dora=layout != "use_dora in the header")
    writer.unet.add_adapter(config)
    state = {"unet." + k: v for k, v in peft_state(writer, "unet").items()}
    metadata = None
    if layout.startswith("kohya"):
        # kohya's and LyCORIS' name for the magnitude is ….dora_scale (the key diffusers' loader looks for, as
        # lora_down.weight -> dora_scale); convert_state_dict_to_kohya (0.42) leaves the magnitude's name as it is
        magnitudes = {k: state.pop(k) for k in [k for k in state if k.endswith(".lora_magnitude_vector")]}
        state = convert_state_dict_to_kohya(state)
        for key, value in magnitudes.items():
            state["lora_unet_" + key.removeprefix("unet.").replace(".lora_magnitude_vector", "").replace(".", "_")
                  + ".dora_scale"] = value
    elif layout.startswith("use_dora"):
        metadata = {"lora_adapter_metadata": '{"unet.r": 2, "unet.lora_alpha": 2, "unet.use_dora": true}'}
    shows = {"kohya dora_scale": "dora_scale", "peft lora_magnitude_vector": "lora_magnitude_vector",
             "use_dora in the header": "use_dora"}[layout]
    assert metadata or any(shows in k for k in state)
    refused(lambda: lora_files.load_lora(parts_for_refusals, write(tmp_path, state, metadata)), ValueError,
            "DoRA", shows, "plain LoRA only", "merge")


def test_a_locon_file_with_cp_decomposition_is_refused_by_name(tmp_path, parts_for_refusals):
    """LyCORIS' LoCon with use_cp / use_tucker adds lora_mid, an (r, r, k, k) core, between down and up
    (lycoris/modules/locon.py); the names are LyCORIS', written by hand."""
    name = "lora_unet_down_blocks_0_resnets_0_conv1"
    state = {f"{name}.lora_down.weight": torch.randn(2, 32, 1, 1), f"{name}.lora_mid.weight": torch.randn(2, 2, 3, 3),
             f"{name}.lora_up.weight": torch.randn(32, 2, 1, 1), f"{name}.alpha": torch.tensor(2.0)}
    refused(lambda: lora_files.load_lora(parts_for_refusals, write(tmp_path, state)), ValueError,
            "CP decomposition", "lora_mid", "tools/merge.py")


def test_a_lycoris_full_difference_file_is_refused_by_name(tmp_path, parts_for_refusals):
    state = {"lora_unet_down_blocks_1_attentions_0_proj_in.diff": torch.randn(64, 64)}  # LyCORIS' "full" algorithm
    refused(lambda: lora_files.load_lora(parts_for_refusals, write(tmp_path, state)), ValueError,
            "LyCORIS full (diff)", ".diff", "tools/merge.py")


@pytest.mark.parametrize("prefix", ["text_encoder_2.", "lora_te2_"])
def test_an_sdxl_lora_is_refused_by_name(tmp_path, pipe, parts_for_refusals, prefix):
    """SDXL's files adapt a second text encoder; convert_state_dict_to_kohya names it lora_te2_."""
    writer, _ = adapted(pipe, [], TEXT_SCRIPT)
    state = {"text_encoder_2." + k: v for k, v in peft_state(writer, "text_encoder").items()}
    if prefix == "lora_te2_":
        state = convert_state_dict_to_kohya(state)
    assert all(k.startswith(prefix) for k in state)
    refused(lambda: lora_files.load_lora(parts_for_refusals, write(tmp_path, state)), ValueError,
            "SDXL LoRA", prefix, "SD 1.x")


@pytest.mark.parametrize("what, state, says", [
    ("a transformer's LoRA", {"transformer.transformer_blocks.0.attn.to_q.lora_A.weight": torch.randn(2, 32)},
     ["transformer model", "SD3, Flux", "SD 1.x"]),
    ("Custom Diffusion", {"down_blocks.1.attentions.0.transformer_blocks.0.attn2.processor.to_k_custom_diffusion"
                          ".weight": torch.randn(32, 32)}, ["Custom Diffusion", "load_attn_procs"]),
    ("A1111 embedding", {"emb_params": torch.randn(2, 32)}, ["textual inversion", "load_textual_inversion"]),
    ("diffusers embedding", {"<cat-toy>": torch.randn(32)}, ["textual inversion", "<cat-toy>"]),
    ("a checkpoint", {"model.diffusion_model.input_blocks.0.0.weight": torch.randn(32, 4, 3, 3)},
     ["full model checkpoint", "load_single_file"]),
    ("anything else", {"down_blocks.1.attentions.0.proj_in.weight": torch.randn(64, 64)},
     ["in no LoRA layout", "proj_in.weight", "lora_unet_", "lora_A"]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_other_files_are_refused_by_name(tmp_path, parts_for_refusals, what, state, says):
    refused(lambda: lora_files.load_lora(parts_for_refusals, write(tmp_path, state)), ValueError, *says)
