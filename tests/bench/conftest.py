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


@pytest.fixture(scope="session")
def scale_snapshots(django_db_setup, django_db_blocker, row_snapshot, tmp_path_factory):
    """Scale data of a given size, generated once per test run and then loaded as rows into each test."""
    import io

    from django.core.management import call_command
    from django.test import override_settings

    made = {}

    def of_size(councils, years):
        if (councils, years) not in made:
            media = tmp_path_factory.mktemp("scale-media")
            with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
                made[councils, years], _ = row_snapshot.make(lambda: call_command(
                    "generate_scale_data", councils=councils, years=years, stdout=io.StringIO()), media)
        return made[councils, years]

    return of_size
