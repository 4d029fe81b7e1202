from .context import Actor, acting_as


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        channel = (
            "api" if path.startswith("/api/") else "admin" if path.startswith("/admin/") else "web"
        )
        with acting_as(Actor(channel=channel, request=request)):
            return self.get_response(request)
