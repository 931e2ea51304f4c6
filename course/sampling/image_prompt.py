"""IP-Adapter at sampling time: a picture as a prompt, its embedding lined up with the rows of the guidance batch.

Ye et al. 2023, "IP-Adapter: Text Compatible Image Prompt Adapter for Text-to-Image Diffusion Models". The adapter
itself is ``course.nets.ip_adapter``; this module turns a pipeline call's ``ip_adapter_image=`` (pictures, through
``parts.image_encoder``), ``ip_adapter_image_embeds=`` and ``ip_adapter_scale=`` into the ``image_embeds`` the UNet
takes at each step, with the semantics of diffusers' StableDiffusionPipeline for the plain IP-Adapter:

    guidance batch      [ uncond rows (B)   |  cond rows (B·J) ]
    image_embeds        [ zeros             |  image b's embedding, for each of its J AND parts ]

- The unconditional rows get zeros, "no picture", as diffusers' ``encode_image`` makes the negative half: guidance
  then pulls toward the picture as it pulls toward the prompt. With ``guidance_scale`` 1 there are no
  unconditional rows (diffusers: ``do_classifier_free_guidance`` False), and only the picture goes in.
- Each of ``num_images_per_prompt`` images gets its prompt's picture; one picture serves every prompt (diffusers
  repeats it for prompts × num_images_per_prompt images), or, the course's addition, there is one per prompt.
- AND composition (course.sampling.conditioning; diffusers has none): every part of a prompt gets the prompt's
  picture. The picture belongs to the whole prompt, so "a cat AND a hat" with a picture of a red object pulls each
  part toward red, and a part of weight w pulls w times as hard, its picture with it.

Not as diffusers: ``ip_adapter_image_embeds`` is the conditional embedding alone, (1 or P, D) or (1 or P, k, D) for
k pictures read together; diffusers takes a list (one per adapter) of tensors that also hold the negative half,
``[torch.cat([negative, positive])]`` under guidance. ``ip_adapter_scale`` acts for the one call (diffusers'
``set_ip_adapter_scale`` stays set). Without a picture an attached adapter adds nothing (diffusers refuses to run).
Embeddings to pass: ``parts.image_encoder(clip_pixels(pictures, parts.image_encoder.config.image_size))``, (k, D)
for k pictures (course.io.clip_images). A tensor ``ip_adapter_image`` is a picture in [0, 1], preprocessed as a PIL
image is (diffusers takes a tensor as pixels already preprocessed for the encoder). The ControlNets read the text
alone, as in diffusers.
"""
from __future__ import annotations

import torch

from course.io.clip_images import clip_pixels, picture_count
from course.nets.ip_adapter import check_scale

__all__ = ["ImagePrompt", "image_prompt"]


def image_prompt(parts, prompt, image=None, embeds=None, scale=None) -> "ImagePrompt | None":
    """The call's image prompt, checked before any work; None when the call has no picture."""
    if image is None and embeds is None:
        if scale is not None:
            raise ValueError(f"ip_adapter_scale={scale!r} was given without a picture: the scale weighs the picture "
                             "prompt, so pass ip_adapter_image= (or ip_adapter_image_embeds=) too, or leave it out.")
        return None
    return ImagePrompt(parts, prompt, image, embeds, scale)


class ImagePrompt:
    """The checked ``ip_adapter_image`` / ``ip_adapter_image_embeds`` / ``ip_adapter_scale`` of one call.

    ``bind(cond, like)`` makes one embedding per image of the batch; ``rows(n)`` the UNet's ``image_embeds`` for a
    batch of n rows. Used as a context manager, it sets the adapter's scale for the call and puts the old one back.
    """

    def __init__(self, parts, prompt, image=None, embeds=None, scale=None):
        if image is not None and embeds is not None:
            raise ValueError("both ip_adapter_image and ip_adapter_image_embeds were given: pass the picture(s) to "
                             "be encoded, or embeddings made before, not both.")
        self.adapter = getattr(parts.unet, "ip_adapter", None)
        if self.adapter is None:
            raise ValueError("an image prompt was given, but parts.unet has no IP-Adapter loaded: "
                             "load_ip_adapter(parts.unet, path) first (course.io.ip_adapter_files).")
        self.scale = None if scale is None else check_scale(scale)
        prompts = len(prompt) if isinstance(prompt, (list, tuple)) else 1  # a bad prompt is refused by check_call
        width = self.adapter.image_embed_dim
        if embeds is not None:
            self.embeds, self.pixels = _checked_embeds(embeds, width), None
            count, what = self.embeds.shape[0], "rows of ip_adapter_image_embeds"
        else:
            encoder = getattr(parts, "image_encoder", None)
            if encoder is None:
                raise ValueError("ip_adapter_image needs an image encoder, and parts.image_encoder is None: set "
                                 "parts.image_encoder = load_image_encoder(folder) (course.io.ip_adapter_files; "
                                 "IP-Adapter's models/image_encoder), or pass ip_adapter_image_embeds instead.")
            cfg = encoder.config
            if cfg.projection_dim != width:
                raise ValueError(f"parts.image_encoder gives {cfg.projection_dim}-wide image embeddings, but the "
                                 f"IP-Adapter reads {width}-wide ones: use the image encoder the adapter was trained "
                                 "with (ip-adapter_sd15: OpenCLIP ViT-H/14, 1024 wide).")
            count, what = picture_count(image), "pictures in ip_adapter_image"
            if count is None:
                raise ValueError(f"ip_adapter_image is a {type(image).__name__}: pass a PIL image, a tensor (3, H, W) "
                                 "or (B, 3, H, W) in [0, 1], or a list of PIL images (one per prompt).")
            self.encoder, self.embeds = encoder, None
            self.pixels = clip_pixels(image, cfg.image_size, name="ip_adapter_image")  # (b, 3, S, S)
        if count not in (1, prompts):
            raise ValueError(f"{count} {what} for {prompts} prompt{'s' * (prompts != 1)}: pass one picture for all "
                             "prompts, or one per prompt (several pictures for one prompt: their embeddings, "
                             "(P, k, D), as ip_adapter_image_embeds).")

    def bind(self, cond, like: torch.Tensor) -> "ImagePrompt":
        """Encode the pictures (if given as pictures) and give each of the batch's B images its embedding."""
        if self.embeds is None:
            p = next(self.encoder.parameters())
            out = self.encoder(self.pixels.to(p.device, p.dtype))
            self.embeds = getattr(out, "image_embeds", out)  # (b, D); transformers' model returns an output object
        embeds = cond.per_image(self.embeds, "image prompt")  # (B, D) or (B, k, D)
        self.batch, self.image = cond.batch, embeds.to(like.device, like.dtype)
        self._rows = {}
        return self

    def rows(self, n: int) -> torch.Tensor:
        """``image_embeds`` for the UNet's n rows: the B cond rows alone, or [B uncond, B·J cond] under guidance."""
        if n not in self._rows:
            if n == self.batch:
                self._rows[n] = self.image
            else:
                J = n // self.batch - 1  # AND parts per image
                cond = self.image.repeat_interleave(J, dim=0)  # (B·J, ...): image b's J parts
                self._rows[n] = torch.cat([torch.zeros_like(self.image), cond])  # zeros: "no picture"
        return self._rows[n]

    def __enter__(self) -> "ImagePrompt":
        self.before = self.adapter.scale
        if self.scale is not None:
            self.adapter.scale = self.scale
        return self

    def __exit__(self, *exc) -> None:
        if self.scale is not None:  # untouched otherwise: scales set layer by layer stay as they were
            self.adapter.scale = self.before


def _checked_embeds(embeds, width: int) -> torch.Tensor:
    if isinstance(embeds, (list, tuple)):
        raise ValueError("ip_adapter_image_embeds is a list: pass one tensor, the conditional embeddings alone, (1, "
                         f"{width}) or one row per prompt (P, {width}), or (P, k, {width}) for k pictures each. From "
                         "diffusers' form [torch.cat([negative, positive])] pass its second half; the unconditional "
                         "rows get zeros.")
    if not isinstance(embeds, torch.Tensor) or not embeds.is_floating_point() or embeds.ndim not in (2, 3) \
            or 0 in embeds.shape or embeds.shape[-1] != width:
        got = f"{tuple(embeds.shape)} {embeds.dtype}" if isinstance(embeds, torch.Tensor) else type(embeds).__name__
        raise ValueError(f"ip_adapter_image_embeds is {got}; the IP-Adapter reads {width}-wide image embeddings: pass "
                         f"a float tensor (1, {width}) for every prompt, (P, {width}) one per prompt, or (P, k, "
                         f"{width}) for k pictures each (the image encoder's image_embeds).")
    if not bool(torch.isfinite(embeds).all()):
        raise ValueError("ip_adapter_image_embeds hold NaN or inf: make them again with the image encoder.")
    return embeds
