"""API clients for the timeline import's tests (as in tests/api)."""

from api.conftest import api_as, token_client  # noqa: F401
