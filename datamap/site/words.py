"""The site words of one language: every title and fixed phrase the docs site prints, in a project's regimes' terms.

The first regime's wording (the GDPR's "processors", not PIPA's "entrustees"), else the language's own
(``templates/<lang>/site/words.j2``); each further regime adds the words it alone needs (its notices' names).
The generated pages, their navigation titles and the pages ``datamap init`` writes all take them from here.
"""

from __future__ import annotations


def site_words(env, regimes: list, lang: str) -> dict:
    """The words of ``lang`` in ``env`` (a :func:`datamap.publish.render.environment`) for ``regimes``, first first."""
    words = env.select_template([regimes[0].template(lang, "site/words.j2"), f"{lang}/site/words.j2"])
    merged = words.module.words
    for regime in regimes:
        extra = env.select_template([regime.template(lang, "site/notice_words.j2"), words.name]).module.words
        merged = {**extra, **merged}
    return merged
