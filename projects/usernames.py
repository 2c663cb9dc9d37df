r"""User names that cannot be mistaken for one another.

Members are shown by user name (invitations by user name, history, presence), so a
sign-up as ``\u0430lice`` (a Cyrillic a) beside ``alice`` could be taken for her. Django already
applies NFKC (full-width and ligature forms become plain letters); on top of that every
name gets a *skeleton*: accents stripped, case folded, and the letters that look like
Latin ones in common fonts (Cyrillic, Greek, digits 0 and 1, "rn") mapped to them, after
Unicode TR39's idea. A small table instead of the full confusables list (a library and
a 600 KB data file): it covers the scripts a look-alike of a Latin name is made from.
"""

from __future__ import annotations

import unicodedata

from django.contrib.auth import get_user_model

# Letters that pass for Latin ones, each above the letter it passes for.
_LOOK_ALIKES = str.maketrans(
    "авеёзкмнорстухѕіїјԁһԛԝӏɡոս"  # Cyrillic, then Latin script g and Armenian vo, seh
    "αβγεηικνορτυχωζμ"  # Greek
    "01i|",  # digits and Latin letters that pass for each other
    "abee3kmhopctyxslljdhqwlgnuabyenlkvoptuxwzuolll",
)


def skeleton(name: str) -> str:
    """What a name looks like: equal skeletons are names a reader can mistake."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(_LOOK_ALIKES).replace("rn", "m").replace("vv", "w")


def look_alike_exists(name: str) -> bool:
    """True when an existing account's name has the same skeleton (one pass over the names:
    sign-ups are rare; a skeleton column would make it an index lookup at scale)."""
    wanted = skeleton(name)
    names = get_user_model().objects.values_list("username", flat=True)
    return any(skeleton(existing) == wanted for existing in names.iterator(chunk_size=2000))
