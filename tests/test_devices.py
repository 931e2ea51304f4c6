"""On a GPU as on the CPU: the course against diffusers/transformers in the same dtype, on the same device.

Every comparison runs ours and the reference library in one dtype D (float32, float16 or bfloat16) on one device
(the CPU, and CUDA when a GPU is present: ``make test-gpu``), on the bundled model's trained weights (course/bundled/
and course/bundled_controlnet/ are diffusers folders, so both sides load the very same weights). A trained model keeps
its latents near 4 to 8; a random tiny UNet under CFG 7.5 reaches 25 to 90, which made a half-precision comparison
ill-posed (the GPU notes of 2026-12-04).

Bounds (``bound`` below; each test prints every max |Δ| beside its bound, see them with ``pytest -s``):
- float32: the CPU parity tests' bounds (tests/test_unet.py, test_pipeline.py, test_bundled.py ...), 1e-5 of the
  output's size, 1/255 for decoded pictures. On CUDA only with TF32 off (the ``device`` fixture turns it off):
  TF32 rounds matmul and convolution inputs to 10 mantissa bits, about 1e-3, which is not an implementation's error.
- float16, bfloat16: 2 × max |ref_D − ref_fp32| + 4 u_D × max |ref_fp32|. Two implementations that each round in
  D differ from each other by about the sum of their distances from the exact (fp32) answer, and ours has no
  reason to be further from it than the reference is: twice the reference's own distance. The floor covers
  outputs whose D rounding happens to be tiny: a few units of roundoff u_D (float16 2⁻¹¹, bfloat16 2⁻⁸) of the
  output's size, e.g. each side's last rounding of the output itself.
"""
import contextlib
import copy
import dataclasses
import io
import warnings

import diffusers
import numpy as np
import pytest
import torch
from diffusers import (
    ControlNetModel,
    StableDiffusionControlNetPipeline,
    StableDiffusionImg2ImgPipeline,
    StableDiffusionInpaintPipeline,
    StableDiffusionPipeline,
)
from PIL import Image

from course.io.loading import load_bundled, load_bundled_controlnet, load_folder
from course.parts import BUNDLED_CONTROLNET_DIR, BUNDLED_DIR
from course.pipeline import image_to_image, inpaint, text_to_image
from course.sampling.samplers import SAMPLERS
from course.sampling.schedules import add_noise, training_alphas_cumprod
from course.training import data
from course.training.controlnet import spec_hint

HAS_CUDA = torch.cuda.is_available()
CUDA = pytest.param("cuda", marks=[pytest.mark.gpu, pytest.mark.skipif(not HAS_CUDA, reason="needs a CUDA GPU "
                                                                                               "(make test-gpu)")])
DTYPES = [pytest.param(torch.float32, id="float32"), pytest.param(torch.float16, id="float16"),
          pytest.param(torch.bfloat16, id="bfloat16")]

HALF = DTYPES[1:]
SPECS = [data.Spec("red", "circle", "blue", "top left"), data.Spec("yellow", "triangle", "purple", "bottom right")]
PROMPT, NEGATIVE = data.prompt(SPECS[0]), "blurry"
STEPS, CFG = 5, 3.0  # CFG 3: the bundled model's own default (course/bundled/bundled.json)


@pytest.fixture(params=["cpu", CUDA])
def device(request):
    """The CPU; or CUDA, with TF32 off during the test (restored after): float32 then means float32 on both sides."""
    if request.param == "cpu":
        yield "cpu"
        return
    saved = torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32
    torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = False
    try:
        yield "cuda"
    finally:
        torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = saved


# ---- bounds ----------------------------------------------------------------------------------------------------------

def flat(x) -> torch.Tensor:
    """A tensor, or a list/tuple of them, as one float64 CPU vector."""
    if isinstance(x, (list, tuple)):
        return torch.cat([flat(t) for t in x])
    return torch.as_tensor(np.asarray(x) if not isinstance(x, torch.Tensor) else x).detach().double().cpu().flatten()


def max_delta(a, b) -> float:
    a, b = flat(a), flat(b)
    assert a.shape == b.shape, (a.shape, b.shape)
    return float((a - b).abs().max())


def bound(dtype, ref, ref32, image: bool = False) -> tuple[float, str]:
    """The bound for ours against ``ref`` (the reference in ``dtype``), with ``ref32`` the reference in float32 on
    the same device; and how it was made, for the printout. The derivation is in the module docstring."""
    size = float(flat(ref32).abs().max())
    if dtype == torch.float32:
        if image:  # decoded pictures in [0, 1], as tests/test_pipeline.py: within one 8-bit level
            return 1 / 255, "1/255"
        # fp32 roundoff (6e-8) accumulated over a network's layers and the sampler's steps: the CPU tests' 1e-5 of
        # the values' size (tests/test_unet.py, test_pipeline.py, test_bundled.py)
        return 1e-5 * max(1.0, size), f"1e-5 × max(1, {size:.3g})"
    u = torch.finfo(dtype).eps / 2  # unit roundoff: float16 2^-11, bfloat16 2^-8
    own = max_delta(ref, ref32)  # the reference's own distance from the fp32 answer
    return 2 * own + 4 * u * size, f"2 × {own:.2e} + 4u × {size:.3g}"


def check(what: str, ours, ref, ref32, dtype, device, image: bool = False) -> float:
    """Assert max |ours − ref| <= bound(...), printing both."""
    delta = max_delta(ours, ref)
    limit, how = bound(dtype, ref, ref32, image)
    print(f"{what} [{device}, {str(dtype)[6:]}]: max |Δ| = {delta:.2e}, bound {limit:.2e} = {how}")
    assert delta <= limit, f"{what}: max |Δ| = {delta:.3e} > {limit:.3e} ({how})"
    return delta


@contextlib.contextmanager
def supported(device, dtype):
    """Skip (with the reason) where this torch lacks a kernel for ``dtype`` on the CPU, instead of failing."""
    try:
        yield
    except (RuntimeError, NotImplementedError) as err:
        if device == "cpu" and dtype != torch.float32 and "not implemented" in str(err).lower():
            pytest.skip(f"this torch has no CPU kernel for {dtype}: {err}")
        raise


# ---- the two sides, loaded once per device and dtype -----------------------------------------------------------------

CACHE = {}


@pytest.fixture(scope="module", autouse=True)
def _module():
    """diffusers' log lines off (its fp16-on-CPU and safety-checker notices), the cache freed at the end."""
    verbosity = diffusers.utils.logging.get_verbosity()
    diffusers.utils.logging.set_verbosity_error()
    yield
    diffusers.utils.logging.set_verbosity(verbosity)
    CACHE.clear()
    if HAS_CUDA:
        torch.cuda.empty_cache()


def cached(key, make):
    if key not in CACHE:
        CACHE[key] = make()
    return CACHE[key]


def quiet(make):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return make()


def ref_pipe(device, dtype) -> StableDiffusionPipeline:
    """diffusers' pipeline on the bundled folder, in ``dtype`` as ``from_pretrained(torch_dtype=...)`` loads it."""
    def make():
        pipe = quiet(lambda: StableDiffusionPipeline.from_pretrained(str(BUNDLED_DIR), torch_dtype=dtype)).to(device)
        pipe.set_progress_bar_config(disable=True)
        return pipe
    return cached(("pipe", device, dtype), make)


def our_parts(device, dtype):
    """Ours, through the loader's own ``device=`` and ``dtype=`` (shared: tests that change parts take a copy)."""
    return cached(("parts", device, dtype), lambda: load_bundled(device=device, dtype=dtype))


def ref_controlnet(device, dtype) -> ControlNetModel:
    return cached(("controlnet", device, dtype), lambda: quiet(lambda: ControlNetModel.from_pretrained(
        str(BUNDLED_CONTROLNET_DIR), torch_dtype=dtype)).to(device).eval())


def our_controlnet(device, dtype):
    return cached(("our controlnet", device, dtype), lambda: load_bundled_controlnet(device=device, dtype=dtype))


def with_scheduler(pipe, key, seed=0):
    """``pipe`` with the diffusers scheduler that ``key`` names, built from the bundled folder's scheduler config."""
    info = SAMPLERS[key]
    base = cached("scheduler config", lambda: dict(ref_pipe("cpu", torch.float32).scheduler.config))
    options = {"noise_sampler_seed": seed} if info.diffusers == "DPMSolverSDEScheduler" else {}  # as test_pipeline
    pipe.scheduler = getattr(diffusers, info.diffusers).from_config(base, **info.diffusers_options, **options)
    return pipe


def inputs():
    """The networks' inputs, made once on the CPU in float32 (each test casts them to its device and dtype): two
    prompts' ids, two rendered pictures in [-1, 1], their latents (the fp32 reference VAE), x_t at t = 20 and 700
    and its noise, the fp32 reference text encoder's context, and the pictures' edge maps (the ControlNet's hints)."""
    def make():
        pipe = ref_pipe("cpu", torch.float32)
        ids = load_bundled().tokenizer([data.prompt(s) for s in SPECS])["input_ids"]
        pixels = torch.stack([torch.from_numpy(data.render(s)).permute(2, 0, 1) for s in SPECS]).float() / 127.5 - 1
        g = torch.Generator().manual_seed(0)
        t = torch.tensor([20, 700])
        with torch.no_grad():
            z0 = pipe.vae.encode(pixels).latent_dist.mean * pipe.vae.config.scaling_factor
            noise = torch.randn(z0.shape, generator=g)
            x_t = add_noise(z0, noise, training_alphas_cumprod({})[t])
            context = pipe.text_encoder(ids)[0]
        hints = torch.stack([torch.from_numpy(spec_hint(s)).permute(2, 0, 1) for s in SPECS]).float() / 255
        return dict(ids=ids, pixels=pixels, z0=z0, t=t, noise=noise, x_t=x_t, context=context, hints=hints)
    return cached("inputs", make)


def on(device, dtype, *names):
    got = inputs()
    return [got[n].to(device) if got[n].dtype == torch.long else got[n].to(device, dtype) for n in names]


# ---- the networks ----------------------------------------------------------------------------------------------------

def text_encoders(device, dtype):
    ids, = on(device, dtype, "ids")
    with torch.no_grad():
        theirs = ref_pipe(device, dtype).text_encoder(ids)
        out = our_parts(device, dtype).text_encoder(ids, output_hidden_states=True)
    return [out.last_hidden_state, out.pooled], [theirs.last_hidden_state, theirs.pooler_output]


def unets(device, dtype):
    x, context, t = on(device, dtype, "x_t", "context", "t")
    with torch.no_grad():
        return our_parts(device, dtype).unet(x, t, context), ref_pipe(device, dtype).unet(x, t, context).sample


def vae_encoders(device, dtype):
    pixels, = on(device, dtype, "pixels")
    with torch.no_grad():
        mine, theirs = our_parts(device, dtype).vae.encode(pixels), ref_pipe(device, dtype).vae.encode(pixels)
    return [mine.mean, mine.logvar], [theirs.latent_dist.mean, theirs.latent_dist.logvar]


def vae_decoders(device, dtype):
    z, = on(device, dtype, "z0")
    ours, ref = our_parts(device, dtype).vae, ref_pipe(device, dtype).vae
    with torch.no_grad():
        return ours.decode(z / ours.scaling_factor), ref.decode(z / ref.config.scaling_factor).sample


def controlnets(device, dtype):
    x, context, hints, t = on(device, dtype, "x_t", "context", "hints", "t")
    with torch.no_grad():
        down, mid = our_controlnet(device, dtype)(x, t, context, hints, 1.0)
        their_down, their_mid = ref_controlnet(device, dtype)(x, t, context, hints, conditioning_scale=1.0,
                                                             return_dict=False)
    return [*down, mid], [*their_down, their_mid]


NETWORKS = {"text encoder vs CLIPTextModel": text_encoders, "UNet vs UNet2DConditionModel": unets,
            "VAE encoder vs AutoencoderKL": vae_encoders, "VAE decoder vs AutoencoderKL": vae_decoders,
            "ControlNet vs ControlNetModel": controlnets}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("network", NETWORKS)
def test_network_matches_its_reference(device, dtype, network):
    run = NETWORKS[network]
    with supported(device, dtype):
        ours, ref = run(device, dtype)
    assert flat(ours).isfinite().all()
    ref32 = ref if dtype == torch.float32 else cached((network, device), lambda: run(device, torch.float32)[1])
    check(network, ours, ref, ref32, dtype, device)


def test_loaders_put_every_network_where_asked(device):
    for dtype in (torch.float32, torch.bfloat16):
        parts = our_parts(device, dtype)
        assert parts.device.type == device and parts.dtype == dtype
        for net in (parts.text_encoder, parts.unet, parts.vae, our_controlnet(device, dtype)):
            assert {(p.device.type, p.dtype) for p in net.parameters()} == {(device, dtype)}


# ---- the three pipelines, and every sampler --------------------------------------------------------------------------

def picture():
    return Image.fromarray(data.render(SPECS[1]))


def hole():
    mask = np.zeros((32, 32), np.uint8)
    mask[4:20, 12:28] = 255
    return Image.fromarray(mask)


PIPELINES = {  # ours, diffusers' class, the picture arguments (ours; diffusers' names)
    "text_to_image": (text_to_image, StableDiffusionPipeline, {}),
    "image_to_image": (image_to_image, StableDiffusionImg2ImgPipeline, {"strength": 0.6}),
    "inpaint": (inpaint, StableDiffusionInpaintPipeline, {"strength": 1.0}),
}


def picture_args(name):
    if name == "text_to_image":
        return (), {}
    if name == "image_to_image":
        return (picture(),), {"image": picture()}
    return (picture(), hole()), {"image": picture(), "mask_image": hole(), "height": 32, "width": 32}


def run_ours(parts, name, key="dpmpp_2m", steps=STEPS, **kw):
    fn, _, options = PIPELINES[name]
    args, _ = picture_args(name)
    size = {"height": 32, "width": 32} if name == "text_to_image" else {}
    return fn(parts, PROMPT, *args, negative_prompt=NEGATIVE, sampler=key, seed=0, steps=steps, guidance_scale=CFG,
              output_type="latent", progress=False, **size, **options, **kw)


def run_diffusers(pipe, name, key="dpmpp_2m", steps=STEPS, **kw):
    _, cls, options = PIPELINES[name]
    _, args = picture_args(name)
    pipe = quiet(lambda: cls(**pipe.components)) if cls is not StableDiffusionPipeline else pipe
    pipe.set_progress_bar_config(disable=True)
    size = {"height": 32, "width": 32} if name == "text_to_image" else {}
    with torch.no_grad():
        return with_scheduler(pipe, key)(PROMPT, negative_prompt=NEGATIVE, num_inference_steps=steps,
                                         guidance_scale=CFG, generator=torch.Generator().manual_seed(0),
                                         output_type="latent", **size, **options, **args, **kw).images


def decoded(vae, latents):
    """Latents -> pictures in [0, 1] through ``vae`` (ours or diffusers'), in the VAE's own dtype."""
    sf = vae.config.scaling_factor  # ours keeps diffusers' config name too
    dtype = next(vae.parameters()).dtype
    with torch.no_grad():
        out = vae.decode(latents.to(dtype) / sf)
    return ((out if isinstance(out, torch.Tensor) else out.sample) / 2 + 0.5).clamp(0, 1)


def reference_pictures(device, dtype, name, key="dpmpp_2m", steps=STEPS):
    """diffusers' latents and decoded pictures, cached: the float32 ones serve as ref32 for every half dtype."""
    def make():
        pipe = ref_pipe(device, dtype)
        latents = run_diffusers(pipe, name, key, steps)
        return latents, decoded(pipe.vae, latents)
    return cached(("pictures", device, dtype, name, key, steps), make)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", PIPELINES)
def test_pipeline_matches_diffusers(device, dtype, name):
    """Each pipeline against diffusers' StableDiffusion(Img2Img, Inpaint)Pipeline, DPM++ 2M, both in ``dtype``;
    latents, then each side's latents decoded by its own VAE."""
    parts = our_parts(device, dtype)
    with supported(device, dtype):
        ref, ref_images = reference_pictures(device, dtype, name)
        ours = run_ours(parts, name)
    assert ours.dtype == dtype and ours.device.type == device and ours.isfinite().all()
    ref32, ref32_images = reference_pictures(device, torch.float32, name)
    check(f"{name} latents", ours, ref, ref32, dtype, device)
    check(f"{name} pictures", decoded(parts.vae, ours), ref_images, ref32_images, dtype, device, image=True)


# On the CPU, tests/test_bundled.py::test_diffusers_draws_the_same_latents is this sweep (the bundled model, fp32, every
# sampler against its diffusers scheduler): here it runs on CUDA only, where it is new. fp32 only: the half dtypes
# are covered per pipeline above, and every sampler's arithmetic is the same code in every dtype.
@pytest.mark.parametrize("device", [CUDA], indirect=True)
@pytest.mark.parametrize("key", list(SAMPLERS))
def test_every_sampler_matches_diffusers_on_cuda(device, key):
    ref = run_diffusers(ref_pipe(device, torch.float32), "text_to_image", key)
    ours = run_ours(our_parts(device, torch.float32), "text_to_image", key)
    # diffusers integrates LMS's coefficients with scipy's quad at epsrel=1e-4 (see tests/test_bundled.py)
    limit = (1e-4 if key == "lms" else 1e-5) * max(1.0, float(ref.abs().max()))
    delta = max_delta(ours, ref)
    print(f"{key} latents [cuda, float32]: max |Δ| = {delta:.2e}, bound {limit:.2e}")
    assert delta <= limit


# ---- upcast_vae: half-precision networks, a float32 VAE --------------------------------------------------------------

@pytest.mark.parametrize("dtype", HALF)
@pytest.mark.parametrize("name", PIPELINES)
def test_upcast_vae_keeps_the_vae_in_float32(device, dtype, name):
    """``upcast_vae=True``: text encoder and UNet in ``dtype``, the VAE in float32; the pipelines run and decode.
    diffusers' SD 1.x pipelines have no such switch: as its SDXL pipeline does, its ``dtype`` latents are decoded by
    the float32 VAE by hand (text_to_image); for the other two, whose VAE also encodes, the bound is the same pipeline's
    own half-precision one (diffusers in ``dtype`` against float32), applied against the float32 reference."""
    parts = load_folder(BUNDLED_DIR, device=device, dtype=dtype, upcast_vae=True)
    assert parts.dtype == dtype and next(parts.vae.parameters()).dtype == torch.float32
    assert next(parts.text_encoder.parameters()).dtype == dtype
    with supported(device, dtype):
        fn, _, options = PIPELINES[name]
        args, _ = picture_args(name)
        size = {"height": 32, "width": 32} if name == "text_to_image" else {}
        pictures = fn(parts, PROMPT, *args, negative_prompt=NEGATIVE, sampler="dpmpp_2m", seed=0, steps=STEPS,
                      guidance_scale=CFG, output_type="pt", progress=False, **size, **options)
        ref, ref_images = reference_pictures(device, dtype, name)
    assert pictures.dtype == torch.float32 and pictures.isfinite().all()
    _, ref32_images = reference_pictures(device, torch.float32, name)
    if name == "text_to_image":
        by_hand = decoded(ref_pipe(device, torch.float32).vae, ref)  # diffusers' dtype latents, the fp32 VAE
        check(f"{name} upcast VAE pictures", pictures, by_hand, ref32_images, dtype, device, image=True)
    else:  # both are off the fp32 answer by about the half-precision UNet's error: twice diffusers' own distance
        check(f"{name} upcast VAE pictures", pictures, ref_images, ref32_images, dtype, device, image=True)


def test_parts_to_upcast_vae_moves_back_and_forth():
    parts = copy.deepcopy(our_parts("cpu", torch.float32))
    assert parts.to(dtype=torch.bfloat16, upcast_vae=True) is parts
    assert parts.dtype == torch.bfloat16 and next(parts.vae.parameters()).dtype == torch.float32
    parts.to(dtype=torch.float16)
    assert {p.dtype for net in (parts.text_encoder, parts.unet, parts.vae) for p in net.parameters()} == {torch.float16}


# ---- LoRA: ours loaded by us, and by diffusers (peft) ----------------------------------------------------------------

def lora_file(tmp_path_factory):
    """One random LoRA for the bundled model's UNet attention and text encoder, written in diffusers' layout (fp32)."""
    def make():
        from course.io.lora_files import save_lora
        from course.nets.lora import inject_lora

        parts = copy.deepcopy(our_parts("cpu", torch.float32))
        network = inject_lora(parts, rank=4, alpha=4.0, targets=("attention", "text_encoder"))
        g = torch.Generator().manual_seed(5)
        with torch.no_grad():
            for p in network.parameters():  # random A and B (B starts at 0: a zero LoRA could not fail the test)
                p.copy_(0.1 * torch.randn(p.shape, generator=g))
        return save_lora(network, tmp_path_factory.mktemp("lora") / "lora.safetensors", layout="diffusers")
    return cached("lora file", make)


def diffusers_with_lora(device, dtype, path):
    def make():
        pipe = copy.deepcopy(ref_pipe(device, dtype))
        quiet(lambda: pipe.load_lora_weights(str(path)))
        return run_diffusers(pipe, "text_to_image")
    return cached(("lora latents", device, dtype), make)


@pytest.mark.parametrize("dtype", DTYPES)
def test_lora_matches_diffusers_load_lora_weights(device, dtype, tmp_path_factory):
    """Our LoRA file on the bundled model: ``load_lora`` in ours, ``pipe.load_lora_weights`` in diffusers, both in
    ``dtype`` on ``device``; text_to_image's latents compared, as the pipelines above."""
    from course.io.lora_files import load_lora

    path = lora_file(tmp_path_factory)
    parts = copy.deepcopy(our_parts(device, dtype))
    network = load_lora(parts, path)
    assert {(p.device.type, p.dtype) for p in network.parameters()} == {(device, dtype)}
    with supported(device, dtype):
        ref = diffusers_with_lora(device, dtype, path)
        ours = run_ours(parts, "text_to_image")
    ref32 = diffusers_with_lora(device, torch.float32, path)
    check("LoRA text_to_image latents", ours, ref, ref32, dtype, device)
    plain, _ = reference_pictures(device, torch.float32, "text_to_image")
    assert max_delta(ref32, plain) > 0.1  # the LoRA changes the picture: the test can fail


# ---- ControlNet through the pipeline ---------------------------------------------------------------------------------

def hint_picture():
    return Image.fromarray(spec_hint(SPECS[1]))


def diffusers_controlnet_latents(device, dtype):
    def make():
        pipe = ref_pipe(device, dtype)
        ref = quiet(lambda: StableDiffusionControlNetPipeline(**{k: v for k, v in pipe.components.items()
                                                                  if k != "image_encoder"},
                                                               controlnet=ref_controlnet(device, dtype)))
        ref.set_progress_bar_config(disable=True)
        with torch.no_grad():
            return with_scheduler(ref, "dpmpp_2m")(PROMPT, hint_picture(), negative_prompt=NEGATIVE,
                                                   num_inference_steps=STEPS, guidance_scale=CFG,
                                                   generator=torch.Generator().manual_seed(0),
                                                   controlnet_conditioning_scale=1.0, output_type="latent").images
    return cached(("controlnet latents", device, dtype), make)


@pytest.mark.parametrize("dtype", DTYPES)
def test_controlnet_pipeline_matches_diffusers(device, dtype):
    """text_to_image(control=[(net, hint, 1.0)]) against StableDiffusionControlNetPipeline, the bundled model and
    its edge-map ControlNet (the hint asks for a triangle at the bottom right; the prompt for a circle at the top
    left), both in ``dtype`` on ``device``."""
    with supported(device, dtype):
        ref = diffusers_controlnet_latents(device, dtype)
        ours = run_ours(our_parts(device, dtype), "text_to_image",
                        control=[(our_controlnet(device, dtype), hint_picture(), 1.0)])
    ref32 = diffusers_controlnet_latents(device, torch.float32)
    check("ControlNet text_to_image latents", ours, ref, ref32, dtype, device)
    plain, _ = reference_pictures(device, torch.float32, "text_to_image")
    assert max_delta(ref32, plain) > 0.1  # the ControlNet changes the picture


# ---- the widgets -----------------------------------------------------------------------------------------------------

def shown(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def widget_pictures(parts) -> tuple[dict, np.ndarray]:
    """Every picture the five widgets show, as 8-bit arrays, on few steps (the widgets' own tests: test_widgets.py),
    but the attention overlay: for it, the heat map it colours, (H, W) floats."""
    from course.notebook import widgets

    prompt, few = PROMPT, {"steps": 3, "progress": False}
    out = {}
    scrub = widgets.denoising_scrubber(parts, prompt, **few)
    for i, frame in enumerate(scrub.frames):
        out.update({f"scrubber step {i} {what}": shown(p) for what, p in zip(("x_t", "x0", "eps"), frame)})
    cfg = widgets.cfg_explorer(parts, prompt, negative_prompt=NEGATIVE, **few)
    cfg.slider.value = 6.0
    out.update({"cfg preview s=6": shown(cfg.preview.value), "cfg picture s=6": shown(cfg.image.value)})
    clip = widgets.clip_skip_toggle(parts, prompt, skips=(1, 2), **few)
    out.update({f"clip skip {n}": np.asarray(p).astype(int) for n, p in clip.pictures.items()})
    attention = widgets.attention_explorer(parts, prompt, **few)
    attention.word.value = "circle"
    out["attention picture"] = np.asarray(attention.record.image).astype(int)
    assert attention.image.value  # the overlay was drawn
    # the grid's own samplers (it crashed on CUDA with them: a tensor made on the CPU), 1 step too: UniPC's order 1
    grid = widgets.sampler_grid(parts, prompt, steps=(1, 3), render=True, progress=False)
    out.update({f"grid {name} {n}": shown(image.value) for (name, n), (image, _) in grid.cells.items()})
    return out, attention.heat()


def test_widgets_match_the_cpu(device):
    """The five widgets built on ``device`` in float32 show the pictures they show on the CPU.

    Pictures, bound one 8-bit level: in float32 the two devices' pictures differ far below a level (1/255; the
    pipelines above hold the latents to 1e-5 of their size), but a value close to a rounding boundary still rounds
    one level apart; two would need a real difference. The attention explorer's heat map, bound 2⁻¹⁰ of its maximum:
    ``record`` stores the probabilities in float16, so float32 values 1e-7 apart may round to neighbouring float16
    values, one ulp (2⁻¹⁰ relative at most) apart, and averages and bilinear upsampling keep that. (Its coloured
    overlay is not compared: matplotlib's magma table has 256 entries, so such a difference can move a pixel to the
    next entry, up to 1.5 levels at α = 0.6.)"""
    if device == "cpu":
        pytest.skip("on the CPU the CPU's pictures are the reference itself; test_widgets_in_half_precision runs here")
    ours, heat = widget_pictures(copy.deepcopy(our_parts(device, torch.float32)))
    ref, ref_heat = cached("cpu widgets", lambda: widget_pictures(copy.deepcopy(our_parts("cpu", torch.float32))))
    assert ours.keys() == ref.keys()
    worst = max(ours, key=lambda k: np.abs(ours[k] - ref[k]).max())
    delta = int(np.abs(ours[worst] - ref[worst]).max())
    print(f"widgets' pictures [{device}, float32]: max |Δ| = {delta} levels ({worst}), bound 1 level")
    assert delta <= 1, worst
    delta, limit = float(np.abs(heat - ref_heat).max()), 2 ** -10 * float(ref_heat.max())
    print(f"attention heat map [{device}, float32]: max |Δ| = {delta:.2e}, bound {limit:.2e} = 2^-10 × max")
    assert delta <= limit


@pytest.mark.parametrize("upcast", [False, True],
                         ids=["bfloat16", "bfloat16-upcast_vae"])
def test_widgets_in_half_precision(device, upcast):
    """The five widgets on bfloat16 parts (with the VAE in float32 for ``upcast_vae``): each builds, and the pictures
    the widgets make through text_to_image are text_to_image's own in the same dtype, within one 8-bit level (the
    same computation; the widgets' own tests check the rest in float32)."""
    parts = copy.deepcopy(our_parts(device, torch.float32)).to(dtype=torch.bfloat16, upcast_vae=upcast)
    shows, heat = widget_pictures(parts)
    assert np.isfinite(heat).all() and heat.max() > 0
    assert all(p.ndim == 3 and p.shape[2] == 3 for p in shows.values())
    direct = text_to_image(parts, PROMPT, seed=0, steps=3, progress=False)[0]
    delta = int(np.abs(shows["clip skip 1"] - np.asarray(direct).astype(int)).max())
    print(f"clip-skip widget vs text_to_image [{device}, bfloat16{', upcast VAE' if upcast else ''}]: "
          f"max |Δ| = {delta} levels, bound 1")
    assert delta <= 1
    assert np.abs(shows["scrubber step 0 x_t"] - shows["scrubber step 2 x0"]).max() > 10  # not all one picture


# ---- training: one step's loss and gradient --------------------------------------------------------------------------

def gradients(text_encoder, unet, device, dtype, diffusers_side: bool):
    """The ε-prediction loss of text encoder + UNet on a fixed batch (the inputs' x_t, noise and prompts), and the
    gradient of every parameter, by name (our names are diffusers' and transformers' own)."""
    ids, x, noise, t = on(device, dtype, "ids", "x_t", "noise", "t")
    text_encoder, unet = copy.deepcopy(text_encoder).train(), copy.deepcopy(unet).train()
    for p in [*text_encoder.parameters(), *unet.parameters()]:
        p.requires_grad_(True)
    context = text_encoder(ids)[0] if diffusers_side else text_encoder(ids)
    pred = unet(x, t, context).sample if diffusers_side else unet(x, t, context)
    loss = (pred - noise).pow(2).mean()
    loss.backward()
    named = [*(("text_encoder." + n, p) for n, p in text_encoder.named_parameters()),
             *(("unet." + n, p) for n, p in unet.named_parameters())]
    return loss.detach(), {n: p.grad for n, p in named}


def reference_gradients(device, dtype):
    pipe = ref_pipe(device, dtype)
    return cached(("gradients", device, dtype), lambda: gradients(pipe.text_encoder, pipe.unet, device, dtype, True))


@pytest.mark.parametrize("dtype", DTYPES)
def test_training_step_matches_diffusers(device, dtype):
    """One training step's loss and gradients (text encoder and UNet, every parameter) against transformers' and
    diffusers' networks with the same weights, in ``dtype`` on ``device``. The gradients' bound uses their largest
    entry as the size (1e-5 of it in float32: the backward pass sums as many roundings as the forward)."""
    parts = our_parts(device, dtype)
    with supported(device, dtype):
        loss, grads = gradients(parts.text_encoder, parts.unet, device, dtype, False)
        ref_loss, ref_grads = reference_gradients(device, dtype)
    ref32_loss, ref32_grads = reference_gradients(device, torch.float32)
    names = sorted(ref_grads)
    assert sorted(grads) == names and all(g is not None for g in grads.values())
    check("training loss", loss, ref_loss, ref32_loss, dtype, device)
    ours, ref, ref32 = ([g[n] for n in names] for g in (grads, ref_grads, ref32_grads))
    size32 = float(flat(ref32).abs().max())
    if dtype == torch.float32:
        delta, limit = max_delta(ours, ref), 1e-5 * size32
        print(f"training gradients [{device}, float32]: max |Δ| = {delta:.2e}, bound {limit:.2e} = 1e-5 × {size32:.3g}")
        assert delta <= limit
    else:
        check("training gradients", ours, ref, ref32, dtype, device)


def first_lora_loss(device, tmp_path):
    from course.training.lora import LoRARecipe, train_lora

    parts = copy.deepcopy(our_parts(device, torch.float32))
    recipe = dataclasses.replace(LoRARecipe.quick(), steps=1)
    network, losses = train_lora(parts, recipe, workdir=tmp_path, device=device)
    assert {p.device.type for p in network.parameters()} == {device}
    return losses[0]


def test_lora_trainer_first_step_matches_the_cpu(device, tmp_path):
    """One step of course.training's LoRA trainer (its quick recipe) on ``device``: the first loss (before any update,
    so a pure function of the frozen model and the seed's batch) is the CPU's, to the float32 bound."""
    ref = cached(("lora loss", "cpu"), lambda: first_lora_loss("cpu", tmp_path / "cpu"))
    loss = ref if device == "cpu" else first_lora_loss(device, tmp_path / device)  # on the CPU: it runs
    delta = abs(loss - ref)
    print(f"LoRA trainer first loss [{device}, float32]: {loss:.6f}, max |Δ| vs CPU = {delta:.2e}, bound 1e-5")
    assert delta <= 1e-5 * max(1.0, abs(ref))


def test_lora_trainer_runs_on_half_precision_parts(device, tmp_path):
    """The LoRA trainer on bfloat16 parts (what a GPU learner loads to save memory) runs one step, its LoRA on the
    parts' device, and the first loss (before any update) is near the float32 one. The loss L is a mean of (ε̂ − ε)²; if
    bfloat16 moves every ε̂ by at most e, it moves L by at most 2√L·e + e² (Cauchy–Schwarz), with e the UNet's own
    bfloat16 error: diffusers' UNet in bfloat16 against float32 on the UNet test's inputs. A dtype mix-up that
    scrambles ε̂ or the latents moves L by its own size."""
    from course.training.lora import LoRARecipe, train_lora

    parts = copy.deepcopy(our_parts(device, torch.float32)).to(dtype=torch.bfloat16)
    network, losses = train_lora(parts, dataclasses.replace(LoRARecipe.quick(), steps=1), workdir=tmp_path / "bf16",
                                 device=device)
    assert {p.device.type for p in network.parameters()} == {device}
    ref = cached(("lora loss", device), lambda: first_lora_loss(device, tmp_path / "fp32"))
    e = max_delta(unets(device, torch.bfloat16)[1], unets(device, torch.float32)[1])
    limit = 2 * ref ** 0.5 * e + e ** 2
    print(f"LoRA trainer first loss [{device}, bfloat16]: {losses[0]:.4f}, float32 {ref:.4f}: max |Δ| = "
          f"{abs(losses[0] - ref):.2e}, bound {limit:.2e} = 2√L·{e:.2e} + e²")
    assert abs(losses[0] - ref) <= limit
