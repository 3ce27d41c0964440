from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import services
from .forms import FeedbackForm
from .models import DIGG_COMPLAINT_URL, Statement


def statement(request):
    """The accessibility statement, public like the law wants it, with its feedback form."""
    current = Statement.objects.prefetch_related("deviations").first()
    if current is None:
        raise Http404(_("Tillgänglighetsredogörelsen är inte ifylld än."))
    form = FeedbackForm(request.POST or None, initial={"page": request.GET.get("page", "")})
    if request.method == "POST" and form.is_valid():
        services.feedback_send(statement=current, **form.cleaned_data)
        messages.success(request, _("Tack! Din synpunkt är skickad till %(email)s.") % {"email": current.contact_email})
        return redirect("accessibility:statement")
    return render(request, "accessibility/statement.html", {
        "statement": current, "form": form, "digg_url": DIGG_COMPLAINT_URL,
    })
