"""The house rules of course/: no import cycle (imports inside functions count), and each role imports only
from the roles before it in the data flow, so a reader can go top to bottom."""
import ast
from pathlib import Path

COURSE = Path(__file__).resolve().parents[1] / "course"
# the data flow, earliest first; a module may import its own role and the roles before it
ROLES = ["parts", "config", "text", "nets", "io", "sampling", "pipeline", "notebook", "training", "checks", "cli",
         "__main__"]


def module_name(path: Path) -> str:
    parts = path.relative_to(COURSE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str], package: str) -> set[str]:
    """Every course module that ``path`` (in ``package``) imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names = [base] + [f"{base}.{a.name}" for a in node.names]  # `from course.io import keymap` too
        else:
            continue
        for name in names:
            while name and name not in modules:  # course.io.loading.Parts -> course.io.loading
                name = name.rpartition(".")[0]
            if name and name.startswith("course"):
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in COURSE.rglob("*.py")}
    modules = set(files)
    # a package's __init__ is imported on the way to any of its modules, so it is not an edge of its own
    package = {m: m if p.name == "__init__.py" else m.rpartition(".")[0] for m, p in files.items()}
    return {m: {t for t in imports(p, modules, package[m]) if t != m and not m.startswith(t + ".") and t != "course"}
            for m, p in files.items()}


def role(module: str) -> str:
    return module.split(".")[1] if module.count(".") else "course"


def test_every_module_has_a_role():
    missing = sorted({role(m) for m in graph()} - set(ROLES) - {"course"})
    assert not missing, f"course/{missing} is in no role of ROLES: add it where it sits in the data flow"


def test_no_import_cycle():
    edges, cycles = graph(), []
    state = {}  # 1 = on the stack, 2 = done

    def visit(m, stack):
        state[m] = 1
        for t in sorted(edges[m]):
            if state.get(t) == 1:
                cycles.append(" -> ".join(stack[stack.index(t):] + [t]))
            elif t not in state:
                visit(t, stack + [t])
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m, [m])
    assert not cycles, "import cycles in course/ (move what both need into a module that imports neither):\n" + \
        "\n".join(cycles)


def test_roles_import_only_earlier_roles():
    wrong = [f"{m} ({role(m)}) imports {t} ({role(t)})" for m, ts in graph().items() for t in ts
             if ROLES.index(role(t)) > ROLES.index(role(m))]
    assert not wrong, "imports against the data flow:\n" + "\n".join(sorted(wrong))


def test_the_walk_sees_imports_inside_functions(tmp_path):
    # the rule counts lazy imports: a checker that skipped them would pass the cycles it exists to catch
    src = tmp_path / "m.py"
    src.write_text("def f():\n    from course.pipeline import text_to_image\n")
    assert imports(src, {"course.pipeline"}, "course") == {"course.pipeline"}
