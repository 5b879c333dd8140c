"""The static checks: ruff over the repository, mypy --strict over the store and the extractor.

Both run as the developer would run them, from the repository root with pyproject.toml's
configuration. mypy checks ``store/`` and every module of ``quotes/`` except those the
configuration still marks as not yet strict-clean (the ``follow_imports = "silent"``
override on ``quotes.*`` modules); its cache stays in the repository's ``.mypy_cache``.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(tool: str, *args: str, timeout: int = 120) -> None:
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed (pip install -e '.[test]' installs it)")
    result = subprocess.run([sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{tool} {' '.join(args)} failed:\n{result.stdout}{result.stderr}"


def not_yet_strict() -> set[str]:
    """The quotes modules pyproject.toml exempts for now (read for their types, errors not shown)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    modules: set[str] = set()
    for override in config.get("overrides", []):
        if override.get("follow_imports") == "silent":
            names = override["module"]
            modules |= {m for m in ([names] if isinstance(names, str) else names) if m.startswith("quotes.")}
    return modules


def mypy_targets() -> list[str]:
    skipped = not_yet_strict()
    quotes = [p for p in sorted((ROOT / "quotes").glob("*.py")) if f"quotes.{p.stem}" not in skipped]
    return ["store", *(str(p.relative_to(ROOT)) for p in quotes)]


def test_ruff_finds_nothing() -> None:
    _run("ruff", "check", ".")


def test_mypy_strict_finds_nothing() -> None:
    # A cold cache takes about 10 s on one core; later runs read .mypy_cache and take one.
    _run("mypy", *mypy_targets())


def test_the_exemption_names_existing_modules() -> None:
    """A module renamed or deleted must leave the not-yet-strict list too."""
    missing = [m for m in not_yet_strict() if not (ROOT / "quotes" / f"{m.removeprefix('quotes.')}.py").is_file()]
    assert not missing, f"pyproject.toml exempts modules that do not exist: {missing}"


def test_no_module_of_the_extractor_is_over_600_lines() -> None:
    # the extractor stays in small modules with one job each (docs/design.md)
    long = {p.name: n for p in (ROOT / "quotes").glob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert not long, long
