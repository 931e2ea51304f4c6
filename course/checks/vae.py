"""Checks for notebook 04: the VAE. Each compares a learner's function or module with course.nets.vae.

Module checks build the learner's class and ours with the same arguments, load our (random, seeded) weights into
the learner's module (possible because the parameter names are diffusers') and compare the outputs on several
inputs: ``course.checks.modules.compare_module``. When the names differ, the verdict lists which are missing and
which are unexpected instead of a loading error.

When a result is wrong, the check also tries the mistakes learners make (``*_SLIPS`` below: the VAE's eps, a
missing SiLU, logvar taken for σ, the KL's sign, the mid block in the wrong place, ...) on the same input and
weights; when one gives the learner's result, or raises the same error, the verdict says it in words on its first
line, above the numeric first difference:

    ✗ kl: it looks like the ½ in front is missing: KL = ½ Σ (μ² + σ² − 1 − log σ²).
      0 of 7 inputs match; first mismatch: ...
"""
from __future__ import annotations

import contextlib
import io
from dataclasses import replace
from typing import Callable

import torch

from course.checks import progress
from course.checks.core import (
    CheckResult,
    describe_error,
    first_difference,
    randn,
    verdict,
)
from course.checks.modules import (
    Call,
    Case,
    compare_module_with_slips,
    compare_with_slips,
    with_diagnosis,
)
from course.checks.vae_slips import (
    DECODER_SLIPS,
    ENCODER_SLIPS,
    KL_SLIPS,
    RESNET_SLIPS,
    SAMPLE_SLIPS,
    VAE_SLIPS,
    fit_diagnosis,
)
from course.config import VAEConfig
from course.nets import vae as ref

__all__ = ["check_vae_resnet_block", "check_vae_sample", "check_vae_kl", "check_vae_encoder", "check_vae_decoder",
           "check_vae"]

NB = "04_vae"
RESNET_HINT = ("five parts with the names of the docstring: two GroupNorms with eps 1e-6, two 3×3 convs with padding 1, "
               "and a 1×1 conv_shortcut only when the width changes, None otherwise. The branch is norm, SiLU, conv, "
               "twice; the block returns the input, through the shortcut when there is one, plus the branch.")
SAMPLE_HINT = ("clamp logvar to the range from -30 to 20, turn it into the standard deviation, the exponential of half "
               "the log-variance, and return the mean plus the standard deviation times the eps you are given.")
KL_HINT = ("clamp logvar as in sample; for every latent number take one half of: the mean squared, plus the variance, "
           "minus one, minus logvar; then sum over channels, height and width, one number per image.")
ENCODER_HINT = "conv_in, then every down block in order, then mid_block, then conv_norm_out, conv_act and conv_out."
DECODER_HINT = ("conv_in, then mid_block first, since the decoder starts at the smallest size, then every up block in "
                "order, then conv_norm_out, conv_act and conv_out.")
VAE_HINT = ("encode: quant_conv on the encoder's output, then split its channels into two halves, the mean first and "
            "logvar second. decode: post_quant_conv, then the decoder. The scaling factor belongs outside both.")

progress.register(
    "ResnetBlock", NB, "§1", RESNET_HINT,
    "The branch is pre-activation: normalise, then SiLU, then convolve. norm1 and conv1 take in_channels; norm2 and "
    "conv2 work on out_channels. What is added at the end is the block's own input, not its normalised version; when "
    "the width changes it passes through conv_shortcut first, so that both sides have out_channels.",
    "Every GroupNorm of the VAE is built with eps 1e-6, while PyTorch's default is 1e-5: on a nearly flat patch of an "
    "image the difference shows. conv_shortcut exists only when in_channels and out_channels differ.")
progress.register(
    "sample", NB, "§2", SAMPLE_HINT,
    "logvar is the log of the variance σ², not σ itself: σ is the exponential of logvar halved. Use the eps that is "
    "passed in and draw nothing; keep everything in torch, without detaching, so that gradients reach mean and logvar.")
progress.register(
    "kl", NB, "§2", KL_HINT,
    "The variance is the exponential of logvar, not of its half. The KL is never negative, and it is 0 when the mean "
    "is 0 and logvar is 0. Sum over the three axes after the batch axis: neither average them nor sum over the batch.")
progress.register(
    "Encoder", NB, "§3", ENCODER_HINT,
    "Keep one variable and pass it through the parts in the order of the diagram: the down blocks shrink the image, "
    "the mid block works at the smallest size, and the output layers are a GroupNorm, a SiLU and the conv that gives "
    "twice latent_channels: means and log-variances together. Splitting them is the VAE's job, not the encoder's.")
progress.register(
    "Decoder", NB, "§3", DECODER_HINT,
    "The decoder mirrors the encoder: its mid block comes right after conv_in, and the up blocks are already stored "
    "from the smallest size to the largest, so loop over them as they are. Return conv_out's output as it is: no "
    "clamping and no tanh; pictures are clamped only to be shown.")
progress.register(
    "VAE", NB, "§3", VAE_HINT,
    "The first latent_channels channels of the moments are the means, the rest the log-variances; split along the "
    "channel axis, not the batch axis. decode takes the latent as the sampler leaves it after dividing by the scaling "
    "factor, so neither method multiplies or divides by it.")


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
    with progress.unrecorded(), contextlib.redirect_stdout(io.StringIO()):
        result = compare_module_with_slips(cls, ref.ResnetBlock, cases, {"forward": RESNET_SLIPS}, name="ResnetBlock",
                                           hint=RESNET_HINT,
                                           names_hint="name the layers norm1, conv1, norm2, conv2 and, only when "
                                                      "in_channels differs from out_channels, conv_shortcut.")
    words = fit_diagnosis(result.message) if not result else None
    return verdict(result.passed, with_diagnosis(result.message, words) if words else result.message)


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


def _draws_its_own_noise(fn: Callable, mean: torch.Tensor, logvar: torch.Tensor, eps: torch.Tensor) -> bool:
    """Whether ``fn`` gives another z when only the global random state changes: it ignores eps and draws."""
    results = []
    for seed in (1, 2):
        with torch.random.fork_rng(devices=[]), contextlib.redirect_stdout(io.StringIO()):
            torch.manual_seed(seed)
            try:
                results.append(fn(mean.clone(), logvar.clone(), eps.clone()))
            except Exception:  # the verdict reports errors already
                return False
    return isinstance(results[0], torch.Tensor) and first_difference(results[0], results[1]) is not None


def check_vae_sample(fn: Callable) -> CheckResult:
    """``fn(mean, logvar, eps)`` = mean + std·eps, and gradients must reach mean and logvar."""
    inputs = [(m, lv, randn(*m.shape, seed=200 + i)) for i, (m, lv) in enumerate(_gaussian_inputs(5))]
    with progress.unrecorded(), contextlib.redirect_stdout(io.StringIO()):  # one verdict: values and gradients
        result = compare_with_slips(fn, _sample_reference, inputs, SAMPLE_SLIPS, name="sample", hint=SAMPLE_HINT)
    if not result:
        if "it looks like" not in result.message and callable(fn) and _draws_its_own_noise(fn, *inputs[0]):
            return verdict(False, with_diagnosis(result.message, "your sample gives another z on every call: it "
                                                 "draws its own noise. Use the eps it is given (the check gives yours "
                                                 "and ours the same eps), and draw nothing inside sample."))
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
    return compare_with_slips(fn, _kl_reference, _gaussian_inputs(5), KL_SLIPS, name="kl", rtol=1e-5, atol=1e-4,
                              hint=KL_HINT)


def _config_cases(make_calls: Callable[[VAEConfig, int], list]) -> list[Case]:
    return [Case((config,), make_calls(config, n), label=label) for n, (label, config) in enumerate(CONFIGS.items())]


def check_vae_encoder(cls: type) -> CheckResult:
    """``cls(config)`` against course.nets.vae.Encoder: image (B, 3, H, W) -> moments (B, 2·latent, H/f, W/f)."""
    cases = _config_cases(lambda c, n: [Call((_image(2, 3, 16, 16, seed=n),)),
                                        Call((_image(1, 3, 32, 24, seed=10 + n),))])
    return compare_module_with_slips(cls, ref.Encoder, cases, {"forward": ENCODER_SLIPS}, name="Encoder",
                                     hint=ENCODER_HINT)


def check_vae_decoder(cls: type) -> CheckResult:
    """``cls(config)`` against course.nets.vae.Decoder: latent (B, latent, h, w) -> image (B, 3, h·f, w·f)."""
    cases = _config_cases(lambda c, n: [Call((randn(2, c.latent_channels, 4, 4, seed=n),)),
                                        Call((randn(1, c.latent_channels, 8, 6, seed=10 + n),))])
    return compare_module_with_slips(cls, ref.Decoder, cases, {"forward": DECODER_SLIPS}, name="Decoder",
                                     hint=DECODER_HINT)


def _moments(vae: ref.VAE, image: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    mean, logvar = vae.quant_conv(vae.encoder(image)).chunk(2, dim=1)
    return mean, logvar  # not clamped: the clamp belongs to sample and kl


def check_vae(cls: type) -> CheckResult:
    """``cls(config)`` with ``encode(image) -> (mean, logvar)`` and ``decode(z) -> image``, against course.nets.vae.VAE."""
    cases = _config_cases(lambda c, n: [Call((_image(2, 3, 16, 16, seed=n),), method="encode"),
                                        Call((randn(2, c.latent_channels, 4, 4, seed=20 + n),), method="decode")])
    return compare_module_with_slips(cls, ref.VAE, cases, VAE_SLIPS, name="VAE", hint=VAE_HINT,
                                     reference_calls={"encode": _moments},
                                     learner_calls={"encode": lambda m, x: tuple(m.encode(x))})
