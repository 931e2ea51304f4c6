"""Image-similarity metrics measured on the course's bundled model: SSIM, an LPIPS-style distance, a CLIP-style
cosine, a Fréchet (FID-style) distance, and the KL divergence between the same fitted Gaussians.

    .venv/bin/python tools/similarity_example.py              # the numbers quoted in docs/similarity.md
    .venv/bin/python tools/similarity_example.py --n 100      # faster; the set-level numbers get noisier

Offline, CPU, torch + numpy + scipy only. Nothing is downloaded, so three things are NOT what the real metrics use:

* no Inception-v3: the "FID-style" distance is the Fréchet formula on 64 features per picture taken from the
  bundled VAE's encoder (its mid block, averaged over the 8x8 latent grid). Real FID uses Inception's 2048 pool
  features, trained to classify ImageNet photos; the VAE encoder was trained only to reconstruct this course's
  32x32 pictures of shapes. The numbers are comparable with each other here, not with any published FID.
* no AlexNet/VGG and no learned LPIPS weights: the "LPIPS-style" distance is LPIPS's formula (unit-normalise each
  pixel's channel vector, squared difference, spatial mean, sum over layers) on four feature maps of the same VAE
  encoder, with every channel weight set to 1.
* no CLIP: the "CLIP-style" cosine is the cosine of two pooled VAE-encoder feature vectors. It is the formula of
  CLIP-I (image-image), on features that know pixels and layout, not meaning. CLIP-T (image-text) cannot be
  computed at all: the course ships no image tower trained against text.

SSIM is computed by hand (Wang et al. 2004: 11x11 Gaussian window, sigma 1.5, K1 0.01, K2 0.03, pixels in [0, 1],
per RGB channel on the valid region, then averaged), and cross-checked against scikit-image's algorithm written
with scipy (scikit-image itself is not installed).
"""
from __future__ import annotations

import argparse
import time

import numpy as np
import scipy.linalg
import torch
import torch.nn.functional as F

from course.io.loading import load_bundled
from course.pipeline import text_to_image
from course.training import data

P_RED = "a red circle in the center on a blue background"
P_YELLOW = "a yellow circle in the center on a blue background"      # one word changed: the colour
P_OTHER = "a green triangle in the top left on a white background"   # every word changed


# ---- per-picture metrics ---------------------------------------------------------------------------------------

def _gaussian_window(size: int = 11, sigma: float = 1.5) -> torch.Tensor:
    x = torch.arange(size, dtype=torch.float64) - (size - 1) / 2
    g = torch.exp(-x ** 2 / (2 * sigma ** 2))
    g = g / g.sum()
    return torch.outer(g, g)  # (size, size), sums to 1


def ssim(a: torch.Tensor, b: torch.Tensor, L: float = 1.0) -> float:
    """Mean SSIM of two pictures (3, H, W) in [0, L]: per window, luminance x contrast x structure,
    (2 mu_a mu_b + C1)(2 cov_ab + C2) / ((mu_a^2 + mu_b^2 + C1)(var_a + var_b + C2)), Gaussian-weighted moments."""
    C1, C2 = (0.01 * L) ** 2, (0.03 * L) ** 2
    x, y = a.double()[:, None], b.double()[:, None]                  # (3, 1, H, W): one "batch" item per channel
    w = _gaussian_window()[None, None]                               # (1, 1, 11, 11)
    mu_x, mu_y = F.conv2d(x, w), F.conv2d(y, w)                      # local means (valid region only)
    var_x = F.conv2d(x * x, w) - mu_x ** 2                           # local variances
    var_y = F.conv2d(y * y, w) - mu_y ** 2
    cov = F.conv2d(x * y, w) - mu_x * mu_y                           # local covariance
    s = ((2 * mu_x * mu_y + C1) * (2 * cov + C2)) / ((mu_x ** 2 + mu_y ** 2 + C1) * (var_x + var_y + C2))
    return float(s.mean())


def ssim_scipy(a: torch.Tensor, b: torch.Tensor) -> float:
    """The same SSIM as scikit-image computes it (gaussian_weights=True, sigma=1.5, use_sample_covariance=False):
    scipy's Gaussian filter with truncate=3.5 (an 11-tap window), then the 5-pixel border cropped. A cross-check."""
    from scipy.ndimage import gaussian_filter
    C1, C2 = 0.01 ** 2, 0.03 ** 2
    out = []
    def f(z):
        return gaussian_filter(z, 1.5, truncate=3.5, mode="reflect")

    for x, y in zip(a.double().numpy(), b.double().numpy()):
        mx, my = f(x), f(y)
        vx, vy, cxy = f(x * x) - mx * mx, f(y * y) - my * my, f(x * y) - mx * my
        s = ((2 * mx * my + C1) * (2 * cxy + C2)) / ((mx ** 2 + my ** 2 + C1) * (vx + vy + C2))
        out.append(s[5:-5, 5:-5].mean())
    return float(np.mean(out))


def psnr(a: torch.Tensor, b: torch.Tensor) -> float:
    mse = float(((a.double() - b.double()) ** 2).mean())
    return float("inf") if mse == 0 else 10 * np.log10(1.0 / mse)


class VAEFeatures:
    """Feature maps of the bundled VAE's encoder, caught with forward hooks (the networks are not changed)."""

    def __init__(self, vae):
        enc = vae.encoder
        self.vae = vae
        self.layers = {"down0": enc.down_blocks[0].resnets[-1],       # 32 ch at 32x32 (before the downsampler)
                       "down1": enc.down_blocks[1].resnets[-1],       # 64 ch at 16x16
                       "down2": enc.down_blocks[2].resnets[-1],       # 64 ch at 8x8
                       "mid": enc.mid_block}                          # 64 ch at 8x8, after the self-attention
        self.maps = {}

    @torch.no_grad()
    def __call__(self, images: torch.Tensor) -> dict:
        """images (B, 3, H, W) in [0, 1] -> {layer: (B, C, h, w)}."""
        handles = [m.register_forward_hook(lambda _m, _a, out, k=k: self.maps.__setitem__(k, out.detach()))
                   for k, m in self.layers.items()]
        try:
            self.vae.encode(images * 2 - 1)                          # the VAE expects [-1, 1]
        finally:
            for h in handles:
                h.remove()
        return dict(self.maps)

    def embedding(self, images: torch.Tensor, batch: int = 100) -> np.ndarray:
        """(B, 64): the mid block's output averaged over the latent grid, a global vector per picture."""
        return np.concatenate([self(images[i:i + batch])["mid"].mean(dim=(2, 3)).double().numpy()
                               for i in range(0, len(images), batch)])


def lpips_style(fa: dict, fb: dict) -> float:
    """LPIPS's formula with every channel weight 1: sum over layers of the spatial mean of
    || f_a/|f_a| - f_b/|f_b| ||^2, the channel vectors of each pixel normalised to unit length. Each layer's term
    is 2 - 2 cos, in [0, 4]; four layers, so the total lies in [0, 16]."""
    total = 0.0
    for k, a in fa.items():
        na = a / (a.norm(dim=1, keepdim=True) + 1e-10)
        nb = fb[k] / (fb[k].norm(dim=1, keepdim=True) + 1e-10)
        total += float(((na - nb) ** 2).sum(dim=1).mean())
    return total


def cosine(u: np.ndarray, v: np.ndarray) -> float:
    return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))


# ---- set-level metrics: two Gaussians fitted to features ----------------------------------------------------------

def fit_gaussian(feats: np.ndarray):
    return feats.mean(axis=0), np.cov(feats, rowvar=False)


def frechet(g1, g2) -> float:
    """FID's formula: ||mu1 - mu2||^2 + Tr(S1 + S2 - 2 (S1 S2)^(1/2)), the squared 2-Wasserstein distance of two
    Gaussians. Symmetric; 0 only for equal Gaussians."""
    (m1, s1), (m2, s2) = g1, g2
    covmean = scipy.linalg.sqrtm(s1 @ s2)
    covmean = covmean.real if np.iscomplexobj(covmean) else covmean   # rounding gives tiny imaginary parts
    return float(((m1 - m2) ** 2).sum() + np.trace(s1 + s2 - 2 * covmean))


def kl_gaussians(g1, g2) -> float:
    """KL(N1 || N2) = 1/2 [tr(S2^-1 S1) + (m2 - m1)^T S2^-1 (m2 - m1) - d + ln det S2 - ln det S1], in nats.
    Asymmetric, and infinite when S2 is singular (needs more samples than dimensions)."""
    (m1, s1), (m2, s2) = g1, g2
    d = len(m1)
    inv2 = np.linalg.inv(s2)
    diff = m2 - m1
    _, logdet1 = np.linalg.slogdet(s1)
    _, logdet2 = np.linalg.slogdet(s2)
    return float(0.5 * (np.trace(inv2 @ s1) + diff @ inv2 @ diff - d + logdet2 - logdet1))


# ---- the pictures ----------------------------------------------------------------------------------------------

def generate(parts, prompts, seed: int, guidance_scale=None, batch: int = 100) -> torch.Tensor:
    """(N, 3, 32, 32) in [0, 1], the bundled model's defaults (DPM++ 2M, 20 steps, CFG 3) unless told otherwise.
    One generator per call of up to `batch` prompts, seeded seed + call index."""
    out = []
    for j, i in enumerate(range(0, len(prompts), batch)):
        out.append(text_to_image(parts, prompts[i:i + batch], seed=seed + j, guidance_scale=guidance_scale,
                                 output_type="pt", progress=False))
    return torch.cat(out)


def render(specs, seed: int) -> torch.Tensor:
    """The training data's own renderer (with its ±6 grey-level pixel noise): the "real" pictures."""
    rng = np.random.default_rng(seed)
    return torch.stack([torch.from_numpy(data.render(s, 32, rng=rng)).permute(2, 0, 1).float() / 255 for s in specs])


@torch.no_grad()
def reconstruct(vae, images: torch.Tensor) -> torch.Tensor:
    """Encode (the mean of q(z|x)), decode: the VAE's round trip, back in [0, 1]."""
    return ((vae.decode(vae.encode(images * 2 - 1).mode()) + 1) / 2).clamp(0, 1)


def reading(image) -> str:
    r = data.read(image)
    return f"{r.colour} {r.shape}, {r.position}, on {r.background}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="pictures per set for the Fréchet distance and KL (> 64)")
    args = ap.parse_args()
    if args.n <= 64:
        ap.error("--n must exceed the 64 feature dimensions, or the fitted covariances are singular")
    torch.manual_seed(0)
    t0 = time.time()
    parts = load_bundled()
    vae = parts.vae.eval()
    feats = VAEFeatures(vae)

    # -- sets of pictures, all for the same n held-out prompts (FID's protocol: generate from the reference's captions)
    n = args.n
    held_a = data.heldout_prompts(n, seed=0)    # n (prompt, Spec) pairs of the 26 held-out triples, positions balanced
    held_b = data.heldout_prompts(n, seed=1)    # another draw: same triples and positions; other sizes, offsets
    prompts_a, specs_a, specs_b = [p for p, _ in held_a], [s for _, s in held_a], [s for _, s in held_b]
    sets = {"real A": render(specs_a, seed=10), "real B (another draw)": render(specs_b, seed=11)}
    sets["real A, VAE round trip"] = reconstruct(vae, sets["real A"])
    for cfg in (1.0, 3.0, 7.5):
        sets[f"generated, CFG {cfg:g}"] = generate(parts, prompts_a, seed=100, guidance_scale=cfg)
    sets["generated, CFG 3, other seeds"] = generate(parts, prompts_a, seed=200, guidance_scale=3.0)
    emb = {k: feats.embedding(v) for k, v in sets.items()}
    gauss = {k: fit_gaussian(e) for k, e in emb.items()}
    centre = gauss["real A"][0]                 # for the centred cosine below

    # -- pairs of single pictures ----------------------------------------------------------------------------
    red0 = generate(parts, [P_RED], seed=0)[0]
    red1 = generate(parts, [P_RED], seed=1)[0]
    yellow0 = generate(parts, [P_YELLOW], seed=0)[0]
    other0 = generate(parts, [P_OTHER], seed=0)[0]
    real = torch.from_numpy(data.render(data.Spec("red", "circle", "blue", "center"), 32, noise=0)
                            ).permute(2, 0, 1).float() / 255
    shifted = torch.from_numpy(data.render(data.Spec("red", "circle", "blue", "center", jitter=(2, 0)), 32, noise=0)
                               ).permute(2, 0, 1).float() / 255
    pairs = [
        ("same picture (sanity check)", red0, red0),
        ("same prompt, seeds 0 and 1", red0, red1),
        ("one word changed (red -> yellow), seed 0", red0, yellow0),
        ("every word changed, seed 0", red0, other0),
        ("generated picture vs its VAE round trip", red0, reconstruct(vae, red0[None])[0]),
        ("rendered picture vs its VAE round trip", real, reconstruct(vae, real[None])[0]),
        ("rendered picture vs itself moved 2 px right", real, shifted),
    ]
    print("Pictures (what course.training.data.read sees in them):")
    for name, img in (("red, seed 0", red0), ("red, seed 1", red1), ("yellow, seed 0", yellow0),
                      ("other, seed 0", other0), ("rendered", real), ("rendered, moved", shifted)):
        print(f"  {name:16s} {reading(img)}")
    print()
    print("| pair | SSIM | PSNR dB | LPIPS-style (VAE) | cosine (pooled VAE) | cosine, centred |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, a, b in pairs:
        fa, fb = feats(a[None]), feats(b[None])
        ea, eb = fa["mid"].mean(dim=(2, 3))[0].double().numpy(), fb["mid"].mean(dim=(2, 3))[0].double().numpy()
        p = psnr(a, b)
        print(f"| {name} | {ssim(a, b):.3f} | {'inf' if p == float('inf') else f'{p:.1f}'} | "
              f"{lpips_style(fa, fb):.3f} | {cosine(ea, eb):.3f} | {cosine(ea - centre, eb - centre):.3f} |")
    # the hand-written SSIM against scikit-image's algorithm (scipy's Gaussian filter, truncate 3.5, borders cropped)
    print(f"\nSSIM cross-check on (seed 0, seed 1): ours {ssim(red0, red1):.6f}, "
          f"scikit-image's algorithm {ssim_scipy(red0, red1):.6f}")

    # -- the sets: Fréchet distance and KL of Gaussians fitted to the 64 pooled features ---------------------------
    print(f"\nSets of {n} pictures of held-out prompts. checker = colour, shape and background all right; "
          "tr S = total variance of the features (spread, i.e. diversity)")
    print("\n| set | checker | tr S | Fréchet to real A | of which ‖Δμ‖² | KL(set ‖ real A) | KL(real A ‖ set) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    ref = gauss["real A"]
    for k, v in sets.items():
        acc = data.evaluate(v, specs_b if k.startswith("real B") else specs_a)["all"]
        m, S = gauss[k]
        if k == "real A":
            print(f"| {k} | {100 * acc:.1f}% | {np.trace(S):.0f} | 0 | 0 | 0 | 0 |")
            continue
        print(f"| {k} | {100 * acc:.1f}% | {np.trace(S):.0f} | {frechet(gauss[k], ref):.2f} | "
              f"{float(((m - ref[0]) ** 2).sum()):.2f} | {kl_gaussians(gauss[k], ref):.1f} | "
              f"{kl_gaussians(ref, gauss[k]):.1f} |")
    m, S = ref
    print(f"\nScale of the features (real A): ‖μ‖² = {float(m @ m):.0f}, tr S = {np.trace(S):.0f}")

    # -- the VAE's own KL term on the same pictures (notebook 04, §2) -------------------------------------------
    with torch.no_grad():
        kl = vae.encode(sets["real A"] * 2 - 1).kl()
    print(f"VAE training term KL(q(z|x) ‖ N(0, I)), summed over the {vae.config.latent_channels}×8×8 latent, "
          f"on real A: {float(kl.mean()):.0f} nats per picture on average")
    print(f"\n{time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
