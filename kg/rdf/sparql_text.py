"""SPARQL read as text, without a parser: where its keywords are. Shared by kg query (does a
question use named graphs?) and kg serve (could it make the server fetch something?); imports
nothing heavy, so the endpoint's worker processes start fast."""
from __future__ import annotations

import re

# IRIs, long and short strings, comments: where a keyword is not a keyword
_NOT_KEYWORDS = re.compile(r"""<[^<>"{}|^`\\\s]*>|'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|"""
                           r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*""")
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape_codepoints(text: str) -> str:
    """\\uXXXX and \\UXXXXXXXX replaced, as the SPARQL grammar says may be done before parsing:
    a keyword written with them is still found."""
    def one(m: re.Match) -> str:
        n = int(m.group(1) or m.group(2), 16)
        return chr(n) if n <= 0x10FFFF and not 0xD800 <= n <= 0xDFFF else m.group(0)

    return _CODEPOINT.sub(one, text)


def keywords_only(sparql: str) -> str:
    """The text with its IRIs, strings and comments blanked: what is left are keywords, names
    and variables."""
    return _NOT_KEYWORDS.sub(" ", unescape_codepoints(sparql))


def has_keyword(sparql: str, pattern: str) -> bool:
    """Whether a keyword matching pattern (a regex alternation, any case) is used as a keyword:
    not as part of a variable (?graph), a prefixed name (ex:graph) or a longer word."""
    return re.search(rf"(?<![\w?$:])({pattern})(?![\w:-])", keywords_only(sparql), re.IGNORECASE) is not None
