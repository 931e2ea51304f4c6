"""Checks the notebooks run after each step: does the learner's function or module agree with ours?

``course.checks.core`` holds the generic comparison (``compare``, ``CheckResult``) and
``course.checks.modules`` the comparison of a learner's nn.Module class (``compare_module``),
``course.checks.samplers`` the step-by-step comparison of a learner's sampler (``check_sampler``);
``course.checks.progress`` remembers which checks passed: ``hint(name, level)`` gives hints in tiers and
``require(name)`` stops a cell that needs an unfinished exercise. Each notebook has its own module of
``check_*`` functions (each module lists them in ``__all__``), all re-exported here so a notebook calls
``course.checks.check_bpe(bpe)``.
"""
# isort: skip_file
# (the notebook modules below are listed in the course's order, one line each, not alphabetically)
from course.checks.core import CheckResult, compare, first_difference, short  # noqa: F401
from course.checks.progress import NotReady, hint, require  # noqa: F401

# one line per notebook module
from course.checks.tokenizer import *  # noqa: F401,F403,E402
from course.checks.text_encoder import *  # noqa: F401,F403,E402
from course.checks.unet import *  # noqa: F401,F403,E402
from course.checks.vae import *  # noqa: F401,F403,E402
from course.checks.sampling import *  # noqa: F401,F403,E402
from course.checks.lora import *  # noqa: F401,F403,E402
from course.checks.controlnet import *  # noqa: F401,F403,E402
from course.checks.personalisation import *  # noqa: F401,F403,E402
from course.checks.ip_adapter import *  # noqa: F401,F403,E402
from course.checks.sdxl import *  # noqa: F401,F403,E402
from course.checks.flow import *  # noqa: F401,F403,E402
