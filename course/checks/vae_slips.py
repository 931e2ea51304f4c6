"""The mistakes learners make in notebook 04's exercises, each as code computing what it gives, with its sentence.

A slip is ``(words, fn)``: ``fn`` takes what the learner's function takes (for a module: our module, holding the
same weights as the learner's, then the inputs) and returns what the mistake returns, or raises what it raises.
course.checks.vae tries them in order, most specific first, on the first input whose result is wrong; the words of
the one that matches go on the verdict's first line after "it looks like".
"""
from __future__ import annotations

import re

import torch
import torch.nn.functional as F

from course.nets.vae import EPS


def _identity(x: torch.Tensor) -> torch.Tensor:
    return x


# ---- §1 ResnetBlock ------------------------------------------------------------------------------

def _resnet(r, x, *, eps=EPS, acts=(F.silu, F.silu), shortcut=True, residual=True, conv_first=False, norms=None):
    """course.nets.vae.ResnetBlock's forward on ``r``'s weights, with one thing done another way."""
    first, second = norms or (r.norm1, r.norm2)

    def norm(layer, h):
        return F.group_norm(h, layer.num_groups, layer.weight, layer.bias, eps)

    if conv_first:  # conv -> norm -> act, the post-activation order
        h = acts[0](norm(first, r.conv1(x)))
        h = acts[1](norm(second, r.conv2(h)))
    else:
        h = r.conv1(acts[0](norm(first, x)))
        h = r.conv2(acts[1](norm(second, h)))
    if not residual:
        return h
    return (r.conv_shortcut(x) if shortcut and r.conv_shortcut is not None else x) + h


RESNET_SLIPS = [
    ("your GroupNorms use eps 1e-5, PyTorch's default: every GroupNorm of the VAE is built with eps=1e-6 (it shows "
     "on nearly flat regions, like this input).", lambda r, x: _resnet(r, x, eps=1e-5)),
    ("the block uses ReLU where it should use SiLU, x·sigmoid(x): F.silu or nn.SiLU.",
     lambda r, x: _resnet(r, x, acts=(F.relu, F.relu))),
    ("both SiLUs are missing: the branch is norm → SiLU → conv, twice.",
     lambda r, x: _resnet(r, x, acts=(_identity, _identity))),
    ("the SiLU between norm1 and conv1 is missing.", lambda r, x: _resnet(r, x, acts=(_identity, F.silu))),
    ("the SiLU between norm2 and conv2 is missing.", lambda r, x: _resnet(r, x, acts=(F.silu, _identity))),
    ("the residual is missing: you returned the branch alone; the block returns x (through conv_shortcut when there "
     "is one) plus the branch.", lambda r, x: _resnet(r, x, residual=False)),
    ("x was added as it is although the width changes: when in_channels ≠ out_channels, x goes through the 1×1 "
     "conv_shortcut first, so that it has out_channels too.", lambda r, x: _resnet(r, x, shortcut=False)),
    ("each conv comes before its norm in your branch (conv → norm → SiLU); the VAE's block is pre-activation: "
     "norm → SiLU → conv.", lambda r, x: _resnet(r, x, conv_first=True)),
    ("norm1 is used twice: the second normalisation, after conv1, is norm2.",
     lambda r, x: _resnet(r, x, norms=(r.norm1, r.norm1))),
    ("norm1 and norm2 are swapped: norm1 normalises the input x, norm2 the output of conv1.",
     lambda r, x: _resnet(r, x, norms=(r.norm2, r.norm1))),
]


def fit_diagnosis(message: str) -> str | None:
    """A sentence for the usual ResnetBlock.__init__ slips, read from the list of names and shapes that do not fit."""
    if "do not fit" not in message:
        return None
    sizes = re.search(r"ResnetBlock\((\d+), (\d+), \d+\)", message)
    same = sizes is not None and sizes.group(1) == sizes.group(2)
    if re.search(r"unexpected[^\n]*conv_shortcut\.weight", message) and same:
        return ("your block has a conv_shortcut although in_channels == out_channels: set it to None then (x is added "
                "as it is, and a checkpoint has no weights for it).")
    if re.search(r"missing[^\n]*conv_shortcut\.weight", message) and not re.search(r"unexpected", message):
        return ("conv_shortcut is missing: when in_channels ≠ out_channels the block needs a 1×1 conv from in_channels "
                "to out_channels for x.")
    if re.search(r"conv[12]\.weight: expected \(\d+, \d+, 3, 3\), yours \(\d+, \d+, 1, 1\)", message):
        return "conv1 and conv2 are 3×3 convolutions (with padding 1), not 1×1."
    if re.search(r"norm2\.weight: expected", message):
        return "norm2 normalises what conv1 gives, so it has out_channels channels, not in_channels."
    if re.search(r"conv2\.weight: expected", message):
        return "conv2 goes from out_channels to out_channels: conv1 already changed the width."
    return None


# ---- §2 sample and kl --------------------------------------------------------------------------------

def _clamped(logvar: torch.Tensor) -> torch.Tensor:
    return logvar.clamp(-30.0, 20.0)


SAMPLE_SLIPS = [
    ("you used logvar itself as the standard deviation: logvar is log σ², so σ = exp(½·logvar).",
     lambda m, lv, e: m + _clamped(lv) * e),
    ("you used logvar itself as the standard deviation: logvar is log σ², so σ = exp(½·logvar).",
     lambda m, lv, e: m + lv * e),
    ("exp(logvar) is the variance σ², not σ: the ½ is missing, σ = exp(½·logvar).",
     lambda m, lv, e: m + torch.exp(_clamped(lv)) * e),
    ("exp(logvar) is the variance σ², not σ: the ½ is missing, σ = exp(½·logvar).",
     lambda m, lv, e: m + torch.exp(lv) * e),
    ("logvar was not clamped to [-30, 20] first (diffusers does, so that exp() stays finite and σ > 0): this input "
     "has logvar values of 25 and -40.", lambda m, lv, e: m + torch.exp(0.5 * lv) * e),
    ("you clamped σ instead of logvar: clamp logvar to [-30, 20] first, then σ = exp(½·logvar).",
     lambda m, lv, e: m + torch.exp(0.5 * lv).clamp(-30.0, 20.0) * e),
    ("mean and logvar are swapped: the first argument is the mean, the second the log-variance.",
     lambda m, lv, e: lv + torch.exp(0.5 * _clamped(m)) * e),
    ("eps was left out: you returned the mean; z = mean + σ·eps.", lambda m, lv, e: m),
    ("you subtracted σ·eps: the convention is mean + σ·eps (with the same eps, yours then gives the same z as "
     "diffusers).", lambda m, lv, e: m - torch.exp(0.5 * _clamped(lv)) * e),
]


def _kl(m, lv, *, clamp=True, half=0.5, var=None, one=1.0, log_sign=-1.0, square=True, reduce=None):
    """The KL of course.nets.vae.DiagonalGaussian, with one thing done another way."""
    lv = _clamped(lv) if clamp else lv
    terms = half * ((m ** 2 if square else m) + (torch.exp(lv) if var is None else var(lv)) - one + log_sign * lv)
    return terms.sum(dim=[1, 2, 3]) if reduce is None else reduce(terms)


KL_SLIPS = [
    ("the sign is flipped: KL = +½ Σ (μ² + σ² − 1 − log σ²), never negative.", lambda m, lv: _kl(m, lv, half=-0.5)),
    ("the ½ in front is missing: KL = ½ Σ (μ² + σ² − 1 − log σ²).", lambda m, lv: _kl(m, lv, half=1.0)),
    ("you summed over the batch too, one number for all images: sum over dims 1, 2, 3 only (one KL per image, "
     "shape (B,)).", lambda m, lv: _kl(m, lv, reduce=torch.sum)),
    ("you averaged over the latent numbers: the KL of an image is their sum, over dims 1, 2, 3.",
     lambda m, lv: _kl(m, lv, reduce=lambda t: t.mean(dim=[1, 2, 3]))),
    ("you averaged over everything: sum over dims 1, 2, 3, one KL per image, shape (B,).",
     lambda m, lv: _kl(m, lv, reduce=torch.mean)),
    ("you summed over height and width only: sum over the channels too, dims 1, 2, 3 (one KL per image).",
     lambda m, lv: _kl(m, lv, reduce=lambda t: t.sum(dim=[2, 3]))),
    ("you summed over the channels only: sum over height and width too, dims 1, 2, 3 (one KL per image).",
     lambda m, lv: _kl(m, lv, reduce=lambda t: t.sum(dim=1))),
    ("you summed over the batch axis instead of the channels: dims 1, 2, 3 are the ones to sum.",
     lambda m, lv: _kl(m, lv, reduce=lambda t: t.sum(dim=[0, 2, 3]))),
    ("logvar was not clamped to [-30, 20] first, as in sample: this input has logvar values of 25 and -40.",
     lambda m, lv: _kl(m, lv, clamp=False)),
    ("you used σ = exp(½·logvar) where the formula has the variance σ² = exp(logvar).",
     lambda m, lv: _kl(m, lv, var=lambda v: torch.exp(0.5 * v))),
    ("the − 1 is missing: KL = ½ Σ (μ² + σ² − 1 − log σ²).", lambda m, lv: _kl(m, lv, one=0.0)),
    ("log σ² has the wrong sign: it is − logvar in ½ Σ (μ² + σ² − 1 − log σ²).",
     lambda m, lv: _kl(m, lv, log_sign=1.0)),
    ("the mean is not squared: the term is μ².", lambda m, lv: _kl(m, lv, square=False)),
]


# ---- §3 Encoder, Decoder, VAE ---------------------------------------------------------------------------

def _block(block, x, resnets_first=True):
    layers = [*block.resnets, *(block.downsamplers if hasattr(block, "downsamplers") else block.upsamplers)]
    if not resnets_first:
        layers = layers[len(block.resnets):] + layers[:len(block.resnets)]
    for layer in layers:
        x = layer(x)
    return x


def _path(module, x, blocks, *, conv_in=True, mid="before", reverse=False, skip_last=False, norm=True, act=True,
          act_first=False, resnets_first=True, conv_out=True, after=None):
    """The encoder's (mid="after") or decoder's (mid="before") forward on ``module``, with one thing done another way."""
    x = module.conv_in(x) if conv_in else x
    order = list(blocks)[::-1] if reverse else list(blocks)
    order = order[:-1] if skip_last else order
    if mid == "before":
        x = module.mid_block(x)
    for block in order:
        x = _block(block, x, resnets_first)
    if mid == "after":
        x = module.mid_block(x)
    steps = [module.conv_norm_out if norm else None, module.conv_act if act else None]
    for step in (steps[::-1] if act_first else steps):
        x = step(x) if step is not None else x
    x = module.conv_out(x) if conv_out else x
    return after(x) if after else x


def _encoder(**kwargs):
    return lambda e, x: _path(e, x, e.down_blocks, **{"mid": "after", **kwargs})


def _decoder(**kwargs):
    return lambda d, z: _path(d, z, d.up_blocks, **{"mid": "before", **kwargs})


_OUTPUT = [
    ("conv_norm_out is missing: after the last block comes GroupNorm, SiLU, conv_out.", {"norm": False}),
    ("conv_act is missing: after the last block comes GroupNorm, SiLU, conv_out.", {"act": False}),
    ("conv_norm_out and conv_act are both missing: after the last block comes GroupNorm, SiLU, conv_out.",
     {"norm": False, "act": False}),
    ("the SiLU runs before the GroupNorm: the output layers are conv_norm_out, then conv_act, then conv_out.",
     {"act_first": True}),
    ("conv_out is missing: it is the last layer, the one that gives the output's channels.", {"conv_out": False}),
    ("conv_in was skipped: it comes first, and brings the input's channels to the first block's width.",
     {"conv_in": False}),
]

ENCODER_SLIPS = [
    ("mid_block is missing: after the down blocks comes the mid block (resnet, attention, resnet), then the output "
     "layers.", _encoder(mid=None)),
    ("mid_block runs before the down blocks: in the encoder it comes after them, at the smallest size.",
     _encoder(mid="before")),
    ("the down blocks ran in reverse order: run them first to last, as stored.", _encoder(reverse=True)),
    ("the last down block was skipped: run every block of down_blocks.", _encoder(skip_last=True)),
    ("each down block halved the size before its resnets: a block runs its resnets first, then its downsampler.",
     _encoder(resnets_first=False)),
    ("you returned only the first half of the channels, the means: the encoder returns means and log-variances "
     "together (2·latent_channels channels); splitting them is the VAE's job.",
     _encoder(after=lambda x: x.chunk(2, dim=1)[0])),
    *[(words, _encoder(**change)) for words, change in _OUTPUT],
]

DECODER_SLIPS = [
    ("mid_block runs after the up blocks: the decoder starts at the smallest size, so its mid block comes first, "
     "right after conv_in.", _decoder(mid="after")),
    ("mid_block is missing: it comes right after conv_in, before the up blocks.", _decoder(mid=None)),
    ("the up blocks ran in reverse order: they are stored from the smallest size to the largest; run them as "
     "stored.", _decoder(reverse=True)),
    ("the last up block was skipped: run every block of up_blocks.", _decoder(skip_last=True)),
    ("each up block doubled the size before its resnets: a block runs its resnets first, then its upsampler.",
     _decoder(resnets_first=False)),
    ("you clamped the output to [-1, 1]: the decoder returns conv_out's output as it is; pictures are clamped only "
     "to be shown.", _decoder(after=lambda x: x.clamp(-1, 1))),
    ("you put the output through tanh: the decoder returns conv_out's output as it is.", _decoder(after=torch.tanh)),
    *[(words, _decoder(**change)) for words, change in _OUTPUT],
]


def _moments(vae, image):
    return vae.quant_conv(vae.encoder(image))


VAE_SLIPS = {
    "encode": [
        ("mean and logvar are swapped: the first half of the channels is the mean, the second half logvar.",
         lambda v, x: tuple(_moments(v, x).chunk(2, dim=1))[::-1]),
        ("you split along dim 0, the batch: split the channels, dim 1 (the first half the means, the rest logvar).",
         lambda v, x: tuple(_moments(v, x).chunk(2, dim=0))),
        ("quant_conv was skipped: encode is quant_conv(encoder(image)), then the split.",
         lambda v, x: tuple(v.encoder(x).chunk(2, dim=1))),
        ("encode multiplied the mean by the scaling factor: encode returns the VAE's own latents; the pipeline scales "
         "them afterwards.", lambda v, x: (_moments(v, x).chunk(2, dim=1)[0] * v.config.scaling_factor,
                                           _moments(v, x).chunk(2, dim=1)[1])),
    ],
    "decode": [
        ("decode divided by the scaling factor: the pipeline already divides the latent before calling decode, so "
         "it would be divided twice.", lambda v, z: v.decoder(v.post_quant_conv(z / v.config.scaling_factor))),
        ("decode multiplied by the scaling factor: decode takes the VAE's own latents; the pipeline divides by the "
         "factor before calling it.", lambda v, z: v.decoder(v.post_quant_conv(z * v.config.scaling_factor))),
        ("post_quant_conv was skipped: decode is decoder(post_quant_conv(z)).", lambda v, z: v.decoder(z)),
        ("post_quant_conv runs after the decoder: it comes first, on the latent.",
         lambda v, z: v.post_quant_conv(v.decoder(z))),
        ("decode clamped its output to [-1, 1]: return the decoder's output as it is.",
         lambda v, z: v.decoder(v.post_quant_conv(z)).clamp(-1, 1)),
    ],
}
