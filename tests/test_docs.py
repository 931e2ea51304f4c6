"""The learner-facing docs keep their promises: a glossary of 120+ terms with 中文, every notebook's interview
questions listed in docs/interview.md, and links inside docs/ that lead somewhere."""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CJK = re.compile(r"[\u4e00-\u9fff]")


def glossary_rows():
    rows = []
    for line in (DOCS / "glossary.md").read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")] if line.startswith("| ") else []
        if len(cells) >= 4 and cells[0] not in ("English", "#") and not set(line) <= set("|- "):
            rows.append(cells)
    return rows


def test_the_glossary_has_120_terms_each_with_chinese_a_definition_and_a_place():
    rows = [r for r in glossary_rows() if not r[0].isdigit()]
    assert len(rows) >= 120
    # some terms are written the same in Chinese (A1111 WebUI, VQ-GAN): then the definition carries the 中文 gloss
    lacking = [r[0] for r in rows if not CJK.search(r[1] + r[2]) or len(r[2]) < 10 or not r[3]]
    assert not lacking, f"glossary rows without 中文, a definition or a place: {lacking[:10]}"


def notebook_questions():
    """The interview questions the solution notebooks ask (their numbered items under an interview heading)."""
    found = {}
    for path in sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        found[path.stem] = text
    return found


@pytest.mark.parametrize("name", sorted(notebook_questions()))
def test_interview_page_covers_every_notebook(name):
    page = (DOCS / "interview.md").read_text()
    assert f"solutions/{name}.ipynb" in page
    assert len(CJK.findall(page)) > 500  # the Chinese titles are there


def test_relative_links_in_docs_lead_to_files():
    broken = []
    for page in [ROOT / "README.md", *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text()):
            if "://" in target:
                continue
            if not (page.parent / target).exists():
                broken.append(f"{page.name}: {target}")
    assert not broken, "links to missing files:\n" + "\n".join(broken)
