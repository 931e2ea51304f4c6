"""Checks the notebooks run after each step: does the learner's function or module agree with ours?

``course.checks.core`` holds the generic comparison (``compare``, ``CheckResult``); each notebook
has its own module of ``check_*`` functions, all re-exported here so a notebook calls
``course.checks.check_bpe(bpe)``.
"""
from course.checks.core import CheckResult, compare, first_difference, short
from course.checks.tokenizer import (check_bpe, check_bytes_to_unicode, check_clean, check_encode, check_pad,
                                     check_pre_tokenize, check_train_bpe, clip_tokenizer)

__all__ = ["CheckResult", "compare", "first_difference", "short", "clip_tokenizer", "check_bytes_to_unicode",
           "check_clean", "check_pre_tokenize", "check_bpe", "check_encode", "check_pad", "check_train_bpe"]
