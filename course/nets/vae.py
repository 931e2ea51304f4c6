"""The autoencoder of Stable Diffusion: images (B, 3, H, W) in [-1, 1] <-> latents (B, 4, H/8, W/8).

Kingma & Welling 2014, "Auto-Encoding Variational Bayes": the encoder does not output a point but
a distribution q(z|x) = N(μ, σ²); a sample is z = μ + σ·ε with ε ~ N(0, I) (the reparameterisation
trick), and a KL term pulls q(z|x) towards N(0, I).
Rombach et al. 2022, "High-Resolution Image Synthesis with Latent Diffusion Models": the
KL-regularised autoencoder with downsampling factor f = 8, trained with a tiny KL weight (~1e-6)
next to perceptual and adversarial losses. Its latents keep the picture's layout, and the diffusion
model works on 4×64×64 numbers instead of 3×512×512: 48 times fewer.

    Encoder: conv_in -> down blocks (resnets, then a stride-2 conv, except the last block)
             -> mid block (resnet, self-attention, resnet) -> GroupNorm, SiLU, conv_out (2·latent channels)
    VAE:     quant_conv (1×1) -> DiagonalGaussian(mean, logvar) -> z -> post_quant_conv (1×1)
    Decoder: conv_in -> mid block -> up blocks (layers_per_block + 1 resnets, then nearest ×2 and a conv)
             -> GroupNorm, SiLU, conv_out (RGB)

Parameter names are diffusers' (``AutoencoderKL``), so its weights load with ``strict=True``.
"""
from __future__ import annotations

import warnings

import torch
import torch.nn.functional as F
from torch import nn

from course.config import VAEConfig
from course.nets.attention import Attention
from course.nets.unet_blocks import Downsample2D, Upsample2D

EPS = 1e-6  # every GroupNorm of the VAE uses eps 1e-6 (the UNet's use 1e-5)


class ResnetBlock(nn.Module):
    """x + conv2(SiLU(norm2(conv1(SiLU(norm1(x)))))): the UNet's residual block without the time embedding.

    When the width changes, a 1×1 ``conv_shortcut`` brings x to the new number of channels.
    """

    def __init__(self, in_channels: int, out_channels: int, groups: int):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, in_channels, eps=EPS)
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, padding=1)
        self.norm2 = nn.GroupNorm(groups, out_channels, eps=EPS)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1)
        self.conv_shortcut = nn.Conv2d(in_channels, out_channels, 1) if in_channels != out_channels else None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.conv1(F.silu(self.norm1(x)))
        h = self.conv2(F.silu(self.norm2(h)))
        skip = x if self.conv_shortcut is None else self.conv_shortcut(x)
        return skip + h


def resnets(in_channels: int, out_channels: int, layers: int, groups: int) -> nn.ModuleList:
    """``layers`` resnet blocks; the first one changes the width from in_channels to out_channels."""
    return nn.ModuleList(ResnetBlock(in_channels if i == 0 else out_channels, out_channels, groups)
                         for i in range(layers))


class DownBlock(nn.Module):
    """diffusers' DownEncoderBlock2D: ``layers`` resnets, then (if ``down``) halve H and W."""

    def __init__(self, in_channels: int, out_channels: int, layers: int, groups: int, down: bool):
        super().__init__()
        self.resnets = resnets(in_channels, out_channels, layers, groups)
        # padding=0: pad one row at the bottom and one column on the right only, then a stride-2 conv (not
        # padding 1 on every side, as in the UNet): the original latent-diffusion code did so, the weights expect it.
        self.downsamplers = nn.ModuleList([Downsample2D(out_channels, padding=0)] if down else [])  # none in the last

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for layer in [*self.resnets, *self.downsamplers]:
            x = layer(x)
        return x


class UpBlock(nn.Module):
    """diffusers' UpDecoderBlock2D: ``layers`` resnets, then (if ``up``) double H and W."""

    def __init__(self, in_channels: int, out_channels: int, layers: int, groups: int, up: bool):
        super().__init__()
        self.resnets = resnets(in_channels, out_channels, layers, groups)
        self.upsamplers = nn.ModuleList([Upsample2D(out_channels)] if up else [])  # nearest ×2, then a 3×3 conv

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for layer in [*self.resnets, *self.upsamplers]:
            x = layer(x)
        return x


class MidBlock(nn.Module):
    """resnet -> self-attention over all h·w pixels (one head as wide as the channels) -> resnet.

    At the smallest resolution attention is affordable, and it lets every pixel see the whole image.
    """

    def __init__(self, channels: int, groups: int, add_attention: bool = True):
        super().__init__()
        self.resnets = resnets(channels, channels, 2, groups)
        attn = Attention(channels, heads=1, dim_head=channels, bias=True, norm_groups=groups, eps=EPS, residual=True)
        self.attentions = nn.ModuleList([attn] if add_attention else [])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.resnets[0](x)
        for attn in self.attentions:
            x = attn(x)  # GroupNorm, attention over (B, h·w, C), + x
        return self.resnets[1](x)


class Encoder(nn.Module):
    """(B, in_channels, H, W) -> (B, 2·latent_channels, H/f, W/f): mean and log-variance, stacked on channels."""

    def __init__(self, config: VAEConfig):
        super().__init__()
        ch, groups, n = config.block_out_channels, config.norm_num_groups, len(config.block_out_channels)
        self.conv_in = nn.Conv2d(config.in_channels, ch[0], 3, padding=1)
        self.down_blocks = nn.ModuleList(DownBlock(ch[max(i - 1, 0)], ch[i], config.layers_per_block, groups,
                                                   down=i < n - 1) for i in range(n))
        self.mid_block = MidBlock(ch[-1], groups, config.mid_block_add_attention)
        self.conv_norm_out = nn.GroupNorm(groups, ch[-1], eps=EPS)
        self.conv_act = nn.SiLU()
        self.conv_out = nn.Conv2d(ch[-1], 2 * config.latent_channels, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.conv_in(x)
        for block in self.down_blocks:
            x = block(x)
        x = self.mid_block(x)
        return self.conv_out(self.conv_act(self.conv_norm_out(x)))


class Decoder(nn.Module):
    """(B, latent_channels, h, w) -> (B, out_channels, h·f, w·f): the encoder's path in reverse."""

    def __init__(self, config: VAEConfig):
        super().__init__()
        ch, groups, n = config.block_out_channels[::-1], config.norm_num_groups, len(config.block_out_channels)
        self.conv_in = nn.Conv2d(config.latent_channels, ch[0], 3, padding=1)
        self.mid_block = MidBlock(ch[0], groups, config.mid_block_add_attention)
        self.up_blocks = nn.ModuleList(UpBlock(ch[max(i - 1, 0)], ch[i], config.layers_per_block + 1, groups,
                                               up=i < n - 1) for i in range(n))
        self.conv_norm_out = nn.GroupNorm(groups, ch[-1], eps=EPS)
        self.conv_act = nn.SiLU()
        self.conv_out = nn.Conv2d(ch[-1], config.out_channels, 3, padding=1)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        x = self.mid_block(self.conv_in(z))
        for block in self.up_blocks:
            x = block(x)
        return self.conv_out(self.conv_act(self.conv_norm_out(x)))


class DiagonalGaussian:
    """q(z|x) = N(mean, diag(var)): one independent Gaussian per latent channel and pixel.

    ``moments`` (B, 2C, h, w) is the encoder's output: the first C channels are the mean, the
    last C the log-variance (a log, so the network can output any real number and var stays > 0).
    """

    def __init__(self, moments: torch.Tensor):
        self.mean, logvar = moments.chunk(2, dim=1)  # each (B, C, h, w)
        self.logvar = logvar.clamp(-30.0, 20.0)  # keeps exp() finite and σ > 0, as diffusers and LDM do
        self.std = torch.exp(0.5 * self.logvar)
        self.var = torch.exp(self.logvar)

    def sample(self, generator: torch.Generator | None = None) -> torch.Tensor:
        """z = μ + σ·ε with ε ~ N(0, I): the reparameterisation trick.

        Sampling z ~ N(μ, σ²) directly has no gradient with respect to μ and σ. Drawing the
        randomness ε apart, from a distribution with no parameters, makes z a plain differentiable
        function of μ and σ, so the encoder can be trained by backpropagation through the sample.
        ε is drawn with ``generator`` on the generator's device (then moved), like diffusers, so
        the same seed gives the same z as ``DiagonalGaussianDistribution.sample(generator)``.
        """
        if generator is not None and not isinstance(generator, torch.Generator):
            raise ValueError(f"generator must be a torch.Generator or None, got {type(generator).__name__}; "
                             "make one with torch.Generator().manual_seed(seed).")
        device = generator.device if generator is not None else self.mean.device
        eps = torch.randn(self.mean.shape, generator=generator, device=device, dtype=self.mean.dtype)
        return self.mean + self.std * eps.to(self.mean.device)

    def mode(self) -> torch.Tensor:
        """The most likely z: the mean (what SD uses when it needs a latent with no noise)."""
        return self.mean

    def kl(self) -> torch.Tensor:
        """KL(N(μ, σ²) || N(0, I)) = ½ Σ (μ² + σ² − 1 − log σ²), summed over C, h, w: shape (B,)."""
        return 0.5 * (self.mean.pow(2) + self.var - 1.0 - self.logvar).sum(dim=[1, 2, 3])


class VAE(nn.Module):
    """diffusers' AutoencoderKL: ``encode`` an image to a DiagonalGaussian, ``decode`` a latent to an image.

    The diffusion model does not see ``encode(x).sample()`` itself but that times ``scaling_factor``:
    use ``to_latent`` and ``from_latent``, which apply it in both directions.
    """

    def __init__(self, config: VAEConfig):
        super().__init__()
        self.config = config
        self.encoder = Encoder(config)
        self.decoder = Decoder(config)
        moments, latent = 2 * config.latent_channels, config.latent_channels
        self.quant_conv = nn.Conv2d(moments, moments, 1) if config.use_quant_conv else None
        self.post_quant_conv = nn.Conv2d(latent, latent, 1) if config.use_post_quant_conv else None

    @property
    def downscale(self) -> int:
        """f: each block after the first halves H and W, so f = 2^(blocks - 1) (8 for SD)."""
        return 2 ** (len(self.config.block_out_channels) - 1)

    @property
    def scaling_factor(self) -> float:
        """0.18215 for SD 1.x: 1 / (standard deviation of the VAE's latents), measured on training images.

        The KL weight was so small that the latents' std is about 5.5, not 1. The noise schedules
        assume data of unit variance (at σ = 1 the signal-to-noise ratio is 1), so the latents are
        multiplied by this before diffusion and divided by it before decoding.
        """
        return self.config.scaling_factor

    def encode(self, image: torch.Tensor) -> DiagonalGaussian:
        """(B, 3, H, W) in [-1, 1], H and W multiples of f -> q(z|x) over (B, 4, H/f, W/f)."""
        _check_tensor(image, "image", self.config.in_channels, "(B, C, H, W)")
        self._check_image(image)
        moments = self.encoder(image)
        if self.quant_conv is not None:
            moments = self.quant_conv(moments)
        return DiagonalGaussian(moments)

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """(B, 4, h, w) unscaled latent -> (B, 3, h·f, w·f) image, roughly in [-1, 1] (clamp it to show it)."""
        _check_tensor(z, "latent z", self.config.latent_channels, "(B, C, h, w)")
        if self.post_quant_conv is not None:
            z = self.post_quant_conv(z)
        return self.decoder(z)

    @property
    def shift_factor(self) -> float:
        """0 for SD 1.x and SDXL; SD3's VAE (16 channels) subtracts its latents' mean, 0.0609, before scaling."""
        return self.config.shift_factor or 0.0

    def to_latent(self, image: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
        """Image -> the latent the denoiser works on: a sample of q(z|x), shifted (SD3), times the scaling factor."""
        z = self.encode(image).sample(generator)
        return (z - self.shift_factor) * self.scaling_factor if self.config.shift_factor else z * self.scaling_factor

    def from_latent(self, latent: torch.Tensor) -> torch.Tensor:
        """The denoiser's latent -> image: undo the scaling factor (and SD3's shift), then decode."""
        z = latent / self.scaling_factor
        return self.decode(z + self.shift_factor if self.config.shift_factor else z)

    def forward(self, image: torch.Tensor, sample_posterior: bool = False,
                generator: torch.Generator | None = None) -> torch.Tensor:
        """Reconstruction: encode, take the mean (or a sample), decode, as diffusers' forward."""
        posterior = self.encode(image)
        return self.decode(posterior.sample(generator) if sample_posterior else posterior.mode())

    def _check_image(self, image: torch.Tensor) -> None:
        f = self.downscale
        for name, size in (("height", image.shape[-2]), ("width", image.shape[-1])):
            if size % f:
                near = [s for s in (size // f * f, (size // f + 1) * f) if s > 0]
                raise ValueError(f"image {name} {size} is not a multiple of {f} (2^(number of down blocks - 1)), "
                                 f"so the decoder could not give the size back. Resize or crop it to "
                                 f"{' or '.join(map(str, near))}.")
        lo, hi = image.min().item(), image.max().item()
        if lo >= 0 and hi > 0:  # a hint, not an error: a bright image in [-1, 1] has no negative values either
            # (all zeros is mid-grey, or the masked picture inpainting encodes: no hint)
            looks, fix = ("[0, 255]", "image / 127.5 - 1") if hi > 1.5 else ("[0, 1]", "image * 2 - 1")
            warnings.warn(f"image values lie in [{lo:.3g}, {hi:.3g}]: this looks like {looks}, but the VAE expects "
                          f"[-1, 1]. Use {fix} (ignore this if the image really is all bright).", stacklevel=3)


def _check_tensor(x, name: str, channels: int, layout: str) -> None:
    if not isinstance(x, torch.Tensor):
        raise ValueError(f"{name} must be a torch.Tensor {layout}, got {type(x).__name__}.")
    if x.ndim != 4:
        fix = " Add the batch dimension with x[None]." if x.ndim == 3 else ""
        raise ValueError(f"{name} must have 4 dimensions {layout}, got shape {tuple(x.shape)}.{fix}")
    if x.shape[1] != channels:
        raise ValueError(f"{name} has {x.shape[1]} channels (shape {tuple(x.shape)}), but this VAE takes {channels}"
                         f" (channels come first: {layout}; permute(0, 3, 1, 2) turns (B, H, W, C) into that).")
    if not x.is_floating_point():
        raise ValueError(f"{name} has dtype {x.dtype}; the VAE takes floats: for uint8 pixels use "
                         "x.float() / 127.5 - 1.")
