from django.urls import path

from . import views_money

urlpatterns = [
    path("money/", views_money.MoneyView.as_view(), name="money"),
    path("money/iati.xml", views_money.IatiDownloadView.as_view(), name="money-iati"),
]
