"""Coordination's object types, in the order the dataset loads them: money first (a
donated item points to its donation), then requirements and offers, then the items."""
# ruff: noqa: I001, F401

from . import objects_money
from . import objects_requirements
from . import objects_arms
from . import objects_deliveries
