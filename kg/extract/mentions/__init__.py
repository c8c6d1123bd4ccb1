"""Mention finders, one per entity type. Each: (Text, context) -> list[Mention]. names.py holds
the name grammar (suffixes, a name's left edge) that more than one of them reads."""
