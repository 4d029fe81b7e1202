from .urls_arms import urlpatterns as arms
from .urls_deliveries import urlpatterns as deliveries
from .urls_money import urlpatterns as money
from .urls_requirements import urlpatterns as requirements

app_name = "coordination"
urlpatterns = [*requirements, *money, *arms, *deliveries]
