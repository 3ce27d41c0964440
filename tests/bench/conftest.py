import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Scale data writes attachment files and --replace removes them: never in the real media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def bench_urls(settings):
    """bench runs with benchmarks.settings, whose URLs add the bare view it compares against."""
    settings.ROOT_URLCONF = "benchmarks.urls"
