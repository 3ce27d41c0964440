"""`make bench`: settings, URLs and helpers for measuring Lobra's speed at national scale."""
