"""The command line: `python -m course tokenize PROMPT` (what `make demo` runs)."""
import subprocess
import sys

from course.__main__ import main
from course.tokenizer import load_clip_tokenizer


def test_tokenize_prints_tokens_ids_and_weights(capsys):
    assert main(["tokenize", "a (red:1.5) circle"]) == 0
    out = capsys.readouterr().out
    tok = load_clip_tokenizer()
    assert "3 tokens -> 1 chunk(s)" in out
    red = tok.encoder["red</w>"]
    assert any(line.split()[:3] == [str(red), "1.500", "red</w>"] for line in out.splitlines())
    assert "<|startoftext|>" in out and out.count("<|endoftext|>") == 1  # padding is not listed


def test_long_prompt_is_shown_as_two_chunks(capsys):
    assert main(["tokenize", "cat " * 100]) == 0
    out = capsys.readouterr().out
    assert "100 tokens -> 2 chunk(s)" in out and "chunk 1: 27 of 77" in out


def test_missing_tokenizer_folder_is_a_short_error_not_a_traceback(tmp_path, capsys):
    assert main(["tokenize", "a cat", "--tokenizer", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "tokenizer/ folder" in err and "Traceback" not in err


def test_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "course", "tokenize", "a photo of a cat"],
                            capture_output=True, text=True, timeout=120)
    cat = load_clip_tokenizer().encoder["cat</w>"]
    assert result.returncode == 0 and f"{cat}   1.000  cat</w>" in result.stdout
