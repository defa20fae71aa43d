"""Words for people in English and 简体中文: one catalogue for the engine, the outputs and the app.

English is the source language. Every other language lives in one Qt translation source per
language, ``spaceplanner/translations/spaceplanner_<locale>.ts`` — the file a translator opens in Qt
Linguist (or any XLIFF/TS tool). The desktop loads its compiled ``.qm`` through Qt; the engine, the
CLI and the exports (no Qt) read the same ``.ts`` here. ``python -m spaceplanner.ui.i18n`` gathers
the strings of the whole code into it: ``self.tr(...)`` in the app, :func:`tx` in the engine and
the loaders, and the texts of the shipped rule profiles (their ``title`` and every ``source`` and
``reason``).

Engine messages are made as
``tx("{n} residents of {layer} are unreachable").format(n=3, layer="homes")``: the result *is* the
English sentence (a ``str``, so report.json, logs and tests see plain English), and it remembers
its template and values, so ``say(text, "zh")`` says the same thing in Chinese with the same
values. A value that is itself a :class:`Text` (or a :func:`tx` word) is said in the language
too; names, ids and numbers are kept as they are. Any other string is looked up whole (a
profile's source, a word) and comes back unchanged when the catalogue does not have it.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "LANGS",
    "LOCALES",
    "Template",
    "Text",
    "Versions",
    "catalogue",
    "current_lang",
    "default_lang",
    "say",
    "set_lang",
    "ts_path",
    "tx",
]

#: The languages the tool speaks, and the Qt locale of each.
LANGS = ("en", "zh")
LOCALES = {"en": "en_GB", "zh": "zh_CN"}

_FOLDER = Path(__file__).with_name("translations")


class Text(str):
    """An English message that remembers its template and values (see the module's text)."""

    template: str
    comment: str | None
    params: dict[str, Any]

    def __new__(cls, template: str, params: Mapping[str, Any], comment: str | None = None) -> Text:
        self = super().__new__(cls, str(template).format(**params))
        self.template = str(template)
        self.comment = comment
        self.params = dict(params)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled (Dask workers, crash recovery) as template and values, not as the sentence only
        return (Text, (self.template, self.params, self.comment))


class Versions(str):
    """A text given in its own languages (a user's profile's ``title`` and ``title_zh``): the
    English string, with the other languages beside it; say() takes the one asked for."""

    versions: dict[str, str]

    def __new__(cls, english: str, versions: Mapping[str, str]) -> Versions:
        self = super().__new__(cls, english)
        self.versions = {k: v for k, v in versions.items() if v}
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Versions, (str(self), self.versions))


class Template(str):
    """A message template marked for translation (what :func:`tx` returns)."""

    comment: str | None

    def __new__(cls, template: str, comment: str | None = None) -> Template:
        self = super().__new__(cls, template)
        self.comment = comment
        return self

    def format(self, *args: object, **kwargs: Any) -> Text:
        if args:
            msg = "message templates take named values only"
            raise TypeError(msg)
        return Text(str(self), kwargs, self.comment)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Template, (str(self), self.comment))


def tx(template: str, comment: str | None = None) -> Template:
    """Mark ``template`` for translation; ``.format(name=value)`` fills it in.

    ``comment`` tells apart one English word with two meanings ("emergency" the shelter class,
    "emergency" the period); the catalogue keeps one translation for each.
    """
    return Template(template, comment)


def ts_path(lang: str) -> Path:
    """The translation source of ``lang`` (there is none for English)."""
    return _FOLDER / f"spaceplanner_{LOCALES[lang]}.ts"


@cache
def catalogue(lang: str) -> dict[tuple[str, str | None], str]:
    """The finished translations of ``lang``: (English source, comment) -> translation."""
    if lang == "en" or lang not in LOCALES:
        return {}
    path = ts_path(lang)
    if not path.exists():
        return {}
    table: dict[tuple[str, str | None], str] = {}
    # the engine's texts are in the context pylupdate5 gives tx() calls; the app's own
    # (QtMainWindow, ...) are Qt's to look up
    engine = [
        c for c in ET.parse(path).getroot().iter("context") if c.findtext("name") == "@default"
    ]
    for message in (m for c in engine for m in c.iter("message")):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None or translation is None or not translation.text:
            continue
        if translation.get("type") in {"unfinished", "obsolete", "vanished"}:
            continue
        comment = message.findtext("comment") or None
        table[(source, comment)] = translation.text
        table.setdefault((source, None), translation.text)
    return table


def say(text: Any, lang: str) -> str:
    """``text`` in ``lang``: a :class:`Text` with its template translated and its values kept,
    any other string looked up whole; unchanged when the catalogue does not have it."""
    if text is None:
        return ""
    if lang == "en" or not isinstance(text, str):
        return str(text)
    if isinstance(text, Versions) and lang in text.versions:
        return text.versions[lang]
    table = catalogue(lang)
    if isinstance(text, Text):
        template = table.get((text.template, text.comment)) or table.get((text.template, None))
        if template is None:
            return str(text)
        params = {
            k: say(v, lang) if isinstance(v, Text | Template | Versions) else v
            for k, v in text.params.items()
        }
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            # a translation that names a value the template has not: the English is right
            return str(text)
    comment = text.comment if isinstance(text, Template) else None
    return table.get((str(text), comment)) or table.get((str(text), None)) or str(text)


def default_lang() -> str:
    """The language of messages when none is chosen: ``SPACEPLANNER_LANG``, else the
    system locale's (Chinese for ``zh_*``), else English."""
    chosen = os.environ.get("SPACEPLANNER_LANG", "").strip().lower()
    if chosen in LANGS:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        found = locale.getlocale()[0] or ""
    except ValueError:
        found = ""
    return "zh" if found.lower().startswith("zh") else "en"


_chosen: list[str] = []


def set_lang(lang: str | None) -> None:
    """Make ``lang`` the language of messages in this process (the app's language, the CLI's
    ``--lang``); None goes back to :func:`default_lang`."""
    _chosen[:] = [lang] if lang in LANGS else []


def current_lang() -> str:
    """The language messages are said in: the one set, else :func:`default_lang`."""
    return _chosen[0] if _chosen else default_lang()
