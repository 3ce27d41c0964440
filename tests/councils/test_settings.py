import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment.update(env)
    return subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=environment,
                          capture_output=True, text=True)


def test_refuses_to_start_without_secret_key_in_production():
    result = run_check(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_starts_with_secret_key():
    assert run_check(DEBUG="0", SECRET_KEY="x" * 50).returncode == 0


# Set by the browser tests' conftest for Playwright; production never has it.
NOT_IN_PRODUCTION = {"SECRET_KEY", "DEBUG", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"}
PRODUCTION = {"DEBUG": "0", "SECRET_KEY": "k3$" + "x7Qp" * 16, "ALLOWED_HOSTS": "lobra.example.se",
              "DATABASE_URL": "sqlite:////tmp/lobra-check-deploy.sqlite3"}


def test_check_deploy_is_clean_under_production_environment():
    environment = {k: v for k, v in os.environ.items() if k not in NOT_IN_PRODUCTION}
    environment.update(PRODUCTION)
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], cwd=ROOT,
                            env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_turns_on_https_hsts_and_database_health_checks():
    code = ("from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
            "s.DATABASES['default']['CONN_HEALTH_CHECKS'])")
    environment = {k: v for k, v in os.environ.items() if k not in NOT_IN_PRODUCTION}
    environment.update(PRODUCTION, DJANGO_SETTINGS_MODULE="lobra.settings")
    result = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code], cwd=ROOT,
                            env=environment, capture_output=True, text=True)
    assert result.stdout.split() == ["True", "31536000", "True"], result.stderr


def test_pages_carry_a_content_security_policy_without_inline_allowances(client):
    policy = client.get("/konto/login/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy


INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def test_no_template_has_inline_script_or_style():
    offenders = [f"{path.relative_to(ROOT)}: {match.group(0)}"
                 for path in sorted((ROOT / "templates").rglob("*.html"))
                 for match in INLINE.finditer(path.read_text())]
    assert offenders == []
