"""Lobra's settings as in production, plus a bare view to compare against (never in lobra.urls)."""

import os
import warnings

# A local benchmark database only; production reads its own SECRET_KEY.
os.environ.setdefault("SECRET_KEY", "lobra-bench-only-not-secret")

from lobra.settings import *  # noqa: E402, F403

# Timings must not include Django's debug machinery (query log, debug templates).
DEBUG = False
ROOT_URLCONF = "benchmarks.urls"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]  # noqa: F405
# The benchmark fetches HTML only; plain static URLs spare a collectstatic run for the manifest.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# The benchmark talks plain HTTP to localhost; in production TLS ends at the proxy in front of gunicorn.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0

# WhiteNoise warns at startup when collectstatic has not run; the benchmark does not serve static files.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

# Scale data brings thousands of attachment files; keep them apart from a developer's own uploads.
if "MEDIA_ROOT" not in os.environ:
    MEDIA_ROOT = BASE_DIR / "media" / "bench"  # noqa: F405
