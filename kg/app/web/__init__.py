"""The web pages kg writes and serves (query.html is package data), and the one way data goes
into them."""
from __future__ import annotations

import json

# what could close a <script> block or open a comment (<, >, &), and the line and paragraph
# separators, which older JavaScript does not allow in a string literal
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                                 "\u2029": "\\u2029"})


def script_json(obj) -> str:
    """JSON to paste into a <script> block: nothing in it can end the block or the string."""
    return json.dumps(obj, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
