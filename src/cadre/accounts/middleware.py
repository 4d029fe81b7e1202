from django.conf import settings
from django.utils import translation


class UserLanguageMiddleware:
    """Put the signed-in user's saved language before the browser's Accept-Language.

    Runs before LocaleMiddleware, which reads the language cookie; the session's user
    is looked up only when the request carries a session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.session.get("cadre_language")
        if chosen in dict(settings.LANGUAGES):
            request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = chosen
        response = self.get_response(request)
        return response


def remember_language(request, language):
    request.session["cadre_language"] = language
    translation.activate(language)
