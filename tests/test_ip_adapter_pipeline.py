"""IP-Adapter through the pipeline: text_to_image (and image_to_image, inpaint) with a picture prompt against diffusers'
StableDiffusionPipeline with the same adapter and ip_adapter_image_embeds / ip_adapter_image, on tiny parts; CLIP's
image preprocessing against transformers' CLIPImageProcessor; the refusals."""
from __future__ import annotations

import copy
import dataclasses
import warnings

import diffusers
import numpy as np
import pytest
import torch
from diffusers import (
    PNDMScheduler,
    StableDiffusionImg2ImgPipeline,
    StableDiffusionInpaintPipeline,
    StableDiffusionPipeline,
)
from PIL import Image
from reference_parts import SD15_SCHEDULER, nested_ip_adapter, random_ip_adapter, tiny_pipeline
from refusals import refused
from transformers import CLIPImageProcessor, CLIPVisionConfig, CLIPVisionModelWithProjection

from course.io.clip_images import clip_pixels
from course.io.ip_adapter_files import load_ip_adapter
from course.io.loading import from_reference
from course.nets.image_encoder import ImageEncoder, ImageEncoderConfig
from course.pipeline import image_to_image, inpaint, text_to_image
from course.sampling.samplers import SAMPLERS

PROMPT, NEGATIVE = "a photo of a red cat", "blurry, low quality"
VISION = dataclasses.replace(ImageEncoderConfig.tiny(), projection_dim=20)  # image_embeds 20 wide, 30 px pictures
D, N = VISION.projection_dim, 4  # the plain IP-Adapter: 4 image tokens


def bound(reference: torch.Tensor) -> float:
    """1e-5 relative to the latents' size, as tests/test_pipeline.py (a random tiny UNet's latents are 25 to 70)."""
    return 1e-5 * max(1.0, float(reference.abs().max()))


def max_diff(a, b) -> float:
    a, b = (torch.as_tensor(np.asarray(v, dtype=np.float64)) for v in (a, b))
    assert a.shape == b.shape, (a.shape, b.shape)
    return float((a - b).abs().max())


def adapter_state(unet, width: int = 32, seed: int = 3) -> dict[str, torch.Tensor]:
    """A random plain IP-Adapter for diffusers' ``unet``, in the original flat layout."""
    return random_ip_adapter(unet, width, D, N, spread=0.5, seed=seed)


def vision_model() -> CLIPVisionModelWithProjection:
    torch.manual_seed(4)
    model = CLIPVisionModelWithProjection(CLIPVisionConfig(**dataclasses.asdict(VISION)))
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.05 * torch.randn_like(p))
    return model.eval()


def diffusers_with_adapter(base, flat, cls=StableDiffusionPipeline):
    """diffusers' pipeline ``cls`` of base's networks (its own copy of the UNet, the adapter loaded into it), the
    tiny image encoder and a CLIPImageProcessor for its 30 px pictures."""
    unet = copy.deepcopy(base.unet)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        unet._load_ip_adapter_weights([nested_ip_adapter(flat)])
        processor = CLIPImageProcessor(size={"shortest_edge": VISION.image_size},
                                       crop_size={"height": VISION.image_size, "width": VISION.image_size})
        pipe = cls(vae=base.vae, text_encoder=base.text_encoder, tokenizer=base.tokenizer, unet=unet,
                   scheduler=base.scheduler, safety_checker=None, feature_extractor=processor,
                   image_encoder=vision_model(), requires_safety_checker=False)
    pipe.set_progress_bar_config(disable=True)
    return pipe


@pytest.fixture(scope="module")
def both():
    """(diffusers' pipeline with the adapter, our parts with the same adapter, its IPAdapter, the flat file)."""
    base = tiny_pipeline()
    flat = adapter_state(base.unet)
    parts = from_reference(base)
    parts.image_encoder = from_reference(vision_model())
    adapter = load_ip_adapter(parts.unet, flat)
    return diffusers_with_adapter(base, flat), parts, adapter, flat


def embeds(rows: int = 1, k: int | None = None, seed: int = 7) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(rows, D, generator=g) if k is None else torch.randn(rows, k, D, generator=g)


def reference_picture(seed: int = 0, size=(45, 37)) -> Image.Image:
    """An odd-sized picture (wider than tall): resized and centre-cropped to 30 px on both sides."""
    return Image.fromarray(np.random.default_rng(seed).integers(0, 256, (size[1], size[0], 3), dtype=np.uint8))


def scheduler(pipe, key):
    info = SAMPLERS[key]
    pipe.scheduler = getattr(diffusers, info.diffusers).from_config(PNDMScheduler.from_config(SD15_SCHEDULER).config,
                                                                    **info.diffusers_options)
    return pipe


def theirs(pipe, key, output_type, scale, prompt=PROMPT, seed=0, size=True, **kw):
    """diffusers' pipeline at IP-Adapter scale ``scale``; ``size=False`` for img2img, which takes no height/width."""
    pipe.set_ip_adapter_scale(scale)
    kw = {"num_inference_steps": 5, "guidance_scale": 7.5, "negative_prompt": NEGATIVE,
          **({"height": 32, "width": 32} if size else {}), **kw}
    with torch.no_grad():
        return scheduler(pipe, key)(prompt, generator=torch.Generator().manual_seed(seed), output_type=output_type,
                                    **kw).images


def ours(parts, key, output_type, prompt=PROMPT, seed=0, **kw):
    kw = {"steps": 5, "guidance_scale": 7.5, "height": 32, "width": 32, "negative_prompt": NEGATIVE, **kw}
    return text_to_image(parts, prompt, sampler=key, seed=seed, output_type=output_type, progress=False, **kw)


def with_zeros(e: torch.Tensor) -> list[torch.Tensor]:
    """diffusers' ip_adapter_image_embeds under guidance: per adapter, [negative half (zeros), positive half]."""
    e = e if e.ndim == 3 else e[:, None]  # (B, 1, D): one picture per row
    return [torch.cat([torch.zeros_like(e), e])]


# ---- parity with diffusers ----

@pytest.mark.parametrize("key", ["euler", "dpmpp_2m"])
def test_embeds_match_diffusers(both, key):
    pipe, parts, adapter, _ = both
    e = embeds()
    a = ours(parts, key, "latent", ip_adapter_image_embeds=e, ip_adapter_scale=0.5)
    b = theirs(pipe, key, "latent", 0.5, ip_adapter_image_embeds=with_zeros(e))
    assert max_diff(a, b) <= bound(b)
    assert max_diff(a, ours(parts, key, "latent")) > 1e-2  # the picture did change the result
    a = ours(parts, key, "pt", ip_adapter_image_embeds=e, ip_adapter_scale=0.5)
    b = theirs(pipe, key, "pt", 0.5, ip_adapter_image_embeds=with_zeros(e))
    assert max_diff(a, b) <= 1 / 255
    assert adapter.scale == 1.0  # ip_adapter_scale acts for the call only


def test_picture_through_the_image_encoder_matches_diffusers(both):
    """ip_adapter_image: our CLIP preprocessing and image tower against diffusers' feature_extractor and
    image_encoder (transformers' CLIPImageProcessor and CLIPVisionModelWithProjection)."""
    pipe, parts, _, _ = both
    picture = reference_picture()
    a = ours(parts, "euler", "latent", ip_adapter_image=picture, ip_adapter_scale=0.5)
    b = theirs(pipe, "euler", "latent", 0.5, ip_adapter_image=picture)
    assert max_diff(a, b) <= bound(b)
    a = ours(parts, "euler", "pt", ip_adapter_image=picture, ip_adapter_scale=0.5)
    assert max_diff(a, theirs(pipe, "euler", "pt", 0.5, ip_adapter_image=picture)) <= 1 / 255
    # a tensor in [0, 1] is read as the 8-bit picture it stands for
    tensor = torch.from_numpy(np.array(picture)).permute(2, 0, 1).float() / 255
    assert torch.equal(ours(parts, "euler", "pt", ip_adapter_image=tensor, ip_adapter_scale=0.5), a)


def test_images_per_prompt_and_guidance_one_match_diffusers(both):
    pipe, parts, _, _ = both
    e = embeds()
    a = ours(parts, "euler", "latent", ip_adapter_image_embeds=e, num_images_per_prompt=2)
    b = theirs(pipe, "euler", "latent", 1.0, ip_adapter_image_embeds=with_zeros(e), num_images_per_prompt=2)
    assert a.shape == (2, 4, 16, 16) and max_diff(a, b) <= bound(b)
    # guidance_scale 1: no unconditional rows, and diffusers takes the embeddings without a negative half
    a = ours(parts, "euler", "latent", ip_adapter_image_embeds=e, guidance_scale=1.0)
    b = theirs(pipe, "euler", "latent", 1.0, ip_adapter_image_embeds=[e[:, None]], guidance_scale=1.0)
    assert max_diff(a, b) <= bound(b)


def test_one_picture_for_two_prompts_matches_diffusers(both):
    """diffusers repeats the picture for every image of the batch (prompts × num_images_per_prompt)."""
    pipe, parts, _, _ = both
    prompts, e = [PROMPT, "an oil painting of a house"], embeds()
    a = ours(parts, "euler", "latent", prompt=prompts, ip_adapter_image_embeds=e, num_images_per_prompt=2,
             negative_prompt=["", NEGATIVE])
    b = theirs(pipe, "euler", "latent", 1.0, prompt=prompts, negative_prompt=["", NEGATIVE],
               ip_adapter_image_embeds=with_zeros(e), num_images_per_prompt=2)
    assert a.shape == (4, 4, 16, 16) and max_diff(a, b) <= bound(b)


def unet_rows(parts, **kw) -> list[torch.Tensor]:
    """The image_embeds our UNet is given at each call of a 2-step run."""
    seen = []
    hook = parts.unet.register_forward_pre_hook(lambda m, args, kwargs: seen.append(kwargs["image_embeds"]),
                                                with_kwargs=True)
    try:
        ours(parts, "euler", "latent", steps=2, **kw)
    finally:
        hook.remove()
    assert len(seen) == 2 and torch.equal(seen[0], seen[1])
    return seen[0]


def test_the_rows_the_unet_sees(both):
    """Zeros for the unconditional rows, each image's picture for its conditional rows: one per prompt (diffusers has
    no such form), repeated for num_images_per_prompt and for every AND part; no zeros at guidance_scale 1."""
    _, parts, _, _ = both
    e, zero = embeds(2), torch.zeros(D)
    rows = unet_rows(parts, prompt=[PROMPT, "a house"], ip_adapter_image_embeds=e, num_images_per_prompt=2)
    assert torch.equal(rows, torch.stack([zero, zero, zero, zero, e[0], e[0], e[1], e[1]]))
    rows = unet_rows(parts, prompt=["a cat AND a hat", "a house"], ip_adapter_image_embeds=e)  # J = 2 parts
    assert torch.equal(rows, torch.stack([zero, zero, e[0], e[0], e[1], e[1]]))
    rows = unet_rows(parts, prompt=[PROMPT, "a house"], ip_adapter_image_embeds=e, guidance_scale=1.0)
    assert torch.equal(rows, e)
    k = embeds(1, k=3)  # three pictures read together: (B, 3, D) rows
    assert torch.equal(unet_rows(parts, ip_adapter_image_embeds=k), torch.cat([torch.zeros_like(k), k]))


def test_and_parts_share_the_picture(both):
    """"X AND X" with weights 0.5 each pulls as "X" does, picture included (it would not if a part went without)."""
    _, parts, _, _ = both
    e = embeds()
    a = ours(parts, "euler", "latent", prompt=f"{PROMPT} :0.5 AND {PROMPT} :0.5", ip_adapter_image_embeds=e)
    b = ours(parts, "euler", "latent", ip_adapter_image_embeds=e)
    assert max_diff(a, b) <= bound(b)


def test_several_pictures_for_one_prompt_match_diffusers(both):
    pipe, parts, _, _ = both
    e = embeds(1, k=2)  # (1, 2, D): 2·N image tokens side by side
    a = ours(parts, "dpmpp_2m", "latent", ip_adapter_image_embeds=e)
    b = theirs(pipe, "dpmpp_2m", "latent", 1.0, ip_adapter_image_embeds=with_zeros(e))
    assert max_diff(a, b) <= bound(b)


@pytest.mark.parametrize("cls,fn", [(StableDiffusionImg2ImgPipeline, image_to_image),
                                    (StableDiffusionInpaintPipeline, inpaint)], ids=["img2img", "inpaint"])
def test_img2img_and_inpaint_match_diffusers(both, cls, fn):
    pipe, parts, _, _ = both
    other = cls(**pipe.components)
    other.set_progress_bar_config(disable=True)
    start = Image.fromarray(np.random.default_rng(1).integers(0, 256, (32, 32, 3), dtype=np.uint8))
    hole = np.zeros((32, 32), np.uint8)
    hole[:, 16:] = 255  # repaint the right half
    pictures = {"image": start} if fn is image_to_image else {"image": start, "mask": Image.fromarray(hole)}
    e = embeds()
    a = fn(parts, PROMPT, *pictures.values(), negative_prompt=NEGATIVE, steps=5, sampler="euler", seed=0,
           strength=0.6, output_type="latent", progress=False, ip_adapter_image_embeds=e, ip_adapter_scale=0.5)
    size = {} if fn is image_to_image else {"mask_image": pictures["mask"], "height": 32, "width": 32}
    b = theirs(other, "euler", "latent", 0.5, image=start, strength=0.6, ip_adapter_image_embeds=with_zeros(e),
               size=False, **size)
    assert max_diff(a, b) <= bound(b)


# ---- the scale ----

def test_scale_zero_is_no_adapter_bit_for_bit(both):
    _, parts, adapter, _ = both
    e = embeds()
    zero = ours(parts, "dpmpp_2m", "latent", ip_adapter_image_embeds=e, ip_adapter_scale=0.0)
    assert torch.equal(ours(parts, "dpmpp_2m", "latent"), zero)  # attached, no picture
    adapter.remove()
    try:
        assert torch.equal(ours(parts, "dpmpp_2m", "latent"), zero)  # no adapter at all
    finally:
        adapter.attach()


def test_scale_is_for_the_call_only(both):
    _, parts, adapter, _ = both
    e = embeds()
    by_call = ours(parts, "euler", "latent", ip_adapter_image_embeds=e, ip_adapter_scale=0.5)
    assert adapter.scale == 1.0
    adapter.scale = 0.5
    try:
        assert torch.equal(ours(parts, "euler", "latent", ip_adapter_image_embeds=e), by_call)
        assert not torch.equal(ours(parts, "euler", "latent", ip_adapter_image_embeds=e, ip_adapter_scale=1.0),
                               by_call)
        assert adapter.scale == 0.5

        def stop(d):
            raise KeyboardInterrupt  # a run stopped halfway leaves the adapter's own scale too

        with pytest.raises(KeyboardInterrupt):
            ours(parts, "euler", "latent", ip_adapter_image_embeds=e, ip_adapter_scale=2.0, callback=stop)
        assert adapter.scale == 0.5
    finally:
        adapter.scale = 1.0



def test_scales_set_layer_by_layer_survive_a_call_without_ip_adapter_scale(both):
    """Notebook 09's exercise sets one layer's scale at a time; a call that names no scale must not reset them."""
    _, parts, adapter, _ = both
    e = embeds()
    first = next(iter(adapter.ip_adapter))
    try:
        adapter.ip_adapter[first].scale = 0.0
        one_off = ours(parts, "euler", "latent", ip_adapter_image_embeds=e)
        assert adapter.ip_adapter[first].scale == 0.0  # still off after the call
        assert torch.equal(ours(parts, "euler", "latent", ip_adapter_image_embeds=e), one_off)
        assert not torch.equal(ours(parts, "euler", "latent", ip_adapter_image_embeds=e, ip_adapter_scale=1.0),
                               one_off)  # a call's scale sets every layer ...
        assert adapter.ip_adapter[first].scale == 1.0  # ... and puts back the adapter's own, every layer's
    finally:
        adapter.scale = 1.0


# ---- CLIP's preprocessing, the image encoder in Parts ----

@pytest.mark.parametrize("size,mode,side", [((45, 37), "RGB", 30), ((23, 61), "RGB", 30), ((300, 199), "RGB", 224),
                                            ((30, 30), "L", 30), ((17, 64), "RGBA", 30), ((101, 33), "P", 16)])
def test_clip_preprocessing_is_transformers(size, mode, side):
    """The same pixels as CLIPImageProcessor (PIL bicubic resize of the short side, centre crop, /255, mean/std) on
    odd sizes, both orientations, grey, palette and transparent pictures."""
    rng = np.random.default_rng(sum(size))
    picture = Image.fromarray(rng.integers(0, 256, (size[1], size[0], 4 if mode == "RGBA" else 3), dtype=np.uint8))
    picture = picture.convert(mode)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # transformers without torchvision says it uses its PIL processor
        processor = CLIPImageProcessor(size={"shortest_edge": side}, crop_size={"height": side, "width": side})
        want = processor(picture, return_tensors="pt").pixel_values
    got = clip_pixels(picture, side)
    assert got.shape == (1, 3, side, side) and got.dtype == torch.float32
    assert torch.equal(got, want)


def test_clip_preprocessing_of_a_list_and_a_tensor():
    pictures = [reference_picture(1, (40, 31)), reference_picture(2, (31, 52))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = CLIPImageProcessor(size={"shortest_edge": 30}, crop_size={"height": 30, "width": 30})(
            pictures, return_tensors="pt").pixel_values
    assert torch.equal(clip_pixels(pictures, 30), want)
    tensor = torch.from_numpy(np.array(pictures[0])).permute(2, 0, 1)[None].float() / 255  # (1, 3, H, W) in [0, 1]
    assert torch.equal(clip_pixels(tensor, 30), want[:1])


def test_from_reference_reads_the_image_encoder():
    vision = vision_model()
    ours_encoder = from_reference(vision)
    assert isinstance(ours_encoder, ImageEncoder) and ours_encoder.config == VISION
    x = torch.randn(2, 3, 30, 30, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        assert max_diff(ours_encoder(x), vision(x).image_embeds) <= 1e-5
    base = tiny_pipeline()
    assert from_reference(base).image_encoder is None
    base.register_modules(image_encoder=vision)
    assert isinstance(from_reference(base).image_encoder, ImageEncoder)


def test_parts_to_moves_the_image_encoder_and_the_adapter():
    base = tiny_pipeline()
    parts = from_reference(base)
    parts.image_encoder = from_reference(vision_model())
    adapter = load_ip_adapter(parts.unet, adapter_state(base.unet))
    parts.to(dtype=torch.bfloat16)
    assert {next(m.parameters()).dtype for m in (parts.image_encoder, adapter)} == {torch.bfloat16}
    out = ours(parts, "euler", "pt", ip_adapter_image=reference_picture(), steps=2)
    assert out.shape == (1, 3, 32, 32) and bool(torch.isfinite(out).all())


# ---- refusals ----

def test_bad_image_prompts_are_refused(both):
    _, parts, adapter, _ = both
    e, picture = embeds(), reference_picture()
    no_encoder = dataclasses.replace(parts, image_encoder=None)
    narrow = dataclasses.replace(parts, image_encoder=ImageEncoder(dataclasses.replace(VISION, projection_dim=16)))
    cases = [
        (lambda: ours(no_encoder, "euler", "latent", ip_adapter_image=picture), "parts.image_encoder",
         "load_image_encoder", "ip_adapter_image_embeds"),
        (lambda: ours(parts, "euler", "latent", ip_adapter_image_embeds=embeds()[:, :-1]), f"{D}-wide", "(1, 20)"),
        (lambda: ours(narrow, "euler", "latent", ip_adapter_image=picture), "16-wide", f"reads {D}-wide"),
        (lambda: ours(parts, "euler", "latent", ip_adapter_image=picture, ip_adapter_image_embeds=e), "not both"),
        (lambda: ours(parts, "euler", "latent", ip_adapter_scale=0.5), "ip_adapter_scale=0.5", "without a picture"),
        (lambda: ours(parts, "euler", "latent", ip_adapter_image_embeds=with_zeros(e)), "is a list", "second half"),
        (lambda: ours(parts, "euler", "latent", ip_adapter_image_embeds=embeds(3), prompt=[PROMPT, "a house"]),
         "3 rows", "2 prompts"),
        (lambda: ours(parts, "euler", "latent", ip_adapter_image=[picture] * 3), "3 pictures", "1 prompt:"),
        (lambda: ours(parts, "euler", "latent", ip_adapter_image_embeds=e * float("nan")), "NaN"),
        (lambda: ours(parts, "euler", "latent", ip_adapter_image_embeds=e, ip_adapter_scale=float("inf")), "scale=inf"),
        (lambda: ours(parts, "euler", "latent", ip_adapter_image=5), "ip_adapter_image is a int"),
        (lambda: ours(parts, "euler", "latent", ip_adapter_image=torch.full((3, 8, 8), 2.0)), "outside [0, 1]"),
        (lambda: image_to_image(parts, PROMPT, picture.resize((32, 32)), ip_adapter_image=picture,
                                ip_adapter_image_embeds=e), "not both"),
    ]
    for call, *must_say in cases:
        refused(call, ValueError, *must_say)
    adapter.remove()
    try:
        refused(lambda: ours(parts, "euler", "latent", ip_adapter_image_embeds=e), ValueError,
                "no IP-Adapter loaded", "load_ip_adapter(parts.unet, path) first")
    finally:
        adapter.attach()
    assert adapter.scale == 1.0
