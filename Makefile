# The course's commands. `make demo` and `make test` are the two the README asks for; both set up
# .venv on the first run (torch first, so a CPU machine gets a CPU build) and skip that afterwards.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# Which torch to install first. Elsewhere than this course's machines, a CPU-only Linux box wants
#   make demo TORCH_INDEX=https://download.pytorch.org/whl/cpu
TORCH ?= torch==2.13.0
TORCH_INDEX ?=
PROMPT ?= a (red:1.3) circle on a blue background, ((masterpiece)), [blurry]
IMAGE_PROMPT ?= a red circle in the top left on a blue background
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-gpu test-latest start lab notebooks train-bundled clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
	  { echo "sd-course needs Python 3.10 or newer; run: make PYTHON=python3.11 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -c 'import torch' 2>/dev/null || \
	  $(PY) -m pip install -q "$(TORCH)" $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(PY) -m pip install -q -c constraints.txt -e ".[dev]"
	# the real CLIP vocabulary ships in this wheel; --no-deps keeps torchvision and CUDA out
	$(PY) -m pip install -q --no-deps -c constraints.txt open-clip-torch
	touch $(STAMP)

demo: setup
	$(PY) -m course tokenize "$(PROMPT)"
	$(PY) -m course generate "$(IMAGE_PROMPT)" --out demo.png

# train the bundled model anew (docs/recipes.md: about half an hour on a 2-core CPU); Ctrl-C saves, running it
# again resumes (with the same settings: changed ones need --restart)
train-bundled: setup
	$(PY) -m course train-bundled

test: setup
	$(PY) -m pytest

# for a teacher with a CUDA GPU: the GPU tests (tests/test_devices.py and the others marked gpu), then nbval over
# solutions/ with DEVICE = "cuda"; one command, at most GPU_TIMEOUT seconds. Where torch with CUDA is already
# installed and the course with it (README: "On a GPU or a hosted notebook"): make test-gpu PY=python
GPU_TIMEOUT ?= 900
test-gpu:
	@$(PY) -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else "make test-gpu: this torch sees no CUDA GPU (torch " + torch.__version__ + "); make test checks everything else on the CPU.")'
	COURSE_DEVICE=cuda timeout $(GPU_TIMEOUT) sh -c '$(PY) -m pytest -m gpu -rs tests && $(PY) -m pytest solutions'

# the parity, bundled-model and notebook tests on the newest releases, in .venv-latest/ (tools/test_latest.py,
# docs/compatibility.md). NOT part of `make test`, and CI never runs it: a library's release must not turn CI red.
# torch: TORCH_LATEST (default: the newest CPU build this machine has), TORCH_LATEST_INDEX for another index
test-latest:
	$(PYTHON) tools/test_latest.py $(if $(TORCH_LATEST),--torch "$(TORCH_LATEST)") \
	  $(if $(TORCH_LATEST_INDEX),--torch-index "$(TORCH_LATEST_INDEX)")

# your own copies of the notebooks, in work/: never overwritten, never touched by the tests
start: setup
	$(PY) -m course start

lab: start
	$(VENV)/bin/jupyter lab work

notebooks: setup
	$(PY) tools/make_notebooks.py

clean:
	rm -rf $(VENV) .venv-latest .venv-oldest .pytest_cache .hypothesis
