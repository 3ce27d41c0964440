from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """`make bench`: scale data (`generate_scale_data`) and page timings (`bench`)."""

    name = "benchmarks"
    verbose_name = "Prestandamätning"
