from django.contrib.auth import authenticate as django_authenticate
from django.core.management import call_command
from django.test import RequestFactory

from councils.models import Council, Forum, Membership, Person


def counts():
    return (Council.objects.count(), Forum.objects.count(), Person.objects.count(), Membership.objects.count())


def test_load_demo_twice_changes_nothing(demo):
    first = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert counts() == first
    assert first[2] >= 15


def authenticate(**credentials):
    """Log in as the login form does: django-axes needs the request to count failures per address."""
    return django_authenticate(RequestFactory().post("/konto/login/"), **credentials)


def test_demo_logins_work_and_isolate_councils(db, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "hemligt-demo")
    call_command("load_demo", stdout=open("/dev/null", "w"))
    demo = Council.objects.get(name="Hägersten-Älvsjös lokala brottsförebyggande råd")
    for username in ["samordnare", "ledamot", "ordforande", "justerare"]:
        user = authenticate(username=username, password="hemligt-demo")
        assert user is not None and demo.is_member(user)
    annan = authenticate(username="annan", password="hemligt-demo")
    assert not demo.is_member(annan)
    assert demo.has_perm(authenticate(username="samordnare", password="hemligt-demo"), "council.manage")


def test_demo_has_the_seed_forum_tree(demo):
    umbrella = Forum.objects.get(name="Trygg hela veckan")
    assert {f.name for f in umbrella.children.all()} == {"YOLO", "RoS", "Interaktiva närmiljövandringar"}


def test_dry_run_saves_nothing(db):
    call_command("load_demo", "--dry-run", stdout=open("/dev/null", "w"))
    assert counts() == (0, 0, 0, 0)


def test_demo_sends_no_email_even_with_a_real_backend(db, settings, mailoutbox, monkeypatch):
    sent = []
    monkeypatch.setattr("django.core.mail.backends.smtp.EmailBackend.send_messages",
                        lambda self, messages: sent.extend(messages) or len(messages))
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert sent == []
