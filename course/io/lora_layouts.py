"""The key names of every LoRA file layout in use, each renamed to one form (read by course/io/lora_files.py).

A LoRA file holds, for each adapted layer, A ("down": r × in) and B ("up": out × r), sometimes α. Trainers have
named them five ways over the years; the tensors mean the same in all of them (the update is (α/r)·B A, with
α = r where the file stores none). One function per layout turns a key into (layer name, part), part "down",
"up" or "alpha", or None when the key is not of that layout:

- ``kohya``: kohya's sd-scripts, A1111, ComfyUI;
- ``peft``: diffusers' files since peft (``save_lora_weights`` of ``get_peft_model_state_dict``), and ours;
- ``diffusers_old``: what diffusers' DreamBooth / text-to-image LoRA scripts write, through
  ``convert_state_dict_to_diffusers``, and what diffusers 0.20-0.24 wrote from its own LoRA layers;
- ``attn_processor``: diffusers 0.14-0.20, whose LoRA lived in the attention processors.

The diffusers layouts name the layer by its module path (``text_encoder.text_model.`` of transformers 4 becomes
``text_encoder.``, as transformers 5 names the modules; a key without ``unet.``/``text_encoder.`` is the UNet's,
as ``unet.save_attn_procs`` wrote it); a kohya name stays a kohya name (its underscores cannot be undone without
the model: course/io/lora_files.py matches it against the model's modules).

``unsupported`` recognises the files that are not plain LoRA (LoHa, LoKr, DoRA, ...) and says what to do.
References: diffusers' utils/state_dict_utils.py (the renaming tables) and loaders/lora_conversion_utils.py
(kohya); peft's LoraConfig; LyCORIS (KohakuBlueleaf/LyCORIS) for the LyCORIS algorithms.
"""
from __future__ import annotations

import re

__all__ = ["kohya", "peft", "diffusers_old", "attn_processor", "DIFFUSERS_LAYOUTS", "unsupported"]

_ROOT = r"(?:(unet|text_encoder)\.)?"  # no root: the UNet (unet.save_attn_procs wrote none)


def _module(root: str | None, path: str) -> str:
    """The module path with its root in front: text_model. (transformers 4's CLIP) dropped, no root = UNet."""
    if root == "text_encoder":
        return "text_encoder." + path.removeprefix("text_model.")
    return "unet." + path


def kohya(key: str) -> tuple[str, str] | None:
    """``lora_unet_down_blocks_1_attentions_0_transformer_blocks_0_attn1_to_q.lora_down.weight`` (A),
    ``….lora_up.weight`` (B), ``….alpha``; the text encoder's behind ``lora_te_`` (SD 1.x) or ``lora_te1_``
    (what diffusers' ``convert_state_dict_to_kohya`` writes; SDXL's first text encoder, the CLIP ViT-L of SD 1.x),
    ``lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_down.weight``. ``lora_te1_`` becomes ``lora_te_``,
    as diffusers' loader reads both into the one text encoder of an SD 1.x pipeline."""
    m = re.fullmatch(r"(lora_(?:unet|te1?)_\w+)\.(lora_down\.weight|lora_up\.weight|alpha)", key)
    if not m:
        return None
    part = {"lora_down.weight": "down", "lora_up.weight": "up", "alpha": "alpha"}[m.group(2)]
    return re.sub(r"^lora_te1_", "lora_te_", m.group(1)), part


def peft(key: str) -> tuple[str, str] | None:
    """``unet.down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_q.lora_A.weight`` (A), ``….lora_B.weight``
    (B), ``text_encoder.encoder.layers.0.self_attn.q_proj.lora_A.weight``; r and α in the header (lora_files)."""
    m = re.fullmatch(_ROOT + r"([\w.]+)\.lora_(A|B)\.weight", key)
    return (_module(m.group(1), m.group(2)), "down" if m.group(3) == "A" else "up") if m else None


def diffusers_old(key: str) -> tuple[str, str] | None:
    """``unet.down_blocks.1.attentions.0.transformer_blocks.0.attn1.to_q.lora.down.weight`` / ``.lora.up.weight``
    and ``text_encoder.text_model.encoder.layers.0.self_attn.q_proj.lora_linear_layer.down.weight`` / ``.up``:
    diffusers' ``convert_state_dict_to_diffusers`` renames peft's to_q/k/v/out.0 of the UNet to ``.lora.down``
    and the text encoder's q/k/v/out_proj to ``.lora_linear_layer.down`` (other layers keep peft's lora_A, so one
    file may mix this layout and ``peft``); diffusers 0.20-0.24 saved its LoRA layers under the same names."""
    m = re.fullmatch(_ROOT + r"([\w.]+)\.(?:lora|lora_linear_layer)\.(down|up)\.weight", key)
    return (_module(m.group(1), m.group(2)), m.group(3)) if m else None


_PROCESSOR = {"unet": {"to_q": "to_q", "to_k": "to_k", "to_v": "to_v", "to_out": "to_out.0"},
              "text_encoder": {"to_q": "q_proj", "to_k": "k_proj", "to_v": "v_proj", "to_out": "out_proj"}}


def attn_processor(key: str) -> tuple[str, str] | None:
    """``unet.down_blocks.1.attentions.0.transformer_blocks.0.attn1.processor.to_q_lora.down.weight``
    (``to_k_lora``, ``to_v_lora``, ``to_out_lora``; ``.up.weight`` for B): diffusers' LoRAAttnProcessor, whose
    four LoRA layers adapt to_q, to_k, to_v and to_out.0 of one attention; ``unet.save_attn_procs`` (diffusers
    0.14-0.15) wrote the keys without ``unet.``. The text encoder's (diffusers 0.16-0.19):
    ``text_encoder.text_model.encoder.layers.0.self_attn.to_q_lora.down.weight`` for q_proj (to_out_lora: out_proj)."""
    m = re.fullmatch(_ROOT + r"([\w.]+?)(\.processor)?\.(to_q|to_k|to_v|to_out)_lora\.(down|up)\.weight", key)
    if not m:
        return None
    root, path, processor, which, part = m.groups()
    root = root or "unet"
    if (root == "unet") != bool(processor):  # the UNet's sit in .processor, the text encoder's in self_attn
        return None
    return _module(root, f"{path}.{_PROCESSOR[root][which]}"), part


DIFFUSERS_LAYOUTS = {"diffusers": peft, "diffusers-old": diffusers_old, "attn-processor": attn_processor}

# ---- what is not plain LoRA -------------------------------------------------------------------------------

_LYCORIS_FIX = ("merge it into the base model with LyCORIS's tools/merge.py and load the merged checkpoint with "
                "course.io.loading.load_single_file, or use it in A1111 / ComfyUI, which read LyCORIS files")
_SD1 = "the course's models are SD 1.x UNets with one CLIP ViT-L text encoder: use a LoRA trained for SD 1.x"
# (name, what it is, what to do, does this key show it?), checked in this order
_FORMATS = [
    ("LoHa (LyCORIS)", "each update is the Hadamard product of two low-rank products (hada_w1_a, hada_w1_b, "
     "hada_w2_a, hada_w2_b)", _LYCORIS_FIX, lambda k: ".hada_" in k),
    ("LoKr (LyCORIS)", "each update is a Kronecker product (lokr_w1, lokr_w2)", _LYCORIS_FIX, lambda k: ".lokr_" in k),
    ("DoRA", "LoRA plus a learnt magnitude for each output of the weight (dora_scale / lora_magnitude_vector), so "
     "the update is not W₀ + B A", "merge it into the model (peft's merge_and_unload on a diffusers pipeline, or "
     "LyCORIS's tools/merge.py for a kohya file) and load the merged model, or train a plain LoRA (no use_dora / "
     "dora_wd)", lambda k: k.endswith((".dora_scale", ".lora_magnitude_vector")) or ".lora_magnitude_vector." in k),
    ("LoCon with CP decomposition (LyCORIS)", "a conv's update has a third factor, lora_mid (use_cp / use_tucker)",
     _LYCORIS_FIX, lambda k: ".lora_mid." in k),
    ("LyCORIS full (diff)", "it stores whole weight differences (diff, diff_b), not low-rank factors",
     _LYCORIS_FIX, lambda k: k.endswith((".diff", ".diff_b"))),
    ("SDXL LoRA", "it adapts SDXL's second text encoder (OpenCLIP ViT-bigG: lora_te2_ / text_encoder_2.)", _SD1,
     lambda k: k.startswith(("lora_te2_", "text_encoder_2."))),
    ("LoRA for a transformer model (SD3, Flux, PixArt)", "its layers are in transformer.…, not a UNet", _SD1,
     lambda k: k.startswith(("transformer.", "lora_transformer_"))),
    ("Custom Diffusion", "it stores new whole key/value weights of the cross-attention (…_custom_diffusion…)",
     "load it with diffusers' pipe.unet.load_attn_procs", lambda k: "custom_diffusion" in k),
    ("textual inversion embedding", "it holds token vectors (emb_params, string_to_param), not LoRA layers",
     "load it with load_textual_inversion (or diffusers' pipe.load_textual_inversion)",
     lambda k: k in ("emb_params", "clip_l", "clip_g", "string_to_param") or re.fullmatch(r"<[^.]+>", k)),
    ("full model checkpoint", "it holds the network's own weights (model.diffusion_model.…), not a LoRA",
     "load it with course.io.loading.load_single_file",
     lambda k: k.startswith(("model.diffusion_model.", "first_stage_model.", "cond_stage_model."))),
]


def unsupported(keys, use_dora: bool = False) -> str | None:
    """A sentence naming the format of a file that is not plain LoRA (from its keys, or peft's ``use_dora`` in
    its header), the key that shows it, and what to do; None for anything else."""
    for name, what, fix, shows in _FORMATS:
        key = next((k for k in keys if shows(k)), None)
        if key is not None or (use_dora and name == "DoRA"):
            evidence = f"key {key}" if key is not None else "use_dora in its header"
            return (f"this is a {name} file ({evidence}): {what}. The course loads plain LoRA only "
                    f"(W₀ + s·(α/r)·B A); {fix}.")
    return None
