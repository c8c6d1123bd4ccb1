"""Chanye KG: a knowledge graph of China's local industrial development, read from news articles."""

__version__ = "0.1.0"
