"""The site words of one language: every title and fixed phrase the docs site prints, in a project's regimes' terms.

The first regime's wording (the GDPR's "processors", not PIPA's "entrustees"), else the language's own
(``templates/<lang>/site/words.j2``); each further regime adds the words it alone needs (its notices' names),
and a further family names its own notices (``notice_<family>-<kind>``: PIPA's transfer abroad after the GDPR
notice is not a "transfer outside the EEA").
The generated pages, their navigation titles and the pages ``datamap init`` writes all take them from here.
"""

from __future__ import annotations


def site_words(env, regimes: list, lang: str) -> dict:
    """The words of ``lang`` in ``env`` (a :func:`datamap.publish.render.environment`) for ``regimes``, first first."""
    words = env.select_template([regimes[0].template(lang, "site/words.j2"), f"{lang}/site/words.j2"])
    merged = words.module.words
    for regime in regimes:
        extra = env.select_template([regime.template(lang, "site/notice_words.j2"), regime.template(lang, "site/words.j2"), words.name]).module.words
        # a further family's notices are named in its own words, under "notice_<family>-<kind>"
        own = {} if regime.family == regimes[0].family else {
            f"notice_{regime.family}-{key.removeprefix('notice_')}": value for key, value in extra.items() if key.startswith("notice_")}
        merged = {**extra, **merged, **own}
    return merged
