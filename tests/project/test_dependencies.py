"""The project installs with plain pip: every imported package is declared, Bootstrap is a plain static file."""

import ast
import importlib.metadata
import pathlib
import re
import sys

from django.contrib.staticfiles import finders

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Runtime code must get by with requirements.txt; demo and benchmarks may use the development tools too.
RUNTIME_DIRS = ["lobra", "councils", "meetings", "protocols", "measures"]
DEVELOPMENT_DIRS = ["benchmarks", "demo"]


def declared_requirements(*names):
    declared = set()
    for name in names:
        for line in (ROOT / name).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-"):
                declared.add(re.split(r"[=<>\[ ]", line)[0].lower().replace("_", "-"))
    return declared


def imported_top_level_modules(dirs):
    modules = set()
    for app in dirs:
        for path in (ROOT / app).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    modules.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules.add(node.module.split(".")[0])
    local = {p.name for p in ROOT.iterdir() if p.is_dir()}
    return {m for m in modules if m not in sys.stdlib_module_names and m not in local}


def undeclared_imports(dirs, declared):
    distributions = importlib.metadata.packages_distributions()
    return {
        module: distributions.get(module)
        for module in imported_top_level_modules(dirs)
        if not {d.lower().replace("_", "-") for d in distributions.get(module, [module])} & declared
    }


def test_every_package_the_runtime_code_imports_is_declared_in_requirements():
    assert undeclared_imports(RUNTIME_DIRS, declared_requirements("requirements.txt")) == {}


def test_every_package_the_benchmarks_import_is_declared_in_the_development_requirements():
    declared = declared_requirements("requirements.txt", "requirements-dev.txt")
    assert undeclared_imports(DEVELOPMENT_DIRS, declared) == {}


def test_no_xstatic_or_unused_htmx_in_requirements():
    declared = declared_requirements("requirements.txt")
    assert "xstatic-bootstrap" not in declared
    assert "django-htmx" not in declared


def test_bootstrap_css_is_a_plain_static_file_with_its_licence():
    css = finders.find("bootstrap/css/bootstrap.min.css")
    assert css and "Bootstrap  v5.3.8" in pathlib.Path(css).read_text()[:200]
    assert finders.find("bootstrap/css/bootstrap.min.css.map")
    assert "MIT License" in (ROOT / "static" / "bootstrap" / "LICENSE").read_text()
