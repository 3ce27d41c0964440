"""The interface language: Swedish unless the user chose another on the settings page."""

from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    """Activates the language in the cookie that Django's set_language view writes, else LANGUAGE_CODE.

    Unlike LocaleMiddleware it does not follow the browser's Accept-Language: many council members run an
    English operating system but work in Swedish, so English is a choice, not a guess."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
