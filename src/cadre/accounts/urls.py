from django.contrib.auth import views as auth_views
from django.urls import path

from .views_tokens import token_urlpatterns

app_name = "accounts"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    *token_urlpatterns,
]
