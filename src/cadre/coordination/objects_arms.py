"""Declarations of coordination's arms types."""
