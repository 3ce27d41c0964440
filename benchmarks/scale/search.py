"""`make bench` pages for search (the search app itself): a common word, a compound tail, and both as a plain icontains over the same rows.

Search has no scale data of its own (it reads the other apps' rows), so there is no `generate` here.
"""

from benchmarks.scale import Page

COMMON_WORD = "ungdomar"  # in a sentence of most scale minutes
COMPOUND_TAIL = "störningar"  # only inside "ordningsstörningar"


def bench_pages(council):
    """The search page for the council's coordinator, PostgreSQL full-text next to the icontains engine."""
    return [
        Page("search_common", "search:results", data={"q": COMMON_WORD}),
        Page("search_compound", "search:results", data={"q": COMPOUND_TAIL}),
        Page("search_common_icontains", "bench-search-icontains", data={"q": COMMON_WORD}),
        Page("search_compound_icontains", "bench-search-icontains", data={"q": COMPOUND_TAIL}),
    ]
