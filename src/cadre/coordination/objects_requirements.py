"""Declarations of coordination's requirements types."""
