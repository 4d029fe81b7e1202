from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def restore_language(sender, request, user, **kwargs):
    if user.language:
        request.session["cadre_language"] = user.language
