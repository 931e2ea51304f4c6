"""ControlNet at sampling time: which nets act at which step, on which rows of the guidance batch.

Zhang et al. 2023, "Adding Conditional Control to Text-to-Image Diffusion Models". The network itself is
``course.nets.controlnet.ControlNet``; this module turns a pipeline call's ``control=[(controlnet, hint, scale)]``
into the residuals the UNet takes at each step, with diffusers' semantics for ``control_guidance_start/end``
and guess mode.
"""
from __future__ import annotations

import math
import numbers

import numpy as np
import torch
from torch import nn

from course.io.images import as_tensor
from course.nets.controlnet import ControlNet


def hint_tensor(hint, channels: int = 3) -> torch.Tensor:
    """A hint picture -> (B, channels, H, W) in [0, 1], as diffusers' control image processor (no [-1, 1] scaling).
    ``hint``: a PIL image, a uint8 array (H, W[, C]) or a tensor (C, H, W) / (B, C, H, W) in [0, 1]."""
    if isinstance(hint, np.ndarray) and hint.ndim == 2 and channels == 3:
        hint = np.repeat(hint[:, :, None], 3, axis=2)  # an edge map (H, W), as cv2.Canny returns it: grey to RGB
    return as_tensor(hint, "hint", channels, "RGB" if channels == 3 else "L")


def _per_net(value, n: int, name: str) -> list[float]:
    values = list(value) if isinstance(value, (list, tuple)) else [value] * n
    if len(values) != n:
        raise ValueError(f"{name}={value!r} has {len(values)} entries for {n} ControlNets: give one per ControlNet, "
                         "or a single number for all.")
    for v in values:
        if isinstance(v, bool) or not isinstance(v, numbers.Real) or math.isnan(v):
            raise ValueError(f"{name}={value!r}: pass a number in [0, 1] (a fraction of the steps), or one per "
                             "ControlNet.")
    return [float(v) for v in values]


class Control:
    """The ``control=[(controlnet, hint, scale), ...]`` of one pipeline call, ready for the sampling loop.

    ``start``/``end`` (one number, or one per ControlNet) are fractions of the steps: ControlNet k acts at step i
    of N unless i/N < start_k or (i+1)/N > end_k (diffusers' ``control_guidance_start/end``). ``guess_mode``:
    with classifier-free guidance the ControlNets see only the conditional half of the batch (the unconditional
    prediction gets no control) and their residuals are weighted 0.1 ... 1 from the top level to the mid block.
    Several ControlNets add their residuals.
    """

    def __init__(self, control, start=0.0, end=1.0, guess_mode: bool = False):
        if isinstance(control, tuple) and control and isinstance(control[0], nn.Module):
            control = [control]  # one (controlnet, hint[, scale]) without the list around it
        if not isinstance(control, (list, tuple)) or not control:
            raise ValueError(f"control={control!r}: pass a list of (controlnet, hint_image, scale) tuples, "
                             "e.g. [(controlnet, edges, 1.0)].")
        self.nets, self.hints, self.scales = [], [], []
        for k, item in enumerate(control):
            if not isinstance(item, (list, tuple)) or len(item) not in (2, 3) or not isinstance(item[0], ControlNet):
                raise ValueError(f"control[{k}] is {item!r}: each entry is (controlnet, hint_image) or (controlnet, "
                                 "hint_image, scale), the controlnet a course.nets.controlnet.ControlNet (convert a "
                                 "diffusers ControlNetModel with course.io.loading.from_reference).")
            scale = item[2] if len(item) == 3 else 1.0
            if isinstance(scale, bool) or not isinstance(scale, numbers.Real) or not math.isfinite(scale):
                raise ValueError(f"control[{k}] has scale {scale!r}: pass a finite number (1.0 = as trained, 0 = off).")
            self.nets.append(item[0])
            self.hints.append(hint_tensor(item[1], item[0].config.conditioning_channels))
            self.scales.append(float(scale))
        n = len(self.nets)
        self.start, self.end = _per_net(start, n, "control_start"), _per_net(end, n, "control_end")
        for s, e in zip(self.start, self.end):
            if not 0 <= s < e <= 1:
                raise ValueError(f"control_start={s}, control_end={e}: need 0 <= start < end <= 1 (fractions of the "
                                 "steps; 0 and 1 = every step).")
        self.guess_mode = bool(guess_mode) or any(net.config.global_pool_conditions for net in self.nets)
        self.size = tuple(self.hints[0].shape[2:])  # (H, W): the image size the hints ask for

    def bind(self, cond, like: torch.Tensor, height: int, width: int, steps: int) -> "Control":
        """Check the nets' device and dtype and the hints' size, give each image its hint (one for all, or one per
        prompt)."""
        for k, net in enumerate(self.nets):
            p = next(net.parameters())
            if (p.device, p.dtype) != (like.device, like.dtype):
                raise ValueError(f"control[{k}]'s ControlNet is on {p.device} in {p.dtype}, the UNet on {like.device} "
                                 f"in {like.dtype}: load it with load_controlnet(path, device=parts.device, "
                                 "dtype=parts.dtype), or move it with controlnet.to(parts.device, parts.dtype).")
        for k, hint in enumerate(self.hints):
            if tuple(hint.shape[2:]) != (height, width):
                raise ValueError(f"control[{k}]'s hint is {hint.shape[3]}×{hint.shape[2]} but the image is "
                                 f"{width}×{height} (width×height): resize the hint to the image size, or leave "
                                 "height and width out (they then follow the hint).")
        self.hints = [cond.per_image(h, "hint").to(like) for h in self.hints]  # (B, C, H, W) each
        self.batch, self.steps = cond.batch, steps
        return self

    def active(self, k: int, i: int) -> bool:
        return not (i / self.steps < self.start[k] or (i + 1) / self.steps > self.end[k])

    def residuals(self, x: torch.Tensor, t, context: torch.Tensor, i: int, sdxl: dict | None = None) -> dict:
        """The UNet's extra arguments at step i for its batch x: rows [uncond (B), cond (B·J)] under guidance, or
        the B·J cond rows alone. Empty when no ControlNet acts at this step. ``sdxl``: the UNet's text_embeds and
        time_ids for the same rows (an SDXL ControlNet reads them too)."""
        sdxl = sdxl or {}
        B = self.batch
        cfg = x.shape[0] != B
        J = (x.shape[0] - B) // B if cfg else 1
        down, mid = None, None
        for k, net in enumerate(self.nets):
            if not self.active(k, i):
                continue  # diffusers runs it with scale 0: the same zeros, added
            hint = self.hints[k].repeat_interleave(J, dim=0)  # (B·J, C, H, W): image b's J parts
            if self.guess_mode and cfg:  # control the conditional prediction only
                d, m = net(x[B:], t, context[B:], hint, self.scales[k], guess_mode=True,
                           **{name: v[B:] for name, v in sdxl.items()})
                d, m = [torch.cat([torch.zeros_like(r[:B]), r]) for r in d], torch.cat([torch.zeros_like(m[:B]), m])
            else:
                hint = torch.cat([self.hints[k], hint]) if cfg else hint
                d, m = net(x, t, context, hint, self.scales[k], guess_mode=self.guess_mode, **sdxl)
            down, mid = (d, m) if down is None else ([a + b for a, b in zip(down, d)], mid + m)
        if down is None:
            return {}
        return {"down_block_additional_residuals": tuple(down), "mid_block_additional_residual": mid}
