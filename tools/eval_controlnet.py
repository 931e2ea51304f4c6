"""Evaluate the bundled ControlNet: does the edge map fix the shape and its place while the prompt sets the colours?

Run: ``.venv/bin/python tools/eval_controlnet.py [--n 200] [--scales 1] [--controlnet course/bundled_controlnet]
[--write]``. Held-out cases (``course.training.controlnet.control_accuracy``): held-out colour/shape/background
triples, positions balanced; the edge map is the Canny map of the case's picture; the prompt leaves the position
out, or names another position or another shape than the edge map shows, or names only the colours, or is empty
(``PROMPTS``). Position and shape are scored against the edge map, colour and background against the prompt, by
the analytic checker (``course.training.data.read``). The uncontrolled model gets the ``BASELINE_CASES`` prompts.
``--write`` puts the table into controlnet.json and the model card. Also: whether the ControlNet was trained on
the current bundled UNet, and the time of one controlled image. Re-run it (or ``python -m course train-controlnet``)
after retraining the bundled model.

``--who-reads-the-words``: instead, on colours-only cases, give the shape word to the frozen UNet's prompt alone, to
the ControlNet's alone, to both or to neither (``ReadsOtherWords``): which of the two networks decides the outline.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course.io.loading import load_bundled, load_controlnet  # noqa: E402
from course.nets.controlnet import ControlNet  # noqa: E402
from course.parts import BUNDLED_CONTROLNET_DIR
from course.pipeline import text_to_image  # noqa: E402
from course.training import data  # noqa: E402
from course.training.controlnet import (  # noqa: E402
    BASELINE_CASES,
    PROMPTS,
    base_fingerprint,
    colour_prompt,
    control_accuracy,
    spec_hint,
    write_card,
)


class ReadsOtherWords(ControlNet):
    """The same ControlNet, reading ``words`` (B, T, D) instead of the prompt in the conditional half of its batch
    (rows [uncond, cond] under guidance): the UNet and the ControlNet then see different prompts."""

    words: torch.Tensor

    def forward(self, x, t, context, hint, scale=1.0, **kwargs):
        b = self.words.shape[0]
        return super().forward(x, t, torch.cat([context[:-b], self.words.to(context)]), hint, scale, **kwargs)


@torch.no_grad()
def who_reads_the_words(parts, net: ControlNet, n: int, batch: int = 50) -> dict:
    """Colours-only cases, with the shape word ("a red square on a blue background") in the prompt of the UNet,
    of the ControlNet, of both or of neither; scored as ``control_accuracy`` does."""
    words = PROMPTS["prompt without position"]
    other = ReadsOtherWords(net.config).to(next(net.parameters()))
    other.load_state_dict(net.state_dict())
    specs = [spec for _, spec in data.heldout_prompts(n)]
    rows = {}
    for name, unet_words, net_words in [("neither (colours only)", colour_prompt, colour_prompt),
                                        ("the UNet's prompt only", words, colour_prompt),
                                        ("the ControlNet's prompt only", colour_prompt, words),
                                        ("both", words, words)]:
        images = []
        for start in range(0, n, batch):
            chunk = specs[start:start + batch]
            other.words = parts.text_encoder(parts.tokenizer([net_words(s) for s in chunk], warn=False)["input_ids"])
            hints = torch.stack([torch.from_numpy(spec_hint(s)).permute(2, 0, 1) for s in chunk]).float() / 255
            images.append(text_to_image(parts, [unet_words(s) for s in chunk], seed=start, output_type="pt",
                                        progress=False, control=[(other, hints, 1.0)]))
        rows[f"shape word in {name}"] = data.evaluate(torch.cat(images), specs)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--controlnet", default=str(BUNDLED_CONTROLNET_DIR), help="a ControlNet folder")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--scales", default="1", help="conditioning scales, comma-separated (e.g. 0,0.5,1,1.5)")
    parser.add_argument("--write", action="store_true", help="put the results in controlnet.json and README.md")
    parser.add_argument("--who-reads-the-words", action="store_true",
                        help="colours-only cases with the shape word given to the UNet, the ControlNet, both, neither")
    args = parser.parse_args()
    folder = Path(args.controlnet)
    parts, net = load_bundled(), load_controlnet(folder)
    if args.who_reads_the_words:
        print(data.format_table(who_reads_the_words(parts, net, args.n)))
        return
    info_path = folder / "controlnet.json"
    info = json.loads(info_path.read_text()) if info_path.is_file() else {}
    trained_on, now = info.get("base_unet_sha256"), base_fingerprint()
    print(f"base UNet {now}; the ControlNet was trained on {trained_on}: "
          + ("the same" if trained_on == now else "ANOTHER one: retrain with `python -m course train-controlnet`"))
    print(f"{args.n} held-out cases, bundled defaults {parts.defaults}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads")
    start = time.perf_counter()
    uncontrolled = {case: control_accuracy(parts, None, args.n, case) for case in BASELINE_CASES}
    rows = {f"uncontrolled, {case}": v for case, v in uncontrolled.items()}
    print(f"uncontrolled: {time.perf_counter() - start:.1f} s")
    controlled = {}
    for scale in [float(s) for s in args.scales.split(",")]:
        for case in PROMPTS:
            start = time.perf_counter()
            controlled[case] = rows[f"edge map (scale {scale:g}), {case}"] = control_accuracy(parts, net, args.n, case,
                                                                                             scale)
            print(f"scale {scale:g}, {case}: {time.perf_counter() - start:.1f} s")
    print(data.format_table(rows))
    spec = data.Spec("red", "circle", "blue", "top left")
    one = []
    for i in range(5):
        start = time.perf_counter()
        text_to_image(parts, data.prompt(spec), seed=i, progress=False, control=[(net, spec_hint(spec), 1.0)])
        one.append(time.perf_counter() - start)
    print(f"one controlled image, defaults: median {statistics.median(one):.3f} s of 5 (min {min(one):.3f} s)")
    if args.write:
        info.update(eval_n=args.n, evaluation={"controlled": controlled, "uncontrolled": uncontrolled})
        info_path.write_text(json.dumps(info, indent=1))
        write_card(folder)
        print(f"wrote the evaluation (the last scale's rows) into {folder / 'README.md'}")


if __name__ == "__main__":
    main()
