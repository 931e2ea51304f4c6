"""Evaluate the bundled IP-Adapter: does a picture set the colour and the shape while the words set the rest?

Run: ``.venv/bin/python tools/eval_ip_adapter.py [--n 200] [--scales 0,0.25,0.5,0.75,1,1.5] [--folder
course/bundled_ip_adapter] [--control] [--reference heldout]``. Held-out cases: spec i of ``data.heldout_prompts(n)``
(the 26 held-out colour/shape/background triples, positions balanced) is the picture asked for. The image prompt is
another picture of its colour and shape (``reference_for``): on another background and at another place, so a copied
background or place shows. The text names the background and the place alone: "on a white background, in the top
left". Scored by the analytic checker (``course.training.data.read``): colour and shape against the picture
prompt, background and position against the text; "copied" = the reference's background (or place) came out
instead. The bundled model's defaults (dpmpp_2m, 20 steps, CFG 3.0), seed = the case's index.

``--control``: the InstantID-style composition. The picture carries the "identity" (colour and shape), the bundled
ControlNet the "pose" (the Canny edge map of the asked-for picture fixes the place), the text only the background
("on a white background"): each alone, then both; last, an edge map of another shape than the picture's (an
outline is also a shape: who wins?).
``--reference heldout``: the image prompt is itself a picture of the held-out triple (at another place), so the
image encoder sees a colour/shape/background combination it never trained on.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course.io.ip_adapter_files import load_image_encoder, load_ip_adapter  # noqa: E402
from course.io.loading import load_bundled, load_bundled_controlnet  # noqa: E402
from course.parts import BUNDLED_IP_ADAPTER_DIR  # noqa: E402
from course.pipeline import text_to_image  # noqa: E402
from course.training import data  # noqa: E402
from course.training.ip_adapter_eval import accuracy  # noqa: E402


def table(rows: dict) -> str:
    keys = ("colour", "shape", "background", "position", "all four", "copied background", "copied place")
    keys += ("edge map's shape",) * any("edge map's shape" in r for r in rows.values())
    lines = ["| | " + " | ".join(keys) + " | n |", "|---" * (len(keys) + 2) + "|"]
    lines += [f"| {name} | " + " | ".join(f"{100 * r[k]:.1f}%" if k in r else "" for k in keys) + f" | {r['n']} |"
              for name, r in rows.items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", default=str(BUNDLED_IP_ADAPTER_DIR),
                        help="image_encoder/ and ip_adapter.safetensors (default: the bundled IP-Adapter)")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--scales", default="0,0.25,0.5,0.75,1,1.5", help="IP-Adapter scales, comma-separated")
    parser.add_argument("--reference", choices=("train", "heldout"), default="train",
                        help="the reference's triple: a training one (default) or the held-out triple itself")
    parser.add_argument("--control", action="store_true", help="the InstantID-style composition with the ControlNet")
    args = parser.parse_args()
    folder = Path(args.folder)
    parts = load_bundled()
    parts.image_encoder = load_image_encoder(folder / "image_encoder")
    adapter = load_ip_adapter(parts.unet, folder / "ip_adapter.safetensors")
    print(f"{args.n} held-out cases, {folder}, bundled defaults {parts.defaults}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads; {sum(p.numel() for p in adapter.parameters()):,} adapter parameters")
    heldout = args.reference == "heldout"
    rows = {}
    start = time.perf_counter()
    if args.control:
        net = load_bundled_controlnet()
        text = "background only"
        rows["text alone"] = accuracy(parts, args.n, None, text, heldout_reference=heldout)
        rows["picture (IP-Adapter)"] = accuracy(parts, args.n, 1.0, text, heldout_reference=heldout)
        rows["edge map (ControlNet)"] = accuracy(parts, args.n, None, text, net, heldout_reference=heldout)
        rows["picture + edge map"] = accuracy(parts, args.n, 1.0, text, net, heldout_reference=heldout)
        rows["picture + edge map of another shape"] = accuracy(parts, args.n, 1.0, text, net, heldout,
                                                              other_shape_edges=True)
    else:
        rows["no picture, the full prompt (the words say all)"] = accuracy(parts, args.n, None, "the full prompt")
        for scale in [float(s) for s in args.scales.split(",")]:
            rows[f"picture, scale {scale:g}"] = accuracy(parts, args.n, scale, heldout_reference=heldout)
    print(f"{time.perf_counter() - start:.1f} s")
    print(table(rows))
    spec = data.Spec("purple", "triangle", "green", "bottom right")
    picture = torch.from_numpy(data.render(spec, 32)).permute(2, 0, 1).float() / 255
    one = []
    for i in range(5):
        start = time.perf_counter()
        text_to_image(parts, "on a white background, in the top left", seed=i, progress=False,
                      ip_adapter_image=picture)
        one.append(time.perf_counter() - start)
    print(f"one image with a picture prompt, defaults: median {statistics.median(one):.3f} s of 5 "
          f"(min {min(one):.3f} s)")


if __name__ == "__main__":
    main()
