"""Checks for notebook 04: the VAE. Each compares a learner's function or module with course.nets.vae.

Module checks build the learner's class and ours with the same arguments, load our (random,
seeded) weights into the learner's module (possible because the parameter names are diffusers')
and compare the outputs on several inputs: ``course.checks.modules.compare_module``. When the
names differ, the verdict lists which are missing and which are unexpected instead of a loading error.
"""
from __future__ import annotations

import contextlib
import io
from dataclasses import replace
from typing import Callable

import torch

from course.checks.core import CheckResult, compare, describe_error, first_difference, randn, verdict
from course.checks.modules import Call, Case, compare_module
from course.config import VAEConfig
from course.nets import vae as ref

__all__ = ["check_vae_resnet_block", "check_vae_sample", "check_vae_kl", "check_vae_encoder", "check_vae_decoder",
           "check_vae"]


# ---- inputs -----------------------------------------------------------------------------------

def _image(*shape: int, seed: int) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.rand(*shape, generator=g) * 2 - 1  # [-1, 1], as the VAE expects


CONFIGS = {
    "VAEConfig.tiny()": VAEConfig.tiny(),
    "block_out_channels=(32, 32, 64), layers_per_block=2, norm_num_groups=16":
        VAEConfig(block_out_channels=(32, 32, 64), layers_per_block=2, norm_num_groups=16, sample_size=32),
    "VAEConfig.tiny(), latent_channels=8, no mid-block attention":
        replace(VAEConfig.tiny(), latent_channels=8, mid_block_add_attention=False),
}


# ---- notebook 04's checks ---------------------------------------------------------------------

def check_vae_resnet_block(cls: type) -> CheckResult:
    """``cls(in_channels, out_channels, groups)`` against course.nets.vae.ResnetBlock."""
    cases = []
    for n, (cin, cout, groups) in enumerate([(32, 32, 8), (32, 64, 8), (64, 32, 16), (16, 16, 4)]):
        calls = [Call((randn(2, cin, 8, 8, seed=10 * n, scale=2.0, shift=0.5),)),
                 Call((randn(1, cin, 5, 7, seed=10 * n + 1),))]
        if n == 1:  # a nearly flat feature map: here GroupNorm's eps (1e-6, not 1e-5) changes the result
            calls.append(Call((randn(1, cin, 6, 6, seed=10 * n + 2, scale=3e-3),)))
        cases.append(Case((cin, cout, groups), calls))
    return compare_module(cls, ref.ResnetBlock, cases, name="ResnetBlock",
                          hint="name the layers norm1, conv1, norm2, conv2 and (only when in_channels != out_channels, "
                               "else None) a 1×1 conv_shortcut; GroupNorm(groups, channels, eps=1e-6); "
                               "h = conv1(silu(norm1(x))), h = conv2(silu(norm2(h))), return shortcut(x) + h.")


def _sample_reference(mean: torch.Tensor, logvar: torch.Tensor, eps: torch.Tensor) -> torch.Tensor:
    q = ref.DiagonalGaussian(torch.cat([mean, logvar], dim=1))
    return q.mean + q.std * eps  # what q.sample(generator) returns when the generator draws eps


def _kl_reference(mean: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
    return ref.DiagonalGaussian(torch.cat([mean, logvar], dim=1)).kl()


def _gaussian_inputs(n: int) -> list[tuple[torch.Tensor, torch.Tensor]]:
    shapes = [(2, 4, 3, 3), (1, 4, 8, 8), (3, 8, 2, 5), (1, 1, 1, 1), (2, 4, 4, 4)]
    inputs = [(randn(*s, seed=i, scale=2.0), randn(*s, seed=100 + i, scale=1.5, shift=-0.5))
              for i, s in enumerate(shapes[:n])]
    inputs.append((torch.zeros(1, 4, 2, 2), torch.zeros(1, 4, 2, 2)))  # q = N(0, I): KL 0
    extreme = randn(1, 4, 2, 2, seed=7)
    extreme[0, 0, 0, 0], extreme[0, 1, 1, 1] = 25.0, -40.0  # beyond the clamp to [-30, 20]
    inputs.append((randn(1, 4, 2, 2, seed=8), extreme))
    return inputs


CLAMP_HINT = "clamp logvar to [-30, 20] first (as diffusers does), then std = exp(0.5 * logvar)"


def check_vae_sample(fn: Callable) -> CheckResult:
    """``fn(mean, logvar, eps)`` = mean + std·eps, and gradients must reach mean and logvar."""
    inputs = [(m, lv, randn(*m.shape, seed=200 + i)) for i, (m, lv) in enumerate(_gaussian_inputs(5))]
    with contextlib.redirect_stdout(io.StringIO()):  # one verdict in the end, values and gradients together
        result = compare(fn, _sample_reference, inputs, name="sample", hint=f"z = mean + std * eps; {CLAMP_HINT}.")
    if not result:
        return verdict(False, result.message)
    # the values are right; now the point of the trick: do gradients reach mean and logvar?
    mean, logvar, eps = (t.clone() for t in inputs[0])
    mean.requires_grad_(True)
    logvar.requires_grad_(True)
    try:
        z = fn(mean, logvar, eps)
        if z.requires_grad:
            z.sum().backward()
    except Exception as error:
        return verdict(False, f"✗ sample: the values are right, but backpropagating through z raised\n"
                              f"    {describe_error(error)}")
    if not z.requires_grad:
        return verdict(False, "✗ sample: the values are right, but z has no gradient, so no loss computed from z "
                              "could train the encoder. Don't use torch.no_grad(), .detach(), .item() or numpy "
                              "inside sample.")
    expected = {"mean": (torch.ones_like(mean), "1 everywhere"),
                "logvar": (0.5 * torch.exp(0.5 * inputs[0][1]) * eps, "0.5 · std · eps")}
    for what, grad in (("mean", mean.grad), ("logvar", logvar.grad)):
        want, words = expected[what]
        difference = first_difference(want, grad if grad is not None else torch.zeros_like(want))
        if difference:
            return verdict(False, f"✗ sample: the values are right, but the gradient of z.sum() with respect to "
                                  f"{what} should be {words}: {difference}.")
    return verdict(True, result.message + "\n  Gradients reach mean and logvar: ∂z/∂mean = 1, "
                                          "∂z/∂logvar = 0.5·std·eps.")


def check_vae_kl(fn: Callable) -> CheckResult:
    """``fn(mean, logvar)`` = KL(N(mean, exp(logvar)) || N(0, I)) per sample, shape (B,)."""
    return compare(fn, _kl_reference, _gaussian_inputs(5), name="kl", rtol=1e-5, atol=1e-4,
                   hint=f"0.5 * (mean² + var - 1 - logvar), summed over dim=[1, 2, 3] (one number per image); "
                        f"{CLAMP_HINT}, and var = exp(logvar).")


def _config_cases(make_calls: Callable[[VAEConfig, int], list]) -> list[Case]:
    return [Case((config,), make_calls(config, n), label=label) for n, (label, config) in enumerate(CONFIGS.items())]


def check_vae_encoder(cls: type) -> CheckResult:
    """``cls(config)`` against course.nets.vae.Encoder: image (B, 3, H, W) -> moments (B, 2·latent, H/f, W/f)."""
    cases = _config_cases(lambda c, n: [Call((_image(2, 3, 16, 16, seed=n),)),
                                        Call((_image(1, 3, 32, 24, seed=10 + n),))])
    return compare_module(cls, ref.Encoder, cases, name="Encoder",
                          hint="conv_in, then each down block in order, then mid_block, then conv_norm_out, "
                               "conv_act and conv_out.")


def check_vae_decoder(cls: type) -> CheckResult:
    """``cls(config)`` against course.nets.vae.Decoder: latent (B, latent, h, w) -> image (B, 3, h·f, w·f)."""
    cases = _config_cases(lambda c, n: [Call((randn(2, c.latent_channels, 4, 4, seed=n),)),
                                        Call((randn(1, c.latent_channels, 8, 6, seed=10 + n),))])
    return compare_module(cls, ref.Decoder, cases, name="Decoder",
                          hint="conv_in, then mid_block (first: the decoder starts at the smallest size), then each "
                               "up block in order, then conv_norm_out, conv_act and conv_out.")


def _moments(vae: ref.VAE, image: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    mean, logvar = vae.quant_conv(vae.encoder(image)).chunk(2, dim=1)
    return mean, logvar  # not clamped: the clamp belongs to sample and kl


def check_vae(cls: type) -> CheckResult:
    """``cls(config)`` with ``encode(image) -> (mean, logvar)`` and ``decode(z) -> image``, against course.nets.vae.VAE."""
    cases = _config_cases(lambda c, n: [Call((_image(2, 3, 16, 16, seed=n),), method="encode"),
                                        Call((randn(2, c.latent_channels, 4, 4, seed=20 + n),), method="decode")])
    return compare_module(cls, ref.VAE, cases, name="VAE", reference_calls={"encode": _moments},
                          learner_calls={"encode": lambda m, x: tuple(m.encode(x))},
                          hint="encode: quant_conv(encoder(image)), then chunk(2, dim=1) into (mean, logvar); "
                               "decode: decoder(post_quant_conv(z)).")
