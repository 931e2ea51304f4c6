"""LoRA: teach a frozen network something new by training a low-rank update of some of its weights.

Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large Language Models". A frozen weight W₀ (out × in) gets

    W = W₀ + (α / r) · B A,     A: r × in ("lora_down"),  B: out × r ("lora_up"),  r ≪ min(in, out)

and only A and B are trained: r·(in + out) numbers instead of in·out. A starts random (Kaiming uniform, as
nn.Linear's own weight), B at zero, so the injected network computes exactly what the frozen one did and the
first gradient step moves B. α/r fixes the size of the update when r changes (kohya's ``--network_alpha``).
LoCon (LyCORIS) does the same to a convolution: A is a conv with the layer's kernel (in → r channels), B a 1×1
conv (r → out), and the update of the kernel is B·A summed over the r channels.

Layers are not replaced: ``inject_lora`` leaves the network's modules (and state_dict names) as they are and
registers a forward hook on each adapted module that adds the LoRA layer's output, ``y = W₀x + b + s·(α/r)·B(A x)``.
Several LoRAs can then sit on one model, each with its own weight ``s`` (``network.scale``), and ``merge_lora``
folds them into W₀ (no cost at sampling time) and ``unmerge_lora`` takes them out again.

Files: ``save_lora`` / ``load_lora`` read and write both layouts in use, as safetensors:
- kohya / A1111: ``lora_unet_down_blocks_0_..._attn1_to_q.lora_down.weight``, ``.lora_up.weight``, ``.alpha``
  (the text encoder: ``lora_te_text_model_encoder_layers_0_self_attn_q_proj...``);
- diffusers / peft: ``unet.down_blocks.0....attn1.to_q.lora_A.weight``, ``.lora_B.weight``, with r and α in the
  file's ``lora_adapter_metadata`` (no metadata: α = r, peft's convention).
``LoRANetwork.state_dict()`` *is* the kohya layout: each LoRA layer is a child named by its kohya name.
"""
from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from pathlib import Path

import torch
from torch import nn

__all__ = ["LoRALinear", "LoRAConv2d", "LoRANetwork", "TARGETS", "find_targets", "inject_lora", "merge_lora",
           "unmerge_lora", "save_lora", "load_lora", "read_lora", "kohya_name"]

# Which modules to adapt: a name here or any regular expression, matched (re.search) against the module's path
# with its root in front ("unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q").
TARGETS = {
    # the default: q, k, v and out of every self- (attn1) and cross-attention (attn2) in the UNet
    "attention": r"^unet\..*\.attn[12]\.(to_q|to_k|to_v|to_out\.0)$",
    # kohya's default for SD 1.x: every linear and 1×1 conv of the UNet's transformers (also proj_in/out, ff)
    "transformer": r"^unet\..*\.attentions\.\d+\.(proj_in|proj_out|.*\.(to_q|to_k|to_v|to_out\.0|ff\.net\.0\.proj|ff\.net\.2))$",
    # LoCon: the convolutions (and time projection) of every ResNet block
    "resnets": r"^unet\..*\.resnets\.\d+\.(conv1|conv2|conv_shortcut|time_emb_proj)$",
    # the text encoder's attention and MLP, as kohya's --network_train_text_encoder
    "text_encoder": r"^text_encoder\..*\.(self_attn\.(q|k|v|out)_proj|mlp\.fc[12])$",
}


class LoRALinear(nn.Module):
    """The low-rank update of one ``nn.Linear``: x (..., in) -> s·(α/r)·B(A(dropout(x))) (..., out).

    Added to the frozen layer's output by a hook (``inject_lora``). ``scale`` (s) is the weight at inference.
    """

    def __init__(self, base: nn.Module, rank: int = 4, alpha: float | None = None, dropout: float = 0.0):
        super().__init__()
        self.rank, self.scale = rank, 1.0
        self.lora_down, self.lora_up = self.pair(base, rank)
        self.register_buffer("alpha", torch.tensor(float(rank if alpha is None else alpha)))  # saved, as kohya does
        self.dropout = nn.Dropout(dropout)
        nn.init.kaiming_uniform_(self.lora_down.weight, a=math.sqrt(5))  # what nn.Linear does to its own weight
        nn.init.zeros_(self.lora_up.weight)                              # B = 0: the update starts at zero

    @staticmethod
    def pair(base: nn.Linear, rank: int) -> tuple[nn.Module, nn.Module]:
        """A: in -> r, B: r -> out; their weights are (r, in) and (out, r)."""
        return nn.Linear(base.in_features, rank, bias=False), nn.Linear(rank, base.out_features, bias=False)

    def multiplier(self) -> float:
        """s · α / r, the factor in front of B A."""
        return self.scale * float(self.alpha) / self.rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.lora_up(self.lora_down(self.dropout(x))) * self.multiplier()

    def delta_weight(self) -> torch.Tensor:
        """s·(α/r)·B A, the (out, in) matrix this layer adds to W₀."""
        return self.multiplier() * (self.lora_up.weight @ self.lora_down.weight)


class LoRAConv2d(LoRALinear):
    """LoCon: the update of one ``nn.Conv2d``. A is a conv with the base's kernel, stride and padding (in -> r
    channels), B a 1×1 conv (r -> out): together one conv whose kernel B·A has rank <= r as an (out, in·k·k) matrix."""

    @staticmethod
    def pair(base: nn.Conv2d, rank: int) -> tuple[nn.Module, nn.Module]:
        if base.groups != 1:
            raise ValueError(f"LoRAConv2d: the conv has groups={base.groups}; LoCon adapts ordinary convs (groups=1).")
        down = nn.Conv2d(base.in_channels, rank, base.kernel_size, base.stride, base.padding, base.dilation, bias=False)
        return down, nn.Conv2d(rank, base.out_channels, 1, bias=False)  # (r, in, k, k) and (out, r, 1, 1)

    def delta_weight(self) -> torch.Tensor:
        """s·(α/r)·B A as a kernel (out, in, k, k): (out, r) @ (r, in·k·k), reshaped."""
        down, up = self.lora_down.weight, self.lora_up.weight
        return self.multiplier() * (up.flatten(1) @ down.flatten(1)).view(up.shape[0], *down.shape[1:])


def kohya_name(path: str) -> str:
    """The kohya/A1111 name of a module path: the dots become underscores behind lora_unet_ or lora_te_.

    "unet.down_blocks.0.attentions.0.transformer_blocks.0.attn1.to_q" -> "lora_unet_down_blocks_0_..._attn1_to_q";
    "text_encoder.encoder.layers.0.self_attn.q_proj" -> "lora_te_text_model_encoder_layers_0_self_attn_q_proj"
    (transformers 4 called the text encoder's modules text_model.*, and the files kept that).
    """
    root, _, rest = path.partition(".")
    if root == "text_encoder":
        return "lora_te_" + ("text_model." + rest).replace(".", "_")
    return "lora_unet_" + rest.replace(".", "_")


def _roots(model) -> dict[str, nn.Module]:
    """Parts -> its UNet and text encoder; a course TextEncoder -> itself as the text encoder; any other module
    -> itself as the UNet."""
    from course.loading import Parts
    from course.text_encoder import TextEncoder

    if isinstance(model, Parts):
        return {"unet": model.unet, "text_encoder": model.text_encoder}
    if isinstance(model, TextEncoder):
        return {"text_encoder": model}
    if isinstance(model, nn.Module):
        return {"unet": model}
    raise ValueError(f"model is a {type(model).__name__}: pass a UNet, a TextEncoder or Parts (course.loading).")


def _adaptable(model) -> dict[str, nn.Module]:
    """Every nn.Linear and nn.Conv2d of the model, by path with its root in front."""
    return {f"{root}.{name}": m for root, module in _roots(model).items() for name, m in module.named_modules()
            if isinstance(m, nn.Linear) or (isinstance(m, nn.Conv2d) and m.groups == 1)}


def find_targets(model, targets="attention") -> dict[str, nn.Module]:
    """The modules ``inject_lora`` adapts: linear and conv layers whose path matches one of ``targets``
    (names of TARGETS or regular expressions), in the model's order."""
    patterns = [targets] if isinstance(targets, str) else list(targets)
    if not patterns:
        raise ValueError(f"targets={targets!r} is empty: give a name of course.lora.TARGETS ({', '.join(TARGETS)}) "
                         "or a regular expression on module paths.")
    regexes = [re.compile(TARGETS.get(p, p)) for p in patterns]
    candidates = _adaptable(model)
    found = {path: m for path, m in candidates.items() if any(r.search(path) for r in regexes)}
    if not found:
        some = ", ".join(list(candidates)[:4])
        raise ValueError(f"targets={targets!r} match none of the {len(candidates)} linear and conv layers of this "
                         f"model (paths like {some}). Use a name of course.lora.TARGETS ({', '.join(TARGETS)}) "
                         "or a regular expression on such paths; to adapt the text encoder, pass Parts.")
    return found


class LoRANetwork(nn.Module):
    """The LoRA layers of one adapter, and the hooks that add them to the modules they adapt.

    Each layer is a child named by the kohya name of its module, so ``state_dict()`` is a kohya LoRA file.
    ``scale`` is the adapter's weight (A1111's ``<lora:name:0.8>``); ``merge()`` folds s·(α/r)·B A into the
    modules' weights, ``unmerge()`` takes it out; ``remove()`` detaches the adapter from the model.
    """

    def __init__(self, targets: dict[str, nn.Module], layers: dict[str, nn.Module], model_parameters: int = 0):
        super().__init__()
        self.paths = {}  # kohya name -> module path
        for path, layer in layers.items():
            name = kohya_name(path)
            if name in self.paths:
                raise ValueError(f"{path} and {self.paths[name]} have the same kohya name {name}; rename one.")
            self.paths[name] = path
            self.add_module(name, layer)
        self._targets = {kohya_name(p): m for p, m in targets.items()}  # a plain dict: not our parameters
        self._handles, self.merged, self._scale = [], False, 1.0
        self.model_parameters = model_parameters

    @property
    def scale(self) -> float:
        return self._scale

    @scale.setter
    def scale(self, value: float) -> None:
        if self.merged:
            raise ValueError(f"scale: the LoRA is merged at scale {self._scale:g}; unmerge_lora() first, set the "
                             "scale, then merge again.")
        self._scale = float(value)
        for layer in self.children():
            layer.scale = self._scale

    def attach(self) -> "LoRANetwork":
        """Register the hooks: from now on each adapted module returns W₀x + b + its LoRA layer's output."""
        if not self._handles:
            self._handles = [module.register_forward_hook(functools.partial(self._add_update, name))
                             for name, module in self._targets.items()]
        return self

    def _add_update(self, name: str, module: nn.Module, args: tuple, output: torch.Tensor) -> torch.Tensor:
        return output if self.merged else output + getattr(self, name)(args[0])

    def remove(self) -> None:
        """Unmerge if merged, and take the hooks off: the model is the base model again."""
        if self.merged:
            self.unmerge()
        for handle in self._handles:
            handle.remove()
        self._handles = []

    @torch.no_grad()
    def merge(self) -> None:
        """W₀ ← W₀ + s·(α/r)·B A in every adapted module; the hooks then add nothing."""
        if not self.merged:
            for name, module in self._targets.items():
                module.weight += getattr(self, name).delta_weight().to(module.weight.dtype)
            self.merged = True

    @torch.no_grad()
    def unmerge(self) -> None:
        """W ← W − s·(α/r)·B A: W₀ again, up to float rounding (~1e-7 of the weights in fp32)."""
        if self.merged:
            for name, module in self._targets.items():
                module.weight -= getattr(self, name).delta_weight().to(module.weight.dtype)
            self.merged = False

    def trainable_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def summary(self) -> str:
        """One line: layers, ranks, trainable parameters and their share of the weights they adapt."""
        layers = list(self.children())
        adapted = sum(m.weight.numel() for m in self._targets.values())
        ranks = sorted({layer.rank for layer in layers})
        roots = Counter(p.partition(".")[0] for p in self.paths.values())
        text = (f"LoRA: {len(layers)} layers ({', '.join(f'{n} in the {r}' for r, n in roots.items())}), rank "
                f"{'/'.join(map(str, ranks))}: {self.trainable_parameters():,} trainable parameters, "
                f"{self.trainable_parameters() / adapted:.1%} of the {adapted:,} weights they adapt")
        if self.model_parameters:
            text += f" and {self.trainable_parameters() / self.model_parameters:.2%} of the model's {self.model_parameters:,}"
        return text


def inject_lora(model, rank: int = 4, alpha: float | None = None, targets="attention", dropout: float = 0.0,
                linear_cls: type = LoRALinear, conv_cls: type = LoRAConv2d) -> LoRANetwork:
    """Freeze ``model`` (a UNet, a TextEncoder or Parts) and add a new LoRA of ``rank`` to the modules that
    ``targets`` names (TARGETS: "attention" (default), "transformer", "resnets", "text_encoder", or regexes).

    Returns the attached ``LoRANetwork``: its parameters are the only trainable ones. ``alpha`` defaults to the
    rank (α/r = 1). ``linear_cls``/``conv_cls`` build the layers (notebook 06 passes the learner's own).
    """
    if not isinstance(rank, int) or rank < 1:
        raise ValueError(f"rank={rank!r} must be a whole number >= 1 (typical: 4 to 128).")
    if alpha is not None and alpha <= 0:
        raise ValueError(f"alpha={alpha} must be > 0 (or None for alpha = rank); the update is scaled by alpha/rank.")
    if not 0 <= dropout < 1:
        raise ValueError(f"dropout={dropout} must be in [0, 1) (0 is the usual choice, 0.1 at most).")
    found = find_targets(model, targets)
    roots = _roots(model)
    total = sum(p.numel() for root in roots.values() for p in root.parameters())
    for root in roots.values():
        root.requires_grad_(False)
    layers = {}
    for path, module in found.items():
        cls = conv_cls if isinstance(module, nn.Conv2d) else linear_cls
        layers[path] = cls(module, rank, alpha, dropout).to(module.weight.device, module.weight.dtype)
    return LoRANetwork(found, layers, total).attach()


def merge_lora(*networks: LoRANetwork) -> None:
    """Fold each LoRA, at its scale, into the weights of the modules it adapts (several add up)."""
    for network in networks:
        network.merge()


def unmerge_lora(*networks: LoRANetwork) -> None:
    """Take each merged LoRA out of the weights again, last merged first."""
    for network in reversed(networks):
        network.unmerge()


# ---- files ----------------------------------------------------------------------------------------

METADATA_KEY = "lora_adapter_metadata"  # where diffusers keeps peft's LoraConfig in a safetensors header
KOHYA_KEY = re.compile(r"^(lora_(?:unet|te\d?)_\w+)\.(lora_down\.weight|lora_up\.weight|alpha)$")
KOHYA_PART = {"lora_down.weight": "down", "lora_up.weight": "up", "alpha": "alpha"}
DIFFUSERS_KEY = re.compile(r"^((?:unet|text_encoder)\.[\w.]+)\.(lora_A\.weight|lora_B\.weight)$")


def save_lora(network: LoRANetwork, path: str | Path, layout: str = "kohya", dtype: torch.dtype | None = None) -> Path:
    """Write the LoRA as one .safetensors file, in the ``layout`` "kohya" (A1111, ComfyUI, kohya's scripts) or
    "diffusers" (``pipe.load_lora_weights``; r and α go into the header as peft's LoraConfig), in ``dtype`` if given."""
    from safetensors.torch import save_file

    path = Path(path)
    if path.suffix != ".safetensors":
        raise ValueError(f"{path}: a LoRA file is written as .safetensors; give a path ending in .safetensors.")
    cast = lambda t: t.detach().to("cpu", dtype or t.dtype).contiguous()  # noqa: E731
    if layout == "kohya":
        state = {k: cast(v) for k, v in network.state_dict().items()}
        layers = list(network.children())
        metadata = {"ss_network_module": "networks.lora", "ss_network_dim": str(layers[0].rank),
                    "ss_network_alpha": f"{float(layers[0].alpha):g}"}
    elif layout == "diffusers":
        state, metadata = {}, {}
        for root in ("unet", "text_encoder"):
            names = [n for n, p in network.paths.items() if p.startswith(root + ".")]
            for name in names:
                module = network.paths[name].removeprefix(root + ".")
                layer = getattr(network, name)
                state[f"{root}.{module}.lora_A.weight"] = cast(layer.lora_down.weight)
                state[f"{root}.{module}.lora_B.weight"] = cast(layer.lora_up.weight)
            if names:
                metadata.update({f"{root}.{k}": v for k, v in _lora_config(network, names, root).items()})
        metadata = {METADATA_KEY: json.dumps(metadata, sort_keys=True), "format": "pt"}
    else:
        raise ValueError(f"layout={layout!r}: use 'kohya' (A1111, ComfyUI) or 'diffusers' (pipe.load_lora_weights).")
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file(state, str(path), metadata=metadata)
    return path


def _lora_config(network: LoRANetwork, names: list[str], root: str) -> dict:
    """peft's LoraConfig for the layers ``names``: the most common rank and alpha, and patterns for the rest."""
    modules = {n: network.paths[n].removeprefix(root + ".") for n in names}
    ranks = {modules[n]: getattr(network, n).rank for n in names}
    alphas = {modules[n]: float(getattr(network, n).alpha) for n in names}
    r, alpha = (Counter(d.values()).most_common(1)[0][0] for d in (ranks, alphas))
    return {"r": r, "lora_alpha": alpha, "target_modules": sorted(modules.values()),
            "rank_pattern": {m: v for m, v in ranks.items() if v != r},
            "alpha_pattern": {m: v for m, v in alphas.items() if v != alpha}}


def _pattern_value(module: str, patterns: dict, default: float) -> float:
    """peft's rule: a pattern key applies to a module whose path ends with it (after a dot or at the start)."""
    for key, value in patterns.items():
        if re.match(rf"(.*\.)?({key})$", module):
            return value
    return default


def _diffusers_alpha(name: str, rank: int, config: dict, path) -> float:
    """α of one layer of a diffusers file from its LoraConfig header; without one α = r (peft's convention)."""
    root, _, module = name.partition(".")
    if config.get(f"{root}.use_dora"):
        raise ValueError(f"{path}: a DoRA (use_dora) adapter is not plain LoRA; the course loads LoRA only.")
    if f"{root}.lora_alpha" not in config:
        return rank
    alpha = _pattern_value(module, config.get(f"{root}.alpha_pattern") or {}, config[f"{root}.lora_alpha"])
    # rsLoRA scales by α/√r instead of α/r: the same update as α·√r with our α/r
    return alpha * math.sqrt(rank) if config.get(f"{root}.use_rslora") else alpha


def read_lora(path: str | Path) -> tuple[str, dict[str, dict]]:
    """(layout, {file's module name: {"down", "up", "alpha"}}) of a LoRA .safetensors file; module names as the
    file writes them (kohya names, or diffusers paths such as "unet.down_blocks.0...to_q")."""
    from safetensors import safe_open

    from course.loading import read_state_dict

    state = read_state_dict(path)
    with safe_open(str(path), "pt") as f:
        header = f.metadata() or {}
    kohya = {k: KOHYA_KEY.match(k) for k in state}
    diffusers = {k: DIFFUSERS_KEY.match(k) for k in state}
    if state and all(kohya.values()):
        layout, layers = "kohya", {}
        for key, m in kohya.items():
            layers.setdefault(m.group(1), {})[KOHYA_PART[m.group(2)]] = state[key]
    elif state and all(diffusers.values()):
        layout, layers = "diffusers", {}
        for key, m in diffusers.items():
            layers.setdefault(m.group(1), {})["down" if m.group(2) == "lora_A.weight" else "up"] = state[key]
    else:
        odd = [k for k in state if not (kohya[k] or diffusers[k])]
        raise ValueError(f"{path}: {len(odd)} of {len(state)} keys are neither kohya LoRA keys "
                         f"(lora_unet_….lora_down.weight / .lora_up.weight / .alpha) nor diffusers ones "
                         f"(unet.….lora_A.weight / .lora_B.weight): {', '.join(odd[:5])}"
                         f"{', ...' if len(odd) > 5 else ''}. LyCORIS variants (LoHa hada_*, LoKr lokr_*, "
                         "lora_mid, dora_scale) are not plain LoRA and are not supported; convert the file first.")
    for name, layer in layers.items():
        if "down" not in layer or "up" not in layer:
            raise ValueError(f"{path}: {name} has no {'lora_down / lora_A' if 'down' not in layer else 'lora_up / lora_B'} "
                             "weight; each layer needs both. The file is incomplete: write it again.")
    if layout == "diffusers":
        config = json.loads(header.get(METADATA_KEY) or "{}")
        for name, layer in layers.items():
            layer["alpha"] = _diffusers_alpha(name, layer["down"].shape[0], config, path)
    for layer in layers.values():
        layer["alpha"] = float(layer.get("alpha", layer["down"].shape[0]))  # no alpha: alpha = rank, as kohya
    return layout, layers


def load_lora(model, path: str | Path, scale: float = 1.0) -> LoRANetwork:
    """Read a LoRA file (kohya or diffusers layout, found from its keys) and attach it to ``model`` (a UNet,
    a TextEncoder, or Parts for a file that also adapts the text encoder), at weight ``scale``.

    Every layer of the file must find its module: otherwise nothing is attached and the error lists the names
    that match nothing. Loading a second file adds a second LoRA: their updates add up, each at its own scale.
    """
    layout, layers = read_lora(path)
    modules = _adaptable(model)
    by_name = {}  # the file's name of a module -> its path
    for module_path in modules:
        if layout == "kohya":
            by_name[kohya_name(module_path)] = module_path
            by_name[kohya_name(module_path).replace("lora_te_text_model_", "lora_te_")] = module_path
        else:
            by_name[module_path] = module_path
            by_name[module_path.replace("text_encoder.", "text_encoder.text_model.", 1)] = module_path
    missing = [n for n in layers if n not in by_name]
    if missing:
        example = next(iter(kohya_name(p) if layout == "kohya" else p for p in modules))
        raise ValueError(f"{path}: {len(missing)} of the {len(layers)} LoRA layers in this {layout} file match no "
                         f"linear or conv layer of this model: {', '.join(missing[:4])}"
                         f"{', ...' if len(missing) > 4 else ''}. This model's layers are named like {example}. "
                         "Is the LoRA for this architecture (SD 1.x; SDXL files have lora_te1_/lora_te2_ keys, files "
                         "in the original LDM layout name input_blocks/middle_block/output_blocks)? A text encoder "
                         "LoRA needs Parts, not the UNet alone.")
    targets, built, wrong = {}, {}, []
    for name, weights in layers.items():
        module_path = by_name[name]
        module, down, up = modules[module_path], weights["down"], weights["up"]
        cls = LoRAConv2d if isinstance(module, nn.Conv2d) else LoRALinear
        layer = cls(module, down.shape[0], weights["alpha"])
        if layer.lora_down.weight.shape != down.shape or layer.lora_up.weight.shape != up.shape:
            wrong.append(f"{name}: file {tuple(down.shape)} / {tuple(up.shape)}, model needs "
                         f"{tuple(layer.lora_down.weight.shape)} / {tuple(layer.lora_up.weight.shape)}")
            continue
        with torch.no_grad():
            layer.lora_down.weight.copy_(down)
            layer.lora_up.weight.copy_(up)
        targets[module_path] = module
        built[module_path] = layer.to(module.weight.device, module.weight.dtype)
    if wrong:
        raise ValueError(f"{path}: {len(wrong)} LoRA layers do not fit the shapes of this model's layers "
                         f"(down / up): {'; '.join(wrong[:3])}{'; ...' if len(wrong) > 3 else ''}. The LoRA was "
                         "trained for a model of other widths (SD 2.x: 1024-wide text, SDXL: 2048).")
    network = LoRANetwork(targets, built, sum(p.numel() for r in _roots(model).values() for p in r.parameters()))
    network.requires_grad_(False).eval()
    network.scale = scale
    return network.attach()
