"""Mention finders, one per entity type. Each: (Text, context) -> list[Mention]."""
