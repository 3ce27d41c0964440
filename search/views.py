"""The search page: the form, then the hits grouped by kind."""

import math

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors
from .access import readable_councils
from .forms import SearchForm
from .query import parse


@login_required
def search(request, engine=None):
    """The search page; `engine="icontains"` (bench only) forces the plain fallback to time it side by side."""
    councils = list(readable_councils(request.user))
    form = SearchForm(request.GET or None, councils=councils)
    results, pages = None, None
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        results = selectors.search(
            user=request.user, text=parse(data["q"]), councils=councils, council=data["council"],
            kind=data["kind"] or None, year=data["year"], page=data["page"] or 1, basic=engine == "icontains",
        )
        if data["kind"] and results.groups:
            pages = _pages(data["page"] or 1, results.groups[0].total)
    return render(request, "search/results.html", {
        "form": form, "results": results, "pages": pages, "several_councils": len(councils) > 1,
        "full_text": selectors.full_text() and engine != "icontains",
    })


def _pages(page, total):
    count = max(1, math.ceil(total / selectors.PAGE_SIZE))
    return {"number": page, "count": count, "previous": page - 1 if page > 1 else None,
            "next": page + 1 if page < count else None}
