"""Run code as if a CUDA GPU were here, on the CPU, and fail where a GPU run would fail on a tensor's device.

Code that runs on a CPU can still fail on a GPU: a tensor made without naming its device lands on the CPU, and the
first operation that meets it and a CUDA tensor stops ("Expected all tensors to be on the same device"); a CUDA
tensor handed to numpy or matplotlib stops too. A CPU-only machine never sees either, and a GPU is rarely at hand,
so ``pretend_cuda()`` plays one:

- ``torch.cuda.is_available()`` says True (one device, "Pretend GPU"), so ``default_device()`` picks "cuda";
- moving a module or a tensor to "cuda", or making one there (``device="cuda"``), keeps it on the CPU but marks it;
  the mark follows every result computed from a marked tensor, and ``.device`` / ``.is_cuda`` report cuda:0;
- a torch operation that meets a marked tensor and an unmarked one fails as CUDA does (elementwise operations
  accept a 0-d CPU tensor as a number, as torch does, but ``cat``, ``stack``, ``matmul``... do not; a CPU index in
  ``x[index]`` is allowed);
- ``.numpy()`` and ``numpy.asarray`` of a marked tensor fail as for a CUDA tensor; ``.cpu()`` / ``.to("cpu")``
  return an unmarked copy.

Every torch call goes through a Python function here: expect code to run several times slower. What it cannot
see: numerics (the CPU computes), CUDA-only kernels, memory, and generators made on "cuda" (refused here).

    .venv/bin/python tools/pretend_cuda.py solutions/05_sampling.ipynb   # run a notebook's cells, report the first failure
"""
from __future__ import annotations

import sys
from contextlib import contextmanager, nullcontext
from pathlib import Path
from unittest import mock

import torch
from torch.overrides import TorchFunctionMode
from torch.utils._pytree import tree_flatten, tree_map

CUDA = torch.device("cuda", 0)
# where torch refuses even a 0-d CPU tensor beside CUDA tensors (elementwise ops accept one as a number)
STRICT = {"cat", "concat", "concatenate", "stack", "hstack", "vstack", "solve", "matmul", "mm", "bmm", "einsum",
          "conv1d", "conv2d", "linear", "embedding", "index_select", "gather", "scatter", "cdist", "lerp"}
MARK = "_pretend_cuda"
# torch functions that may take tensors of both devices: moving between them, and indexing with a CPU index
MOVES = {"to", "cpu", "cuda", "copy_", "__getitem__", "__setitem__", "__repr__", "__format__", "__str__",
         "_make_subclass", "__reduce_ex__", "__deepcopy__", "__get__", "__set__", "item", "tolist", "size", "dim",
         "numel", "__len__", "__bool__", "__float__", "__int__", "__index__", "__hash__"}


def marked(t) -> bool:
    return isinstance(t, torch.Tensor) and getattr(t, MARK, False)


def _mark(out):
    def one(t):
        if isinstance(t, torch.Tensor):
            try:
                setattr(t, MARK, True)
            except (AttributeError, RuntimeError):  # a tensor that takes no attributes (rare): leave it
                pass
        return t
    return tree_map(one, out)


def _wants_cuda(value) -> bool:
    if isinstance(value, str):
        return value.startswith("cuda")
    return isinstance(value, torch.device) and value.type == "cuda"


def _to_cpu(value):
    return torch.device("cpu") if _wants_cuda(value) else value


class _Mode(TorchFunctionMode):
    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = dict(kwargs or {})
        if func is torch.device:  # torch.device("cuda") itself is a name, not a move
            return func(*args, **kwargs)
        name = getattr(func, "__name__", "")
        owner = getattr(func, "__self__", None)
        if name == "__get__" and owner in (torch.Tensor.device, torch._C.TensorBase.device) and marked(args[0]):
            return CUDA
        if name == "__get__" and owner in (torch.Tensor.is_cuda, torch._C.TensorBase.is_cuda) and marked(args[0]):
            return True
        tensors = [t for t in tree_flatten((args, kwargs))[0] if isinstance(t, torch.Tensor)]
        any_marked = any(marked(t) for t in tensors)
        if name in ("numpy", "__array__") and any_marked:
            raise TypeError("can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor "
                            "to host memory first. (pretend_cuda)")
        to_cuda = _wants_cuda(kwargs.get("device")) or (name in ("to", "cuda") and (
            name == "cuda" or any(_wants_cuda(a) for a in args[1:]) or _wants_cuda(kwargs.get("device"))))
        to_cpu = name == "cpu" or (name == "to" and not to_cuda and (
            any(str(a).startswith("cpu") for a in args[1:] if isinstance(a, (str, torch.device)))
            or str(kwargs.get("device", "")).startswith("cpu")))
        if any_marked and not to_cuda and not to_cpu and name not in MOVES:
            plain = [t for t in tensors if not marked(t) and (t.dim() > 0 or name in STRICT)]
            if plain:
                raise RuntimeError(f"Expected all tensors to be on the same device, but found at least two devices, "
                                   f"cuda:0 and cpu! ({name}: a CPU tensor of shape {tuple(plain[0].shape)}; "
                                   "pretend_cuda)")
        if name == "to" and any(isinstance(a, torch.Tensor) for a in args[1:]):  # x.to(other): other's device
            to_cuda = marked(next(a for a in args[1:] if isinstance(a, torch.Tensor)))
            to_cpu = not to_cuda
        generator = kwargs.get("generator")
        if to_cuda and isinstance(generator, torch.Generator) and generator.device.type == "cpu":
            raise RuntimeError("Expected a 'cuda' device type for generator but found 'cpu' (pretend_cuda): draw on "
                               "the generator's device, then move the tensor.")
        args = tuple(_to_cpu(a) for a in args)
        if "device" in kwargs:
            kwargs["device"] = _to_cpu(kwargs["device"])
        if name == "cuda":
            func, args = torch.Tensor.clone, args[:1]
        out = func(*args, **kwargs)
        if to_cpu:
            if isinstance(out, torch.Tensor) and marked(out):
                out = out.clone()  # .cpu() of a CPU tensor returns itself: a fresh one loses the mark
                setattr(out, MARK, False)
            return out
        if name in ("copy_", "__setitem__"):  # writes into its first argument, which stays where it is
            return out
        if to_cuda or (any_marked and name not in ("item", "tolist", "__repr__", "__format__", "__str__")):
            return _mark(out)
        return out


def _module_to(original):
    """``nn.Module.to`` that keeps the weights on the CPU and marks them when asked for cuda (unmarks for cpu)."""
    def to(self, *args, **kwargs):
        wanted = [a for a in (*args, kwargs.get("device")) if isinstance(a, (str, torch.device))]
        with torch._C.DisableTorchFunction():  # moving weights CPU -> CPU: nothing for the mode to see
            out = original(self, *(_to_cpu(a) for a in args), **{k: _to_cpu(v) for k, v in kwargs.items()})
        if wanted:  # a device was named (not only a dtype): the mark says which
            for t in [*self.parameters(), *self.buffers()]:
                setattr(t, MARK, _wants_cuda(wanted[0]))
        return out
    return to


def _sde_randn(size, dtype, device, seed):
    """torchsde's draw on a CUDA generator (its Brownian tree, DPM++ SDE), made on a CPU generator and marked."""
    out = torch.randn(size, dtype=dtype, generator=torch.Generator().manual_seed(int(seed)))
    return _mark(out) if _wants_cuda(device) else out


def _parameter_deepcopy(original):
    """``copy.deepcopy`` of a parameter goes through ``.data``, which the mode does not see: carry the mark over."""
    def deepcopy(self, memo):
        out = original(self, memo)
        if marked(self):
            setattr(out, MARK, True)
        return out
    return deepcopy


def _parameter_new(original):
    """``nn.Parameter(data)`` makes a new tensor object out of sight of the mode: carry the mark over (a module made
    with device="cuda", e.g. ``nn.Embedding(..., device=...)``, has marked weights)."""
    def new(cls, data=None, requires_grad=True):
        out = original(cls, data, requires_grad)
        if marked(data):
            setattr(out, MARK, True)
        return out
    return new


@contextmanager
def pretend_cuda():
    """Within: one pretend CUDA device; see the module docstring."""
    module_to = torch.nn.Module.to
    try:
        import torchsde._brownian.brownian_interval as sde
        sde_patch = mock.patch.object(sde, "_randn", _sde_randn)
    except ImportError:
        sde_patch = nullcontext()
    with mock.patch("torch.cuda.is_available", lambda: True), sde_patch, \
            mock.patch("torch.cuda.device_count", lambda: 1), \
            mock.patch("torch.cuda.get_device_name", lambda *a, **k: "Pretend GPU (tools/pretend_cuda.py)"), \
            mock.patch("torch.cuda.synchronize", lambda *a, **k: None), \
            mock.patch.object(torch.nn.Module, "to", _module_to(module_to)), \
            mock.patch.object(torch.nn.Module, "cuda", lambda self, device=None: self.to("cuda")), \
            mock.patch.object(torch.nn.Parameter, "__deepcopy__", _parameter_deepcopy(torch.nn.Parameter.__deepcopy__)), \
            mock.patch.object(torch.nn.Parameter, "__new__", _parameter_new(torch.nn.Parameter.__new__)), \
            _Mode():
        yield


def run_notebook(path: str | Path, stop_after: int | None = None) -> int:
    """Run the code cells of a notebook in one namespace under ``pretend_cuda``; print each cell's number as it
    runs and the first failure with its cell. Returns 0 when every cell ran, 1 otherwise."""
    import matplotlib
    import matplotlib.pyplot
    import nbformat

    matplotlib.use("Agg")
    nb = nbformat.read(str(path), as_version=4)
    from IPython.display import display

    namespace = {"__name__": "__main__", "display": display}
    cells = [(i, c.source) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    with pretend_cuda():
        for k, (index, source) in enumerate(cells[:stop_after]):
            lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
            print(f"cell {index} ({k + 1}/{len(cells)})", flush=True)
            try:
                exec(compile("\n".join(lines), f"{path}:cell {index}", "exec"), namespace)
                matplotlib.pyplot.close("all")  # no window shows them: keep memory flat
            except SystemExit:
                raise
            except BaseException as err:  # noqa: BLE001 - report any failure with its cell
                import traceback

                frames = traceback.extract_tb(err.__traceback__)
                for frame in [f for f in frames if f.filename.startswith(str(path))] + frames[-1:]:
                    print(f"  {frame.filename}, line {frame.lineno}: {frame.line}")
                print(f"FAILED in cell {index}: {type(err).__name__}: {err}")
                return 1
    print(f"all {len(cells)} code cells ran under pretend_cuda")
    return 0


if __name__ == "__main__":
    sys.exit(max(run_notebook(p) for p in sys.argv[1:]))
