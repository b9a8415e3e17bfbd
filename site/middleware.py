"""Small middleware the shell needs."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class VisitorLanguageMiddleware:
    """Chinese for every visitor unless they chose another language on the site.

    Django's LocaleMiddleware would follow the browser's Accept-Language; a Chinese bureau's
    site stays Chinese by default and switches only on the visitor's explicit choice (the
    language cookie set by Django's ``set_language`` view). The Wagtail admin follows each
    user's own preference, as it always does.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # For this request only: the thread goes back to its language afterwards, so that one
        # English visitor leaves no English behind (for work done outside a request, or tests).
        with translation.override(language):
            response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response
