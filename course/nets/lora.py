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

Files (course/io/lora_files.py): ``save_lora`` writes the kohya/A1111 or the diffusers/peft layout as safetensors;
``load_lora`` reads those and the older diffusers layouts (course/io/lora_layouts.py lists them all).
``LoRANetwork.state_dict()`` *is* the kohya layout: each LoRA layer is a child named by its kohya name.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from numbers import Integral, Real

import torch
from torch import nn

from course.nets.text_encoder import TextEncoder
from course.parts import Parts

__all__ = ["LoRALinear", "LoRAConv2d", "LoRANetwork", "TARGETS", "find_targets", "inject_lora", "merge_lora",
           "unmerge_lora", "kohya_name", "adaptable", "roots", "check_rank_alpha", "check_scale"]

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


def check_rank_alpha(rank, alpha=None, dropout=0.0) -> tuple[int, float | None, float]:
    """(rank, alpha, dropout) as plain Python numbers, or one ValueError that names the bad one and the rule."""
    if isinstance(rank, bool) or not isinstance(rank, Integral) or rank < 1:
        raise ValueError(f"rank={rank!r} must be a whole number >= 1 (typical: 4 to 128).")
    if alpha is not None and (isinstance(alpha, bool) or not isinstance(alpha, Real) or not math.isfinite(alpha)
                              or alpha <= 0):
        raise ValueError(f"alpha={alpha!r} must be a finite number > 0 (or None for alpha = rank); the update is "
                         "scaled by alpha/rank (kohya's default: alpha = rank, or 1).")
    if isinstance(dropout, bool) or not isinstance(dropout, Real) or not 0 <= dropout < 1:
        raise ValueError(f"dropout={dropout!r} must be in [0, 1) (0 is the usual choice, 0.1 at most).")
    return int(rank), None if alpha is None else float(alpha), float(dropout)


def check_scale(scale) -> float:
    """A LoRA's weight as a float: any finite number (negative ones push away from what the LoRA learnt)."""
    if isinstance(scale, bool) or not isinstance(scale, Real) or not math.isfinite(scale):
        raise ValueError(f"scale={scale!r} must be a finite number: 1.0 is the LoRA as trained, 0.0 switches it off "
                         "(A1111's <lora:name:0.8> is scale 0.8).")
    return float(scale)


class LoRALinear(nn.Module):
    """The low-rank update of one ``nn.Linear``: x (..., in) -> s·(α/r)·B(A(dropout(x))) (..., out).

    Added to the frozen layer's output by a hook (``inject_lora``). ``scale`` (s) is the weight at inference.
    """

    def __init__(self, base: nn.Module, rank: int = 4, alpha: float | None = None, dropout: float = 0.0):
        super().__init__()
        rank, alpha, dropout = check_rank_alpha(rank, alpha, dropout)
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

    @property
    def scale(self) -> float:
        return self._scale

    @scale.setter
    def scale(self, value: float) -> None:
        self._scale = check_scale(value)

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


def roots(model) -> dict[str, nn.Module]:
    """Parts -> its UNet and text encoder; a course TextEncoder -> itself as the text encoder; any other module
    -> itself as the UNet."""
    if isinstance(model, Parts):
        return {"unet": model.unet, "text_encoder": model.text_encoder}
    if isinstance(model, TextEncoder):
        return {"text_encoder": model}
    if isinstance(model, nn.Module):
        return {"unet": model}
    raise ValueError(f"model is a {type(model).__name__}: pass a UNet, a TextEncoder or Parts (course.io.loading).")


def adaptable(model) -> dict[str, nn.Module]:
    """Every nn.Linear and nn.Conv2d of the model, by path with its root in front."""
    return {f"{root}.{name}": m for root, module in roots(model).items() for name, m in module.named_modules()
            if isinstance(m, nn.Linear) or (isinstance(m, nn.Conv2d) and m.groups == 1)}


def find_targets(model, targets="attention") -> dict[str, nn.Module]:
    """The modules ``inject_lora`` adapts: linear and conv layers whose path matches one of ``targets``
    (names of TARGETS or regular expressions), in the model's order."""
    patterns = [targets] if isinstance(targets, str) else list(targets) if isinstance(targets, (list, tuple)) else None
    if not patterns or not all(isinstance(p, str) for p in patterns):
        raise ValueError(f"targets={targets!r}: give a name of course.nets.lora.TARGETS ({', '.join(TARGETS)}), a "
                         "regular expression on module paths, or a list of them.")
    regexes = []
    for p in patterns:
        try:
            regexes.append(re.compile(TARGETS.get(p, p)))
        except re.error as err:
            raise ValueError(f"targets: {p!r} is neither a name of course.nets.lora.TARGETS ({', '.join(TARGETS)}) "
                             f"nor a valid regular expression ({err}).") from None
    candidates = adaptable(model)
    found = {path: m for path, m in candidates.items() if any(r.search(path) for r in regexes)}
    if not found:
        some = ", ".join(list(candidates)[:4])
        raise ValueError(f"targets={targets!r} match none of the {len(candidates)} linear and conv layers of this "
                         f"model (paths like {some}). Use a name of course.nets.lora.TARGETS ({', '.join(TARGETS)}) "
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
        value = check_scale(value)
        if self.merged:
            raise ValueError(f"scale: the LoRA is merged at scale {self._scale:g}; unmerge_lora() first, set the "
                             "scale, then merge again.")
        self._scale = value
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
    rank, alpha, dropout = check_rank_alpha(rank, alpha, dropout)
    found = find_targets(model, targets)
    frozen = roots(model)
    total = sum(p.numel() for root in frozen.values() for p in root.parameters())
    for root in frozen.values():
        root.requires_grad_(False)
    layers = {}
    for path, module in found.items():
        cls = conv_cls if isinstance(module, nn.Conv2d) else linear_cls
        layers[path] = cls(module, rank, alpha, dropout).to(module.weight.device, module.weight.dtype)
    return LoRANetwork(found, layers, total).attach()


def merge_lora(*networks: LoRANetwork) -> None:
    """Fold each LoRA, at its scale, into the weights of the modules it adapts (several add up)."""
    _check_networks(networks, "merge_lora")
    for network in networks:
        network.merge()


def unmerge_lora(*networks: LoRANetwork) -> None:
    """Take each merged LoRA out of the weights again, last merged first."""
    _check_networks(networks, "unmerge_lora")
    for network in reversed(networks):
        network.unmerge()


def _check_networks(networks, name: str) -> None:
    for network in networks:
        if not isinstance(network, LoRANetwork):
            raise ValueError(f"{name} takes LoRANetworks (what inject_lora and load_lora return), got a "
                             f"{type(network).__name__}.")
