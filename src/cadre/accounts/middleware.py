from django.conf import settings


class UserLanguageMiddleware:
    """Put the signed-in user's saved language before the browser's Accept-Language.

    Runs before LocaleMiddleware, which reads the language cookie first; the choice
    is kept in the session at login and when the user switches language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.session.get("cadre_language")
        if chosen in dict(settings.LANGUAGES):
            request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = chosen
        return self.get_response(request)
