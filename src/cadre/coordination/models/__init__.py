"""Coordination's records: what the host nation needs and what nations offer (requirements),
what was given and paid (money), and where each donated weapon is (arms)."""

from .arms import *  # noqa: F403
from .money import *  # noqa: F403
from .requirements import *  # noqa: F403
