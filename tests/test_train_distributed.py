"""Data-parallel training of the bundled model: two processes on the CPU (gloo) split every batch, average their
gradients, and end on the weights of a one-process run on the same global batches, up to float rounding.

Why ``accelerate launch --multi_gpu`` on a CPU: accelerate's ``--cpu`` with several processes expects MPI
(``--mpirun_hostfile``) and without it starts a single process; ``--multi_gpu`` goes through torchrun, which
starts the processes whatever the device, and ``--device cpu`` keeps them on the CPU.
"""
import dataclasses
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import torch
import torch.distributed as dist
import torch.multiprocessing as mp

from course.io.loading import load_folder
from course.training import bundled as train
from course.training import stage

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- the helpers, in two processes started here ----------------------------------------------------------------

def _worker(rank: int, world: int, port: int, out: Path) -> None:
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    dist.init_process_group("gloo", rank=rank, world_size=world)
    torch.manual_seed(0)
    model = torch.nn.Linear(3, 2)  # the same start on both: the same seed
    x = torch.randn(8, 3, generator=torch.Generator().manual_seed(1))  # the whole batch, drawn by both
    rows = stage.shard(8)
    model(x[rows]).pow(2).mean().backward()
    stage.average_gradients(model)
    try:
        stage.shard(5)
        uneven = None
    except ValueError as err:
        uneven = str(err)
    torch.save({"rows": (rows.start, rows.stop), "grads": [p.grad for p in model.parameters()], "main": stage.is_main(),
                "uneven": uneven}, out / f"{rank}.pt")
    dist.destroy_process_group()


def test_two_processes_split_the_batch_and_step_with_the_whole_batch_gradient(tmp_path):
    mp.spawn(_worker, args=(2, free_port(), tmp_path), nprocs=2)
    got = [torch.load(tmp_path / f"{rank}.pt", weights_only=True) for rank in (0, 1)]
    assert [g["rows"] for g in got] == [(0, 4), (4, 8)]  # each process computed half of the batch
    assert [g["main"] for g in got] == [True, False]
    # by hand: the gradient of the mean loss over the whole batch, in one process
    torch.manual_seed(0)
    model = torch.nn.Linear(3, 2)
    model(torch.randn(8, 3, generator=torch.Generator().manual_seed(1))).pow(2).mean().backward()
    for g in got:  # the average of the two halves' gradients, on both processes
        for mine, whole in zip(g["grads"], (p.grad for p in model.parameters())):
            torch.testing.assert_close(mine, whole, rtol=1e-6, atol=1e-7)
    assert all("5 does not split evenly over 2 processes" in g["uneven"] for g in got)


def test_a_plain_process_takes_the_whole_batch_and_is_the_main_one():
    assert not dist.is_initialized()
    assert stage.shard(6) == slice(0, 6) and stage.is_main()


# ---- the command, under accelerate launch --------------------------------------------------------------------

@pytest.fixture(scope="module")
def launched(tmp_path_factory):
    accelerate = shutil.which("accelerate", path=str(Path(sys.executable).parent))
    if accelerate is None:
        pytest.skip("accelerate is not installed: pip install -e '.[dev]'")
    root = tmp_path_factory.mktemp("two")
    command = [accelerate, "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1",
               "--mixed_precision", "no", "--dynamo_backend", "no", "--main_process_port", str(free_port()),
               "-m", "course", "train-bundled", "--quick", "--device", "cpu",
               "--workdir", str(root / "work"), "--out", str(root / "model")]
    env = {**os.environ, "HF_HOME": str(root / "hf")}  # no accelerate config of this machine's user applies
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    return root, run


def test_accelerate_launch_with_two_processes_writes_a_loadable_folder(launched):
    root, run = launched
    parts = load_folder(root / "model")
    assert parts.unet.config.cross_attention_dim == parts.text_encoder.config.hidden_size
    info = (root / "model" / "bundled.json").read_text()
    assert '"device": "cpu \\u00d72"' in info  # it really ran as a group of two
    assert run.stderr.count("wrote ") + run.stdout.count("wrote ") == 1  # the main process alone wrote it


def test_two_processes_end_on_the_weights_of_one_process(launched, tmp_path):
    """The same global batches and the same mean gradient up to float rounding, so the same training; not bit for
    bit: AdamW divides each gradient by its own running RMS, which turns the rounding noise of the gradients that are
    (nearly) zero (a bias in front of a GroupNorm with one channel per group has none at all) into steps of up to the
    learning rate. One process with 1 thread instead of 2 differs from itself just as much (measured: max 3e-3, 0.05%
    of the weights off by more than 1e-5); a run on other images differs everywhere (99.6% of them)."""
    from course.nets.vae import VAE

    root, _ = launched
    # what --quick trains, now in this one process (less its evaluations: they leave the weights alone)
    recipe, cpu = dataclasses.replace(train.Recipe.quick(), eval_every=10**9), torch.device("cpu")
    tok = train.train_tokenizer(recipe)
    vae = train.train_vae(recipe, tmp_path, cpu)
    train.train_unet(recipe, tok, vae, train.encode_pool(recipe, vae, cpu), tmp_path, cpu)
    torch.manual_seed(recipe.seed)  # the starting weights, as each stage builds them
    start = {"vae.pt": VAE(recipe.vae).state_dict()}
    torch.manual_seed(recipe.seed)
    start["unet.pt"] = train.TextAndUNet(recipe).state_dict()
    for name, w0 in start.items():
        one, two = (torch.load(d / name, weights_only=True) for d in (tmp_path, root / "work"))
        assert one["step"] == two["step"] > 0
        for part in ("model", "ema") if name == "unet.pt" else ("model",):
            diff = torch.cat([(one[part][k] - two[part][k]).flatten() for k in w0])
            trained = torch.cat([(one[part][k] - w0[k]).flatten() for k in w0])
            off = float((diff.abs() > 1e-5).float().mean())
            relative = float(diff.norm() / trained.norm())
            print(f"{name} {part}: max |difference| {diff.abs().max():.1e}, {off:.3%} of the weights off by more "
                  f"than 1e-5, |difference| / |training's change| {relative:.1e}")
            assert off < 0.01 and relative < 0.05, (name, part, off, relative)
