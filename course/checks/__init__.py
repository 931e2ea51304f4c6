"""Checks the notebooks run after each step: does the learner's function or module agree with ours?

``course.checks.core`` holds the generic comparison (``compare``, ``CheckResult``) and
``course.checks.modules`` the comparison of a learner's nn.Module class (``compare_module``),
``course.checks.samplers`` the step-by-step comparison of a learner's sampler (``check_sampler``); each notebook
has its own module of ``check_*`` functions (each module lists them in ``__all__``), all
re-exported here so a notebook calls ``course.checks.check_bpe(bpe)``.
"""
from course.checks.core import CheckResult, compare, first_difference, short  # noqa: F401
from course.checks.sampling import *  # noqa: F401,F403,E402
from course.checks.text_encoder import *  # noqa: F401,F403,E402

# one line per notebook module
from course.checks.tokenizer import *  # noqa: F401,F403,E402
from course.checks.unet import *  # noqa: F401,F403,E402
from course.checks.vae import *  # noqa: F401,F403,E402
