"""IP-Adapter: a picture as a prompt, through a second set of keys and values in every cross-attention.

Ye et al. 2023, "IP-Adapter: Text Compatible Image Prompt Adapter for Text-to-Image Diffusion Models".

    picture ─► image encoder (CLIP, image_encoder.py) ─► image_embeds (B, D)
            ─► image_proj: Linear D -> N·C, split into N tokens, LayerNorm ─► image tokens c_i (B, N, C)

    every attn2 (decoupled cross-attention), with the query Q = x W_q shared by both:
        Z = softmax(Q K_tᵀ / √d) V_t  +  λ · softmax(Q K_iᵀ / √d) V_i
        K_t, V_t = c_t W_k, c_t W_v     the text tokens through the UNet's own (frozen) to_k, to_v
        K_i, V_i = c_i W'_k, c_i W'_v   the image tokens through new weights: to_k_ip, to_v_ip

Only image_proj, to_k_ip and to_v_ip are trained (the paper counts 22M parameters for SD 1.5): the UNet and the
text path are untouched, so λ (``scale``) = 0 gives the plain UNet exactly, and a text prompt still steers what
the picture does not fix. Two softmaxes, not one over [text, image] tokens: concatenated, the 4 image tokens
would compete with 77 text tokens for one attention budget, and the paper's ablation follows the picture less
faithfully that way. Several pictures, (B, n, D), give n·N image tokens side by side, read by one softmax.

``IPAdapter`` holds every trainable part and its ``state_dict()`` *is* the original file layout (``image_proj.
proj.weight``, ``image_proj.norm.weight``, ``ip_adapter.1.to_k_ip.weight``, ...): the layers are numbered over all
the UNet's attention layers in diffusers' ``attn_processors`` order (down blocks, up blocks, then the mid block),
attn1 taking the even numbers and attn2 the odd ones, as the original training script numbered them.
``attach()`` lends each attn2 its ``to_k_ip``/``to_v_ip`` and the UNet the adapter, by reference, not as
submodules: like a LoRA, the adapter never changes the UNet's own weights or their names. Then
``unet(x, t, context, image_embeds=...)`` reads the picture (course/nets/unet.py). Files: course/io/ip_adapter_files.py.
"""
from __future__ import annotations

import math
from numbers import Real

import torch
from torch import nn

from course.nets.attention import Attention, attention, split_heads

__all__ = ["ImageProjection", "decoupled_attention", "DecoupledCrossAttention", "IPAdapter", "cross_attention_layers", "check_scale"]

# diffusers lists the UNet's attention layers block by block in this order (its modules were registered so)
BLOCK_ORDER = {"down_blocks": 0, "up_blocks": 1, "mid_block": 2}


def check_scale(scale) -> float:
    """λ as a float: any finite number (1.0 as trained, 0 switches the picture off, above 1 weighs it more)."""
    if isinstance(scale, bool) or not isinstance(scale, Real) or not math.isfinite(scale):
        raise ValueError(f"scale={scale!r} must be a finite number: 1.0 is the adapter as trained, 0.0 switches the "
                         "picture off, 0.5 is a common middle (text and picture share the say).")
    return float(scale)


def _refer(owner: nn.Module, name: str, value) -> None:
    """Set ``owner.name = value`` as a plain reference: nn.Module would register a module value as a child, and
    its weights would then join the owner's state_dict (and its saved files)."""
    object.__setattr__(owner, name, value)


class ImageProjection(nn.Module):
    """image_embeds (B, D) -> N image tokens (B, N, C), each as wide as a text token.

    Names as the original file (``proj``, ``norm``); diffusers' class of the same name calls ``proj`` image_embeds.
    """

    def __init__(self, image_embed_dim: int, cross_attention_dim: int, num_tokens: int = 4):
        super().__init__()
        self.num_tokens = num_tokens
        self.proj = nn.Linear(image_embed_dim, num_tokens * cross_attention_dim)
        self.norm = nn.LayerNorm(cross_attention_dim)

    def forward(self, image_embeds: torch.Tensor) -> torch.Tensor:
        tokens = self.proj(image_embeds)  # (B, N·C)
        tokens = tokens.view(image_embeds.shape[0], self.num_tokens, -1)  # (B, N, C): one row per image token
        return self.norm(tokens)


def decoupled_attention(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, k_ip: torch.Tensor, v_ip: torch.Tensor,
                        scale: float) -> torch.Tensor:
    """softmax(Q Kᵀ / √d) V + λ · softmax(Q K_ipᵀ / √d) V_ip: q (B, heads, Tq, d), text k, v (B, heads, Tk, d),
    image k_ip, v_ip (B, heads, Ti, d) -> (B, heads, Tq, d). Two softmaxes: the image tokens do not compete with
    the text's for one attention budget."""
    return attention(q, k, v) + scale * attention(q, k_ip, v_ip)


class DecoupledCrossAttention(nn.Module):
    """The image side of one attn2: its own keys and values for the image tokens, and the decoupled attention.

    ``to_k_ip``/``to_v_ip``: image tokens (C wide) -> keys and values as wide as attn2's own (no bias, as to_k).
    ``combine`` is the function that joins both halves, ``decoupled_attention``; notebook 09 plugs the learner's
    own in through ``IPAdapter.use``.
    """

    def __init__(self, context_dim: int, inner_dim: int, scale: float = 1.0):
        super().__init__()
        self.to_k_ip = nn.Linear(context_dim, inner_dim, bias=False)
        self.to_v_ip = nn.Linear(context_dim, inner_dim, bias=False)
        self.scale = check_scale(scale)
        self.combine = decoupled_attention

    def forward(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, image_tokens: torch.Tensor) -> torch.Tensor:
        """q (B, heads, Tq, d) from attn2's to_q, k, v its text keys and values (B, heads, Tk, d); image tokens
        (B, Ti, C) -> attn2's attention output (B, heads, Tq, d), before to_out."""
        heads = q.shape[1]
        k_ip = split_heads(self.to_k_ip(image_tokens), heads)  # (B, heads, Ti, d)
        v_ip = split_heads(self.to_v_ip(image_tokens), heads)
        return self.combine(q, k, v, k_ip, v_ip, self.scale)


def cross_attention_layers(unet: nn.Module) -> dict[str, Attention]:
    """Every attn2 of the UNet by its number in IP-Adapter files: "1", "3", "5", ... (see the module docstring)."""
    found = [(name, m) for name, m in unet.named_modules() if isinstance(m, Attention)
             and name.rpartition(".")[2] in ("attn1", "attn2")]
    found.sort(key=lambda item: BLOCK_ORDER.get(item[0].partition(".")[0], len(BLOCK_ORDER)))  # stable: keeps order
    return {str(i): m for i, (name, m) in enumerate(found) if name.endswith("attn2")}


def _check_fits(module, own: ImageProjection) -> None:
    """Refuse, in words, a projection the trained weights cannot load into (names and shapes as the file's)."""
    d, c, n = own.proj.in_features, own.norm.normalized_shape[0], own.num_tokens
    build = f"ImageProjection({d}, {c}{', ' + str(n) if n != 4 else ''})"
    if isinstance(module, type) or not isinstance(module, nn.Module):
        what = f"the class {module.__name__}" if isinstance(module, type) else type(module).__name__
        raise ValueError(f"image_proj is {what}; pass a built module, {build}.")
    theirs, mine = own.state_dict(), module.state_dict()
    lacking, extra = [k for k in theirs if k not in mine], [k for k in mine if k not in theirs]
    if lacking or extra:
        raise ValueError(f"image_proj={type(module).__name__} does not fit the adapter's projection: it lacks "
                         f"{', '.join(lacking) or 'nothing'} (the file's names) and has {', '.join(extra) or 'nothing'}"
                         " that the file does not hold; name its parts proj and norm, then pass it again "
                         "(course.checks.check_image_projection says what differs).")
    for key, value in theirs.items():
        if mine[key].shape != value.shape:
            raise ValueError(f"image_proj={type(module).__name__} does not fit: {key} is {tuple(mine[key].shape)} in "
                             f"yours, {tuple(value.shape)} in the adapter's; build it as {build} ({n} tokens).")


class IPAdapter(nn.Module):
    """An IP-Adapter for one UNet: ``image_proj`` and one ``DecoupledCrossAttention`` per attn2 (``ip_adapter``).

    A new one starts with to_k_ip/to_v_ip copied from each attn2's to_k/to_v (the original training script does
    so: the image tokens then start out read like text tokens) and a fresh projection. ``scale`` is λ of every
    layer; ``attach()``/``remove()`` plug it into the UNet and take it out.
    """

    def __init__(self, unet: nn.Module, image_embed_dim: int, num_tokens: int = 4):
        super().__init__()
        layers = cross_attention_layers(unet)
        if not layers:
            raise ValueError(f"this {type(unet).__name__} has no cross-attention (attn2) layers of the course's, so an "
                             "IP-Adapter has nothing to adapt; pass the course's UNet (parts.unet, or "
                             "from_reference(...)) with CrossAttn blocks.")
        context_dim = unet.config.cross_attention_dim
        self.image_proj = ImageProjection(image_embed_dim, context_dim, num_tokens)
        self.ip_adapter = nn.ModuleDict({n: DecoupledCrossAttention(context_dim, attn.to_k.out_features)
                                         for n, attn in layers.items()})
        with torch.no_grad():
            for n, attn in layers.items():
                self.ip_adapter[n].to_k_ip.weight.copy_(attn.to_k.weight)
                self.ip_adapter[n].to_v_ip.weight.copy_(attn.to_v.weight)
        param = next(unet.parameters())
        self.to(param.device, param.dtype)
        _refer(self, "_unet", unet)
        self._layers = layers  # a plain dict: the UNet's layers, not the adapter's
        self._scale = 1.0

    @property
    def scale(self) -> float:
        return self._scale

    @scale.setter
    def scale(self, value: float) -> None:
        self._scale = check_scale(value)
        for layer in self.ip_adapter.values():
            layer.scale = self._scale

    @property
    def image_embed_dim(self) -> int:
        return self.image_proj.proj.in_features

    def attach(self) -> "IPAdapter":
        """From now on ``unet(x, t, context, image_embeds=...)`` reads the picture through this adapter."""
        current = getattr(self._unet, "ip_adapter", None)
        if current is not None and current is not self:
            raise ValueError("the UNet already has an IP-Adapter attached: call .remove() on it first (the course "
                             "attaches one adapter at a time).")
        _refer(self._unet, "ip_adapter", self)
        for n, attn in self._layers.items():
            _refer(attn, "image_attention", self.ip_adapter[n])
        return self

    def use(self, combine=None, image_proj: nn.Module | None = None) -> "IPAdapter":
        """Run with other pieces (notebook 09 plugs in the learner's): ``combine(q, k, v, k_ip, v_ip, scale)`` in
        every layer instead of ``decoupled_attention``, and ``image_proj`` (a module with this one's state_dict names
        and shapes; the trained weights are loaded into it) instead of ``ImageProjection``. A projection that does
        not fit is refused before anything changes. ``use()`` puts the course's back."""
        own = self.__dict__.setdefault("_own_proj", self.image_proj)  # the course's, kept to be put back
        if image_proj is not None:
            _check_fits(image_proj, own)
            image_proj.load_state_dict(own.state_dict(), strict=True)
            image_proj = image_proj.to(own.proj.weight.device, own.proj.weight.dtype)
        for layer in self.ip_adapter.values():
            layer.combine = decoupled_attention if combine is None else combine
        self.image_proj = own if image_proj is None else image_proj
        return self

    def remove(self) -> None:
        """Detach: the UNet is the plain UNet again, and ``image_embeds=`` is refused."""
        if getattr(self._unet, "ip_adapter", None) is self:
            _refer(self._unet, "ip_adapter", None)
            for attn in self._layers.values():
                _refer(attn, "image_attention", None)

    def forward(self, image_embeds: torch.Tensor) -> torch.Tensor:
        """image_embeds (B, D) or (B, n, D), n pictures per row -> image tokens (B, n·N, C), every attn2's input."""
        param, width = self.image_proj.proj.weight, self.image_embed_dim
        tensor = isinstance(image_embeds, torch.Tensor)
        if not tensor or image_embeds.ndim not in (2, 3) or 0 in image_embeds.shape or image_embeds.shape[-1] != width:
            got = tuple(image_embeds.shape) if tensor else type(image_embeds).__name__
            raise ValueError(f"image_embeds is {got}; it must be a tensor (B, {width}), one picture per latent, or "
                             f"(B, n, {width}) for n pictures each: the image encoder's image_embeds, {width} wide "
                             "for this adapter.")
        if image_embeds.device != param.device:
            raise ValueError(f"image_embeds are on {image_embeds.device} but the IP-Adapter is on {param.device}: "
                             "move the adapter with the UNet (adapter.to(device, dtype)) and the embeddings there too.")
        b = image_embeds.shape[0]
        flat = image_embeds.reshape(-1, width).to(param.dtype)  # (B·n, D): each picture on its own
        return self.image_proj(flat).reshape(b, -1, self._unet.config.cross_attention_dim)  # (B, n·N, C)
