"""Which text encoder follows prompts better: trained jointly with the UNet, or pre-trained contrastively (CLIP)?

Run: ``.venv/bin/python tools/compare_text_encoders.py [--unet-steps 400] [--contrastive-steps 300] [--n 200]``.
Both arms share the bundled recipe's tokenizer, VAE (``runs/bundled/vae.pt``, trained by ``train-bundled``;
trained here if absent) and latent pool, and train the UNet for the same number of steps on the same batches:
- joint: text encoder and UNet trained together from scratch (what the bundled model does);
- contrastive: the text encoder first pre-trained against a small image tower (course/training/contrastive.py), then
  frozen while the UNet trains (what SD 1.x did with OpenAI's CLIP).
Each is scored on held-out prompts with the analytic checker at CFG 1 and the bundled model's CFG. Checkpoints
go to runs/compare/, so a stopped run resumes.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_bundled import adherence  # noqa: E402

from course.parts import Parts  # noqa: E402
from course.training import contrastive, data  # noqa: E402
from course.training.bundled import SCHEDULER_CONFIG, Recipe, encode_pool, train_tokenizer, train_unet, train_vae  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unet-steps", type=int, default=400)
    parser.add_argument("--contrastive-steps", type=int, default=300)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--workdir", default="runs/compare")
    args = parser.parse_args()
    recipe = dataclasses.replace(Recipe(), unet_steps=args.unet_steps, eval_every=10**9)
    device, work = torch.device("cpu"), Path(args.workdir)
    tok = train_tokenizer(recipe)
    vae = train_vae(Recipe(), Path("runs/bundled"), device)
    pool = encode_pool(recipe, vae, device)
    rows, seconds = {}, {}
    for arm in ("joint", "contrastive"):
        start = time.monotonic()
        frozen = None
        if arm == "contrastive":
            frozen = contrastive.pretrain(recipe, tok, work / arm, device, steps=args.contrastive_steps)
            seconds["contrastive pre-training"] = time.monotonic() - start
        stage = train_unet(recipe, tok, vae, pool, work / arm, device, frozen_text_encoder=frozen)
        seconds[arm] = time.monotonic() - start
        parts = Parts(tok, stage.model.text_encoder.eval(), stage.model.unet.eval(), vae, dict(SCHEDULER_CONFIG),
                      dict(recipe.defaults))
        for cfg in (1.0, recipe.defaults["guidance_scale"]):
            rows[f"{arm}, CFG {cfg:g}"] = adherence(parts, args.n, cfg)
    print(f"UNet {args.unet_steps} steps of {recipe.batch} in each arm; contrastive pre-training "
          f"{args.contrastive_steps} steps of 256; wall time: "
          + ", ".join(f"{k} {v / 60:.1f} min" for k, v in seconds.items()))
    print(data.format_table(rows))


if __name__ == "__main__":
    main()
