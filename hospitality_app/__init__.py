"""Hospitality: plan and check the visits of foreign clients."""

__version__ = "0.1.0"
