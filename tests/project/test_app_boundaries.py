"""The arrows between apps run one way: no domain app imports the demo or benchmark apps."""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOMAIN_APPS = ["councils", "meetings", "protocols", "measures", "lobra"]
DEVELOPMENT_APPS = {"demo", "benchmarks"}


def imports_of(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_domain_app_does_not_import_demo_or_benchmarks(app):
    offending = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / app).rglob("*.py")
        for name in imports_of(path)
        if name.split(".")[0] in DEVELOPMENT_APPS
    ]
    assert offending == []


def test_no_domain_app_keeps_demo_or_scale_modules():
    leftovers = [str(p.relative_to(ROOT)) for app in DOMAIN_APPS for p in (ROOT / app).glob("*.py")
                 if p.stem in {"demo", "scale"}]
    assert leftovers == []
