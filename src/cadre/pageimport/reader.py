"""Read a public page and find its dated events: plain functions, no Django.

    page = page_text(raw, name="milestones.html")   # text, blocks, title, address
    candidates = read_dates(page, actors=lexicon)     # one Candidate per dated event

The page becomes blocks (headings, paragraphs, list items, table rows) laid end to end in
one text, each with its character offsets; every Unicode space is made an ordinary space
one for one, so an offset into the text is an offset into what the reviewer sees. A block
is a year heading (it sets the context year), a date-led line ("16 December 2004: ...",
"End 2004: ...", "2007 ...") or prose, split into sentences. Dates are read by the
patterns below, behind guards that keep resolutions, money, counts and durations out.
A date without a year takes the context year and says so (`inferred_year`); with no
context year it has none: never one taken from today.
"""

import calendar
import copy
import datetime
import functools
import itertools
import re
from dataclasses import asdict, dataclass, field, replace
from html.parser import HTMLParser
from typing import NamedTuple

import babel
import babel.core
from dateutil.easter import easter

# ---------------------------------------------------------------------------------------
# Pages: text and blocks

# Every Unicode space separator and the other blanks pages use, each made one ordinary space.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b\u2028\u2029\ufeff]")
_BLOCK_TAGS = {
    "p": "paragraph",
    "li": "item",
    "tr": "row",
    "dt": "item",
    "dd": "item",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "caption": "paragraph",
    "figcaption": "paragraph",
    "blockquote": "paragraph",
    "div": "paragraph",
    "section": "paragraph",
    "article": "paragraph",
    "td": None,
    "th": None,
    "br": None,
    "title": "title",
}
_SKIPPED = {"script", "style", "noscript", "template", "svg", "nav", "footer", "head"}


@dataclass
class Block:
    start: int
    end: int
    kind: str  # heading, paragraph, item, row, line


@dataclass
class Page:
    text: str
    blocks: list[Block]
    title: str = ""
    address: str = ""


class _Blocks(HTMLParser):
    def __init__(self, stored_text: bool = False):
        super().__init__(convert_charrefs=True)
        # A stored copy's plain text with a stray tag or two: outside any block tag, its blank
        # lines still part its paragraphs (a date line, a byline), as they would in plain text.
        self.stored_text = stored_text
        self.parts: list[str] = []  # text of the block being read
        self.kinds: list[str] = []  # open block tags, innermost last
        self.blocks: list[tuple[str, str]] = []  # (kind, text)
        self.skipping = 0
        self.title = ""
        self.in_title = False

    def _flush(self):
        text = "".join(self.parts)
        self.parts = []
        if text.strip():
            kind = self.kinds[-1] if self.kinds else "paragraph"
            self.blocks.append((kind, " ".join(text.split(" ")).strip()))

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            if tag != "head":
                self.skipping += 1
            return
        if tag == "title":
            self.in_title = True
            return
        if tag in ("td", "th"):
            if self.parts and "".join(self.parts).strip():
                self.parts.append("\t")
            return
        if tag == "br":
            self._flush()
            return
        kind = _BLOCK_TAGS.get(tag)
        if kind:
            self._flush()
            self.kinds.append(kind)

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            if tag != "head":
                self.skipping = max(0, self.skipping - 1)
            return
        if tag == "title":
            self.in_title = False
            return
        if _BLOCK_TAGS.get(tag):
            self._flush()
            if self.kinds:
                self.kinds.pop()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
            return
        if self.skipping:
            return
        paragraphs = [data]
        if self.stored_text and not self.kinds:
            paragraphs = re.split(r"\n[ \t]*\n", data)
        for number, paragraph in enumerate(paragraphs):
            if number:
                self._flush()
            self.parts.append(re.sub(r"[ \r\n]+", " ", _SPACES.sub(" ", paragraph)))


def _looks_like_html(raw: str) -> bool:
    # A stored copy may keep only inline tags: "<span ...>Foto: <strong>...</strong></span>".
    return bool(
        re.search(
            r"<(html|body|p|div|li|h[1-6]|table)\b|</(span|strong|em|b|i|a|font)>", raw[:5000], re.I
        )
    )


def page_text(raw: str, name: str = "") -> Page:
    """The page's text as blocks with offsets; HTML or plain text (which may begin with
    `SOURCE: <url>` and `TITLE: <title>` lines)."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    address = title = ""
    html_file = name.lower().endswith((".html", ".htm"))
    if not html_file:
        lines = raw.split("\n")
        while lines and re.match(r"(SOURCE|TITLE|RETRIEVED):", lines[0]):
            label, _, value = lines.pop(0).partition(":")
            if label == "SOURCE":
                address = value.strip()
            elif label == "TITLE":
                title = value.strip()
        raw = "\n".join(lines)
    if html_file or _looks_like_html(raw):
        parser = _Blocks(stored_text=not html_file)
        parser.feed(raw)
        parser.close()
        parser._flush()
        pieces, blocks, at = [], [], 0
        for kind, text in parser.blocks:
            text = _SPACES.sub(" ", text)
            blocks.append(Block(at, at + len(text), kind))
            pieces.append(text)
            at += len(text) + 1
        title = " ".join(parser.title.split()) or title
        return Page("\n".join(pieces), blocks, title=title, address=address)
    text = _SPACES.sub(" ", raw)
    width = _wrap_width(text)
    blocks, at, last_line = [], 0, ""
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            block = Block(at + lead, at + len(line.rstrip()), "line")
            # only the end of the block before counts: the patterns below close on it
            last = blocks[-1] if blocks else Block(0, 0, "line")
            previous = text[max(last.start, last.end - 40) : last.end]
            if (
                blocks
                and (
                    (
                        _BROKEN_LINE.search(previous)
                        and _CONTINUED_LINE.match(line[lead:])
                        and not _WEEKDAY_DATE_LINE.fullmatch(line[lead:])
                        # ("julio 26, 2023" alone: a post's date below its headline)
                        and not _MONTH_FIRST_DATE_LINE.fullmatch(line[lead:])
                    )
                    # "conduct a December" / "2009 ...", "Afghanistan, June 18," / "2014.McClain"
                    or (
                        (_MONTH_CLOSING_LINE.search(previous) or _DAY_CLOSING_LINE.search(previous))
                        and _YEAR_OPENING_LINE.match(line[lead:])
                    )
                    # "from the July" / "19, 1979, seizure of power": the day and year below
                    or (
                        _DAY_AND_YEAR_OPENING_LINE.match(line[lead:])
                        and _MONTH_CLOSING_LINE.search(previous)
                    )
                    or (
                        _DAY_BEFORE_MONTH_CLOSING_LINE.search(previous)
                        and _MONTH_AND_YEAR_OPENING_LINE.match(line[lead:])
                    )
                    # A page saved with a break every sixty characters or so: a full line that
                    # stops on a word goes on in the next, a name's or a month's capital first
                    # ("at Forward" / "Operating Base Seven in" / "December. The officers were").
                    or (
                        width
                        and len(last_line.strip()) >= 0.8 * width
                        and _WRAPPED_LINE_END.search(last_line.rstrip())
                        and _WRAPPED_LINE_START.match(line[lead:])
                    )
                )
            ):
                # A sentence a saved copy broke across lines: "deployed to Nigeria on" /
                # "a wide range of training tasks in 2015."
                block = Block(blocks.pop().start, block.end, "line")
            blocks.append(block)
        at += len(line) + 1
        last_line = line  # an empty one too: a paragraph's end
    return Page(text, blocks, title=title, address=address)


def _wrap_width(text: str) -> int:
    """The width at which a saved copy broke its lines, when it broke most of its sentences
    across lines (five times or more, a third of its lines); 0 when it did not."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    broken = [
        len(line)
        for line, following in itertools.pairwise(lines)
        if _BROKEN_LINE.search(line[-40:]) and _CONTINUED_LINE.match(following)
    ]
    if len(broken) < 5 or 3 * len(broken) < len(lines):
        return 0
    return sorted(broken)[len(broken) // 2]


# A line that stops inside a sentence (a lowercase word, no mark after it), and one that
# goes on with it (a lowercase word first).
# A year may end the first ("Bestandteile der 2014" / "beschlossenen Partnerschaft") or
# begin the next ("hatte bereits" / "2016 die gleiche Summe").
_BROKEN_LINE = re.compile(r"[a-zà-ÿß,]$|[a-zà-ÿß]\s+(?:19|20)\d\d$")
# (a year before 1900 too: "el 5 de junio de" / "1895; por ende": the day is of that year;
# "ce qu'il en advint en" / "1940).": the sentence's last word, its year)
_CONTINUED_LINE = re.compile(r"[a-zà-ÿß]|(?:1\d|20)\d\d(?:[,;]?\s+[a-zà-ÿß]|\)?[.,;]\s*$)")
_WRAPPED_LINE_END = re.compile(r"\w$")
# ("... in South Vietnam during" / "1972. This project was": a year first, or a lowercase word
# after a figure, "helped train 27" / "light infantry battalions")
_WRAPPED_LINE_START = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+\b(?![:|])|(?:1\d|20)\d\d\b|[a-zà-ÿß]")


# ---------------------------------------------------------------------------------------
# Dates

ENGLISH_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Portuguese, for the pages that give a Portuguese version beside their text; written in
# lowercase in running text, as French and Spanish write theirs.
_PORTUGUESE_MONTHS = {
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
}  # fmt: skip
MONTHS = ENGLISH_MONTHS | {
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # ... as forums and blogs shorten them: "Jeu 14 Avr 2011 - 13:57"
    "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "déc": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    # Dutch, for the datelines of pages republished in the Netherlands
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    # Indonesian (its other months are written as in Dutch, German or English), for the pages
    # that give an Indonesian version beside their text
    "maret": 3, "agustus": 8, "desember": 12,
} | _PORTUGUESE_MONTHS  # fmt: skip
# Months French, Spanish and Portuguese write in lowercase in running text.
_LOWERCASE_MONTHS = {
    "janvier", "février", "fevrier", "avril", "juin", "juillet", "août", "aout", "septembre",
    "octobre", "novembre", "décembre", "decembre", "enero", "febrero", "marzo", "abril",
    "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre",
    "diciembre",
} | set(_PORTUGUESE_MONTHS)  # fmt: skip


def _month_names(names) -> str:
    """The month names as one alternative; an abbreviation's full stop belongs to the date
    only before a number ("Sep. 2022")."""
    return (
        "(?:"
        + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
        + r")(?:\.(?=\s*\d|\s+de\s+\d))?"  # "3 de sept. de 2015", too
    )


_MONTH = _month_names(MONTHS)
# A line a saved copy broke between a month and its year ("conduct a December" / "2009 ...").
_MONTH_CLOSING_LINE = re.compile(r"\s" + _month_names(n for n in MONTHS if len(n) > 3) + "$", re.I)
# ... or between a day and its year ("Afghanistan, June 18," / "2014.McClain is ...").
_DAY_CLOSING_LINE = re.compile(
    r"\s" + _month_names(n for n in ENGLISH_MONTHS if len(n) > 3) + r"\.?\s+\d\d?,$", re.I
)
# ("17 April" / "1960The International Control Commission ...": the year run into the entry)
_YEAR_OPENING_LINE = re.compile(r"(?:19|20)\d\d(?:\b|(?-i:(?=[A-Z][a-z])))")
# ... or between a day and its month ("The first course began on 3rd" / "December 1961, but"):
# the month and year below
# ("Andranik arriva à Tiflis, le 2" / "août 1914.": the article before a French day)
_DAY_BEFORE_MONTH_CLOSING_LINE = re.compile(
    r"\s(?:on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)|le\s+(?:1er|\d{1,2}))$"
)
_MONTH_AND_YEAR_OPENING_LINE = re.compile(
    _month_names(n for n in MONTHS if len(n) > 3) + r",?\s+(?:19|20)\d\d\b", re.I
)
_DAY_AND_YEAR_OPENING_LINE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b")
_YEAR = r"(?:19|20)\d\d"
# The month before its day ("February 2") is English order; in French, German and Spanish the
# day comes first, and a figure after their month is something else ("en février 2", a note).
_ENGLISH_MONTH = _month_names(ENGLISH_MONTHS)
# Spanish abbreviations no other month list holds ("12 ene. 2016", "3 ago 2015"); read only
# between a day and a year, since "ago" and "set" are English words.
_SPANISH_SHORT_MONTHS = {"ene": 1, "abr": 4, "ago": 8, "dic": 12, "set": 9}
# ... and German ones ("1. Dez. 1943", "15. Okt. 2015"), read only after a day and its stop.
_GERMAN_SHORT_MONTHS = {"jan": 1, "feb": 2, "mär": 3, "apr": 4, "aug": 8, "sept": 9, "sep": 9,
                        "okt": 10, "nov": 11, "dez": 12}  # fmt: skip
# the months a day-month-year date may name
_DAY_MONTHS = MONTHS | _SPANISH_SHORT_MONTHS | _GERMAN_SHORT_MONTHS
# German month names long enough that one run into the next word is still known.
_GERMAN_LONG_MONTHS = ("januar", "jänner", "februar", "april", "august", "september", "oktober",
                       "november", "dezember")  # fmt: skip
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
SEASONS = {
    "spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24,
    "springtime": 21, "summertime": 22, "wintertime": 24,
    "printemps": 21, "été": 22, "automne": 23, "hiver": 24,
    "frühling": 21, "frühjahr": 21, "sommer": 22, "herbst": 23,
    "primavera": 21, "verano": 22, "otoño": 23, "invierno": 24,
}  # fmt: skip
# Decades in words name the twentieth century's: "the fifties", "les années cinquante".
_DECADES_EN = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990,
}  # fmt: skip
_DECADES_FR = {
    "vingt": 1920, "trente": 1930, "quarante": 1940, "cinquante": 1950, "soixante": 1960,
    "soixante-dix": 1970, "quatre-vingt": 1980, "quatre-vingts": 1980, "quatre-vingt-dix": 1990,
}  # fmt: skip
_DECADES_ES = {
    "veinte": 1920, "treinta": 1930, "cuarenta": 1940, "cincuenta": 1950, "sesenta": 1960,
    "setenta": 1970, "ochenta": 1980, "noventa": 1990,
}  # fmt: skip
# "los años veinte y ": one look-behind a decade, each of its own width (the pattern checks
# " y " before them, so that most places fail at once)
_AFTER_SPANISH_DECADE_AND = "|".join(rf"(?<=años\s{word}\sy\s)" for word in _DECADES_ES)
_DECADES_DE = {
    "zwanzig": 1920, "dreißig": 1930, "vierzig": 1940, "fünfzig": 1950, "sechzig": 1960,
    "siebzig": 1970, "achtzig": 1980, "neunzig": 1990,
}  # fmt: skip
DECADE_WORDS = _DECADES_EN | _DECADES_FR | _DECADES_ES | _DECADES_DE

# A Spanish year in words, "mil novecientos cincuenta y cuatro": the words after the century's.
_SPANISH_YEAR_UNITS = {
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9,
}  # fmt: skip
# ... and the words of 1 to 29, said in one word after the century's
_SPANISH_YEAR_ONE_WORD = _SPANISH_YEAR_UNITS | {
    "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiuno": 21, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiséis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
_SPANISH_YEAR_TENS = {w: y - 1900 for w, y in _DECADES_ES.items() if y >= 1930}


def _alternatives(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_GERMAN_DECADE = _alternatives(_DECADES_DE)  # "achtzig", before "-er Jahren" or "-ern"


# Days of the year known by name: those never written for anything else stand alone, those
# that also name a season of feasts ("Christmas", "Navidad") only with their year.
HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "new year's eve": (12, 31),
    "new year's day": (1, 1), "veille de noël": (12, 24), "jour de noël": (12, 25),
    "saint-sylvestre": (12, 31), "jour de l'an": (1, 1), "heiligabend": (12, 24),
    "neujahrstag": (1, 1), "nochebuena": (12, 24), "nochevieja": (12, 31),
    "weihnachtsfest": (12, 25), "may day": (5, 1), "fête du travail": (5, 1),
    "tag der arbeit": (5, 1), "día del trabajo": (5, 1), "día del trabajador": (5, 1),
    "14-juillet": (7, 14), "international women's day": (3, 8),
    "journée internationale des droits des femmes": (3, 8),
    "journée internationale de la femme": (3, 8), "internationaler frauentag": (3, 8),
    "día internacional de la mujer": (3, 8),
}  # fmt: skip
HOLIDAYS_WITH_YEAR = {
    "christmas": (12, 25), "noël": (12, 25), "weihnachten": (12, 25), "silvester": (12, 31),
    "neujahr": (1, 1), "navidad": (12, 25), "año nuevo": (1, 1),
    # its day moves from year to year: the month only
    "thanksgiving": (11, None),
}  # fmt: skip
# Feasts whose day moves with Easter's, with their year: days after Easter Sunday.
MOVABLE_FEASTS = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
    "pentecost": 49, "whitsunday": 49, "pâques": 0, "dimanche de pâques": 0,
    "lundi de pâques": 1, "vendredi saint": -2, "pentecôte": 49, "ostern": 0,
    "ostersonntag": 0, "ostermontag": 1, "karfreitag": -2, "pfingsten": 49,
    "pfingstsonntag": 49, "domingo de pascua": 0, "domingo de resurrección": 0,
    "lunes de pascua": 1, "viernes santo": -2, "pentecostés": 49,
}  # fmt: skip


# "After Christmas", "à Noël", "nach Weihnachten": a feast after a preposition is its day;
# "some pre-Christmas sunshine", the days just before it, too; and the feast people spend
# somewhere: "After spending Thanksgiving in Kabul", "will be spending Christmas in"
_FEAST_AFTER = "(?:" + "|".join(
    rf"(?<=\b{word}\s)"
    for word in ("after", "before", "by", "until", "over", "since", "après", "avant", "à",
                 "nach", "vor", "bis", "zu", "an", "después de", "antes de", "en", "hasta",
                 "spend", "spending", "spent", "for", "during", "at", "on",
                 # "tras pasar la Navidad con los Legionarios", "passer Noël au camp"
                 "pasar la", "pasado la", "pasó la", "pasaron la", "passer", "passé")
) + r"|(?<=\bpre-))"  # fmt: skip


def _holiday_names(names) -> str:
    return _alternatives(names).replace("'", "['’]").replace(r"\ ", r"\s+")


_FEASTS_WITH_YEAR = _holiday_names(HOLIDAYS_WITH_YEAR)


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINALS |= {"fourth": 4, "4th": 4, "last": 4, "latter": 2}
_SEASON = "(?:" + "|".join(SEASONS) + ")"

_Y = rf"(?P<y>{_YEAR})"
# The weekdays of the two languages that write one before a day's figure alone: "el sábado 25".
_SPANISH_AND_FRENCH_WEEKDAYS = (
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
)  # fmt: skip
# Each pattern names d (day), m (month), y (year), s (season), q (quarter), h (half).
_WEEKDAY = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|"
    r"miércoles|jueves|viernes|sábado|domingo|maandag|dinsdag|woensdag|donderdag|vrijdag|"
    r"zaterdag|zondag|mandag|måndag|tirsdag|tisdag|onsdag|torsdag|fredag|lørdag|lördag|søndag|"
    r"söndag|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira"
    # English abbreviations, as e-mail and wire headers write them: "Mon, 07 Aug 2000",
    # "Thu. 02 of December of 2010"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)(?=,|\.\s)"
    # ... and capitalised before the day's figure: "Published: Sun 22 Apr 2018"
    r"|(?-i:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?=\s+(?:\d|$))"
)

# Weekdays cut short: "Mon", "jeu.", "Jue." ("mie" and "sab" as written without accents).
_WEEKDAY_SHORT = (
    r"mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim|mié|mie|jue|vie|sáb|sab|dom"
)

# The end of "from May 17 to 28" and "between February 15 and 16": the last day, and the
# year when written.
_DAY_SPAN_END = rf"(?P<d>{_DAY})(?:st|nd|rd|th)?(?![\d\w])(?:,?\s+{_Y}(?!\d))?"

# The days of a month in English words: "on the first of March", "the twenty-fifth of
# December".
_ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
_ENGLISH_DAY_WORDS = (
    {word: number for number, word in enumerate(_ORDINAL_WORDS, 1)}
    | {"twentieth": 20, "thirtieth": 30}
    | {f"twenty{joiner}{word}": 20 + number for number, word in enumerate(_ORDINAL_WORDS[:9], 1)
       for joiner in ("-", " ")}
    | {"thirty-first": 31, "thirty first": 31}
)  # fmt: skip
# The days of a month in Spanish words ("primero" has its own pattern; "uno", as said of a
# date: "el próximo uno de enero").
_SPANISH_DAY_WORDS = {
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiuno": 21, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiséis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
    "treinta y uno": 31,
}  # fmt: skip
_DAY_WORDS = _SPANISH_DAY_WORDS | _ENGLISH_DAY_WORDS

# The English months written in three letters ("Oct", "Dec"), for day and year in figures.
_THREE_LETTER_MONTHS = [m for m in ENGLISH_MONTHS if len(m) == 3]
_SHORT_ENGLISH_MONTH = _month_names(_THREE_LETTER_MONTHS)
# Those and the Spanish ones ("Abr") in capitals or capitalised, run together with a day's and a
# year's figures: "23OCT12", "25Nov11", "Abr10".
_RUN_TOGETHER_MONTH = (
    "(?-i:"
    + "|".join(
        f"{m.upper()}|{m.title()}"
        for m in _THREE_LETTER_MONTHS + list(_SPANISH_SHORT_MONTHS)
        if m != "set"  # (Spanish September cut short: "Set" is an English word too)
    )
    + ")"
)
# The Spanish months' full names, for the forms only Spanish writes ("noviembre 15 de 1962",
# "mayo del 70").
_SPANISH_MONTH = (
    "(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    "noviembre|diciembre)"
)

_PATTERNS = [
    (  # "O 141103Z SEP 09": a message's date-time group (day, hour, minute, zone, month, year)
        "dtg",
        rf"(?<![\w])(?P<d>[0-3]\d)[0-2]\d[0-5]\dZ\s+(?P<m>{_ENGLISH_MONTH})\s+(?P<y2>\d\d)(?!\d)",
    ),
    (  # "46. KW 2017", "KW 46/2017", "week 46 of 2017", "semaine 46 de 2017": Monday to Sunday
        "isoweek",
        rf"(?<![\w.])(?:(?P<w1>[1-5]?\d)\.\s*KW\s+|KW\s*(?P<w2>[1-5]?\d)\s*[/\s]\s*|"
        rf"(?:calendar\s+)?week\s+(?P<w3>[1-5]?\d)(?:\s+of)?\s+|semaine\s+(?P<w4>[1-5]?\d)"
        rf"(?:\s+de)?\s+){_Y}(?!\d)",
    ),
    (  # "vom 11. – 16.11.2017", "(7-11/11/2021)", "am 12./13.11.1987": a range of days, the
        # end in figures
        "dayrange_num",
        rf"(?<![\w.])(?P<d1>{_DAY})(?:\.?\s*[-–]|\./)\s*(?P<d>{_DAY})(?P<sep>[./])(?P<mn>0?[1-9]|1[0-2])"
        rf"(?P=sep)(?P<y>{_YEAR})(?!\d)",
    ),
    (  # "du 12 au 23-09", "from 12 to 23/09": the month in figures after the range, no year
        "dayrange_num",
        rf"(?:(?<=\bdu\s)|(?<=\bde\s)|(?<=\bfrom\s)|(?<=\bdel\s)|(?<=\bvom\s))(?P<d1>{_DAY})\s+(?:au|to|al|bis)\s+(?P<d>{_DAY})"
        rf"(?P<sep>[-./])(?P<mn>0?[1-9]|1[0-2])(?![\d])(?!(?P=sep)\d)",
    ),
    (  # "ended on 23OCT12", "El pasado 25Nov11": a military message's day, month and year
        # run together, the month in capitals or capitalised, in English or Spanish
        "dmy",
        rf"(?<![\w])(?P<d>[0-3]?\d)(?P<m>{_RUN_TOGETHER_MONTH})(?P<y2>\d\d)(?![\w])",
    ),
    (  # "formalizada durante Abr10": the month and the year run together
        "my",
        rf"(?<![\w])(?P<m>{_RUN_TOGETHER_MONTH})(?P<y2>\d\d)(?![\w])",
    ),
    (  # "15-Oct-98", "27-Jun-1941": a table's day, abbreviated month and year
        "dmy",
        rf"(?<![\w.-])(?P<d>{_DAY})-(?P<m>{_SHORT_ENGLISH_MONTH})"
        rf"-(?:(?P<y2>\d\d)|{_Y})(?![\w-])",
    ),
    (  # "Cameroun 1966 (janvier) Des officiers ...": a table's year, its month in brackets
        "my",
        rf"(?<![\w.]){_Y}\s+\((?P<m>{_MONTH})\)",
    ),
    (  # "the March coup d'etat of 1941": the month naming an event, its year after "of"
        "my",
        rf"(?<=\bthe\s)(?P<m>{_ENGLISH_MONTH})\s+(?!on\b)(?:(?-i:[a-z][\w'’-]*)\s+){{1,3}}of\s+{_Y}(?!\d)",
    ),
    (  # "20 Jul 07" alone on its line: a news release's date line, its year in two figures
        "dmy",
        rf"(?<![^\n])(?P<d>{_DAY})\s+(?P<m>{_MONTH})\.?\s+(?P<y2>\d\d)(?=[ \t]*(?:\n|$))",
    ),
    (  # "a MoU on Defence Cooperation in Dec 05": after "in", a short month's name and a
        # year in two figures with its zero (a day would follow "on")
        "my",
        rf"(?<=\bin\s)(?P<m>{_SHORT_ENGLISH_MONTH})\s+"
        r"(?P<y2>0\d)(?![\w/-])(?!\.\d)(?!,?\s+\d)",
    ),
    (  # "P-au-P, 03 mars 09 [AlterPresse]": a wire's dateline, its year in two figures
        "dmy",
        rf"(?<![\w.])(?P<d>{_DAY})\s+(?P<m>{_MONTH})\s+(?P<y2>\d\d)"
        r"(?=\s*[\[(][A-Z][\w .-]{1,30}[\])])",
    ),
    (  # "Am Dienstag, 04 02 2020": after a weekday, the day, month and year in figures
        # between single spaces, each part with its zero
        "numeric",
        # (the look-ahead, a word, a comma and two figures, spares trying every weekday's name at
        # every word)
        rf"(?<![\w])(?=[^\W\d]+,\s+[0-3]\d )(?:{_WEEKDAY}),\s+(?P<d>[0-3]\d) (?P<mn>0[1-9]|1[0-2])"
        rf" (?P<y>{_YEAR})(?!\d)",
    ),
    (  # "Thursday, 02, January, 2025": a page's date line, a comma after each part
        "dmy",
        rf"(?<![\w])(?:{_WEEKDAY}),\s+(?P<d>{_DAY}),\s+(?P<m>{_MONTH}),\s+{_Y}(?!\d)",
    ),
    (  # "2007 Sep 06": the year first, then the month's name and the day
        "ymd",
        rf"(?<![\w.]){_Y}\s+(?P<m>{_MONTH})\.?\s+(?P<d>{_DAY})(?![\d\w])",
    ),
    (  # "during the 2013 January protests": the year before the month, no day
        "my",
        rf"(?<![\w.]){_Y}\s+(?P<m>{_ENGLISH_MONTH})(?![\w.])(?!\s+\d)",
    ),
    (
        "dayrange",
        rf"(?:(?<![\w.])|(?<=\bfrom)|(?<=\bdu)|(?<=\bdel))"  # "from12 to 27 July 2024", glued
        # ("vom 17./18. März": two German days joined by a slash)
        rf"(?P<d1>{_DAY})(?:st|nd|rd|th|er|\.)?(?:\s*[-–—]\s*|(?<=\.)/|\s+(?:and|et|und|y|&|to|until|till|through|au|à|bis|al)\s+(?:the\s+|el\s+|le\s+|ce\s+|zum\s+)?)"
        # "du dimanche 16 au jeudi 20 janvier 2022", "du samedi 19 à ce lundi 21 mars", "from
        # Monday the 12th until Friday the 23rd of March"
        rf"(?:(?:{_WEEKDAY})\s+(?:the\s+)?)?"
        rf"(?P<d>{_DAY})(?:st|nd|rd|th|er|\.)?"
        # "del 15 al 26 de este mes de agosto": the month named after "this month"
        rf"\s+(?:de\s+(?:este\s+mes\s+de\s+)?|of\s+)?(?P<m>{_MONTH})(?![\w])"
        rf"(?:,?\s+(?:de\s+|of\s+)?{_Y}(?!\d))?",
    ),
    (  # "October 2-4, 2017": the same range in American order
        "dayrange",
        rf"(?<![\w])(?P<m>{_ENGLISH_MONTH})\s+(?P<d1>{_DAY})(?:st|nd|rd|th)?\s*[-–]\s*(?P<d>{_DAY})"
        rf"(?:st|nd|rd|th)?(?![\d\w])(?:,?\s+{_Y}(?!\d))?",
    ),
    (  # "from May 17 to 28", "from May 14th until the 29th": the same with words, after "from"
        "dayrange",
        rf"(?<=\bfrom\s)(?P<m>{_MONTH})\s+(?P<d1>{_DAY})(?:st|nd|rd|th)?\s+(?:to|through|until)\s+"
        # not "from May 14 until the 2nd of June", whose end is in another month
        rf"(?:the\s+(?!{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})(?![\w])))?" + _DAY_SPAN_END,
    ),
    (  # "Desde el 18 de agosto hasta el día 30": the end a day of the same month
        "dayrange",
        rf"(?<=\bdesde\sel\s)(?P<d1>{_DAY})\s+de\s+(?P<m>{_MONTH})\s+hasta\s+el\s+(?:día\s+)?"
        rf"(?P<d>{_DAY})(?![\d\w])(?!\s+de\s+(?:{_MONTH})(?![\w]))",
    ),
    (  # "del 24 de marzo al 27 del mismo mes", "du 24 mars au 27 du même mois": the end a day of
        # the month named before
        "dayrange",
        rf"(?:(?<=\bdel\s)|(?<=\bdu\s))(?P<d1>{_DAY})\s+(?:de\s+)?(?P<m>{_MONTH})\s+(?:al|au)\s+"
        rf"(?P<d>{_DAY})\s+(?:del\s+mismo\s+mes|du\s+même\s+mois)\b",
    ),
    (  # "between February 15 and 16"
        "dayrange",
        rf"(?<=\bbetween\s)(?P<m>{_MONTH})\s+(?P<d1>{_DAY})(?:st|nd|rd|th)?\s+and\s+"
        + _DAY_SPAN_END,
    ),
    (  # "the Feb. 24 and 25 exercises": two days that follow each other (see _two_days)
        "dayrange",
        rf"(?<![\w])(?P<m>{_ENGLISH_MONTH})\.?\s+(?P<d1>{_DAY})(?:st|nd|rd|th)?\s+(?:and|&)\s+"
        + _DAY_SPAN_END,
    ),
    (  # "a field exercise June 14 to 28": with no "from", not before a count ("to 28 officers")
        "dayrange",
        rf"(?<![\w])(?P<m>{_ENGLISH_MONTH})\s+(?P<d1>{_DAY})(?:st|nd|rd|th)?\s+(?:to|through)\s+"
        rf"(?P<d>{_DAY})(?:st|nd|rd|th)?(?![\d\w])(?!\s*%|\s+(?:per\s*cent|percent|[a-z]+s)\b)"
        rf"(?:,?\s+{_Y}(?!\d))?",
    ),
    (  # "the spring to fall of 2011": two seasons sharing one year
        "seasonrange",
        rf"(?<![\w])(?:the\s+)?(?P<s1>{_SEASON})\s*(?:[-–]|\s(?:to|until|through)\s)\s*"
        rf"(?:the\s+)?(?P<s>{_SEASON})(?:\s+(?:of|de|del))?\s+{_Y}(?!\d)",
    ),
    (  # "March-April 2019", "March/April 2019", "Sept. – Oct. 1974"
        "monthrange",
        rf"(?<![\w])(?P<m1>{_MONTH})(?:(?<=\w{{3}})\.)?\s*[-–/]\s*(?P<m>{_MONTH})\.?(?![\w]),?\s+{_Y}"
        r"(?!\d)",
    ),
    (  # "the planning conference in November/December": two months, one span, no year
        "monthrange",
        rf"(?<=\bin\s)(?P<m1>{_ENGLISH_MONTH})/(?P<m>{_ENGLISH_MONTH})(?![\w/])",
    ),
    (  # "in February-March months of current year": the year only the page's date gives
        "monthrange",
        rf"(?<![\w])(?P<m1>{_MONTH})\s*[-–]\s*(?P<m>{_MONTH})(?![\w])"
        r"(?=\s+(?:months?\s+)?(?:of\s+)?(?:this|(?:the\s+)?current)\s+year\b)",
    ),
    (  # "2004-12-16", and "2016.01.28" with dots
        "iso",
        rf"(?<![\d/._-])(?P<y>{_YEAR})(?P<sep>[-./])(?P<mn>0[1-9]|1[0-2])(?P=sep)"
        rf"(?P<d>0[1-9]|[12]\d|3[01])(?!\d|\.\d)",
    ),
    (  # "2015/9/18": the year first, then the month and the day in one figure or two
        "iso",
        rf"(?<![\d/._-])(?P<y>{_YEAR})/(?P<mn>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?![\d/])",
    ),
    (  # "ON THURSDAY (7/1/16)": figures that read as a day and a month either way; the weekday
        # before them tells which (see _point)
        "numeric_weekday",
        r"(?<![\w])(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+\(?"
        r"(?P<a>0?[1-9]|1[0-2])/(?P<b>0?[1-9]|1[0-2])/(?:(?P<y>(?:19|20)\d\d)|(?P<y2>\d\d))"
        r"(?![\d/])\)?",
    ),
    (
        "numeric",
        rf"(?<![\d/.])(?:(?<=\d{{4}}[-–])|(?<![-–]))(?P<d>{_DAY})(?P<sep>[./-])(?P<mn>0?[1-9]|1[0-2])(?P=sep)(?P<y>{_YEAR})"
        r"(?![\d])",
    ),
    (  # "15.10.24", "15. 10.2024", "6.2. 2020": German figures, a two-digit year or a space
        # after the day or after the month (not both: "17. 01. 2021 category:", a date line)
        "numeric_de",
        rf"(?<![\d/.])(?P<d>{_DAY})\.\s?(?P<mn>0?[1-9]|1[0-2])\."
        rf"(?:(?:(?<=\d\.\d\.)[ ]|(?<=\d\.\d\d\.)[ ])?(?P<y>{_YEAR})|(?P<y2>\d\d))"
        r"(?![\d.]|\.\d)",
    ),
    (  # "10.27.2016", "02/24/2015": American order, known by a day over 12
        "numeric_us",
        rf"(?<![\d/.])(?<![-–])(?P<mn>0?[1-9]|1[0-2])(?P<sep>[./-])(?P<d>1[3-9]|2\d|3[01])(?P=sep)"
        rf"(?P<y>{_YEAR})(?![\d])",
    ),
    (  # "BELGRADE, Serbia (09/30/22)": American order, a day over 12, a two-figure year
        "numeric_us",
        r"(?<![\d/.])(?P<mn>0?[1-9]|1[0-2])/(?P<d>1[3-9]|2\d|3[01])/(?P<y2>\d\d)(?![\d/])",
    ),
    (  # "on 29/12/13": a day over 12, the month and a two-figure year between slashes
        "numeric",
        r"(?<![\d/.])(?P<d>1[3-9]|2\d|3[01])/(?P<mn>0?[1-9]|1[0-2])/(?P<y2>\d\d)(?![\d/])",
    ),
    (  # "bis 24.04.", "am 3.5.": a German day and month in figures, after a preposition
        "numeric_dm",
        r"(?:(?<=\bam\s)|(?<=\bbis\s)|(?<=\bvom\s)|(?<=\bseit\s)|(?<=\bab\s)|(?<=\bzum\s))"
        rf"(?P<d>{_DAY})\.(?P<mn>0?[1-9]|1[0-2])\.(?![\d])(?!\s*(?:%|Prozent))",
    ),
    (  # "el jueves 25/08", "am Donnerstag, 25.8.": a day and a month in figures after a
        # weekday in a language that writes the day first ("am Dienstag (23.2.)": in brackets)
        "numeric_dm",
        r"(?<![\w])(?:"
        + "|".join(_SPANISH_AND_FRENCH_WEEKDAYS)
        + r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
        rf"sonntag),?\s+\(?(?P<d>{_DAY})(?:/|\.(?=(?:0?[1-9]|1[0-2])\.))(?P<mn>0?[1-9]|1[0-2])"
        r"\.?(?![\d/]|\.\d)",
    ),
    (  # "am 23. Aprileine": a stored copy ran the German month into the next word
        "dmy_glued",
        rf"(?<![\w.])(?P<d>{_DAY})\.\s+(?P<m>{_alternatives(_GERMAN_LONG_MONTHS)})(?-i:(?=[a-zäöüß]{{2}}))",
    ),
    (  # "1. Dez. 1943": a German abbreviated month between a day and a year
        "dmy",
        rf"(?<![\w.])(?P<d>{_DAY})\.\s*(?P<m>{_alternatives(_GERMAN_SHORT_MONTHS)})\.?\s+{_Y}(?!\d)",
    ),
    (  # "12 ene. 2016", "3 de ago. de 2015": a Spanish abbreviated month
        "dmy",
        rf"(?<![\w.])(?P<d>{_DAY})\s+(?:de\s+)?(?P<m>{_alternatives(_SPANISH_SHORT_MONTHS)})\.?"
        rf"(?:\s+de)?\s+{_Y}(?!\d)",
    ),
    (  # "27.November 2019": no space after the day's full stop, the year after the month
        "dmy",
        rf"(?<![\w.])(?P<d>{_DAY})\.(?P<m>{_month_names(n for n in MONTHS if len(n) > 3)})"
        rf"(?![\w]),?\s+{_Y}(?!\d)",
    ),
    (  # "1945, Dec.1: Carl Gustaf von Rosen hired ...": a chronology's year, then its day
        "mdy",
        rf"(?<![\w,])(?<!\d\.){_Y},\s+(?P<m>{_ENGLISH_MONTH})\.?\s*(?P<d>{_DAY})(?:st|nd|rd|th)?(?=\s*:)",
    ),
    (  # "Hitler declared war on U.S. on Dec, 11, 1941": a comma after the month and the day
        "mdy",
        rf"(?<![\w])(?P<m>{_ENGLISH_MONTH}),\s(?P<d>{_DAY}),\s+{_Y}(?!\d)",
    ),
    (  # "signed on October, 31, on the occasion": after "on", a comma between the month and
        # its day, a mark after the day (not "In October, 31 recruits")
        "mdy",
        rf"(?<=\bon\s)(?P<m>{_ENGLISH_MONTH}),\s+(?P<d>{_DAY})(?![\d\w])"
        rf"(?:,?\s+{_Y}(?!\d)|(?=[,.;)]))",
    ),
    (  # "November, 2nd 2015": a comma between the month and its ordinal day
        "mdy",
        # ("on October, 5th, in Day": no year, a mark after the day; "In December, 1st
        # Battalion" is no day)
        rf"(?<![\w])(?P<m>{_ENGLISH_MONTH}),\s+(?P<d>{_DAY})(?:st|nd|rd|th)(?![\d\w])"
        rf"(?:,?\s+{_Y}(?!\d)|(?=[,.;)]))",
    ),
    (  # "Ley Orgánica 5/2005, de 17 de noviembre": a Spanish law's number and year, then its day
        "dmy",
        r"(?:(?<=\bLey\s)|(?<=\bOrgánica\s)|(?<=\bDecreto\s)|(?<=\bDecreto-ley\s)|(?<=\bOrden\s)|"
        rf"(?<=\bResolución\s))\d{{1,4}}/{_Y},?\s+de\s+(?P<d>{_DAY})\s+de\s+(?P<m>{_MONTH})(?![\w])",
    ),
    (  # "Robert Gates, 26 November 20071": a quotation's source, a footnote's mark run into
        # the year at the end of the line
        "dmy",
        # (the shape looked for first: a day, a word and five figures)
        rf"(?<![\w.])(?=\d\d?\s+[^\W\d]+\s+\d{{5}}[ \t]*(?:\n|$))"
        rf"(?P<d>{_DAY})\s+(?P<m>{_MONTH})\s+{_Y}(?=\d[ \t]*(?:\n|$))",
    ),
    (  # "Period3 December, 2013": a table's label run into the day
        "dmy",
        # ("le8 janvier 1916": a scanned book ran the article into the day; "le 1 er avril")
        # ("Opération 14 Juillet": an operation named after a day, no date)
        r"(?<!\b(?-i:Opération|Operation|Operación)\s)"
        rf"(?:(?<![\w.])|(?<=period)|(?<=\b(?-i:le)))(?P<d>{_DAY})(?:st|nd|rd|th|er|(?<=\b1)\ser|\.)?"
        rf"(?:\s+of|\s+de)?\s+(?P<m>{_MONTH})"
        # "02 of December of 2010", "12th April in 1960" (not "in 2000 villages": a count)
        # ("el 4 de noviembre de1920": the year run into its "de"; "el 13 de mayo de este 2021")
        rf"(?![\w])(?:(?:,\s*|\s+)(?:de\s*(?:este\s+)?|del\s+|of\s+|(?P<inyear>in\s+))?{_Y}(?![\d])"
        r"(?(inyear)(?!\s+(?:[a-z]+s|per\s*cent|percent)\b)))?",
    ),
    (  # "mediante Decreto 1277 del siete de julio de 1937": a day in Spanish words, its year
        "dmy",
        rf"(?<![\w])(?=[^\W\d]+(?:\s+y\s+uno)?\s+de\s)"  # (a word and "de" first: cheap)
        rf"(?P<dw>{_alternatives(_SPANISH_DAY_WORDS)})\s+de\s+(?P<m>{_MONTH})(?![\w])"
        # ("El dos de abril, la empresa ...", "desde el próximo uno de enero": no year stated)
        rf"(?:\s+(?:de|del)\s+{_Y}(?!\d))?",
    ),
    (  # "on the first of March", "the twenty-fifth of February 2011": a day in English words
        "dmy",
        rf"(?<=\bthe\s)(?=[a-z]+(?:[ -][a-z]+)?\s+of\s)"  # (a word and "of" first: cheap)
        rf"(?P<dw>{_alternatives(_ENGLISH_DAY_WORDS)})\s+of\s+(?P<m>{_MONTH})(?![\w])"
        rf"(?:,?\s+{_Y}(?!\d))?",
    ),
    (  # "a partir del primero de junio", "el 1° de mayo de 2019": the month's first day
        "dmy",
        rf"(?<![\w])(?:primero|1ro|1°|1º)\s+de\s+(?P<m>{_MONTH})(?![\w])"
        rf"(?:\s+(?:de|del)\s+{_Y}(?!\d))?",
    ),
    (  # "créé officiellement le premier avril 1969": the month's first day in French words
        "dmy",
        rf"(?=premier\s)(?:(?<=\ble\s)|(?<=\bdu\s))premier\s+(?P<m>{_MONTH})(?![\w])"
        rf"(?:\s+{_Y}(?!\d))?",
    ),
    (  # "Since 28, June 2015": a comma between the day and its month, the year after
        "dmy",
        rf"(?<![\w.,])(?P<d>{_DAY}),\s+(?P<m>{_MONTH})\s+{_Y}(?!\d)",
    ),
    (  # "finalizará el 15 de este mes", "on the 15th of this month": the page's own month
        "day_this_month",
        r"(?:(?<=\bel\s)|(?<=\ble\s)|(?<=\bthe\s)|(?<=\bon\s)|(?<=\bam\s)|(?<=\bden\s))"
        rf"(?P<d>{_DAY})(?:st|nd|rd|th|er|\.)?(?=\s+(?:of\s+this\s+month|de\s+este\s+mes|"
        r"de\s+ce\s+mois|dieses\s+Monats)\b)",
    ),
    (  # "el pasado día 21": a day gone by in the page's own month
        "day_this_month",
        rf"(?<=\bel\spasado\sdía\s)(?P<d>{_DAY})(?![\d\w])(?!\s+de\s)",
    ),
    (  # "on the 19th and 28th this month": each day of a list in the page's own month
        "day_this_month",
        rf"(?:(?<=\bthe\s)|(?<=\band\s)|(?<=,\s))(?P<d>{_DAY})(?:st|nd|rd|th)?"
        rf"(?=(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?{_DAY}(?:st|nd|rd|th)?)*\s+(?:of\s+)?this\s+month\b)",
    ),
    (  # "his meeting with Castro on the 27th.", "At first light on the 25th, Z Company": a
        # day of the month its paragraph named last (not "on the 5th day", "on the 1st SFAB")
        "day_named_month",
        rf"(?<=\bon\sthe\s)(?P<d>{_DAY})(?:st|nd|rd|th)"
        r"(?=\s*[.,;:)]|\s+(?:and|that|when|at|in|with|by|to|as|after|before)\s)",
    ),
    (  # "ante el presidente ..., el día 24.": the same in Spanish, "the day 24"
        "day_named_month",
        rf"(?<=\bel\sdía\s)(?P<d>{_DAY})(?![\d\w])"
        r"(?=\s*[.,;:)]|\s*$|\s+(?:y|que|cuando|en|con|por|a|al|tras|antes|después)\s)",
    ),
    (  # "este pasado sábado (25), realizó la entrega" after "el domingo 26 de julio": a weekday
        # and its day, of the month named before when their weekdays agree (see _Context.fill);
        # not "vendredi 25 personnes", a count
        "day_named_month",
        r"(?=\(?\d)(?:"  # (a figure looked for first: the weekdays are tried only there)
        + "|".join(rf"(?<=\b{weekday}\s)" for weekday in _SPANISH_AND_FRENCH_WEEKDAYS)
        + rf")\(?(?P<d>{_DAY})\)?(?![\d\w])(?=\s*[,.;:]|[ \t]*$)",
    ),
    (  # "los días 12, 18 y 23 de noviembre", "on 3, 9 and 17 May": each day of a list, the
        # month (and year) that of its last
        "daylist",
        rf"(?<=\s)(?P<d>{_DAY})(?:st|nd|rd|th|er|\.)?(?=(?:\s*,\s*{_DAY}(?:st|nd|rd|th|er|\.)?)*"
        rf"\s*,?\s+(?:and|et|und|y)\s+{_DAY}(?:st|nd|rd|th|er|\.)?\s+(?:de\s+|of\s+)?"
        rf"(?P<m>{_MONTH})(?![\w])(?:,?\s+(?:de\s+|del\s+)?{_Y}(?![\d]))?)",
    ),
    (  # "ADDIS ABABA (HAN) May 15. 2021.": a date line with a full stop after the day
        # ("A. Writer, September 12. 2016Question:": the line ends there, or its year runs into
        # what follows)
        "mdy",
        rf"(?<![\w])(?P<m>{_ENGLISH_MONTH})\s+(?P<d>{_DAY})\.\s+{_Y}"
        r"(?=\.(?:\s|$)|[ \t]*(?:\n|$)|(?-i:[A-Z][a-z]))",
    ),
    (  # "Sun., June 27, 20211 min. read": a date line run into the story's reading time
        "mdy",
        rf"(?<![\w])(?P<m>{_ENGLISH_MONTH})\.?\s+(?P<d>{_DAY}),\s+{_Y}(?=\d{{1,2}}\s+min\.?\s+read)",
    ),
    (  # "the GazetteJune 24 report": a stored copy ran the word before into the month's name
        "mdy",
        r"(?<=[a-z])(?-i:(?P<m>January|February|March|April|June|July|August|September|October|"
        rf"November|December))\s+(?P<d>{_DAY})(?![\d\w])(?:,\s*{_Y}(?!\d))?",
    ),
    (  # "Bishoftu, June04, 2025": a stored copy ran the day into the month's full name
        "mdy",
        r"(?<![\w])(?P<m>January|February|March|April|June|July|August|September|October|"
        rf"November|December)(?P<d>0[1-9]|[12]\d|3[01]),\s*{_Y}(?!\d)",
    ),
    (  # "starts on March, the 7th"
        "mdy",
        rf"(?<![\w])(?P<m>{_ENGLISH_MONTH}),\s+the\s+(?P<d>{_DAY})(?:st|nd|rd|th)(?![\d\w])"
        rf"(?:,\s*{_Y}(?!\d))?",
    ),
    (
        "mdy",
        rf"(?<![\w])(?P<m>{_ENGLISH_MONTH})\s+(?P<d>{_DAY})(?:st|nd|rd|th)?(?![\d\w])"
        rf"(?:(?:,\s*|\s+|[./](?={_YEAR})){_Y}(?!\d))?",
    ),
    (  # "Desde noviembre 15 de 1962": a Spanish month before its day, "de" before the year
        "mdy",
        # (the shape looked for first: a word, a day, "de" and a year)
        r"(?<![\w])(?=[a-z]{4,10}\s+\d\d?,?\s+de\s+[12])"
        rf"(?P<m>{_SPANISH_MONTH})\s+(?P<d>{_DAY}),?\s+de\s+{_Y}(?!\d)",
    ),
    (  # "jueves, agosto 09, 2007": a Spanish blog's date line, the month first, a comma
        "mdy",
        r"(?<![\w])(?=[a-z]{4,10}\s+\d\d?,\s+[12])"
        rf"(?P<m>{_SPANISH_MONTH})\s+(?P<d>{_DAY}),\s+{_Y}(?!\d)",
    ),
    # "The fateful June ‘67 war": a month and its year in two figures after an apostrophe
    # (the shape looked for first: a word, a space, an apostrophe and two figures)
    (
        "my",
        rf"(?<![\w])(?=[^\W\d]{{3,10}}\.?\s+['’‘]\d\d)(?P<m>{_MONTH})\s+['’‘](?P<ya>\d\d)(?![\d\w])",
    ),
    # ("en mayo de este 2021": the year named as the page's own, stated all the same)
    ("my", rf"(?<![\w])(?P<m>{_MONTH})(?![\w]),?\s+(?:of\s+|de\s+(?:este\s+)?|del\s+)?{_Y}(?!\d)"),
    # "después del terremoto de mayo del 70": a Spanish month and its year in two figures
    (
        "my",
        r"(?<![\w])(?=[a-z]{4,10}\s+del\s+\d)"
        rf"(?P<m>{_SPANISH_MONTH})\s+del\s+(?P<y2>\d\d)(?![\d\w]|[.,]\d|\s*(?:%|por\s+ciento))",
    ),
    (  # "on Christmas Eve, 1989", "Am Heiligabend 2003", "en Nochevieja de 2012"
        "holiday",
        rf"(?<![\w])(?:(?P<hd>{_holiday_names(HOLIDAYS)})(?![\w])|"
        rf"(?P<hy>{_holiday_names(HOLIDAYS_WITH_YEAR | MOVABLE_FEASTS)})"
        # (the feast's name looked for first: the words before it are tried only there)
        rf"(?=,?\s+(?:of\s+|de\s+)?{_YEAR}(?!\d))"
        rf"|(?=(?:{_FEASTS_WITH_YEAR})(?![\w])){_FEAST_AFTER}(?P<hp>{_FEASTS_WITH_YEAR})(?![\w]))(?:,?\s+(?:of\s+|de\s+)?{_Y}(?!\d))?",
    ),
    (
        "season",
        # ("in the late summer months of 2014": the season)
        rf"(?<![\w])(?:the\s+)?(?P<s>{_SEASON})(?:\s+months)?(?:\s+(?:of|de|del))?\s+{_Y}(?!\d)",
    ),
    (
        "quarter",
        rf"(?<![\w])(?:the\s+)?(?:(?P<q>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+"
        rf"quarter(?:\s+of(?:\s+the\s+year)?)?|Q(?P<qn>[1-4])"  # "last quarter of the year 2022"
        # "des dritten Quartals 2020", "au troisième trimestre 2020", "el tercer trimestre de 2020"
        rf"|(?P<qw>erste[ns]?|zweite[ns]?|dritte[ns]?|vierte[ns]?|letzte[ns]?|premier|deuxième|"
        rf"troisième|quatrième|dernier|primer|segundo|tercer|cuarto|último)\s+"
        rf"(?:Quartals?|trimestre)(?:\s+(?:de|del))?)"
        # "during the first quarter this year": the year only the page's date gives
        rf"(?:\s+{_Y}(?!\d)|(?=,?\s+(?:(?:of\s+)?this\s+year|de\s+cette\s+année|dieses\s+Jahres|"
        rf"de\s+este\s+año)))",
    ),
    (
        "half",
        # "during the second semester of 2022": a half-year, as Latin American pages say it
        rf"(?<![\w])(?:the\s+)?(?:(?P<h>first|second|latter|1st|2nd)\s+(?:half|semester)"
        rf"(?:\s+of(?:\s+the\s+year)?)?|H(?P<hn>[12])|"
        rf"(?P<hw>premier|second|deuxième|primer|segundo|ersten?|zweiten?)\s+(?:semestre|"
        rf"Halbjahr(?:es)?|Jahreshälfte)(?:\s+del?)?|"
        # "Im 2. Halbjahr 2008": the half in figures
        rf"(?P<hd>[12])\.\s*(?:Halbjahr(?:es)?|Jahreshälfte))"
        # The year, or "of this year" (read after the match) that only the page's date gives.
        rf"(?:\s+{_Y}(?!\d)|(?=,?\s+(?:(?:of\s+)?this\s+year|de\s+cette\s+année|dieses\s+Jahres|"
        rf"de\s+este\s+año)))",
    ),
    # A month alone, only after a word that makes it a date ("in May", "by March").
    ("m", rf"(?<![\w])(?P<m>{_MONTH})(?![\w])"),
    # A season alone, only after "during the", "in the" ...: "During the fall, the unit".
    (
        "s",
        # (the "the" looked for first: the words before it are tried only there)
        r"(?=the\s)(?:(?<=\bduring\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bthrough\s)|(?<=\bthroughout\s)|"
        # ("declared operational by the end of the summer": its part)
        r"(?<=\bend\sof\s)|(?<=\bbeginning\sof\s)|(?<=\bmiddle\sof\s)|(?<=\bstart\sof\s))"
        # ("in the early autumn": the season all the same)
        rf"the\s+(?:(?:early|late|mid)[\s-]+)?(?P<s>{_SEASON})\b"
        # ("in the autumn of the same year": the year just stated; "of last year": counted
        # from the page's own; "in the spring or summer semester": either, each year)
        r"(?!\s+(?:of|de|del)\b(?!\s+the\s+same\s+year\b|\s+(?:last|next)\s+year\b)"
        rf"|\s+or\s+(?:the\s+)?{_SEASON}\b)",
    ),
    # "In autumn, Chennault went to ...": a season alone opening its sentence, a comma after
    # it ("in summer camps", "an exercise in winter.": a season's things or weather, no date)
    (
        "s",
        r"(?:(?<=\b(?-i:In)\s)|(?<=\b(?-i:During)\s))(?P<s>spring|summer|autumn|winter)(?=\s*,)",
    ),
    # "since I was posted here this spring", "this late-spring mission": the page's year's.
    (
        "s_this",
        r"(?:(?<=\bthis\s)|(?<=\bthis\searly-)|(?<=\bthis\slate-)|(?<=\bthis\smid-)|"
        r"(?<=\bthis\searly\s)|(?<=\bthis\slate\s))"
        r"(?P<s>spring|summer|autumn|fall|winter)\b(?!\s+(?:of\b|de\b|\d))",
    ),
    # "cet automne", "ce printemps": the page's year's, as "this autumn"; "diesen Sommer",
    # "in diesem Herbst", "dieses Frühjahr", "este verano", "esta primavera" too
    (
        "s_this",
        r"(?:(?<=\bcet\s)|(?<=\bce\s))(?P<s>automne|été|hiver|printemps)\b(?!\s+(?:de\b|\d))",
    ),
    (
        "s_this",
        r"(?:(?<=\bdiesen\s)|(?<=\bdiesem\s)|(?<=\bdieses\s)|(?<=\beste\s)|(?<=\besta\s))"
        r"(?P<s>Sommer|Herbst|Winter|Frühjahr|Frühling|verano|otoño|invierno|primavera)\b"
        r"(?!\s+(?:de|del|des)\b|\s+\d)",
    ),
    # "since last autumn", "this past summer": the season before the page's own date.
    (
        "s",
        r"(?:(?<=\blast\s)|(?<=\bthis\spast\s))(?P<s>spring|summer|autumn|fall|winter)\b"
        r"(?!\s+(?:of\b|de\b|\d))",
    ),
    # "el pasado otoño", "la pasada primavera", "im letzten Sommer": the season before the
    # page's own date in Spanish and German; "el otoño pasado", "l'automne dernier": the word
    # after it (one letter looked for first, then the words before the season's name)
    (
        "s",
        r"(?=[vopéahswf])(?:(?<=\bpasado\s)|(?<=\bpasada\s)|(?<=\bvergangenen\s)|"
        r"(?<=\bletzten\s)|(?P<article>(?<=\bel\s)|(?<=\bla\s)|(?<=\bl['’])|(?<=\ble\s)))"
        r"(?P<s>verano|otoño|invierno|primavera|été|automne|hiver|printemps|Sommer|Herbst|Winter|"
        r"Frühjahr|Frühling)\b(?(article)(?=\s+(?:pasad[oa]|derniers?)\b))",
    ),
    # "im Sommer", "en automne", "au printemps", "en primavera": a season alone.
    (
        "s",
        r"(?:(?<=\bim\s)|(?<=\ben\s)|(?<=\bau\s)|(?<=\bcourant\s))"
        r"(?P<s>Sommer|Herbst|Winter|Frühjahr|Frühling|été|automne|hiver|printemps|verano|otoño|"
        # ("im Herbst desselben Jahres": the year just stated; "im Sommer des vergangenen
        # Jahres": counted from the page's own)
        r"invierno|primavera)\b(?!\s+(?:de|del|des)\b(?!\s+(?:vergangenen|letzten|vorigen|"
        r"nächsten|kommenden)\s+Jahres\b|\s+l['’]année\s+(?:dernière|passée|prochaine)\b|"
        r"\s+año\s+(?:pasado|próximo|siguiente)\b)|\s+\d)",
    ),
    # "die Sommermonate im Hochgebirge verbracht": the summer months, a season alone.
    ("s", r"(?<=\bdie\s)(?P<s>Sommer|Winter|Herbst)(?=monate\b)"),
    (  # "the 1990s", "les années 1990", "den 1990er Jahren", "la década de 1990"
        "decade",
        # ("den 1980´er Jahren": an acute accent typed for the apostrophe; "EF.2000s": aircraft)
        # ("der 1950er- und 1960er-Jahre": the first's "Jahre" left to the second)
        r"(?<![\w])(?<![^\W\d]\.)(?:(?:the\s+)?(?P<dy>(?:19|20)\d0)"
        r"(?:er-(?=\s+(?:und|bis|oder)\s)|['’‘]?s\b|´?er(?:\s*-?Jahren?)?\b)"
        # ("entre les années 2000 et 2013": two years, the second no decade's)
        r"|(?:les\s+|des\s+)?années\s+(?P<dy2>(?:19|20)\d0|[2-9]0)\b"
        r"(?!\s+(?:et|à|au)\s+(?:19|20)\d[1-9]\b)"
        # ("los años ’50": an apostrophe before the two figures)
        r"|(?:(?:la\s+)?década\s+de(?:l|\s+los)?|(?:los\s+)?años)\s+['’‘]?(?P<dy3>(?:19|20)\d0|[2-9]0)\b"
        # ("entre los años 2000 y 2005": two years, the second no decade's)
        r"(?!\s+(?:y|a|al|hasta)\s+(?:19|20)\d[1-9]\b)"
        # "des années 1980 et 2000": the second of a list of decades
        r"|(?<=années\s\d\d\d\d\set\s)(?P<dy7>(?:19|20)\d0)\b"
        # "los años 60 y 70", "les années 60 et 70", "the 60s and 70s": the second of two
        r"|(?:(?<=años\s\d\d\sy\s)|(?<=années\s\d\d\set\s)|(?<=\d0s\sand\s)|(?<=\d0['’‘]s\sand\s))"
        r"(?P<dy8>[2-9]0)(?:s\b|\b)"
        # "the seventies"; "dates back to early seventies": a modifier may stand for "the",
        # but not after a possessive ("in his early seventies": an age)
        r"|(?:the\s+(?:(?:early|mid|late)[\s-]+)?"
        r"|(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bmy\s)(?<!\bour\s)(?<![\w-])"
        r"(?:early|mid|late)[\s-]+)"
        rf"(?P<dw>{_alternatives(_DECADES_EN)})\b"
        rf"|(?:les\s+|des\s+)?années\s+(?P<dw2>{_alternatives(_DECADES_FR)})\b"
        rf"|(?:los\s+)?años\s+(?P<dw3>{_alternatives(_DECADES_ES)})\b"
        # "los años veinte y treinta": the second of two, after the first
        rf"|(?<=\sy\s)(?:{_AFTER_SPANISH_DECADE_AND})"
        rf"(?P<dw8>{_alternatives(_DECADES_ES)})\b(?!\s+años)"
        # "a lo largo de la década de los cincuenta"
        # "desde principios de los sesenta", "a finales de los ochenta" (not "de los setenta
        # años", an age or a count)
        r"|(?:(?:la\s+)?década|principios|comienzos|inicios|mediados|finales|fines)\s+de\s+los\s+"
        rf"(?P<dw5>{_alternatives(_DECADES_ES)})\b(?!\s+años)"
        # "in den achtziger Jahren", "Fünfzigerjahren", "Achtziger-Jahre"
        rf"|(?P<dw4>{_GERMAN_DECADE})er(?:\s+|-)?Jahren?\b"
        # "in den Siebzigern und Achtzigern"; "in den siebziger und achtziger Jahren": the
        # first of two decades before the one "Jahren" closes
        rf"|(?:(?<=\bden\s)|(?<=ern\sund\s))(?P<dw6>{_GERMAN_DECADE})ern\b"
        rf"|(?P<dw7>{_GERMAN_DECADE})er(?=\s+und\s+(?:{_GERMAN_DECADE})er(?:\s+|-)?Jahren?\b)"
        # "Anfang der 90er Jahre"
        r"|(?<![\w.,])(?P<dy9>[2-9]0)er(?:\s+|-)Jahren?\b"
        # "esa colaboración data de los 60, precisa": the two figures alone after "de los",
        # "en los" (not "de los 60 que llegaron": a count)
        # ("desde fines de los ´50": an acute accent typed for the apostrophe)
        r"|(?:(?<=\bde\s)|(?<=\ben\s)|(?<=\bdesde\s)|(?<=\bdurante\s)|(?<=\bhasta\s))los\s+"
        r"['’‘´]?(?P<dy10>[2-9]0)(?=\s*[,.;:)]|\s+(?:y|e|o|cuando|hasta)\s)"
        # "the 90's", "the '80s"
        r"|the\s+['’‘]?(?P<dy4>[2-9]0)['’‘]?s\b|(?<!\w)['’‘](?P<dy5>[2-9]0)s\b"
        # "During 90s", "in the late 80s"
        r"|(?:(?<=\bduring\s)|(?<=\bin\s)|(?<=\bsince\s)|(?<=\bthe\searly\s)|(?<=\bthe\slate\s)"
        r"|(?<=\bthe\smid-)|(?<=\band\searly\s))"  # "the late 1950s and early 60s"
        r"(?P<dy6>[2-9]0)['’‘]?s\b"
        # "in the first decade of the twentieth century": its first ten years
        r"|(?:the\s+)?(?P<dn>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\s+decade\s+"
        r"of\s+the\s+(?:20th|twentieth)\s+century\b"
        # "la segunda década del siglo XX", "la deuxième décennie du XXe siècle"
        r"|(?P<dn2>primera|segunda|tercera|cuarta|quinta|sexta|s[eé]ptima|octava|novena)\s+"
        r"d[eé]cada\s+del\s+siglo\s+(?:XX|veinte)\b"
        r"|(?P<dn3>premi[eè]re|deuxi[eè]me|seconde|troisi[eè]me|quatri[eè]me|cinqui[eè]me|"
        r"sixi[eè]me|septi[eè]me|huiti[eè]me|neuvi[eè]me)\s+d[eé]cennie\s+du\s+"
        r"(?:XXe|XXème|20e|20ème|vingtième)\s+siècle\b)",
    ),
    # The twentieth century as a period things happened in: "in the 20th century", "au XXe
    # siècle", "el siglo XX", "im 20. Jahrhundert". Only that one: earlier ones fall outside the
    # issue's years, and the twenty-first is mostly a manner of speaking ("the challenges of the
    # 21st century"), which the gold lists count as an event in some pages and not in others.
    (
        "century",
        r"(?<![\w])(?:(?:the\s+)?(?:20th|twentieth)\s+century\b(?![\w-])"
        r"|(?:XXe|XXème|20e|20ème|vingtième)\s+siècle\b"
        r"|siglo\s+(?:XX|veinte)\b"
        # "a fines del siglo XIX y principios del XX": the century's word left to the first
        r"|(?:(?<=\bprincipios\sdel\s)|(?<=\bcomienzos\sdel\s)|(?<=\binicios\sdel\s)"
        r"|(?<=\bmediados\sdel\s)|(?<=\bfinales\sdel\s)|(?<=\bfines\sdel\s))(?-i:XX)\b"
        r"|20\.\s*Jahrhunderts?\b)",
    ),
    # "in 2055 BS", "since 2067BS": a year of Nepal's Bikram Sambat calendar, which starts in
    # mid-April; read as the span of the two Gregorian years it overlaps
    ("bs", r"(?<![\w.])(?P<y>(?:19[6-9]|20\d)\d)\s?(?-i:B\.?\s?S\b\.?)"),
    # "desde mil novecientos cuarenta y seis", "(mil novecientos cincuenta y cuatro)": a year
    # in words after a preposition or a bracket, and not before a noun it would count
    (
        "year_words",
        r"(?=[md])(?:(?<=\ben\s)|(?<=\bde\s)|(?<=\bdesde\s)|(?<=\bhasta\s)|(?<=\baño\s)|(?<=\())"
        r"(?P<yc>mil\s+novecientos|dos\s+mil)"
        rf"(?:\s+(?P<yd>{_alternatives(_SPANISH_YEAR_TENS)})(?:\s+y\s+(?P<yu>{_alternatives(_SPANISH_YEAR_UNITS)}))?"
        rf"|\s+(?P<yt>{_alternatives(_SPANISH_YEAR_ONE_WORD)}))?(?![\w])"
        r"(?=\s*[).,;:]|\s*$|\s+(?:y|a|al|hasta|cuando|con|en|el|la|los|las|se|fue|que)\b)",
    ),
    # "en el año 74 cuando llegamos": a year in two figures after "el año"
    ("year_short", r"(?<=\bel\s)año\s+(?P<y2>\d\d)(?![\d\w]|[.,]\d|\s*(?:%|por\s+ciento))"),
    # "The FY24 defense authorization": a fiscal year in two figures, as "FY2024"
    ("year_short", r"(?<=\b(?-i:FY))(?P<y2>\d\d)(?![\d\w/-])"),
    (  # "- 1998India's nuclear tests": a timeline's year run into its entry, opening a list's
        # item ("2013News" opening a line of the site's menu is no date)
        "year_item",
        rf"^{_Y}(?=(?-i:[A-Z][a-z]))",
    ),
    # A year; "In FY2013": a fiscal year, by its year.
    # "UNTCC2025": a meeting's short name run into its year
    (
        "year",
        # (a year's first figure looked for first: the guards behind it are tried only there)
        # ("Sea Fury fighters in1950": a stored copy ran "in" into the year)
        rf"(?=[12])(?:(?<![\w$€£¥.,])|(?<=\bFY)|(?<=\bin)|(?<=\bc\.)|(?<=\bca\.)|(?<=\(c)|(?<=\b(?-i:[A-Z]{{3}}))|(?<=\b(?-i:[A-Z]{{4}}))|"
        # ("SRCE-2026-1768814430387-2017": a record's identifier, its parts joined by dashes)
        # ("in Belgrade in 1978.2" closing its paragraph: a footnote's mark after the stop)
        rf"(?<=\b(?-i:[A-Z]{{5}}))|(?<=\b(?-i:[A-Z]{{6}})))(?<!\d{{5}}-){_Y}"
        r"(?![\w%]|,\d|\.\d(?!\d?\.(?:\s|$)|\d?[ \t]*(?:\n[ \t]*\n|$))|-\d{5})",
    ),
]
_COMPILED = [(name, re.compile(body, re.I)) for name, body in _PATTERNS]

# The first year of a copyright holder's span, before the last: "© 2008 - ".
_HOLDERS_FIRST_YEAR = r"(?:(?:19|20)\d\d\s*[-–]\s*)?"
# Guards: words right before a number that make it something else than a year, and after it.
# "more than 2000 modules", "más de 2000", "plus de 2000", "mehr als 2000": a count.
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\b(?:more\s+than|fewer\s+than|less\s+than|nearly|almost|(?<!since\s)at\s+least|total\s+of|m[aá]s\s+de|"
    r"menos\s+de|plus\s+de|moins\s+de|pr[eè]s\s+de|mehr\s+als|weniger\s+als|rund|"
    r"bis\s+zu|"  # "bis zu 2000 Soldaten": up to, a count; "bis 2020" is a time
    r"r[eé]solutions?|resoluci[oó]n(?:es)?|UNSCR|UNSC\s+resolution|res\.|no\.|nos\.|nr\.|n°|number|law|act|"
    r"decree|decision|regulation|directive|article|art\.|section|§|page|p\.|pp\.|flight|"
    r"room|tel\.?|fax|code|ref\.?|USD|EUR|GBP|US\$|CHF|SEK|NOK|"
    # the holder's name may stand between: "Copyright: International Herald Tribune 2000"
    # ("Copyright © 2008 - 2016": the last year of the holder's span of years)
    r"copyright\b[^.!?\n\d]{0,60}" + _HOLDERS_FIRST_YEAR + r"|photo\s+credit\b[^.!?\n\d]{0,40}|"
    r"©[^.!?\n\d]{0,30}" + _HOLDERS_FIRST_YEAR + r"|"
    r"(?-i:Building|Bldg\.?|Suite|Hangar)|"
    # "turn the clock back to 2006": a state of things, not a time anything happened
    r"clock\s+back\s+to)|[$€£¥#§©]"
    # "© Swiderek Maciejka (2021)": a photo's holder and year (the "©" after a space, which the
    # word boundary above does not see)
    r"|©[^.!?\n\d]{0,30}"
    # "Entre 1850 et 2018": the end of a span that starts before the years a date may have
    r"|\b1[0-8]\d\d\s*(?:[-–]|(?:to|à|au|bis|al|a)\s)"
    # ... "between 1892 and 1907" ("in 1892 and 1907": two years, the second a date)
    r"|\b(?:between|entre|zwischen)\s+1[0-8]\d\d\s*(?:and|et|und|y)\s"
    # "Resolución Ministerial 770-2015-DE", "Resolución Legislativa 13436/2025-CR", "Resolución
    # Ministerial 01870–2025": a number the year is part of
    r"|\b\d{3}-|\b(?:\d{5,}|0\d{3})[-–]|\b\d{5,}/"
    # "their US military serials, 15-2021 and 15-2022": aircraft's serials, a year in each
    r"|\bserials?[\s,:]+(?:\d\d-\d{4}\s*(?:,|and)\s*)*\d\d-"
    # "F-16 and F-5/2000": an aircraft's model and its variant
    r"|(?-i:\b[A-Z]{1,3}-\d{1,3}/)"
    # "DER SPIEGEL 10/1980": a magazine's issue, its number and year
    r"|(?-i:\b[A-Z]{4,})\s+\d{1,2}/"
    # "Santiago, Ril Editores, 2011.": a book's imprint
    r"|(?-i:\b(?:Editores|Editorial|Éditions|Editions|Verlag|Press|Publishers|Publishing))\s*,)\s*$",
    re.I,
)
# ... and its copyright guard past the 40 characters _accept gives it, for a holder's name too
# long for them: "(c) Copyright The University Press of Kentucky, 2018".
_COPYRIGHT_BEFORE = re.compile(r"(?:\bcopyright\b|©)[^.!?\n\d]{30,70}$", re.I)
# A sentence opening on a preposition of time, then the year and the people it tells of, then
# their verb: "From 1949 officers were sent", "In 2004 soldiers were deployed" (a count would
# rather be "From 2000 officers, the force grew").
_TIME_OPENING_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?-i:In|From|Since|By|During)\s+$")
_PEOPLE_DID_AFTER = re.compile(
    r"\s+(?:officers|soldiers|troops|cadets|trainees|students|recruits|pilots|instructors)\s+"
    r"(?:were|was|had|have|began|started|arrived|received|trained)\b"
)
_NOT_A_YEAR_AFTER = re.compile(
    r"^\s*(?:%|per\s*cent|percent|million|billion|thousand|"
    # "batches of 2000 former fighters each", "over 2000 military personnel": what a number
    # counts, a word about them first
    r"(?:(?:former|new|more|additional|foreign|armed|military)\s+)?(?:troops|personnel|people|"
    r"officers|"
    r"fighters|rebels|combatants|militants|guards|sailors|pilots|volunteers)\b|"
    r"soldiers|trainees|police(?:men)?|staff|members|participants|students|recruits|km|"
    r"(?:wo)?men\b|Frauen|Männer|femmes|hommes|mujeres|hombres|"
    # "avait offert 2000 places", "2000 agentes", "2000 Soldaten": what a number counts
    r"places\b|postes\b|plazas\b|agents?\b|agentes\b|policiers\b|gendarmes\b|soldats\b|"
    r"militaires\b|soldados\b|policías\b|militares\b|efectivos\b|Soldaten\b|Polizisten\b|"
    r"Mann\b|"  # "wurden 2000 Mann in Großbritannien ... ausgebildet": men, counted
    r"personnes\b|personas\b|Personen\b|Menschen\b|characters\b|inmates\b|prisoners\b|"
    r"detainees\b|civilians\b|refugees\b|families\b|children\b|cadets\b|"
    # "a Springfield 1903 rifle": a weapon's model
    r"rifles?\b|carbines?\b|"
    # (whole words: "the 2003 European Security Strategy" is no sum in euros)
    r"kilomet|(?:metres|meters|hours|kg|tonnes|euros?|dollars|USD|EUR)\b|[/:]\d|©"
    # "worth $1.2 billion at 2007 exchange rates": the rates a sum is told in
    r"|exchange\s+rates?\b|prices\b"
    # "(2000$US) par mois", "2000 €": a sum, its currency's sign after it
    r"|[$€£¥]"
    # "2050 National Guard Dr.": a street number
    r"|\s+(?:(?-i:[A-Z])[\w'-]*\s+){1,3}(?-i:Dr|Drive|Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|"
    r"Lane|Ln|Parkway|Pkwy)(?=[.,]|\s)"
    # "SWP-Studie 2019/S 05": a series' number
    r"|/(?-i:[A-Z])\s?\d"
    # "0130/7/1/2016/BOA/HF/NAN": a news agency's photo number, its initials after the year
    r"|/(?-i:[A-Z]{2,})/"
    # "so Martin, Greece (1913), S. 90": an author's book, its year and the page cited
    r"|\)\s*,\s*(?:S\.|pp?\.|p[áa]gs?\.|Seiten?)\s*\d"
    # "Duisburg, WiKu-Verlag, 2007. - 280 Seiten. ISBN ...": a book's imprint
    r"|[.,]?\s*[-–]?\s*(?:\d+\s*(?:Seiten|S\.|pages|pp?\.|páginas)\s*[.,]?\s*[-–]?\s*)?ISBN\b"
    # "since 2060 BS": a year of Nepal's Bikram Sambat calendar, 56 or 57 years ahead
    r"|(?-i:B\.\s?S\.|BS\b)"
    # "una resolución de 1920 x 1200 píxeles": a screen's size
    r"|\s*[x×]\s*\d{2,4}(?!\d))",
    re.I,
)
# A capitalised word before a capitalised season: a name ("Dacian Spring 2023"), unless the word
# is one that opens a date ("Early Spring 2023", "In Spring 2023").
_SEASON_IN_A_NAME = re.compile(
    r"(?-i:\b(?!(?:In|Im|En|Au|Since|Seit|Until|By|From|During|Early|Late|Mid|Last|Next|This|The|"
    r"Der|Die|Das|Le|La|El|Each|Every|Of|Und|And|Et|Y)\b)[A-ZÀ-Þ][\w’'-]*)\s+$"
)
_EXERCISE_NAMED_BEFORE = re.compile(
    r"\b(?:Exercise|Operation|Übung|Exercice|Ejercicio)\s+(?:(?-i:[A-Z])[\w-]*\s+){1,3}$", re.I
)
# "... and among Balikatan 2016 participants": a capitalised name inside a sentence, after a
# lowercase word, then the year (a count would follow "the", "some", "over": "the 2016 cadets")
_NAME_IN_A_SENTENCE_BEFORE = re.compile(r"(?-i:\b[a-z]{2,}\s+(?:[A-Z][a-z]{3,}|[A-Z]{3,8})\s+)$")
# (in English, where a count comes before the place: "sent 2000 troops to Mali")
_PARTICIPANTS_AFTER = re.compile(r"\s*(?:participants|trainees|cadets|students|graduates)\b")
_NAMING_BEFORE = re.compile(
    # ("as highlighted in the vision 2030": a plan's name in lowercase too)
    r"\b(?:(?i:vision|agenda)|Horizon|Horizont|Horizonte)\s+$|\b(?i:Mirage|Pampa)[\s-]+$"
    # "Panzerhaubitze(n) 2000", "PzH 2000", "the Howitzer 2000 model": a gun's name; "the
    # MBT-2000": a tank's
    # "der Pionierbrücke 2000": a bridge system's name
    r"|\b(?:Panzerhaubitzen?|PzH|Howitzer|MBT|\w*[bB]rücke)[\s-]+$"
    # "das Projekt NATO 2030", "the initiative NATO 2030": a programme's name
    r"|(?i:\b(?:Projekt|project|projet|proyecto|program(?:me|m)?|initiative|iniciativa))\s+[A-Z]{2,6}\s+$"
    # "dans le quartier ACI 2000": a neighbourhood's name
    r"|(?i:\b(?:quartier|cité|district|neighbou?rhood|barrio|colonia|stadtteil|viertel)"
    r"(?:\s+(?:of|de|du|des))?)\s+(?:[A-Z][\w'’-]*\s+){1,3}$"
)
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,6}\s*$")
# A revolution named by its month.
_REVOLUTION_AFTER = re.compile(r"\s+(?-i:Revolution)\b")
_REVOLUTION_BEFORE = re.compile(r"\b(?:revoluci[oó]n\s+de|r[ée]volution\s+d['’])\s*$", re.I)
_NAMED_AFTER = re.compile(
    r"\s+(?:initiative|agenda|strategy|vision|plan|programme|program|process|package|report|"
    r"goals?|targets?|reflection|reform|project)\b",
    re.I,
)
# "as part of the Road Safety 2010 project": capitalised words after "the", a name's
_CAPITALISED_NAME_BEFORE = re.compile(r"(?-i:\bthe\s+(?:[A-Z][a-z]+\s+){1,3})$")
# The page's own dates (when it was published or updated, a byline's), which date no event:
# the word opens its line or follows a mark ("• Last updated:", ", gepubliceerd op"); "a
# statement published on 19 April" dates the statement, an event.
# When the page was last changed, which need not be when it was written.
# "Esta entrada fue modificada por última vez el 28 de abril de 2017"
_MODIFIED_ES = r"modificad[oa]\s+por\s+última\s+vez\s+el"
_UPDATE_WORDS = (
    r"updated|modified|modifiée?|mise?\s+à\s+jour|aktualisiert|stand|actualizad[oa]|bijgewerkt|"
    + _MODIFIED_ES
)
_UPDATED = re.compile(rf"\b(?:{_UPDATE_WORDS})\b", re.I)
_METADATA_BEFORE = re.compile(
    # after a separator, or after the date before it: "Publié le 7 juin 2024 Mis à jour le",
    # or run into its clock: "Publié le 9 oct. 2023 à 7:00Mis à jour le"
    r"(?:(?:^|[•|,;(—–-]|(?<=\d\s)|(?<=:\d\d))\s*(?:last\s+updated|latest\s+update|"
    # "Published in English on 8.8.2022": a ministry's page in a second language
    r"published\s+in\s+(?-i:[A-Z])[a-z]+\s+on|(?:first\s+)?published\s+online|"
    r"publié\s+en\s+ligne|published|posted|"
    # "Dossier mis à jour le 29.09.2011": a record's own update
    r"(?:dossier|article|fiche|page)\s+mise?\s+à\s+jour|retrieved|access(?:ed)?|printed|"
    r"publish(?:ed)?\s+date|date\s+published|date\s+originally\s+(?:written|published)|(?:print\s+)?publication\s+date|(?:article\s+)?publi[ée]e?s?|publicad[oa]s?|postée?|dated|"
    r"gepubliceerd|veröffentlicht|erschienen|pubdate|erstellt|fecha\s+de\s+publicaci[oó]n|date\s+de\s+publication|actualizare|"
    # a forum member's line: "Inscrit le : 14/02/2009"; an essay site's: "Enviado por • 17 de
    # Junio de 2014 • 1.925 Palabras"
    # ("Anne Writer | Créé le 01.04.2025 à 14h00", "Crée le" mistyped: when it was written)
    r"rédigée?|inscrit\s+le|enviado\s+por|(?-i:Cr[ée][ée]e?)\s+le|"
    # a press office's release line: "For immediate release: Jul 7, 2010"
    r"(?:for\s+)?immediate\s+release|"
    # "Published/Last Modified on: February 27, 2015"
    r"published\s*/\s*last\s+modified(?:\s+on)?|" + _UPDATE_WORDS + r")\b(?:\s+date)?\W*"
    # ("Published on: February 25, 2015": a colon after "on")
    r"(?:(?:on|at|le|am|el|op)\s*:?\s+)?"
    r"(?:\d{1,2}(?:[:.]\d\d\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)\W*)?(?:(?:" + _WEEKDAY + r")\W*)?"
    # ("story & photos by Mike Reyno | February 25, 2015": what the byline's name wrote)
    r"|(?:^|\n)\W*(?:(?:posted|written|published|(?:story|text|words|photos?)(?:\s*(?:&|and)\s*"
    r"(?:story|text|words|photos?))?)\s+)?(?:by|von|par|por)\s*:?\s+[\w .,]{1,40}\s[-–|·•]\s*"
    # "Posted: admin on Aug 08 | News": a blog's post line, its writer's handle before "on"
    r"|(?:^|\n)\W*posted\s*:\s*[\w.-]{1,30}\s+on\s+"
    # "Posted by: Fred Pruitt 2002-03-03": a forum's or a blog's post line, no mark between
    r"|^\W*(?:posted|written)\s+by\s*:?\s+(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,3}\s+"
    # "Mondoweiss  /  December 26, 2024": a publication's name, a slash and the date, alone
    r"|^\W*(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,3}\s+/\s+"
    # "Lippe aktuell , 21.05.2003 :": a press archive's source line, a space before its comma
    r"|^\W*(?-i:[A-Z])[\w.]*(?:[ \t]+[\w.]+){0,3}[ \t]+,[ \t]+"
    # "Liberte; le Mercredi 22 Mars 2006": a paper's name and its issue's day, a semicolon
    # between, alone on their line
    r"|(?:^|\n)[ \t]*(?-i:[A-Z])[\w'’.-]*(?:[ \t]+(?-i:[A-Z])[\w'’.-]*){0,3}[ \t]*;[ \t]*"
    r"(?:(?:le|el|am)[ \t]+)?(?:(?:" + _WEEKDAY + r")[ \t]+)?"
    # a newsletter's issue: "Weekly Report - 19 August 2003"
    r"|^\W*(?:weekly|daily|monthly|fortnightly)\s+(?:report|review|digest|bulletin|brief|update)"
    r"\s*[-–—:|]\s*"
    # a print issue's date: "dans la parution du mardi 07 juillet 2020", "Ausgabe vom"
    r"|\b(?:parution|édition|issue|Ausgabe|edición|Meldung|Beitrag|Artikel|Pressemitteilung|"
    r"Nachricht)\s+(?:du|of|vom|del)\s+(?:(?:" + _WEEKDAY + r")\W*)?"
    # A paper's print line: "Published in Dawn, October 1st, 2019"
    r"|^\W*(?:published|publié|publicado|erschienen)\s+(?:in|dans|en|im)\s+[^,\n]{1,40},\s*"
    # a record's fields: "Creada: 23 mayo 2007", "Editada:", "Modificada:"
    r"|^\W*(?:cread[oa]|editad[oa]|modificad[oa]|created|edited)\s*:\s*"
    # a wire item's source and date fields: "Source :NewsBharati   Date :06-Dec-2017"
    r"|\bsource\s*:[^\n]{0,40}?\bdate\s*:\s*"
    # ... and the day a reader printed a chapter out: "Subscriber: null; date: 23 October 2018"
    r"|\bsubscriber\s*:[^\n;]{0,40};\s*date\s*:\s*"
    # a book's chapter online: "Published to Kentucky Scholarship Online: May 2018" (the
    # press's name may stand before the window)
    r"|\bscholarship\s+online\s*:\s*"
    # When a site received the text: "(Reçu à Kassataya 24 décembre 2019)"
    r"|\(\s*(?:reçu|received|recibido|eingegangen)\b[^()\n]{0,40}?\s"
    # a last-modified stamp after any word: "Esta entrada fue modificada ...", "last modified on"
    r"|\b(?:last\s+modified(?:\s+on)?|"
    + _MODIFIED_ES
    + r"|dernière\s+(?:modification|mise\s+à\s+jour)\s+le)\s+"
    # "Case published September 2011." opening its sentence: when a study's text came out ("the
    # report published on July 29 praised ...": an event)
    r"|(?:^|\n|(?<=[.!?]\s))(?:case|study|report|paper)\s+published\s+(?:(?:in|on)\s+)?"
    # "This article was corrected on 15 June 2021": a note on the page itself
    r"|\bthis\s+(?:article|story|post|report)\s+was\s+(?:corrected|updated|amended|"
    # "This article was first published on December 12, 2018": when the page itself came out
    r"(?:first\s+|originally\s+)?published)\s+(?:on\s+)?"
    # A parliament's record of its sitting: "HC Deb 17 June 1997 vol 296 c123W"
    r"|\b(?-i:H[CL])\s+Deb\s+"
    # A release's number and place before its day: "Pressemitteilung Nr.: 06/04 Aschersleben,"
    # (the number alone in sight: the window before a date is short)
    r"|\b(?-i:Nr|No|N[°º])\.?\s*:\s*\d{1,4}/\d{2,4}\s+(?-i:[A-Z])[\w-]+,\s*"
    # A source's line: "Quelle: Civil Georgia, 22.08.2009", "Quelle: Rádio Comercial, Kap
    # Verde, 21. Dezember 2004"
    r"|^\W*(?:quelle|source|sources|fuente|fuentes)\s*:\s*[^,\n]{1,50},(?:[^,\n]{1,30},)?\s*"
    # A source's line: "(Source: Royal Australian Navy; issued July 18, 2019)"
    r"|\(\s*(?:source|quelle|fuente)\s*:[^()]{0,80}[;,]\s*(?:issued|published|dated)\s+(?:on\s+)?"
    # A magazine's running header: "Issue No: 11 • November 2018 •", "(Issue No 21/01 –
    # January 3, 2014)"
    r"|\b(?:issue|numéro|número|ausgabe)(?:\s+(?:no\.?|nr\.?|n[º°o]\.?|number))?\s*:?\s*"
    r"\d{1,4}(?:[/.-]\d{1,4})?\s*[•|,·:–—-]\s*"
    # A bulletin's volume and number: "Vol. 4, No. 2: May 2003".
    r"|\bvol(?:ume)?\.?\s*\d{1,3}\s*,\s*(?:no\.?|nr\.?|number)\s*\d{1,4}\s*[:•|,·-]\s*"
    # Capitalised inside a line, where the page's headline runs into it: "... Publié le".
    # ("By: Tim Ripley Published: 10 Jul 2012": its colon after it)
    r"|(?-i:\b(?:Published|Posted|Publié|Publiée|Publicado|Veröffentlicht))\s*:?\s+"
    r"(?:on\s+|le\s+|el\s+|am\s+)?"
    r"(?:(?:" + _WEEKDAY + r")\W*)?"
    # a label opening its line: "Time: March 23, 2018"
    # "• Ausgabejahr:2013": the year of the issue
    # "Headlines: May 7th, 1999": a news index's day
    r"|(?:^|\n)\W*(?:time|date|datum|fecha|heure|hora|zeit|ausgabejahr|erscheinungsjahr|"
    # "Publisher: 17/09/2020": the day the site put the page up
    r"headlines|publisher)\s*:\s*(?:\(\s*)?"  # "Date: (19-05-2017)"
    # "Recibido: 10 de marzo de 2014. Aceptado: 18 de abril de 2014.": when a journal received
    # and accepted the article ("Received Date: November 23, 2012; Accepted Date: ...")
    # ("Recepción: 26 de enero de 2015. Aprobación: 15 de marzo de 2015.")
    # ("Fecha de recepción: junio 2025", "Recibido: 28-04-2017 | Aceptado: 12-01-2018")
    # ("Recibido: 22/10/2019 – Aprobado:23/04/2020", "Enviado: mayo de 2025. Aceptado: ...",
    # "Recibido: 14 de agosto de 2018 / Modificado: 26 de septiembre de 2018 / Aceptado: ...")
    r"|(?:^|\n|[.;|/–—]\s)\W*(?:fecha\s+de\s+)?(?:received|accepted|recibido|aceptado|reçu|accepté|"
    r"recepción|aprobación|aceptación|aprobado|enviado|submitted|soumis|modificado|revised|"
    r"revisado)(?:\s+date)?\s*:\s*"
    # "Pages 515-533 | Received 21 Dec 2022, Accepted 06 Sep 2023, Published online: 16 Sep
    # 2023": a journal's line, its labels capitalised
    r"|[|,]\s*(?-i:Received|Accepted|Published\s+online)\s*:?\s*"
    # "Accepted on 20 Jan 2019      Submitted on 23 Jul 2018": a journal's stamps on one line
    r"|(?:^|\n|[ \t]{3})[ \t]*(?-i:Received|Accepted|Submitted)\s+on\s+"
    # "Approved For Release 2008/11/07: CIA-RDP88B00831R000100210054-1": a declassified
    # paper's release stamp
    r"|\bapproved\s+for\s+release\s*:?\s*"
    # "Published online by Cambridge University Press: 05 February 2009": when the publisher
    # put the article online (the words before "online" may fall outside the window)
    r"|\bonline\s+by\s+(?-i:[A-Z])[^:\n]{1,40}:\s*)$",
    re.I,
)

# A journal's issue line: its name, number and city before the months it covers ("URVIO
# n.35 Quito Jan./Apr. 2023"). When the issue appeared, not an event, nor a year to go by.
_ISSUE_LINE_BEFORE = re.compile(
    r"(?:^|\n)\W*(?-i:[A-ZÀ-Þ][^\W\d_]+)\s+(?:(?:vol|v|n|no|nº|núm|num)\.\s*\d{1,4},?\s+){1,2}"
    r"(?-i:[A-ZÀ-Þ]\w+(?:\s+[A-ZÀ-Þ]\w+)?)\s+(?:[a-z]{3,4}\./)?$"
    # a newsletter's number or name opening its line: "Nr. 101, Oktober 2007", "E-Bulletin
    # September 2024"
    r"|(?:^|\n)\W*(?:e-?bulletin|newsletter|bulletin)\s+$"
    # "Estud. - Cent. Estud. Av., Univ. Nac. Córdoba no.36 Córdoba jun. 2016": a journal's
    # number and the place it comes out in, its long name cut off before
    r"|(?<![\w.])(?:no|nº|núm|num|vol)\.\s*\d{1,4},?\s+(?-i:[A-ZÀ-Þ][^\W\d_]+)\s+$"
    # a journal's name in capitals and its number: "PROCESOS 51, enero-junio 2020"
    r"|(?:^|\n)\W*(?-i:[A-ZÀ-Þ]{4,})\s+\d{1,4}\s*,\s*$"
    # a record's number and its day: "Diario de Sesiones ..., núm. 835, de 21/12/2022"
    r"|(?<![\w.])(?:núm|num|nº|n°|no|nr)\.\s*\d{1,5},\s*(?:de|del|du|vom|of)\s+$"
    # a parliamentary question's number and its day, "Question n° 5-8517 du 18 mars 2013",
    # and its asker's name and party: "de Bert Anciaux (sp.a) du 18 mars 2013"
    r"|\b(?:question|pregunta|frage|vraag)(?:\s+(?:écrite|escrita|schriftliche))?\s+"
    r"(?:n[°º]|no\.?|núm\.?|nr\.?)\s*[\d/-]{1,12}\s+(?:du|de|del|vom|of)\s+$"
    r"|(?:^|\n)\W*(?:de|by|von|por)\s+(?-i:[A-ZÀ-Þ])[\w.'’-]*(?:\s+(?-i:[A-ZÀ-Þ])[\w.'’-]*){0,3}"
    r"\s*\([^()\n]{1,20}\)\s+(?:du|of|vom|del?)\s+$"
    # ("Magazine N°253 - Avril 2024": the periodical's kind before it)
    r"|(?:^|\n)\W*(?:(?:magazine|revue|bulletin|journal|newsletter|zeitschrift|revista)\s+)?"
    r"(?:nr|no|nº|n°|núm|heft|ausgabe|issue|numéro|número)\.?\s*\d{1,4}\s*[,/–-]?\s*$"
    # a journal's year of publication and number: "AÑO 11  / N° 18 Enero – Junio 2020"
    r"|(?:^|\n)\W*(?:año|jahrgang|année|volumen|volume|vol)\.?\s*\d{1,3}\s*[,/|–-]?\s*"
    r"(?:nr|no|nº|n°|núm|número|numéro|issue)\.?\s*\d{1,4}\s*[,/–-]?\s*"
    # "Vol. 15, Nº. 1 (May 2024 October 2024)": the months it covers in brackets
    r"(?:\(\s*(?:[^\W\d]{3,10}\.?\s+\d{4}\s*[-–/]?\s*)?)?$",
    re.I,
)

# A byline of two capitalised words right after a date: the story's own day.
_BYLINE_AFTER = re.compile(
    r"\s+By\s+(?-i:[A-Z][a-z]*\.?\s+[A-Z])"
    # "February 2, 2012 (by Lieven Dewitte) - The first ...": the byline in brackets
    r"|\s*\((?:by|von|par|por)\s+(?-i:[A-Z])[^()\n]{1,40}\)"
    # "Oct 20, 2016 / admin": a blog's date and the account that posted it
    r"|[ \t]*/[ \t]*admin\b"
    # "(9/27/2004 issue of the CACI Analyst)": the print issue the text appeared in
    r"|[ \t]+issue\s+of\s+the\s+(?-i:[A-Z])"
    # "Apr 18, 2015 by": the author's name on the next line
    r"|[ \t]+(?:by|By|par|von|por)[ \t]*(?=\n|$)"
    # "25 Octobre 2019 , Rédigé par Spécial Défense Publié dans #Afrique": a blog's post line
    r"|[ \t]*,?[ \t]*(?-i:Rédigé|Écrit|Posted|Written)[ \t]+(?:par|by)[ \t]+(?-i:[A-ZÀ-Þ])"
)
# "July 13, 2021 Special Dispatch No. 9443": a date opening its line before the name and number
# of a publication's series, the line ending there: when that issue came out.
_SERIES_NUMBER_AFTER = re.compile(
    r"(?:[ \t]+(?-i:[A-Z])[\w&-]*){1,4}[ \t]+No\.[ \t]*\d{1,5}[ \t]*$", re.M
)
# "02 August 2024_ The armed forces ...": a digest's own date opening its item, closed by an
# underscore, which no sentence of an event writes; or by a rule of dashes ("25-1-2010 -----
# DynCorp es ...").
_UNDERSCORE_AFTER = re.compile(r"_[ \t]|[ \t]+-{3,}[ \t]")
# "27/02/2025," / "in Afrique" under a post's byline: a theme's date line and the category
# the post was filed in, the line ending there.
_POSTED_IN_AFTER = re.compile(
    r",\s*in[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*(?:[ \t]+(?-i:[A-ZÀ-Þ&])[\w'’-]*){0,3}[ \t]*$", re.M
)
# "14 November 2018 A. Writer - 276 KB - pdf": an attached file's label, its size after it.
_FILE_LABEL_AFTER = re.compile(r"[^\n]{0,80}?\s[-–|(]\s*\d+(?:[.,]\d+)?\s*(?:KB|kB|MB|Ko|Mo)\b")
# ... opening its line, or a list's item
_FILE_LABEL_BEFORE = re.compile(r"[ \t]*(?:\d{1,3}[.)][ \t]*)?")
# A magazine's issue after its date: "May 13, 2013, Vol. 18, No. 33".
_VOLUME_AFTER = re.compile(r",?\s*Vol(?:ume)?\.?\s*\d", re.I)
# The count of a publication's pages right after a date: the day it came out.
# ... and a thread's count of posts: "Aug 3, 2024, 65 tweets" on a thread reader's page.
_PAGE_COUNT_AFTER = re.compile(
    r",\s*\d{1,4}\s*(?:Seiten|pages|páginas|pp?\.|S\.|tweets|posts)(?!\w)", re.I
)
# A date alone in brackets on its line: "(9 May 2025)" under a headline, the page's own.
_BRACKETED_LINE = re.compile(r"(?<![^\n])[ \t]*\(\s*$")
_BRACKETED_LINE_END = re.compile(r"\s*\)[ \t]*(?:\n|$)")

# A diplomatic cable's declassification date, years after it was written: "DECL: 09/14/2019".
_DECLASSIFY_BEFORE = re.compile(r"(?-i:\bDECL):\s*$")

# A month alone is a date only after a word that makes it one ("in May", "by March").
_MONTH_ALONE_AFTER = re.compile(
    r"\b(?:in|on|since|until|by|from|to|of|early|late|mid|end|en|im|seit|desde|and|between|last|pasado|"
    r"throughout|von|this|este|its|their|auf|für|"  # "opened this August", "its February promise"
    r"into|"  # "could be extended into December"
    r"through|till|during|ende|anfang|mitte|bis|ab|fin|début|courant|hasta|de|depuis|jusqu'en|"
    r"vom|"  # "Pressemitteilung ... vom April"
    r"vergangenen|letzten|past|the|entre|zwischen|et|und|y|d['’]ici(?:\s+à)?|"
    r"der|"  # "Bereits der Juli wird ... markieren": the month, its article before it
    r"next|nächsten|kommenden|próximo|as\s+(?:late|early)\s+as)\s+"  # "going as late as November"
    r"(?:the\s+)?(?:(?:early|late|mid|end)\s+(?:of\s+)?)?-?$"
    r"|\b(?:early|late|mid|mi)-$|\bd['’]$"
    # "Exercise Bersama Lima, scheduled for October"
    r"|\b(?:scheduled|planned|slated|set|due|expected)\s+for\s+$"
    # "to be held in the month July", "im Monat Juli"
    r"|\b(?:the\s+month|im\s+Monat)\s+$"
    # the next of a list of months: "los meses de agosto, setiembre y octubre"
    r"|(?<![\w])" + _MONTH + r",\s+$"
    # the end of a Spanish span of months: "De enero a octubre"
    r"|\b(?:de|desde)\s+" + _MONTH + r"\s+(?:a|al)\s+$"
    # the second of two months joined by a dash: "held in November-December"
    r"|\b(?:in|during|from|since|between|en|im|de|entre|von)\s+(?:the\s+)?"
    + _MONTH
    + r"\s*[-–]\s*$",
    re.I,
)
_MODIFIER = re.compile(
    r"(?:\b(?P<mod>early|mid|late|end|the\s+end|the\s+beginning|beginning|the\s+start|start|"
    r"the\s+middle|middle|the\s+turn|début|fin|mi|anfangs|anfang|mitte|ende|principios|mediados|"
    r"finales|fines|comienzos)(?:\s+(?:of|de|del))?[\s-]*"
    # "came about in 2012": how it started, not when roughly; "without talking about the 1930s",
    # "a book about 1943": what is told of
    r"|(?<!\.)\b(?P<approx>around|(?<!came\s)(?<!come\s)(?<!comes\s)(?<!brought\s)"
    r"(?<!talk\s)(?<!talks\s)(?<!talking\s)(?<!talked\s)(?<!speak\s)(?<!speaking\s)"
    r"(?<!think\s)(?<!thinking\s)(?<!know\s)(?<!learn\s)(?<!write\s)(?<!wrote\s)(?<!story\s)"
    r"(?<!book\s)(?<!film\s)(?<!article\s)about|circa|ca\.|c\.|(?<=\()c|approximately|roughly|"
    # ("vers le 15 décembre", "hacia el 20 de mayo": the article before the day)
    # ("allá por el año de 1907": Spanish for "round about")
    r"vers|environ|etwa|gegen|hacia|alrededor\s+de|allá\s+por(?:\s+el\s+año(?:\s+de)?)?)"
    r"(?:\s+(?:the\s+|le\s+|el\s+)?(?:(?:in|of)\s+)?|"
    # "Troopers c.1914", "(c1957-65)": "circa" run into the year
    r"(?<=\bc\.)|(?<=\bca\.)|(?<=\(c)))$",
    re.I,
)
_QUALIFIERS = {
    "early": "early", "beginning": "early", "start": "early", "début": "early",
    "anfang": "early", "anfangs": "early", "principios": "early", "comienzos": "early",
    "mid": "mid", "middle": "mid", "mitte": "mid", "mediados": "mid", "mi": "mid",
    "late": "late", "finales": "late",
    "end": "end", "fin": "end", "ende": "end", "fines": "end", "turn": "end",
}  # fmt: skip

# A modifier before either end of a range: "late", "la fin du mois de", "mi-", "Anfang".
_START_MODIFIER = (
    r"(?:early|mid|late|end|beginning|fin|début|mi|ende|anfangs|anfang|mitte|finales|principios|"
    r"mediados)(?:\s+(?:du\s+mois\s+)?(?:of|de|d['’]|del))?[\s-]*"
)
_RANGE_OPEN = re.compile(
    # ("during 2021 to 2022": a span's two ends after "during")
    r"(?:\b(?P<word>from|between|since|during|du|de|del|entre|desde|depuis|dès|von|vom|seit|"
    r"zwischen|"
    # "in den Jahren 2002 bis 2007", "in the years 2002 to 2007", "en los años 2002 a 2007"
    r"in(?=\s+(?:den\s+Jahren|the\s+years)\s)|en(?=\s+los\s+años\s)|dans(?=\s+les\s+années\s)|"
    r"period(?:\s+of)?|période|"
    # "im Projektzyklus 2021 bis 2024", "für den Programmzeitraum 2021 bis 2024"
    r"\w*zeitraum|\w*zyklus|período|periodo|(?:Gesamt|Projekt)?laufzeit:|durée\s*:|duration:|duración:)\s+"
    r"(?:the\s+|el\s+|le\s+|la\s+|dem\s+|los\s+días\s+|les\s+jours\s+|los\s+años\s+|the\s+years\s+|"
    # "desde el año 2000 hasta 2022"
    r"les\s+années\s+|den\s+Jahren\s+|el\s+año\s+|the\s+year\s+|l['’]année\s+|dem\s+Jahr\s+)?"
    r"(?:(?:next|próximo|pasado)\s+)?"  # "Entre el próximo 27 de junio al 2 de agosto"
    r"(?:(?:" + _WEEKDAY + r"),?\s+)?"  # "Du lundi 30 octobre au vendredi 10 novembre"
    # "desde ayer, 14 de mayo, hasta el próximo 28": the day named as yesterday or today too
    r"(?:(?:yesterday|today|ayer|hoy|hier|aujourd['’]hui|gestern|heute),\s+)?"
    r"(?:" + _START_MODIFIER + r")?"  # "de la mi-janvier à la fin du mois de février 2013"
    r"|\b(?P<elided>d)['’]"  # "D’octobre à décembre 2016"
    r"|(?P<paren>\()\s*"  # "over 2 years (June 2013 to July 2015)"
    # "from its opening in 1999 until", "depuis sa création en 2004 jusqu'en", "von seiner
    # Gründung 1999 bis": the range starts at the thing's beginning, named between.
    r"|\b(?P<since>from|depuis|de|desde|von|seit)\s+(?:its|their|the|sa|son|leur|su|seiner|"
    r"ihrer|der|dem)\s+[^\W\d]{4,}\s+(?:in\s+|en\s+|im\s+(?:Jahr(?:e)?\s+)?)?)$",
    re.I,
)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|zwischen|entre)\s+$", re.I)
_SHORT_YEAR_AND_AFTER = re.compile(
    # (not "between 2010 and 12 officers", "entre 1990 et 95 %": a count)
    r"\s+(?:and|und|et|y)\s+(\d\d)(?![\d%]|[.,:]\d|\s*(?:%|per|pour|por|Prozent)|\s+[^\W\d]+s\b)",
    re.I,
)
# "compared 2019 to 2020": two years set side by side, no span
_COMPARED_BEFORE = re.compile(r"\bcompar(?:e[sd]?|ing)\s+$", re.I)
# A month's name cut short closing a date: "3 Oct", "Sept".
_SHORT_MONTH_CLOSING = re.compile(r"(?<![\w.])[A-Za-z]{3,4}$")
_RANGE_JOIN = re.compile(
    # "entre 2021 (6 appareils d’occasion) et 2022": an aside in brackets after the start
    r"^\s*(?:\((?![^()]*\b(?:19|20)\d\d\b)[^()\n]{1,40}\)\s*)?"
    r",?\s*(?:(?P<dash>[-–—]|(?<=\s)/(?=\s)|(?:through|up)\s+(?:until|till)|to|until|till|through|"
    r"thru|au|à|jusqu['’]\s?(?:au|à|en)|"
    r"bis(?:\s+zu[mr](?=\s))?|"  # "Vom 21. April bis zum 8. Mai"
    # "Since March 2017 and until January 2018"
    r"(?:and|et|y|und)\s+(?:until|till|jusqu['’]\s?(?:au|à|en)|hasta|bis)|"
    r"zum|a|al|hasta|and|et|und|y)\s*(?:the\s+|el\s+|le\s+|la\s+|dem\s+)?"
    r"(?:" + _START_MODIFIER + r")?"
    # "between July 15 last until next October 13", "del pasado 15 de julio al próximo 13"
    r"(?:(?:next|próximo)\s+)?(?:(?:" + _WEEKDAY + r"),?\s+)?"
    r"(?:(?-i:FY)\s?)?)$",  # "FY2006-FY2012": fiscal years, the end's "FY" too
    re.I,
)
# A start after a verb of beginning, then "and" and a verb of ending before the end: "iniciará
# el 19 de enero y concluirá el 9 de julio", "begins on 3 May and ends on 20 May".
# "commence in the last week of March and conclude in the first week of April": the months
_WEEK_OF = r"(?:(?:first|second|third|fourth|last|final)\s+(?:week|days?|fortnight)\s+of\s+)?"
_BEGINS_BEFORE = re.compile(
    r"\b(?:begins?|began|starts?|started|will\s+(?:begin|start)|commence[sd]?|opens?|opened|inicia(?:rá|ba)?|"
    r"comienza|comenzará|empieza|empezará|débute(?:ra)?|commence(?:ra)?|beginnt|startet|"
    r"débutant|commençant|starting|beginning|comenzando|empezando)\s+"
    r"(?:[\w-]+\s+)?(?:on|el|le|am|the)?\s*"
    + _WEEK_OF
    + r"(?:(?:early|mid|late)[-\s])?$",  # "It commenced in mid-February and closed ..."
    re.I,
)
# Between two days: "docked on Wednesday, November 3, and will be in the port until Saturday,
# November 6".
_STAYS_UNTIL = re.compile(
    r"^,?\s*(?:and\s+)?(?:will\s+(?:be|stay|remain)|stay(?:s|ed)?|remain(?:s|ed)?)\b"
    r"[^.;!?\n]{0,30}?\s+(?:until|till)\s+(?:the\s+)?(?:(?:" + _WEEKDAY + r"),?\s+)?$",
    re.I,
)
# ... or, after a start, "until" alone: "started last 07 November until 16 November".
_UNTIL_ONLY = re.compile(r"\s*(?:until|till)\s+(?:the\s+)?", re.I)
# Between two days, each with its month, the word that makes them one range with no "from".
_DAY_TO_DAY = re.compile(r"\s*(?:to|through)\s+(?:the\s+)?", re.I)
_AND_ENDS = re.compile(
    r"^\s*,?\s*(?:and|y|e|et|und)\s+(?:(?:will|se)\s+)?(?:ends?|ended|finish(?:es)?|clos(?:es?|ed)|"
    r"concludes?|concluirá|concluye|termina(?:rá)?|finaliza(?:rá)?|culmina(?:rá)?|"
    r"s['’]achève(?:ra)?|(?:se\s+)?termine(?:ra)?|prendra\s+fin|endet|enden|"
    # "Débutant le 25 octobre et se terminant le 24 novembre"
    r"(?:se\s+)?terminant|s['’]achevant|ending|finishing|concluding|terminando|finalizando)\s+"
    r"(?:(?:on|in|el|le|am|the)\s+){0,2}"
    + _WEEK_OF
    # "commenced in mid-February and closed Thursday, February 23, 2023"
    + r"(?:(?:"
    + _WEEKDAY
    + r"),?\s+)?$",
    re.I,
)
# A German start with its verb after the day, then "und" and the end: "ist am 12. Juni in
# Litauen gestartet und soll zum 24. Juni zu Ende gehen".
_STARTED_AND_ENDS = re.compile(
    r"^[^.;!?\n]{0,40}?\b(?:gestartet|begonnen|eröffnet|angelaufen)\s+(?:worden\s+)?und\s+"
    r"(?:(?:soll|wird|ist|sollen|werden)\s+)?(?:am|zum|bis\s+zum|bis)\s+$",
    re.I,
)
# The words before a span's end: "until", "bis zum", "jusqu'au", "hasta este".
_UNTIL = (
    r"(?:through|until|till|to|into|bis(?:\s+zu[mr])?|jusqu['’](?:au|à|en)|"
    r"hasta(?:\s+(?:el|este))?)\s*"
)
# A start, a few words, then a verb of lasting and the end: "kicks off Feb. 21 in Thies and
# runs through March 11", "beginnt am 3. Mai in Gao und dauert bis zum 20. Mai".
_LASTS_UNTIL = re.compile(
    r"^[^.;!?\n]{0,60}?\b(?:runs?|lasts?|continues?|will\s+(?:run|last|continue)|dauer[nt]|"
    r"läuft|laufen|se\s+poursui(?:t|vra)|dure(?:ra)?|se\s+prolonga(?:rá)?|dura(?:rá)?)\s+"
    + _UNTIL
    + r"(?:the\s+)?(?:(?:first|second)\s+half\s+of\s+)?$",  # "last until the second half of June"
    re.I,
)
# ... told in the past, between two days or months: "inició el 11 de julio y se extendió hasta
# este 5 de agosto" (not two years: "se reabrió en 1938 y duró hasta 1969" tells a reopening and
# an end, each an event).
_LASTED_UNTIL = re.compile(
    r"^[^.;!?\n]{0,60}?\b(?:ran|lasted|continued|dauerte|lief|se\s+poursuivit|a\s+duré|"
    r"se\s+prolongó|duró|se\s+extendió)\s+" + _UNTIL + "$",
    re.I,
)
# "le 31 janvier dernier", "el pasado 22 de febrero", "last January": the last such date
# before the page was written, which only the page's date (the reference date) gives.
_LAST_BEFORE = re.compile(
    r"\b(?:last|this\s+past|pasad[oa](?:\s+mes\s+de)?|passé|vergangenen|letzten)\s+$", re.I
)
_LAST_AFTER = re.compile(
    r"^\s+(?:derni(?:er|ère)s?|passée?s?|pasad[oa]s?|last(?!\s+(?:week|month|year)))\b", re.I
)
# "in December last year", "en diciembre del año pasado": a year counted back from the page's
# own date when it gives one, else by the reviewer; never the last year the page stated.
_LAST_YEAR = re.compile(
    r"^,?\s*(?:of\s+)?last\s+year\b|^\s*(?:de\s+)?l['’](?:année\s+(?:dernière|passée)|an\s+"
    r"dernier)\b|^\s*(?:des\s+)?(?:letzten|vergangenen|vorigen)\s+Jahres\b|^\s*del\s+año\s+"
    r"pasado\b"
    # "entre septiembre y octubre del próximo año", "in June next year": counted on, the same
    r"|(?P<next>^,?\s*(?:of\s+)?next\s+year\b|^\s*de\s+l['’]année\s+prochaine\b|"
    r"^\s*des\s+(?:nächsten|kommenden)\s+Jahres\b|^\s*del\s+(?:próximo|siguiente)\s+año\b|"
    r"^\s*del\s+año\s+(?:próximo|que\s+viene)\b)",
    re.I,
)
# "ce 30 juillet", "este 14 de noviembre", "this 30 July": of the year the page is written in.
_THIS_BEFORE = re.compile(
    r"\b(?:ce|este|this)\s+(?:(?:" + _WEEKDAY + r")\s+)?(?:(?:el|the)\s+)?$"
    r"|\b(?:presente|este)\s+mes\s+de\s+$|\bce\s+mois\s+(?:de\s+|d['’])$",
    re.I,
)
# A weekday just before a date: "Monday, March 18", "jeudi (30 juillet)", "am Dienstag, 3. Mai".
# "... des forces libyennesMardi 23 Février 2016 - 14:54": a headline run into its date line
_WEEKDAY_BEFORE = re.compile(
    r"(?:\b|(?<=[a-zà-ÿ])(?=(?-i:[A-ZÀ-Þ])))(?P<w>"
    + _WEEKDAY
    + r")\W{0,3}(?:(?:the|le|den|dem|el)\s+)?$",  # "Am Montag, dem 28. März"
    re.I,
)


def _weekday_before(text: str, start: int) -> re.Match | None:
    """The weekday named right before a date ("le vendredi 12 novembre"), if any."""
    return _WEEKDAY_BEFORE.search(text[max(0, start - 16) : start])


_WEEKDAY_INDEX = [
    ("mon", "lun", "maa", "man", "mån"),
    ("tue", "mar", "die", "din", "tir", "tis"),
    ("wed", "mer", "mit", "mié", "woe", "ons"),
    ("thu", "jeu", "don", "jue", "tor"),
    ("fri", "ven", "fre", "vie", "vri"),
    ("sat", "sam", "sáb", "zat", "lør", "lör"),
    ("sun", "dim", "son", "dom", "zon", "søn", "sön"),
]
# A date opening its line, then a site's name between dashes: "June 19th, 2017 – News –".
_SITE_BETWEEN_DASHES = re.compile(r"^\s*[-–—]\s*[^-–—\n.!?]{1,40}?\s*[-–—]\s*$")
_THIS_YEAR = re.compile(
    r"^,?\s*(?:months?\s+)?(?:of\s+)?(?:this|(?:the\s+)?current)\s+year\b|^\s*(?:de\s+)?cette\s+année\b(?!-là)|"
    r"^\s*(?:dieses|des\s+laufenden)\s+Jahres\b|^\s*(?:de|del)\s+(?:este|presente)\s+año\b"
    r"|^\s*courant\b",
    re.I,
)
_THIS_YEAR_SAID = re.compile(
    # ("novembre de cette année-là": that year, one the page told of)
    r"\b(?:this|the\s+current)\s+year\b|\bcette\s+année\b(?!-là)|\b(?:dieses|diesem)\s+Jahr(?:es)?\b|"
    r"\b(?:este|presente)\s+año\b",
    re.I,
)
_THAT_YEAR = re.compile(r"^,?\s*(?:de\s+)?cette\s+année-là\b", re.I)
# "In February of the previous year", "im August und September des Vorjahres": a year counted
# from one the story told of, which the page need not state.
_YEAR_APART = re.compile(
    r"^,?\s*(?:of\s+the\s+(?:previous|preceding|following)\s+year|(?:de\s+)?l['’]année\s+"
    r"(?:précédente|suivante)|des\s+(?:Vorjahres|Folgejahres)|del\s+año\s+(?:anterior|siguiente))\b",
    re.I,
)
_SAME_YEAR = re.compile(
    r"^,?\s*(?:of\s+the\s+same\s+year|(?:de\s+)?la\s+même\s+année|del\s+mismo\s+año|"
    r"(?:des(?:selben|gleichen)\s+Jahres))\b",
    re.I,
)
# A place, a comma and the date opening a text, then an agency or a dash: a dateline.
# Or the date closing the agency's parentheses: "BRUSSELS (Agency / Wire - 08th April, 2020)".
# The place may name its country ("Bruxelles, Belgique, 24 mars (Agency) -"); the date may
# stand alone in the parentheses ("Brasilia, Brazil (May 17, 2010) –").
# "Motta di Livenza": Italian places join their words with "di", "del", "della" too.
_PLACE_NAME = (
    r"[A-ZÀ-Þ][\w.'’-]*"
    r"(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|de|du|des|la|le|el|am|an|of|di|da|del|della)){0,3}"
)
# The place may name its country after it, in parentheses or brackets: "BASE DE MAIWAN
# (Afghanistan), ", "Port Louis [Mauritius], "; a story told from two places names both:
# "Victoria/New Delhi, "; a release names its body, its city and its country: "East African
# Community ,Arusha ,Tanzania, " (a space before each comma, as typed)
_PLACE = (
    _PLACE_NAME
    + r"(?:\s*/\s*"
    + _PLACE_NAME
    + r")?(?:(?:\s?,\s*"
    + _PLACE_NAME
    + r"){1,2}|\s*\("
    + _PLACE_NAME
    + r"\)|\s*\["
    + _PLACE_NAME
    + r"\])?"
)
_DATELINE_BEFORE = re.compile(
    r"^\W*(?:\d\d?:\d\d\s*\|\s*)?"  # "09:45 | Lima, Dec. 17.": the hour it was filed
    # the site's name before it: "14ymedio bigger14ymedio, Havana, 1 July 2024 —"
    + r"(?:(?-i:[\w.-]*\d[\w.-]*|[a-z][\w.-]*)(?:\s+[\w.-]+)?,\s+)?"
    # a postcode before the place: "3003 Bern, 7. Juni 1999"
    + r"(?:\d{4,5}\s+)?"
    + _PLACE
    # "Abidjan, le 13 avril 2022 -": the article before the day, as French writes it;
    # "Ciudad de México, a 21 de octubre de 2019.-", as a Mexican ministry does
    # ("Santiago de Querétaro, Qro; 31 de mayo de 2023.-": a semicolon for the comma)
    + r"(?:[,;]\s*(?:(?i:"
    + _WEEKDAY
    + r")\W*)?(?:le\s+|a\s+)?|,?\s*\((?:[^()]{1,50}[-–—,]\s*)?|\s*…\s*|/|\.\s+"
    # "Ganta, Nimba County – July 29, 2025 — With ...": a spaced dash after the place
    + r"|\s+[–—]\s+)$"
)
_PLACE_BETWEEN_DASHES = re.compile(r"^\s*[-–—]\s*" + _PLACE + r"\s*[-–—]\s")
# A day's date opening its line, then only its place: "15th September 2016 Mogadishu, Somalia".
# "July 9, 2017    Syria –  Example News – Brigadier General ...": the place, then the news
# service's name between dashes, then the story.
_PLACE_AND_SITE_AFTER = re.compile(
    r"^\s+" + _PLACE_NAME + r"\s*[-–—]\s*(?-i:[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3})\s*[-–—]\s"
)
# ("March 29, 2011 - Jalpaiguri (wb),": a state's short name in brackets and the comma before
# the story on the next line)
_PLACE_ONLY_AFTER = re.compile(
    r"^\s*[-–—,]?\s*" + _PLACE + r"(?:\s*\((?-i:[a-z]{2,4})\))?\s*,?\s*$"
)
# A date opening a text, then its place in parentheses and a dash: "July 24, 2019 (JUBA) –".
# "14 June 2022, Accra - The Board ...": the place after a comma, then a dash or a colon
# ("24 February 2021, Bishoftu-Ethiopia: The ...", "26 June 2013, New York, USA – UNITAR’s").
_PLACE_AFTER_DATE = re.compile(
    r"^\s*\([A-ZÀ-Þ][^()\d]{1,30}\)\s*[-–—:]|^\s*,\s*"
    + _PLACE_NAME
    + r"(?:\s*,\s*"
    + _PLACE_NAME
    + r")?\s*[-–—:]\s+(?-i:[A-ZÀ-Þ])"
)
# "(August 25, Colombo, Sri Lanka Guardian) The United States ...": the day, the place and the
# paper in the brackets that open the story.
_PARENTHESISED_DATELINE_AFTER = re.compile(
    r",\s*" + _PLACE_NAME + r"(?:\s*,\s*[^()\n]{1,40})?\)\s+(?-i:[A-ZÀ-Þ])"
)
# "(Les Échos du Niger 8 déc) L’armée ...": the paper's name and its day in the brackets that
# open the story.
_PAPER_BEFORE_ITS_DAY = re.compile(r"\(\s*(?-i:[A-ZÀ-Þ])[\w'’.-]*(?:\s+[\w'’.-]+){0,5}\s+")
# "05/12/2011 (B633) Ouest France (Blog) Djibouti: ...": a press review's item number
_ITEM_NUMBER_AFTER = re.compile(r"^\s*\((?-i:[A-Z]{0,3}\d{1,6})\)\s+(?-i:[A-ZÀ-Þ])")
# "Dateline:" (or "Dateline,") opening a line, then a place: the line is a dateline.
_DATELINE_LABEL = re.compile(r"\s*Dateline\s*[:,][^\n]*", re.I)
# A dateline without a year must name its agency: "24 mars (Agency) -", "May 16 (Agency) India
# will ...", "Dec. 3 / Agency A. Writer /".
_DATELINE_AGENCY_AFTER = re.compile(
    r"^\.?\s*,?\s*\([^()]{1,40}\)\s*\.?\s*[-–—:|]"
    # "Tegucigalpa, 18 Mar (Notimex)" alone on its line, closing the story
    r"|^[ \t]*\((?-i:[A-Z])[^()\n]{1,30}\)[ \t]*(?:\n|$)"
    r"|^\s*\((?-i:[A-Z][\w.&/ -]{1,30})\)\s+(?-i:[A-Z])"
    r"|^\.\s*\((?-i:[A-ZÀ-Þ][\w.&/ -]{1,30})\)\s*(?-i:[A-ZÀ-Þ])"  # "07 Nov. (Marín)Después"
    # "19 octobre. / TASS/. La", "Chisinau, 03 August /MOLDPRES/ – The"
    r"|^\.?\s*/\s*(?-i:[A-Z])[^/\n]{0,40}/\s*(?:$|\.\s+(?-i:[A-ZÀ-Þ])|[-–—:]\s)"
    # "Baku. 12 November. REPORT.AZ/ Defense ...": the agency in capitals and a slash
    r"|^\.\s+(?-i:[A-Z][A-Z.]{2,20}[A-Z])\s*/"
    # "Bakou, 20 février, AZERTAC": the agency's name in capitals after a comma
    r"|^\s*,\s*(?-i:[A-Z]{3,}(?:\s+[A-Z]{2,})?)\s*(?:$|[-–—:|]|\.(?:\s*(?:\n|$)|\s+(?-i:[A-ZÀ-Þ])))"
    # "Moscú, 29 de julio, RIA Novosti." alone on its line: its name capitalised, the line ending
    r"|^[ \t]*,[ \t]*(?-i:[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,2})[ \t]*\.?[ \t]*(?:\n|$)"
    # "HELSINKI, Jan 16 (Reute": the agency's name cut where the stored copy ends
    r"|^[ \t]*\((?-i:[A-Z])[\w.&/-]{0,30}\Z"
)
_PRESS_OFFICE = r"(?-i:Presse\w*|Press\s+(?:Office|Release))"
_DATELINE_AFTER = re.compile(
    # "((example.com))–": a site's name in double parentheses
    # ("Bruxelles, 12 décembre 2024 (ACP).-Le chef": a full stop after the agency's brackets)
    r"^\s*,?\s*(?:\([^()]{1,40}\)\.?\s*|\(\([^()]{1,40}\)\)\s*|\[[^\[\]]{1,40}\]\s*)?[-–—:|]|^\s*\)"
    # "Goma, 10 novembre 2023, INFOSDIRECT__: L’armée": the agency's name in capitals after a
    # comma, then a colon
    r"|^\s*,\s*(?-i:[A-Z]{3,})_*\s*:\s"
    # "Blankenese (26. Juni 2020, PM) ·": a press release's mark after the date in its brackets
    r"|^\s*,\s*(?-i:[A-Z]{2,4})\s*\)"
    r"|^\.\s+(?-i:[A-ZÀ-Þ])"  # "Berlin, 17. Januar 2022. Im Auswärtigen Amt ..."
    # "Belmopan. April 24, 2020. 11:10 a.m.": the date and its clock closing the line
    r"|^\.?[ \t]*\d{1,2}[:.]\d\d[ \t]*(?:[ap]\.?m\.?)?[ \t]*(?:\n|$)"
    r"|^\.-\s*(?-i:[A-ZÀ-Þ])"  # "Ciudad de México, a 21 de octubre de 2019.- La Secretaría"
    r"|^\.\s+[-–—]\s+(?-i:[A-ZÀ-Þ])"  # "Conakry, République de Guinée, le 30 octobre 2025. – L'"
    # "Bishoftu, June04, 2025 (EDU ) The Director ...": the agency in brackets, then the story
    r"|^\s*\(\s*(?-i:[A-Z]{2,8}|[A-Z][a-z]{2,7})\s*\)\s+(?-i:[A-ZÀ-Þ])"
    # "KYIV, Ukraine, July 12, 2013 /PRNewswire/ –": a wire service between slashes
    r"|^\s*/\s*(?-i:[A-Z])[^/\n]{0,30}/\s*(?:[-–—:]|$)"
    # "Warnemünde, 04.07.2005, Pressestelle des Marineamtes/Fotos: ...": the press office's
    # credit after the date
    r"|^\s*,\s*(?:" + _PRESS_OFFICE + r"|(?-i:Fotos?|Photos?))\b"
)
# A dateline without a year, the story right after its dash or colon: "New Delhi, Oct 26: The
# Indian Navy ...", "Phnom Penh (FN), Mar. 15 – Cambodia ...".
_LINE_END = r"[ \t]*\.?[ \t]*(?:\n|$)"  # the date closing its line, a full stop at most
_YEARLESS_DATELINE_AFTER = re.compile(
    # "Dhaka, 16 July :- Chief of Air Staff ...", "New Delhi, 15 June: 43 Afghan cadets ..."
    r"^\s*(?:--|:-|[:–—-])\s+(?-i:[A-ZÀ-Þ]|\d+\s+(?-i:[A-Z]))"
    r"|^\.\s?[-–—]\s*(?-i:[A-ZÀ-Þ])"  # "México, 21 de septiembre.- Los helicópteros ..."
    r"|^" + _LINE_END  # "Lima, Dec. 17." alone on its line
)
_LINE_END_AFTER = re.compile(_LINE_END)
_A_BEFORE_THE_DAY = re.compile(r",\s*a\s+$")
# A place alone before a yearless day, no comma between: "Nay Pyi Taw August 24".
_PLACE_ALONE_BEFORE = re.compile(r"[ \t]*" + _PLACE_NAME + r"[ \t]+")
# A site's name and a comma opening the text before a date: "afrol.com, 10 January - The ...".
_SITE_NAME_BEFORE = re.compile(r"^\W*(?-i:[a-z][\w-]*)\.(?:com|org|net|info)\s*,\s*$")
# A place and its region with no comma before the date: "Lepaterique, Francisco Morazán 02 de
# mayo,2018."
_PLACE_AND_REGION_BEFORE = re.compile(r"^\W*" + _PLACE_NAME + r"\s*,\s*" + _PLACE_NAME + r"\s+$")
# A place in capitals needs no agency: "DAR ES SALAAM, Dec. 30 -- The ...".
_PLACE_IN_CAPITALS_BEFORE = re.compile(
    # ... its agency in brackets may open the line: "(ANSA-AFP) - BUCHAREST, SEP 13 -"
    r"^\W*(?:\((?-i:[A-Z][\w.&/ -]{1,20})\)\s*[-–—]\s*)?"
    r"(?-i:[A-Z][A-Z'’. -]{2,30}[A-Z])\s*,\s*"
    # ... and its state or country: "NAIROBI, Kenya Nov 4 –", "FORT BRAGG, N.C., May 3 —"
    r"(?:(?-i:[A-Z][\w.]*)(?:\s+(?-i:[A-Z][\w.]*))?\s*,?\s*)?$"
    # ... or a full stop or a spaced dash after it: "MOSCOW. July 2 (Agency) -", "CAIRO - 11
    # September 2021:"
    r"|^\W*(?-i:[A-Z][A-Z'’ -]{2,30}[A-Z])(?:\.|\s+[-–—])\s+$"
    # ... its country after a comma, and the day's name: "APIA, SAMOA – WEDNESDAY 15 AUGUST"
    r"|^\W*(?-i:[A-Z][A-Z'’ -]{2,30}[A-Z]),\s*(?-i:[A-Z][A-Z'’ -]{2,30}[A-Z])\s+[-–—]\s+"
    r"(?:(?i:" + _WEEKDAY + r")\W*)?$"
    # ... or its agency in brackets: "ADDIS ABABA (HAN) May 15. 2021."
    r"|^\W*(?-i:[A-Z][A-Z'’ -]{2,30}[A-Z])\s*\([^()\n]{1,20}\)\s+$"
)
# Nor does the wire's shape with the country in brackets: "Port Louis [Mauritius], November 9
# : The ...".
_PLACE_IN_BRACKETS_BEFORE = re.compile(
    r"^\W*" + _PLACE_NAME + r"\s*\[" + _PLACE_NAME + r"\]\s*,\s*$"
)
# A place opening brackets before a date: "(Bangkok - 10 April 2014)", a dash or a comma
# between them; "(Lima 19 de diciembre 2025).- Las Fuerzas ...", no mark between, the day then
# closing the brackets (not "(Archivbild Dezember 2014: ...", a photo's caption)
_PLACE_IN_PARENTHESES_BEFORE = re.compile(
    r"^\s*\(\s*" + _PLACE_NAME + r"(?:\s*(?P<mark>[-–—,])\s*|\s+)$"
)
# Datelines of other shapes, each naming its agency:
# "(EBC; March 20, 2017)- ": the agency and the date in one pair of parentheses;
# "(CISPES, Sept. 16)" closing a paragraph: a source's credit and date.
# "(The National, Dec. 16) –": a paper's name of two or three words.
_AGENCY_PARENTHESIS_BEFORE = re.compile(
    r"\((?-i:[A-Z][A-Za-z-]{1,15}(?:\s+[A-Z][A-Za-z-]{1,15}){0,2})\s*[;,]\s*$"
)
# A street, a square, a bridge, a stadium or a school named after a day: "la Avenida 9 de Julio",
# "rue du 4 Septembre", "el bulevar 30 de junio", "la Universidad 4 de Mayo".
_STREET_BEFORE = re.compile(
    r"\b(?:avenida|avenue|calle|bulevar|boulevard|rue|plaza|paseo|puente|pont|estadio|stade|"
    r"universidad|colegio|escuela|liceo|instituto|hospital|barrio|reparto)"
    r"\s+(?:(?:du|del|de)\s+)?$",
    re.I,
)
# A nation's feast named by its day: "la fête nationale du 6 juillet", "la fiesta nacional del
# 9 de julio" (with no year, the feast as every year keeps it).
_NATIONAL_DAY_BEFORE = re.compile(
    r"\b(?:fête\s+(?:nationale|de\s+l['’]indépendance)|fiesta\s+nacional|"
    r"día\s+de\s+la\s+independencia)\s+(?:du|del|de)\s+$",
    re.I,
)
# A related story's line, its section's name run into the clock: "News15:21 Dec. 29, 2016"
_LISTED_STORY_BEFORE = re.compile(r"\W*(?-i:[A-Z][a-z]{2,15})\d{1,2}:\d\d\s+")
# A printed magazine's page header, its page number and site before the issue: "10 Sudmag.nc |"
_PRINTED_PAGE_HEADER_BEFORE = re.compile(r"\W*\d{1,3}\s+[\w-]+\.[a-z]{2,4}\s*\|\s*")
# A paper's name and a comma, alone before its issue's day in figures: "Canarias 7, 31-08-2006"
_PAPER_AND_COMMA_LINE = re.compile(r"\W*(?-i:[A-Z])[\w.'’]*(?:[ \t]+[\w.'’]+){0,3},[ \t]*")
_CREDIT_LABEL_BEFORE = re.compile(
    r"(?:^|\n)\W*(?:fotograf[íi]as?|photos?|fotos?|photo\s+credit|cr[ée]dito?s?(?:\s+photo)?)"
    r"\s*:\s*(?:©\s*)?$",
    re.I,
)
# A book's details after its year: "Walter de Gruyter, 2018. Pp. 289. ISBN ...".
_BOOK_DETAILS_AFTER = re.compile(r"[.,]?\s*(?:pp?\.\s*\d+[.,]?\s*)?ISBN\b", re.I)
# A reference list's entry: its author, the year, the title in quotes ("Mozambique. 2010 ‘Record
# Keeping.’ National Report ... 1 January"): every date on its line is the cited work's.
_REFERENCE_ENTRY = re.compile(
    rf"[A-Z][^\n.]{{0,80}}\.\s+{_YEAR}[a-z]?\.?\s+[‘“\"][^\n‘’“”\"]{{1,200}}[’”\"]"
)
# A report's or a decree's number before its year: "Norad Report Discussion no. 19/2010", "el
# decreto presidencial 19-2024".
_REPORT_NUMBER_BEFORE = re.compile(
    r"\b(?:no|nr|nº|n°)\.?\s*\d{1,4}/$"
    r"|\b(?:decreto|decree|décret|dekret)(?:\s+[^\W\d]+)?\s+\d{1,4}-$",
    re.I,
)
_SOURCE_LABEL_BEFORE = re.compile(
    # ... or how to cite the page itself: "Cita sugerida: Molinari, L. (2020)."
    r"(?:^|\n)\W*(?:quellen?|sources?|fuentes?|cita\s+sugerida|c[oó]mo\s+citar|"
    r"(?:suggested\s+)?citation|"
    r"how\s+to\s+cite|pour\s+citer|zitiervorschlag|zitierweise)\s*:[^\n]{0,80}$",
    re.I,
)
# A work's title in quotes opening its line, before its year and its makers: a song's or a
# poem's credit under the verse quoted ('"A Team" 1966, by L. Whitcup, B. Sadler').
_QUOTED_TITLE_LINE = re.compile(r"\s*[“\"«„][^\n“”\"«»„]{1,80}[”\"»“]\s*,?\s*")
_MAKERS_AFTER = re.compile(r",?\s+(?:by|par|von|por)\s+(?-i:[A-ZÀ-Þ])", re.I)
# A line holding a station's or a paper's name and the date: "Radio & Television Tonga News".
_MEDIA_NAME_LINE = re.compile(
    r"\W*(?:(?-i:[A-Z][\w'’.-]*)\s+(?:&\s+)?){0,6}"
    r"(?-i:News|Radio|Television|TV|Times|Post|Daily|Herald|Tribune|Gazette)\s+"
)
_AGENCY_SLASH_AFTER = re.compile(r"\s*/\s*[A-Za-z]{2,8}\s*\)")
# "(14.10.2016; Symbolfoto: A. Name/Bundeswehr)": the day a photo was put up, then its credit
_PHOTO_CREDIT_AFTER = re.compile(r"\s*;\s*(?:Symbol)?(?:foto|photo|bild|image)\s*:", re.I)
# ("a drill on March 23, 2016On the shores": a caption's day run into the next sentence)
_STAMP_PREPOSITION_BEFORE = re.compile(
    r"\b(?:on|in|at|of|from|since|until|by|le|el|am|du|de|del|depuis|desde|seit)\s+$", re.I
)
# An author's name after "by": "samedi 24 octobre 2015, par A. Writer".
_AUTHOR = r"(?:par|by|por|von)\s+(?-i:[A-ZÀ-Þ])[\w.'’-]*(?:\s+(?-i:[A-ZÀ-Þ])[\w.'’-]*){0,3}\s*"
_BY_AUTHOR_AFTER = re.compile(r"\s*[,|–—-]\s*" + _AUTHOR)
_DAY_ALONE_BEFORE = re.compile(r"\W*(?:(?:le|on|am|el)\s+)?(?:(?:" + _WEEKDAY + r")\W*)?", re.I)
# (two figures only with the dash close: "the 1950s - 60 officers" is a count)
_DECADE_TAIL = re.compile(r"(?:\s*[–-]\s*((?:19|20)\d0)|[–-]([2-9]0))(?:['’]?s)?(?![\w'’])")
# A periodical's name alone before the date closing its line: its issue, the page's own date
# ("Bar News - April 20, 2007", "Oregon State Bar Bulletin OCTOBER 2007 |").
_PERIODICAL_BEFORE = re.compile(
    r"\W*(?:(?-i:[A-Z])[\w.&'’-]*\s+){0,5}(?:News|Bulletin|Magazine|Journal|Review|Gazette|"
    r"Newsletter|Quarterly|Monthly|Digest)\s*[-–—|:,]?\s*",
    re.I,
)
# A paper's volume and number, and the place it comes out in, before the issue's day (or the
# number itself read as the day: "Vol 128, No 2, April 1998").
_VOLUME_AND_NUMBER_BEFORE = re.compile(
    r"\bvol(?:ume)?\.?\s*\d{1,4}\s*,\s*(?:no\.?|nr\.?|number|issue)\s*"
    r"(?P<number>\d{1,5}\s*,\s*(?:[^\W\d][^,\n\d]{0,30},\s*){0,3})?$",
    re.I,
)
_YEAR_IN_BRACKETS_AFTER = re.compile(r",?\s*(?:\(|\[)(?P<y>(?:19|20)\d\d)[)\]]")


def _bracketed_aside(text: str, line_start: int, start: int, unit: str) -> bool:
    """A year or a decade closing an aside in square brackets after a sentence's words ("... to
    the new government [followed by his deputy from 1959 till 1961]", "... Air Force. [circa mid
    1950s]"), not a byline's or a note's date."""
    opening = text.rfind("[", line_start, start)
    words = text[opening + 1 : start].split()
    return (
        unit in ("year", "decade")
        and bool(text[line_start:opening].strip())
        # ("ILEA Budapest [est. 1995]": one word, in lower case, of what the year dates)
        and (len(words) >= 2 or (len(words) == 1 and words[0][:1].islower()))
    )


_OLD_YEAR_AFTER = re.compile(r",?\s*(?:de\s+|del\s+)?1[0-8]\d\d(?!\d)")
# ... or just before it, a few words between: "In 1751, more precisely on 14 December".
_OLD_YEAR_BEFORE = re.compile(r"(?<![\d.,])1[0-8]\d\d\s*,\s*(?:[^\W\d]+\s+){0,3}$")
# "Annually, in the first week of November", "chaque année en mai": what comes back every year.
_EVERY_YEAR_BEFORE = re.compile(
    r"\b(?:annually|yearly|every\s+year|each\s+year|"
    r"every\s+(?:first|second|third|fourth|last)\s+\w+\s+(?:in|of)|chaque\s+année|tous\s+les\s+ans|"
    r"cada\s+año|todos\s+los\s+años|anualmente|jedes\s+Jahr|jährlich|alljährlich)\b[^.!?\n\d]{0,30}$"
    # "is traditionally held in June/July", "a lieu habituellement en mai": a custom
    r"|\b(?:traditionally|customarily|usually|normally|traditionnellement|habituellement|"
    r"normalement|tradicionalmente|habitualmente|normalmente|traditionell|normalerweise|"
    r"üblicherweise)\s+(?:\w+\s+){0,3}?(?:in|en|au|during|im)\s+(?:the\s+|le\s+|el\s+)?$"
    # "every February 23", "chaque 8 mai": right before the day
    r"|\b(?:every|each|chaque|cada|jeden|jedes)\s+(?:the\s+|le\s+|el\s+)?$"
    # "on the Saturday nearest May 30": a calendar's rule
    r"|\b(?:" + _WEEKDAY + r")\s+(?:nearest(?:\s+to)?|closest\s+to|le\s+plus\s+proche\s+du)\s+$",
    re.I,
)
# ... or said right after it: "held in the autumn every two years", "en mayo de cada año".
_EVERY_YEAR_AFTER = re.compile(
    r"^[^.!?\n\d]{0,12}\b(?:every\s+(?:(?:two|three|four|five|other)\s+)?years?|each\s+year|"
    r"annually|tous\s+les\s+(?:(?:deux|trois|quatre)\s+)?ans|de\s+chaque\s+année|"
    r"cada\s+(?:(?:dos|tres|cuatro)\s+)?años?|de\s+cada\s+año|alle\s+(?:zwei\s+|drei\s+|vier\s+)?Jahre|"
    r"jedes\s+Jahres?)\b",
    re.I,
)
# After a day, the article and page of a periodical's issue it names: "vom 5. November 2008,
# Artikel 7, Seite 6", "12 March 2010, p. 3". When the issue appeared, not an event.
_ARTICLE_AND_PAGE_AFTER = re.compile(
    r"^\s*,\s*(?:Artikel|Art\.|Seite|S\.|page|p\.|pp\.|article|pág\.|página)\s*\d", re.I
)
# A site's list of posts, run together: a title in capitals, the post's date, its author's name
# and the first words of its text ("... Despite Serious Allegations March 14, 2025 Leila Abdi
# Canada is ...").
_TITLE_WORDS_BEFORE = re.compile(
    r"(?-i:(?:[A-Z][\w'’-]*\s+(?:(?:with|of|the|in|on|for|and|to|a|an|at|by|from|amid|despite|"
    r"over|after)\s+){0,2}){4,})$"
)
_AUTHOR_NAME_AFTER = re.compile(r"^\s+(?-i:[A-ZÀ-Þ][a-zà-ÿ'’-]+\s+[A-ZÀ-Þ][a-zà-ÿ'’-]+\s+[A-ZÀ-Þ])")
# A list item that is a question: "- ¿Cuánto gana un militar en Perú en 2025?: conoce", a link
# to another story.
_QUESTION_BEFORE = re.compile(r"¿?[^.!?\n]*")
# A short line after three slashes that do not close it again: a site's subheading or its link
# to another story (a forum quotes between them: "/// It will open its doors in 2013 ... ///").
_SLASHED_HEADING = re.compile(r"///(?:(?!///)[^\n]){1,110}(?:\n|$)")
# 'Read more in "U.S. could train elite forces", A Paper, January 9, 2014': a source's date.
_READ_MORE_BEFORE = re.compile(
    r"\bread\s+more\s+(?:in|at|from)\s+[\"“][^\"”\n]{1,160}[\"”]\s*,\s*[^,\n]{1,40},\s*$"
    # "Click here to read my post of July 2.": a link to another post, by its day
    r"|\b(?:click\s+here\s+to\s+)?read\s+(?:my|our)\s+(?:post|article|entry|story)\s+"
    r"(?:of|from|dated)\s+(?:the\s+)?$"
    # "Read more about this in the February 16, 2018 edition of the ...": the paper's issue
    r"|\bread\s+more\s+(?:about\s+(?:this|it)\s+)?in\s+the\s+$"
    # "Watch the video: CHINA OFFERING J-10 FIGHTERS TO LAOS (November 2024)": a video's link
    r"|\bwatch\s+(?:the\s+)?video\s*:[^\n]*$"
    # "(BZ vom 25. November)": the paper's earlier issue, cited in brackets by its initials
    r"|\(\s*(?-i:[A-Z]{2,5})\s+vom\s+$"
    # "3 réponses à Macaronage du 1 février 2018": the count of comments on the post, its title
    # after it
    r"|(?:^|\n)[ \t]*\d{1,4}[ \t]+(?:réponses?|responses?|replies|comments?|commentaires?|"
    r"Kommentare?|respuestas?|comentarios?|thoughts?)[ \t]+(?:à|to|on|zu|a|en|sur|de)[ \t][^\n]*$",
    re.I,
)
# ... and perhaps a section's word: "WIB front March 27, 2017" alone on its line
_ACRONYM_ALONE_BEFORE = re.compile(r"^\W*(?-i:[A-Z]{3,8})(?:\s+(?-i:[a-z]{3,12}))?\s+$")
# "DAM, NY, AGNEWS, le 29 janvier 2010.": places, the agency's capitals, the date.
_AGENCY_SIGNOFF_BEFORE = re.compile(
    r"^\W*(?:" + _PLACE_NAME + r",\s*){1,3}(?-i:[A-Z]{3,10}),\s*(?:(?:le|el|am|on)\s+)?$"
)
# "Addis Ababa February 13/2021 (ENA) The school ...": the place and the date, no comma;
_PLACE_NO_COMMA_BEFORE = re.compile(r"^\W*" + _PLACE_NAME + r"\s+$")
_AGENCY_IN_PARENTHESES_AFTER = re.compile(r"^\s*\((?-i:[A-Z]{2,8})\)")
# "By" alone before a full date that closes its line (or runs into the section's name in
# capitals): a byline that lost its author's name.
_BY_ALONE_BEFORE = re.compile(r"\W*(?-i:By)\s+")
# (not "By 16 December 2004\nthe trainers had left.": a sentence run on to the next line)
_LINE_END_OR_LABEL_AFTER = re.compile(r"[ \t]*(?:\n(?!\s*[a-zà-ÿ])|$)|(?-i:[A-Z]{2,})")
_AGENCY_AND_DASH_AFTER = re.compile(
    # "October 25, Colombo (LNW): The ...": the place before the agency, a colon after it
    r"^\s*(?:,\s*" + _PLACE_NAME + r"\s*)?\((?-i:[A-Z]{2,8})\)\s*(?:[-–—:]|--)\s"
)
# "MADAR/Nouakchott le 12-12-2025": the agency, a slash and the place.
_AGENCY_AND_PLACE_BEFORE = re.compile(
    r"^\W*(?-i:[A-Z]{2,8})\s*/\s*" + _PLACE_NAME + r",?\s+(?:(?:le|el|am|on)\s+)?$"
)
# A line holding only "of <date>" is an act's own date under its title; a line opening with
# "By <author>" and ending with a full date is a byline ("By NTM-A for STAND-TO!January 28,
# 2010"); neither dates an event. "By the end of 2010, ..." goes on after its date.
_ACT_DATE_LINE = re.compile(r"^\s*(?:of|du|vom|del?)\s+$", re.I)
_BYLINE_LINE = re.compile(
    r"^\W*(?:(?:written|posted|published|words|text|rédigé|écrit|publié|publicado|escrito|"
    r"verfasst|geschrieben)\s+)?(?:by|von|par|por)(?:\s*:)?\s+[^\s.]\S*(?:\s+\S+){0,9}?"
    r"[\s!|:,-]*$",
    re.I,
)
# After a byline's full date, the site's section it was filed in: "Oct 4, 2009 in World".
_SECTION_AFTER = re.compile(
    r"\s+in\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*)?\s*"
    r"|\s+(?:Under|Filed\s+under)\s*:[^\n]{0,60}"  # "April 11, 2017 Under: Security"
)
# After a date opening its line, a bar and an author: "28 Feb 2013 | Cpl. A. Writer".
_AUTHOR_AFTER = re.compile(
    r"^\s*[|]\s*(?:by|story\s+by|photo\s+by|(?:written|posted)\s+by|courtesy|(?:staff|master|tech\.?|gunnery|first)?\s*"
    r"(?:sgt|cpl|spc|pvt|pfc|lt|capt|maj|col|gen|cmdr|cdr|lance\s+cpl|petty\s+officer|airman|"
    r"senior\s+airman|ens|adm)\b)"
    # or no bar: "8/30/2009 By Master Sgt. A. Writer"
    r"|^\s+(?:story\s+|photo\s+)?(?:by|por|par|von)\s+(?-i:[A-ZÀ-Þ])",
    re.I,
)
# A byline run in after a date within a line, its capitals the only mark of it: "... signé le 19
# avril 2022 Par Jean Pascal EYEBE MPESSE Le gouvernement ..." (not "signed on 19 April 2022 by
# the minister")
_BYLINE_RUN_IN_AFTER = re.compile(
    r"\s+(?-i:Par|By|Por|Von)\s+(?-i:[A-ZÀ-Þ][\w'’.-]+)(?:\s+(?-i:[A-ZÀ-Þ][\w'’.-]+)){1,4}\s"
)
# After a date opening its line, a bar and the site's sections: "March 27, 2023 | Local, Other".
_SECTIONS_AFTER = re.compile(
    r"^\s*[|]\s*(?-i:[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*(?:\s*,\s*[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*){0,4})"
    r"\s*$"
)
# ... or its section and the credit of the picture under it, run into the story: "10 December,
# 2022 Demining. Image: Interregional Center ... The United States is ...".
_SECTION_AND_PICTURE_AFTER = re.compile(
    r"^\s+(?-i:[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2})\.?\s+"
    r"(?:Image|Photo|Picture|Illustration|Foto|Imagen|Bild)\s*:",
    re.I,
)
# After a date opening its line, the page's categories: "26 September 2018 / Categories: News".
_CATEGORIES_AFTER = re.compile(
    r"^\s*[-–—|/•]\s*(?:categor(?:y|ies|ías?)|catégories?|kategorien?|tags?|filed\s+under|"
    r"posted\s+in)\s*:",
    re.I,
)
# ... or the site's news section and the sections under it, in capitals: "02. September 2020
# News Bereich Nord Dienststellen Sonstige".
_NEWS_SECTIONS_AFTER = re.compile(
    r"^\s*(?:[-–—|•]\s*)?(?:News|Aktuelles|Nachrichten|Actualités|Noticias)"
    r"(?:\s+[A-ZÀ-Þ][\w-]*){0,6}\s*$"
)
# What a season before it names a kind of: "this summer program", "this winter school".
_SEASONS_PROGRAMME_AFTER = re.compile(
    r"\s+(?:programs?|programmes?|schools?|courses?|camps?|sessions?|semesters?|terms?|"
    r"internships?|institutes?|seminars?|workshops?)\b",
    re.I,
)
# A periodical's issue after its season or month: "Fall 2013 Cover", "May 2019 Issue".
_ISSUE_LABEL_AFTER = re.compile(r"\s+(?:cover|issue|edition|ausgabe|numéro)\s*", re.I)
# Nothing but a weekday before a date on its line: "Thursday 27 March 2025 | Written by".
_WEEKDAY_ONLY = re.compile(r"\W*(?:" + _WEEKDAY + r")\W{0,3}", re.I)
# "samedi 17 novembre 2007" alone on its line: a page's date, never the rest of the line before.
_WEEKDAY_DATE_LINE = re.compile(
    # ("viernes, 5 de agosto de 2011"; "jueves, agosto 09, 2007")
    rf"(?:{_WEEKDAY})\W+(?:{_DAY}(?:er|st|nd|rd|th|\.)?\s+(?:de\s+)?{_MONTH}\s+(?:del?\s+)?"
    rf"|{_MONTH}\s+{_DAY},\s+){_YEAR}\s*",
    re.I,
)
# A month before its day and year, lowercase: "julio 26, 2023", a Spanish blog's date line.
_MONTH_FIRST_DATE_LINE = re.compile(rf"{_MONTH}\s+{_DAY},\s+{_YEAR}\s*", re.I)
# The next line only a place and a clock: "mardi 16 avril 2024" / "Antananarivo | 13h48", the
# site's clock.
_CLOCK_NEXT_LINE = re.compile(
    r"\s*\n\W*(?:[A-ZÀ-Þ][\w'’ -]{0,30}?\s*[|•,:–-]\s*)?\d{1,2}[:h]\d\d\s*(?:\n|$)"
)
# A source's date closing its parentheses after two commas: "(after A. Writer, Times of
# India, 30.6.17)".
_SOURCE_IN_PARENTHESES_BEFORE = re.compile(r"\([^()\n]*,[^()\n]*,\s*$")
# A line of nothing but a place and a day in parentheses: "(El Paso, Texas, Dec. 14, 2017)".
_PLACE_IN_PARENTHESES_LINE = re.compile(
    r"\s*\(\s*" + _PLACE_NAME + r"(?:,\s*" + _PLACE_NAME + r")?,\s*"
)
# An agency's credit closing a paragraph, its name and the day: "(Agenzia Fides 03/10/2016)";
# or a source's: "(Source / 05.07.2017)".
_AGENCY_CREDIT_BEFORE = re.compile(
    r"\((?-i:Agen[cz]ia|Agence|Agentur|Agency|[A-Z][A-Z]{2,})(?:\s+(?-i:[A-Z][\w.-]*)){0,3}\s+$"
    r"|\((?-i:Source|Quelle|Fuente)\s*[/:]\s*$"
)
# A line of nothing but date parts and a clock: a blog's stamp ("30 janvier 2014 4 30 /01
# /janvier /2014 22:38"), a post's ("Le 02/03/2016 à 07:53").
# Between the parts of a stamp: "Jueves, 29 de agosto de 2013", "1er décembre", "·".
_STAMP_GAP = r"(?:[\s\d/.,·•|-]|(?<=\d)(?:er|st|nd|rd|th)\b|\bdel?\b)*"
_STAMP_LINE = re.compile(
    rf"\W*(?:(?:le|on|am|el)\s+)?{_STAMP_GAP}(?:(?:{_MONTH}|{_WEEKDAY}){_STAMP_GAP})*"
    r"(?:(?:à|at|um|a\s+las)\s+)?\d{1,2}[:h]\d\d\s*(?:[ap]\.?m\.?|Uhr)?\s*",
    re.I,
)
# After a date opening its line, only a site's address: "01/11/2010 - example.com".
_SITE_AFTER = re.compile(
    r"^\s*[-–—|/]\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/?\s*$"
)
# After a date opening its line, the kind of page it dates: "22.12.2015 - Article".
_PAGE_KIND_AFTER = re.compile(
    r"^\s*[-–—|•]\s*(?:article|news|press\s+release|statement|speech|interview|report|"
    r"artikel|meldung|pressemitteilung|rede|communiqué(?:\s+de\s+presse)?|actualité|"
    r"discours|noticia|nota\s+de\s+prensa|comunicado|discurso)\s*$",
    re.I,
)
# A date opening its line and followed by a clock time: a byline's or a post's timestamp
# ("17 avril 2025 à 22:03C'est lundi prochain ...": run into the story).
_CLOCK_AFTER = re.compile(
    r"^,?\s*(?:[-–—|]\s*)?(?:(?:at|à|um|a\s+las)\s+|@\s*)?"
    r"\d{1,2}[:.]\d\d(?![.]\d)\s*(?:[ap]\.?m\.?)?(?!\d)",
    re.I,
)
# A clock as stamps write it: "16:17 Uhr", "07:30 pm", "13h48", "22:38:05 GMT".
_CLOCK = r"\d{1,2}[:h]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?|Uhr|h|GMT|UTC)?"
# A clock in parentheses right after a date: a post's or a comment's stamp.
_CLOCK_IN_PARENTHESES_AFTER = re.compile(r"\s*\(\s*" + _CLOCK + r"\s*\)", re.I)
# A day in a news archive's list, named by its weekday or as today or yesterday.
_ARCHIVE_DAY_AFTER = re.compile(
    r"\s*\((?:heute|gestern|today|yesterday|aujourd['’]hui|hier|hoy|ayer|mo|di|mi|do|fr|sa|so|"
    + _WEEKDAY_SHORT
    + "|"
    + _WEEKDAY
    + r")\.?\)\s*",
    re.I,
)
# After a byline's date, its clock with a space for the colon: "Por: A. Writer 02 Junio 2017 08 01".
_CLOCK_WITHOUT_COLON = re.compile(r"[ \t]+\d\d[ \t]\d\d[ \t]*")
# Nothing after a date but its clock: "11.04.2017, 15:30", "29.03.2010 · 16:17 Uhr".
_CLOCK_ONLY = re.compile(
    r"\s*(?:[,·•|–—-]\s*)?(?:(?:at|à|um|a\s+las)\s+)?" + _CLOCK + r"\s*\.?\s*", re.I
)
# The word before a clock time in a sentence: "arrived at around 9:00 p.m., on December 25".
# ("Last modified at 11:54 p.m. on Wednesday, April 27, 2011": the page's own stamp still)
_CLOCK_IN_PROSE = re.compile(
    r"(?<!modified\s)(?<!updated\s)(?<!posted\s)(?<!published\s)(?<!edited\s)"
    r"\b(?:at|around|about|by|from|until|till|before|after|vers|um|gegen|las)\s+$",
    re.I,
)
# A clock time, then at most a year and a weekday, right before a date: a timestamp.
_CLOCK_BEFORE = re.compile(
    # "12.00 pm - 2024.05.02": a bulletin's hour with a full stop, a dash before the date
    r"\b\d{1,2}(?::\d\d|\.\d\d(?=\s*[ap]\.?m))\s*(?:UTC|GMT|[ap]\.?m\.?)?[\s,•·|/]*"
    r"(?:(?<=[ap]m\s)-\s*)?(?:on\s+)?(?:(?:19|20)\d\d[\s,]*)?"
    r"(?:(?:" + _WEEKDAY + r")[\s,]*)?$"
    # "09:08 - 24/05/24 por Lusa": a line opening on the hour, a dash, then the date
    r"|(?:^|\n)\s*\d{1,2}:\d\d\s*[-–—|]\s*$",
    re.I,
)
# A clock to the second or with its time zone, anywhere after a date: a machine's stamp (an
# e-mail's header, a post's), not an event's hour ("at 10:00 in Baghdad"); or a clock after a
# dash ("08 Feb 2018 - 18:39", a photo's).
_STAMP_AFTER = re.compile(
    r"^,?\s*(?:[-–—|]\s*)?(?:at\s+|um\s+|à\s+)?\d{1,2}:\d\d(?::\d\d\b|\s*\(?(?:[+-]\d\d:?\d\d|"
    r"UTC|GMT|CES?T|BST|[ECP][SD]T)\b)"
    r"|^\s*[-–—|/]\s*\d{1,2}:\d\d(?!\d)"  # "01.04.2025 / 14:08": a slash too
    # "23.10.2018 | Stand 31.07.2023": the day and when the page was last changed
    r"|^\s*[-–—|·•]\s*(?:" + _UPDATE_WORDS + r"|aktualizováno)\b",
    re.I,
)
# A news site's section name and a bar before a date closing its line: "News | Aug. 18, 2015".
# ... closing the line right after a day: "... | le 30 Décembre 2017 par P. Writer".
_AUTHOR_CLOSING_LINE = re.compile(r"\s+" + _AUTHOR)
_SECTION_BAR_BEFORE = re.compile(
    r"^\W*(?:news|latest\s+news|press\s+releases?|articles?|stories|features?|blog|media|"
    r"updates?|announcements?|actualités?|communiqués?(?:\s+de\s+presse)?|nachrichten|"
    r"meldungen?|aktuelles|pressemitteilungen?|noticias?|actualidad|prensa|news\s+releases?)"
    r"\s*[|•,:–—-]\s*$"  # "News, 2/23/2018" too
    # or nothing but a bar ("| 14.05.2016"), or a site's initials and a dash ("TMP – ")
    r"|^\s*[|•]\s*$|^\W*(?-i:[A-Z]{2,6})\s*[-–—|]\s*$",
    re.I,
)
# An author's name on its own line, its date after it or run into it: "A. Writer21. Dezember
# 2004". Two to four capitalised words, nothing else on the line.
_NAME_LINE_BEFORE = re.compile(
    r"^\W*(?-i:[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,3}?)\s*,?\s*$"
)
# One name alone before a full date opening a text: "Steve July 16, 2022", a byline.
_FIRST_NAME_BEFORE = re.compile(r"\W*(?-i:[A-ZÀ-Þ][a-zà-ÿ]{2,15})\s+")
# A weekday and a full date closing a line with no full stop, the weekday after a name or a
# mark rather than "on" or "le": a byline's or a source's stamp ("Africom Monday, July 29,
# 2013"); "The council met on Monday, July 29, 2013." is an event.
_WEEKDAY_STAMP_BEFORE = re.compile(
    r"(?:^|[^\W\d]{2,}|[|:–—-])(?<!\bon)(?<!\ble)(?<!\bam)(?<!\bel)(?<!\bthe)(?<!\bthis)"
    r"(?<!\bnext)(?<!\blast)(?<!\bby)(?<!\buntil)(?<!\bsince)(?<!\bfrom)(?<!\bdu)(?<!\bce)"
    r",?\s+(?:" + _WEEKDAY + r"),?\s*$",
    re.I,
)


# An agency's name in capitals and a comma before a date alone on its line: "PANA, 9 May 2019".
_AGENCY_LINE_BEFORE = re.compile(r"^\W*(?-i:[A-Z]{2,8})\s*,\s*$")
# ... or its report's credit, with or without a year, after a dash and the site's name at
# most: "Times – STT Report, Mar 4".
_AGENCY_REPORT_LINE_BEFORE = re.compile(
    r"^\W*(?:[\w.]+(?:\s+[\w.]+)?\s*[-–—]\s*)?(?-i:[A-Z]{2,8})\s+(?:report|desk|wire)\s*,\s*$",
    re.I,
)
# After a year opening its line, only a dash and a site's name in capitals: a title bar.
_SITE_NAME_AFTER = re.compile(r"^\s*[-–—|]\s*(?-i:[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){1,5})\s*$")


# A page's print link run into the date line above its story: "20.08.2018.Print version".
_PRINT_LINK_AFTER = re.compile(r"[ .]*(?:print(?:able)?(?:\s+(?:version|this\s+page))?)\s*", re.I)


# A comma or "and" between the dates of a list: "im Februar und November 2012".
_AND = r",|and|und|et|y"
_LIST_JOIN = re.compile(rf"\s*(?:{_AND})\s*")
# ... or the other of two: "el 6 de agosto o el 3 de octubre de 1975"
_PAIR_JOIN = re.compile(rf"\s*(?:{_AND}|or|oder|ou|o)\s*(?:el\s+|le\s+|the\s+|am\s+)?")


# A quoted document's citation line: its title, source and date after commas, no full stop,
# at most a note in parentheses after it.
_DOCUMENT = re.compile(
    r"\b(?:media\s+release|press\s+release|report|statement|communiqué|bulletin|briefing)\b", re.I
)


def _citation(before: str, after: str, line: str) -> bool:
    return (
        before.count(",") >= 2
        and bool(re.search(r",\s*$", before))
        and not re.search(r"[.!?]\s", before)
        and bool(re.fullmatch(r"\s*(?:\([^()]*\)?)?\s*", after))
        and bool(_DOCUMENT.search(line))
    )


def _two_days(match: re.Match, text: str) -> bool:
    """Two days joined by "and" are a range when they follow each other ("on 12 and 13
    March") or "between" opens them; else they are a list's two days."""
    joiner = re.search(rf"{_DAY}\S*\s+(and|et|und|y)\s", match.group(0), re.I)
    if not joiner:
        return False
    if _RANGE_OPEN.search(text[max(0, match.start() - 30) : match.start()]):
        return False
    return int(match.group("d")) - int(match.group("d1")) != 1


def _bar_cell(before: str, after: str) -> bool:
    """Is a date one cell of a line split by bars, three cells or more ("| March 5, 2010 |
    0 Comments", "27. Juni 2011 | Themenbereich: Polizei | Drucken")? A site's furniture.
    Two slashes between spaces part cells too ("Written by  //  October 24, 2007  //  News")."""
    before, after = _SLASH_BARS.sub(" | ", before), _SLASH_BARS.sub(" | ", after)
    if not after.strip() and re.fullmatch(r"\s*[^\W\d][\w'’ .-]{0,30}\|\s*", before):
        return True  # "Actuelles  | 21/09/2021": a section's label and the day
    if re.fullmatch(r"\s*(?:[|·]\s*)?", before) and re.match(r"\s*[|·]", after):
        # "13. Oktober 2016 · Kommentare deaktiviert für ... · Kategorien: ...": dots too
        return bool(re.search(r"[|·]", before)) or len(re.findall(r"[|·]", after)) >= 2
    # "Diplomacy |Author: A. Writer | November 23, 2016, Wednesday @ 10:22| 4937 views": the
    # date's cell holds at most its weekday and clock besides.
    if before.count("|") >= 2 and re.search(r"\|\s*$", before):
        return bool(_REST_OF_STAMP.fullmatch(after.split("|", 1)[0]))
    # "Posted in Iraq | 23-May-07 | Author: A. Writer", "01/22/2025 | Press release |
    # Distributed by Example on 01/22/2025 07:02": a cell of its own, or one that says when the
    # page went out.
    if before.count("|") + after.count("|") >= 2 and _REST_OF_STAMP.fullmatch(
        after.split("|", 1)[0]
    ):
        cell = before.rsplit("|", 1)[-1]
        return not cell.strip() or bool(_SENT_OUT_CELL.fullmatch(cell))
    return False


_SLASH_BARS = re.compile(r"(?<=\s)//(?=\s)")
_SENT_OUT_CELL = re.compile(
    r"\s*(?:(?:distributed|published|posted|updated|issued)\b[^|]{0,40}\s(?:on|at)\s+"
    # "News Code: 8923 | Date: 2014/11/24 | Time: 9 : 55", "Written by // October 24, 2007 //"
    r"|(?:date|datum|fecha)\s*:\s*|(?:written\s+|posted\s+)?by\b[^|]{0,40})",
    re.I,
)


_REST_OF_STAMP = re.compile(
    r"\s*,?\s*(?:(?:" + _WEEKDAY + r")\s*)?(?:[@,·]\s*)?(?:" + _CLOCK + r")?\s*", re.I
)


# A sentence's end, not a name's initial ("Robert F. Kennedy said today").
_SENTENCE_END_NOT_INITIAL = re.compile(r"(?<!\b[A-Z])[.!?]\s")
# Words of a story told from its own day: "today", "this week", "in the next few days".
_NEWS_NOW = re.compile(
    r"\b(?:today|aujourd['’]hui|heute|hoy|yesterday|tomorrow|this\s+week|hier|demain|"
    r"(?:the\s+)?(?:next\s+few|coming)\s+days|(?:les\s+)?prochains\s+jours|próximos\s+días|"
    r"nächsten\s+Tagen|"
    r"cette\s+semaine|gestern|morgen|diese\s+Woche|ayer|esta\s+semana)\b"
    # "June 11, 2014. Tanzania has agreed to ...": the present perfect tells the day's news (a
    # chronology's line tells it in the past: "The Council agreed")
    r"|^\s*(?-i:[A-ZÀ-Þ])[\w'’ -]{0,40}?\s(?:has|have)\s+(?:\w+ly\s+)?\w+(?:ed|en|ne|wn)\b",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|a\s+few|few)\s+(?:days?|weeks?|(?P<em>months?|years?))\s+(?:later|after(?:wards)?|"
    r"earlier|before|on))|(?:the\s+(?:following|next|previous|same)\s+(?:day|week|month|"
    r"year|spring|summer|autumn|winter))|(?:(?:last|next|this)\s+(?:week|month|year))"
    # "tres años después", "trois ans plus tard", "drei Jahre später"
    r"|(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|varios|varias|unos|unas)"
    r"\s+(?:días|semanas|(?P<es>meses|años))\s+(?:después|más\s+tarde|antes)"
    r"|(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques|plusieurs)"
    r"\s+(?:jours|semaines|(?P<fr>mois|ans|années))\s+(?:plus\s+tard|après|plus\s+tôt|auparavant)"
    r"|(?:\d+|ein|eine|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|einige|mehrere|wenige)"
    r"\s+(?:Tage|Wochen|(?P<de>Monate|Jahre))\s+(?:später|danach|zuvor|davor)"
    # "after a few months", "après quelques mois", "nach einigen Monaten"
    r"|(?:after|après|nach|tras|después\s+de)\s+(?:a\s+few|several|some|quelques|plusieurs|"
    r"einigen|mehreren|wenigen|unos|varios|algunos)\s+(?P<pm>months|mois|Monaten|meses|years|"
    r"ans|années|Jahren|años))\b",
    re.I,
)
# The words before or after a date that make it the next such date after the page's own.
_NEXT_BEFORE = re.compile(
    r"\b(?:next|próximo(?:\s+mes\s+de)?|im\s+(?:nächsten|kommenden))\s+$", re.I
)
_NEXT_AFTER = re.compile(r"^\s+(?:prochain|próximo)\b", re.I)  # "enero próximo"


@dataclass
class DatePoint:
    """One date as the page gives it: the year may be missing; `unit` says how precise."""

    unit: str  # day, month, season, quarter, half, year, decade, century
    year: int | None
    month: int | None = None
    day: int | None = None
    sub: int | None = None  # season 21-24, quarter 1-4, half 1-2
    inferred_year: bool = False
    # "July of this year": the year the page was written in, which the last year it stated
    # need not be; only the page's date (the reference date) gives it.
    this_year: bool = False
    last: bool = False  # "the last 31 January": the last before the reference date
    next: bool = False  # "el próximo 31 de enero": the first after it
    weekday: int | None = None  # "Monday, March 18": 0-6, a check on the year it is given
    today: bool = False  # "ce 26 avril 2019", "this 3 May 2021": the page's own day
    # "y este 2025 se convierte en ...": the year the page is written in, named as such
    this_named_year: bool = False
    same_year: bool = False  # "October of the same year": the year just stated, whatever it is
    # "novembre de cette année-là": a year the page told of, not the page's own
    that_year: bool = False
    # "February of the previous year": a year before or after one told of; no year stated
    year_apart: bool = False
    this_month: bool = False  # "el 15 de este mes": the month (and year) of the page's date
    # "on the 27th" after "September 26": the month (and year) its paragraph named last
    month_named: bool = False
    # "in December last year", "in June next year": the year before or after the page's own,
    # only its own date gives it, whatever year the page stated
    last_year: bool = False
    next_year: bool = False

    def edtf(self) -> str:
        year = f"{self.year:04d}" if self.year else "XXXX"
        if self.unit == "day":
            return f"{year}-{self.month:02d}-{self.day:02d}"
        if self.unit == "month":
            return f"{year}-{self.month:02d}"
        if self.unit == "season":
            return f"{year}-{self.sub}"
        if self.unit == "quarter":
            return f"{year}-{32 + self.sub}"
        if self.unit == "half":
            return f"{year}-{39 + self.sub}"
        if self.unit == "decade":
            return f"{self.year // 10}X"  # EDTF's unspecified digit: 195X, the 1950s
        if self.unit == "century":
            return f"{self.year // 100}XX"  # 19XX, the twentieth century
        return year

    def first_day(self) -> datetime.date | None:
        if not self.year:
            return None
        if self.unit == "day":
            return datetime.date(self.year, self.month, self.day)
        if self.unit == "month":
            return datetime.date(self.year, self.month, 1)
        if self.unit == "season":
            if self.sub == 24:  # winter YYYY may be the winter that ends or begins in YYYY
                return datetime.date(self.year - 1, 12, 1)
            return datetime.date(self.year, 3 * (self.sub - 21) + 3, 1)
        if self.unit == "quarter":
            return datetime.date(self.year, 3 * self.sub - 2, 1)
        if self.unit == "half":
            return datetime.date(self.year, 6 * self.sub - 5, 1)
        return datetime.date(self.year, 1, 1)

    def last_day(self) -> datetime.date | None:
        if not self.year:
            return None
        if self.unit == "day":
            return datetime.date(self.year, self.month, self.day)
        if self.unit == "month":
            return _month_end(self.year, self.month)
        if self.unit == "season":
            if self.sub == 24:
                return _month_end(self.year + 1, 2)
            return _month_end(self.year, 3 * (self.sub - 21) + 5)
        if self.unit == "quarter":
            return _month_end(self.year, 3 * self.sub)
        if self.unit == "half":
            return _month_end(self.year, 6 * self.sub)
        if self.unit == "decade":
            return datetime.date(self.year + 9, 12, 31)
        if self.unit == "century":
            return datetime.date(self.year + 99, 12, 31)
        return datetime.date(self.year, 12, 31)


def _month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@dataclass
class DateMention:
    """A date expression found in a text: one point or a range, with where it is."""

    start: int
    end: int
    first: DatePoint
    last: DatePoint | None = None  # set for a range
    qualifier: str = ""
    # The page's own date in a dateline ("Brussels, 16/03/2015 (Agency) -"): no event, but
    # the year the sentences after it are in.
    dateline: bool = False
    # ... of when the page was last changed ("Last updated"), which need not be when it
    # was written: the year what follows is in, not the page's own year.
    updated: bool = False
    # A place and a date alone on a line: a news item's own date when it closes the page,
    # a quotation's or a caption's date in the middle of it.
    place_and_date: bool = False
    placed: bool = False  # ... the place before it ("Hamburg, 23.11.2018"), not a date alone

    @property
    def is_range(self):
        return self.last is not None

    @property
    def inferred_year(self):
        return self.first.inferred_year or bool(self.last and self.last.inferred_year)

    @property
    def has_year(self):
        return bool(self.first.year and (self.last is None or self.last.year))

    def edtf(self) -> str:
        mark = "~" if self.qualifier == "approximate" else ""
        if self.last is not None:
            # "around 1980/1981": each end is approximate ("1980~/1981~", as EDTF writes it)
            return f"{self.first.edtf()}{mark}/{self.last.edtf()}{mark}"
        return self.first.edtf() + mark

    @property
    def precision(self) -> str:
        return "range" if self.last is not None else self.first.unit

    @property
    def start_date(self):
        return self.first.first_day()

    @property
    def end_date(self):
        return (self.last or self.first).last_day()


_QUARTER_WORDS = {
    1: ("erst", "prem", "prim"),
    2: ("zweit", "deux", "segund"),
    3: ("dritt", "trois", "tercer"),
    4: ("viert", "quatr", "cuart", "letzt", "dernier", "últim"),
}


# A decade by its place in the century, in English, Spanish and French (accents dropped).
_DECADE_ORDINALS = {
    word: place
    for words in (
        "first second third fourth fifth sixth seventh eighth ninth",
        "primera segunda tercera cuarta quinta sexta septima octava novena",
        "premiere deuxieme troisieme quatrieme cinquieme sixieme septieme huitieme neuvieme",
    )
    for place, word in enumerate(words.split())
} | {"seconde": 1}
_GRAVE_AND_ACUTE_E = str.maketrans("éè", "ee")


# The decade pattern's groups: its figures ("1990s", "90er") and its words ("the nineties").
_DECADE_DIGIT_GROUPS = ("dy", *(f"dy{n}" for n in range(2, 11)))
_DECADE_WORD_GROUPS = ("dw", *(f"dw{n}" for n in range(2, 9)))


def _point(name: str, match: re.Match) -> DatePoint | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    year = int(groups["y"]) if "y" in groups else None
    if "y2" in groups:
        # "15.10.24", "15-Oct-98": two figures name 1969 to 2068, as C's strptime reads them
        year = int(groups["y2"]) + (1900 if int(groups["y2"]) >= 69 else 2000)
    if "yc" in groups:
        year = (1900 if groups["yc"].lower().startswith("mil") else 2000) + sum(
            table[groups[k].lower()]
            for k, table in (
                ("yd", _SPANISH_YEAR_TENS),
                ("yu", _SPANISH_YEAR_UNITS),
                ("yt", _SPANISH_YEAR_ONE_WORD),
            )
            if k in groups
        )
    if "ya" in groups:
        # "June ‘67": a year cut to two figures after an apostrophe, told looking back
        year = int(groups["ya"]) + (1900 if int(groups["ya"]) >= 30 else 2000)
    if name == "bs":
        return DatePoint("month", year - 57, 4)
    if name == "isoweek":
        week = int(next(groups[k] for k in ("w1", "w2", "w3", "w4") if k in groups))
        try:
            sunday = datetime.date.fromisocalendar(year, week, 7)
        except ValueError:
            return None
        return DatePoint("day", sunday.year, sunday.month, sunday.day)
    if name == "dayrange":
        point = DatePoint("day", year, MONTHS[groups["m"].rstrip(".").lower()], int(groups["d"]))
    elif name == "monthrange":
        point = DatePoint("month", year, MONTHS[groups["m"].rstrip(".").lower()])
    elif name in ("iso", "numeric", "numeric_us", "numeric_dm", "numeric_de", "dayrange_num"):
        point = DatePoint("day", year, int(groups["mn"]), int(groups["d"]))
    elif name in ("dmy", "mdy", "dmy_glued", "ymd", "dtg", "daylist"):
        month = _DAY_MONTHS[groups["m"].rstrip(".").lower()]
        day = _DAY_WORDS[groups["dw"].lower()] if "dw" in groups else groups.get("d", 1)
        point = DatePoint("day", year, month, int(day))
    elif name == "numeric_weekday":
        first, second = int(groups["a"]), int(groups["b"])
        weekday = _weekday_index(groups["wd"])
        fits = set()
        for month, day in ((first, second), (second, first)):
            if datetime.date(year, month, day).weekday() == weekday:
                fits.add((month, day))
        if len(fits) != 1:
            return None  # neither order falls on the weekday, or both do
        month, day = fits.pop()
        point = DatePoint("day", year, month, day)
    elif name == "day_this_month":
        point = DatePoint("day", None, None, int(groups["d"]), this_month=True)
    elif name == "day_named_month":
        point = DatePoint("day", None, None, int(groups["d"]), month_named=True)
    elif name == "holiday":
        named = groups.get("hd") or groups.get("hy") or groups["hp"]
        key = " ".join(named.lower().replace("’", "'").split())
        if key in MOVABLE_FEASTS:
            day = easter(year) + datetime.timedelta(days=MOVABLE_FEASTS[key])
            point = DatePoint("day", year, day.month, day.day)
        else:
            month, day = (HOLIDAYS | HOLIDAYS_WITH_YEAR)[key]
            point = DatePoint("day" if day else "month", year, month, day)
    elif name in ("my", "m"):
        point = DatePoint("month", year, _DAY_MONTHS[groups["m"].rstrip(".").lower()])
    elif name in ("season", "seasonrange", "s", "s_this"):
        point = DatePoint("season", year, sub=SEASONS[groups["s"].lower()])
        point.this_year = name == "s_this"
    elif name == "quarter":
        if "qw" in groups:
            sub = next(
                n for n, stems in _QUARTER_WORDS.items() if groups["qw"].lower().startswith(stems)
            )
        else:
            sub = int(groups["qn"]) if "qn" in groups else _ORDINALS[groups["q"].lower()]
        point = DatePoint("quarter", year, sub=sub)
    elif name == "half":
        if "hw" in groups:
            sub = 1 if groups["hw"].lower() in ("premier", "primer", "erste", "ersten") else 2
        else:
            figure = groups.get("hn") or groups.get("hd")
            sub = int(figure) if figure else _ORDINALS[groups["h"].lower()]
        point = DatePoint("half", year, sub=sub)
    elif name == "century":
        point = DatePoint("century", 1900)
    elif name == "decade":
        digits = next(
            (groups[k] for k in _DECADE_DIGIT_GROUPS if k in groups),
            None,
        )
        if digits:
            start = int(digits) if len(digits) == 4 else 1900 + int(digits)
        elif ordinal := groups.get("dn") or groups.get("dn2") or groups.get("dn3"):
            plain = ordinal.lower().translate(_GRAVE_AND_ACUTE_E)
            start = 1900 + 10 * _DECADE_ORDINALS[plain]
        else:
            word = next(groups[k] for k in _DECADE_WORD_GROUPS if k in groups)
            start = DECADE_WORDS[word.lower()]
        point = DatePoint("decade", start)
    else:
        point = DatePoint("year", year)
    if point.unit == "day":
        try:
            datetime.date(point.year or 2000, point.month or 1, point.day)
        except ValueError:
            return None
    return point


# A month naming a print issue: "el número de marzo", "the March issue".
_ISSUE_BEFORE = re.compile(
    r"\b(?:número|edición|numéro|édition|Ausgabe|issue)\s+(?:de\s+|d['’]|du\s+mois\s+de\s+|vom\s+)?$",
    re.I,
)
_ISSUE_AFTER = re.compile(r"^\s+(?:issue|edition)\b", re.I)
# A dated print issue the text was taken from: "the December/January 2023 issue of".
_PRINT_ISSUE_AFTER = re.compile(r"\s+(?:print\s+)?issue\s+of\b", re.I)
# A line opening with where the text was reprinted from, a magazine's issue by its months:
# "From the October – December 1999 of Afghan Magazine", "Reprinted from the May 2001 issue of".
_REPRINTED_FROM_BEFORE = re.compile(r"\W*(?:(?:reprinted|taken|adapted)\s+)?from\s+the\s+", re.I)
_ISSUE_OF_AFTER = re.compile(r"\s+(?:(?:print\s+)?(?:issue|edition)\s+)?of\s+(?-i:[A-Z])", re.I)
_THE_BEFORE = re.compile(r"\b(?:the|its|our)\s+$", re.I)
# "In may 1950": "in" before a month written in lower case, its year after
_IN_BEFORE = re.compile(r"\bin\s+$", re.I)
# French and Spanish months, lowercase in a date: capitalised after a name and "du" or "de"
# ("Mouvement du 23 Mars", "Campo de Mayo"), they are part of the name.
_ROMANCE_MONTHS = _LOWERCASE_MONTHS | {"mars", "mai"}
_NAME_DE_BEFORE = re.compile(r"(?-i:\b[A-ZÀ-Þ][a-zà-ÿ]+)\s+(?:du|del|de)\s+$")
# A movement named by its day, whatever the case of the month: "M23 (Mouvement du 23 mars)";
# the month alone after the day it names ("Movimiento 26 de Julio").
_MOVEMENT_BEFORE = re.compile(
    r"\b(?:mouvement|movimiento|movement|bewegung)\s+(?:du\s+|del\s+|de\s+|of\s+(?:the\s+)?)?"
    r"(?:\d{1,2}(?:er)?\s+(?:de\s+)?)?$",
    re.I,
)

# "Jan de Bruyne", "Jan Kowalski": the given name, not January.
_SURNAME_AFTER = re.compile(r"\s+(?:(?:de|van|von|der|den|ter|ten)\s+)*(?-i:[A-ZÀ-Þ][a-zà-ÿ])")
# A list item opening on a month, a comma or "also" after it: "- mars également, 12 stagiaires".
_LIST_MONTH_AFTER = re.compile(r"(?:\s*,|\s+(?:également|aussi|also|auch|también)\b)", re.I)

# "a bleak February morning", "on a cold March day": the month names the time of day's.
_TIME_OF_DAY_AFTER = re.compile(r"^\s+(?:morning|afternoon|evening|night|day)\b", re.I)


# "2017/2027": a later year after a slash
_LATER_YEAR_AFTER = re.compile(r"/((?:19|20)\d\d)(?![\d/])")


def _in_an_address(text: str, start: int) -> bool:
    """Does a web address run up to `start`, with no space between?"""
    before = text[max(0, start - 200) : start]
    word = before[max(before.rfind(" "), before.rfind("\n"), before.rfind("\t")) + 1 :]
    return "://" in word or word.lower().startswith("www.")


# Where a sentence starts, and the verb a month opening it takes: "February will see".
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_MONTH_AS_SUBJECT_AFTER = re.compile(
    # "August was soon upon us", "October brought the first graduates"
    r"\s+(?:will|would|saw|sees|brought|was\s+(?:soon\s+)?upon\s+us|also\s+(?:saw|sees|will))\b"
)
# A name's year, then its short form or its name in other words in brackets: "Endeavour 2024
# (IPE ", "Dogu Akdeniz 2021 (East Mediterranean – ".
_SHORT_NAME_BEFORE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*\(\s*(?-i:[A-Z][A-Za-z]{1,9}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"[\s–-]*$"
)


_LINK_ASIDE = re.compile(r"\s*(?:more\s+on|see\s+also|read\s+(?:more|also))\b", re.I)


# An almanac site's links to its days: "what happened on January 11th in History".
_ON_THIS_DAY_BEFORE = re.compile(r"\bwhat\s+happened\s+on\s+$", re.I)
_ON_THIS_DAY_AFTER = re.compile(r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?\s+in\s+history\b", re.I)
# A day's year printed in five figures by an old script ("February 02, 19100").
_YEAR_IN_FIVE_FIGURES_AFTER = re.compile(r"(?:\s+\d\d?)?,?\s*19\d\d\d(?!\d)")
# "  • 2018-07" alone on its line: an archive's month.
_ARCHIVE_MONTH_AFTER = re.compile(r"-(?:0[1-9]|1[0-2])[ \t]*(?:\n|$)")
_ALONE_ON_ITS_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t•·*-]*$")


# "from late 1870s to about early 1910s": the end of a span of decades that starts before the
# years a date may have
_OLD_DECADE_SPAN_BEFORE = re.compile(
    r"\b1[0-8]\d0['’]?s\s+(?:to|until|till|through|and)\s+(?:about\s+|around\s+)?(?:the\s+)?"
    r"(?:(?:early|mid|late)[\s-]+)?$",
    re.I,
)
_NUMBER_SIGN_BEFORE = re.compile(r"(?:(?:\b[Nn]°|\bNo\.|\bNr\.)[ \t]*|#)$")


def _accept(name: str, match: re.Match, text: str, item: bool = False) -> bool:
    """The guards: is this match a date here?"""
    before = text[max(0, match.start() - 40) : match.start()]
    after = text[match.end() : match.end() + 20]
    word = (match.groupdict().get("m") or "").rstrip(".")
    if _in_an_address(text, match.start()):
        return False  # "https://wordpress.org/?v=5.9.10": part of a web address
    if _ON_THIS_DAY_AFTER.match(after) and _ON_THIS_DAY_BEFORE.search(before):
        return False  # "what happened on January 11th in History": a history site's link
    if _YEAR_IN_FIVE_FIGURES_AFTER.match(after) and not match.groupdict().get("y"):
        # "Posted by: Frenchy on February 02, 19100": an old script's year 2000 (1900 + 100),
        # the post's own date
        return False
    if name == "year":
        opened = text.rfind("(", max(0, match.start() - 120), match.start())
        if (
            opened >= 0
            and ")" not in text[opened : match.start()]
            and _LINK_ASIDE.match(text, opened + 1)
        ):
            return False  # "(More on BERSAMA LIMA 2011 – here and here)": other posts
    if name == "decade" and _OLD_DECADE_SPAN_BEFORE.search(before):
        return False
    if (
        name == "s_this"
        and re.search(r"\bthis\s$", before, re.I)
        and _SEASONS_PROGRAMME_AFTER.match(after)
    ):
        return False  # "This summer program helps cadets": a kind of programme, no date
    if not match.groupdict().get("y") and _MOVEMENT_BEFORE.search(before):
        return False  # "(Mouvement du 23 mars)", "Movimiento 26 de Julio": a movement's name
    if match.groupdict().get("d") and _NUMBER_SIGN_BEFORE.search(before):
        return False  # "F-mail N° 3 Décembre 1943": an issue's number, the month its date
    if name == "dayrange" and int(match.group("d")) < int(match.group("d1")):
        return False  # "led on February 17 to 7 dead protesters": a count, not a range's end
    if word and name in ("m", "my", "mdy", "dmy", "ymd"):
        # "May", "March" and "August" are words too: an English month name is capitalised.
        if (
            word.lower() in ("may", "march", "august")
            and word.islower()
            # "ended at 28th august 2005": with its day and its year it is the month
            and not (name in ("dmy", "mdy") and match.groupdict().get("y"))
            # "In may 1950, the Jordan government proposed": after "in" and before its year
            and not (name == "my" and _IN_BEFORE.search(before))
        ):
            return False
        if name == "m" and word.isupper():
            return False  # "and MARCH (an NGO ...)", "the MAI": a name or an acronym
        if name == "m" and (
            match.group("m") == "sept"
            or (match.group("m") == "Sept" and re.match(r"\s+(?-i:[a-zà-ÿ])", after))
        ):
            # "de sept modules", "de Sept pays": French for seven; the month's short form is
            # "Sept."
            return False
        if name == "m" and match.group("m") == "Jan" and _SURNAME_AFTER.match(after):
            return False  # "and Jan de Bruyne of Belgium": a given name
        if name == "m" and (_ISSUE_BEFORE.search(before) or _ISSUE_AFTER.match(after)):
            return False  # "aparecido en el número de marzo del boletín": a print issue's name
        if name == "m" and re.search(r"\bthe\s+$", before, re.I) and re.match(r"\s*\d", after):
            return False  # "The July 22s decision": a slip, not "the July deadline"
        if name == "m" and (
            word.lower() in ("mar", "jun", "jul", "aug", "sep", "oct", "dec")
            or not (
                _MONTH_ALONE_AFTER.search(before)
                or (word[0].isupper() and _TIME_OF_DAY_AFTER.match(after))
                # "During a June visit to Kyiv": an English month naming what happened in it
                or (
                    word[0].isupper()
                    and re.search(r"\b(?-i:an?|An?)\s+$", before)
                    and re.fullmatch(_ENGLISH_MONTH, word, re.I)
                    and re.match(r"\s+(?-i:[a-z])", after)
                )
                # "at NATO June summit": an organisation's meeting named by its month
                or (
                    word[0].isupper()
                    and re.search(r"(?-i:\b[A-Z]{2,}['’]?s?)\s+$", before)
                    and re.fullmatch(_ENGLISH_MONTH, word, re.I)
                    and re.match(r"\s+(?:summit|meeting|ministerial|session|conference)\b", after)
                )
                # "This goes in effect June this year": the year's word makes it a date
                or (word[0].isupper() and (_THIS_YEAR.match(after) or _LAST_YEAR.match(after)))
                # "est prévu juillet prochain": "next" or "last" after it makes it one too
                or (
                    word.lower() in _ROMANCE_MONTHS
                    and (_NEXT_AFTER.match(after) or _LAST_AFTER.match(after))
                )
                # "- juillet, 80 militaires ont ...": a month opening an item of a list
                or (item and match.start() == 0 and _LIST_MONTH_AFTER.match(after))
                # "February will see ...": a month opening its sentence, the verb after it
                or (
                    word[0].isupper()
                    and word.lower() != "may"
                    and _SENTENCE_START_BEFORE.search(before)
                    and _MONTH_AS_SUBJECT_AFTER.match(after)
                )
            )
        ):
            return False
    if (
        name in ("dmy", "m")
        and word[:1].isupper()
        and word.lower() in _ROMANCE_MONTHS
        and (
            # "Mouvement du 23 Mars", "Campo de Mayo": a name
            (not match.groupdict().get("y") and _NAME_DE_BEFORE.search(before))
            # "aliens from Mars": not French or Spanish
            or (name == "m" and re.search(r"\b(?:from|to|on|at|of|by)\s+$", before))
            # "la région de Mayo Kebbi-Ouest": a place's name (German writes "Mai" capitalised)
            or (
                name == "m"
                and word.lower() != "mai"
                and re.match(r"[ -](?-i:[A-ZÀ-Þ][a-zà-ÿ])", after)
            )
        )
    ):
        return False  # a French or Spanish month is lowercase in a date
    if name == "m" and (_REVOLUTION_AFTER.match(after) or _REVOLUTION_BEFORE.search(before)):
        return False  # "the October Revolution", "la Revolución de Octubre": a name
    if (
        name in ("dmy", "mdy")
        and not match.groupdict().get("y")
        and re.search(r"[«“\"]\s*(?:[^\W\d]+\s+){0,2}$", before)
        and re.match(r"\s*[»”\"]", after)
    ):
        return False  # "la promotion « 5 février »", "« promotion 5 février »": a day as a name
    counted = r"^\s*(?:%|million|billion|troops|people|personnel|officers|members)"
    if name in ("mdy", "dmy") and re.match(counted, after, re.I):
        # "December 300 troops" is no day: a number followed by what it counts.
        return False
    if name == "decade" and re.search(
        r"\b(?:their|his|her|its)\s+(?:(?:early|mid|late)[\s-]+)?(?:\d0s\s+(?:and|or|to)\s+)?$",
        before,
        re.I,
    ):
        return False  # "personnel in their 20s and 30s": ages, not decades
    if name == "year" and re.search(r"\w-$", before) and re.match(r"-\d", after):
        return False  # "IS03-2016-0017-008": a photo's or a file's identifier
    if (
        name == "year"
        and _ARCHIVE_MONTH_AFTER.match(after)
        and _ALONE_ON_ITS_LINE_BEFORE.search(before)
    ):
        return False  # "  • 2018-07" alone on its line: a link of an archive's list of months
    if (
        name == "my"
        and _ALONE_ON_ITS_LINE_BEFORE.search(before)
        and re.match(r"[ \t]*\(\d{1,5}\)[ \t]*(?:\n|$)", after)
    ):
        return False  # "May 2024 (0)" alone on its line: an archive's month, its count of posts
    opening = before.rpartition("\n")[2].strip() == "("  # a bracket alone before it on its line
    if name == "year" and opening and re.match(r"\)\.\s", after):
        return False  # "(2016). In an effort to ...": a run-in heading's year opening its paragraph
    repeated = _SHORT_NAME_BEFORE.search(before) if name == "year" else None
    if repeated and repeated.group("y") == match.group(0)[-4:]:
        return False  # "Indo-Pacific Endeavour 2024 (IPE 2024)": the name again, short
    if name == "year" and (
        _NAMING_BEFORE.search(before)
        or (
            (_ACRONYM_BEFORE.search(before) or _CAPITALISED_NAME_BEFORE.search(before))
            and _NAMED_AFTER.match(after)
        )
    ):
        return False  # "NATO 2030 initiative", "Agenda 2030": names, not dates
    short = re.match(r"/(\d\d)(?![\d/])", after) if name == "year" else None
    if short and int(short.group(1)) == (int(match.group(0)[-4:]) + 1) % 100:
        return not _NOT_A_YEAR_BEFORE.search(before)  # "the best cadet of 2016/17": two years
    later = _LATER_YEAR_AFTER.match(after) if name == "year" else None
    if later and int(later.group(1)) > int(match.group(0)[-4:]):
        return not _NOT_A_YEAR_BEFORE.search(before)  # "the 2017/2027 horizon": a span of years
    if name == "season" and _SEASON_IN_A_NAME.search(before) and match.group("s")[0].isupper():
        return False  # "the Dacian Spring 2023 exercise": a name and its year, not a season
    if name == "year" and (
        _EXERCISE_NAMED_BEFORE.search(before)
        or (_NAME_IN_A_SENTENCE_BEFORE.search(before) and _PARTICIPANTS_AFTER.match(after))
    ):
        # "Exercise Iron Wolf 2017 participants will also train": the year of the exercise's
        # name, before the people taking part in it
        return not _NOT_A_YEAR_BEFORE.search(before)
    if name == "year" and _TIME_OPENING_BEFORE.search(before) and _PEOPLE_DID_AFTER.match(after):
        return True  # "From 1949 officers were sent for training": when, then who was sent
    return not (
        name == "year"
        and (
            _NOT_A_YEAR_BEFORE.search(before)
            or _NOT_A_YEAR_AFTER.match(after)
            or _COPYRIGHT_BEFORE.search(text[max(0, match.start() - 80) : match.start()])
        )
    )


# "Sappers - RIA Novosti, 1920, 01/04/2023": a photo's caption, its agency, the picture's
# width and the day it was taken, ending the line.
_AGENCY_PHOTO_CREDIT = re.compile(
    r"\s[-–]\s(?:[A-Z][\w.]*)(?:\s[A-Z][\w.]*){0,3},\s*(?P<size>\d{3,4}),\s*"
    r"\d\d?[./]\d\d?[./](?:19|20)\d\d[ \t]*$",
    re.M,
)


# A reader's comment, numbered, its author and "on" before its date: "#1 Dawud on 11.02.07".
_COMMENT_HEADER_BEFORE = re.compile(r"(?:^|\n)\s*#\d{1,4}\s+\S[^\n]{0,40}?\s+on\s+$")
# A blog's archive heading: "Daily Archives: 10/11/2010", "Monthly Archive: March 2011".
_ARCHIVE_LABEL_BEFORE = re.compile(
    r"(?:^|\n)\W*(?:(?:daily|monthly|yearly)\s+archives?|archivo\s+por\s+meses|archives\s+par\s+mois)"
    r"\s*:\s*$",
    re.I,
)
# A forum's or a blog's furniture before a date: when a member joined, a quoted post's author,
# a month's archive ("Posts made in October, 2015"); or, in the group `post`, a post's author
# before its day ("Posted by: woj May 27, 2009", "... started by Belgian Dave, Sep 23, 2013").
_FORUM_FURNITURE_BEFORE = re.compile(
    r"(?:^|\n)\W*(?:joined|join\s+date|registered|member\s+since|mitglied\s+seit|inscrit\s+le)"
    r"\s*:?\s*$"
    r"|\bquote\s*\(\s*[^()@\n]{1,40}@\s*$"
    r"|(?:^|\n)\W*posts\s+made\s+in\s+$"
    r"|(?P<post>(?:^|\n)\W*posted\s+by\s*:?\s*\S+(?:\s+\S+)?\s+$|\bstarted\s+by\s+[^,\n]{1,30},\s*$)",
    re.I,
)
# A forum's user or board before the date of a post: "r/cuba Jul 02 '24".
_FORUM_HANDLE_BEFORE = re.compile(r"(?<![\w/])[ru]/[\w\[\]-]{2,30}\s+$")


_MONTH_DOT_YEAR = re.compile(rf"(?<![\w.])(?P<m>{_ENGLISH_MONTH})\.(?=(?:19|20)\d\d(?!\d))", re.I)
# (a letter's full stop run into a year, looked for first: a plain search, far cheaper than
# trying every month's name at every place of every text)
_LETTER_DOT_YEAR = re.compile(rf"\.(?<=[A-Za-z]\.){_YEAR}(?!\d)")  # (the full stop first)


def find_dates(text: str, item: bool = False) -> list[DateMention]:
    """Every date in `text`, left to right, ranges joined; years not yet filled in. `item`: the
    text is a list's item, its bullet cut."""
    found: list[tuple[int, int, str, re.Match]] = []
    # The page's own dates (published, updated, a byline's, a timestamp's): no events, but
    # the year what follows them is written in.
    own: list[DateMention] = []
    taken = [False] * (len(text) + 1)

    def page_own(s, e, point, updated=False):
        if point is not None:
            own.append(DateMention(s, e, point, dateline=True, updated=updated))
        for i in range(s, e):
            taken[i] = True

    for credit in _AGENCY_PHOTO_CREDIT.finditer(text):
        page_own(credit.start("size"), credit.end(), None)
    # "23 and 24 November.2022": read as if a space stood for the full stop (same length, so
    # every place found stays the text's)
    if _LETTER_DOT_YEAR.search(text):
        text = _MONTH_DOT_YEAR.sub(r"\g<m> ", text)

    for name, pattern in _COMPILED:
        if name == "year_item":
            if not item:
                continue
            name = "year"
        for match in pattern.finditer(text):
            s, e = match.span()
            if any(taken[s:e]):
                continue
            if name == "dtg":
                page_own(s, e, _point(name, match))  # when the message was sent
                continue
            if _ISSUE_LINE_BEFORE.search(text[max(0, s - 50) : s]):
                page_own(s, e, None)  # "URVIO n.35 Quito Jan./Apr. 2023": a journal's issue
                continue
            line_start = text.rfind("\n", 0, s) + 1
            line_end = len(text) if (n := text.find("\n", e)) < 0 else n
            if _FILE_LABEL_AFTER.match(text, e) and _FILE_LABEL_BEFORE.fullmatch(
                text, line_start, s
            ):
                page_own(s, e, None)  # an attached file's label: no event, nor the page's date
                continue
            if _REFERENCE_ENTRY.match(text, line_start):
                page_own(s, e, None)
                continue
            if (
                _BYLINE_AFTER.match(text, e)
                or _PAGE_COUNT_AFTER.match(text, e)
                or _VOLUME_AFTER.match(text, e)
                or (
                    _BRACKETED_LINE.search(text, max(0, s - 10), s)
                    and _BRACKETED_LINE_END.match(text, e)
                )
                or (
                    # (the cheap test first: most dates do not open their line)
                    (s == 0 or text[s - 1] == "\n")
                    and (
                        _UNDERSCORE_AFTER.match(text, e)
                        or _SERIES_NUMBER_AFTER.match(text, e)
                        or _POSTED_IN_AFTER.match(text, e)
                    )
                )
            ):
                # "... safety course 5-Jun-07 By Marine Sgt. Jess Kent": the story's own day;
                # "SWP-Studie 2019/S 05, 29.03.2019, 41 Seiten": when a study came out
                page_own(s, e, _point(name, match))
                continue
            if _SLASHED_HEADING.match(text, line_start):
                # "/// Dassault Aviation : le résultat net progresse de 66,1% en 2018": a site's
                # subheading or its link to another story, under three slashes
                page_own(s, e, None)
                continue
            if _ARCHIVE_LABEL_BEFORE.search(text[max(0, s - 30) : s]):
                # The day or month of the posts listed, not an event; not a reference date
                # either, since its figures are in the blog's order, day or month first.
                page_own(s, e, None)
                continue
            if _COMMENT_HEADER_BEFORE.search(text[max(0, s - 60) : s]):
                page_own(s, e, None)  # "#2 A. Reader on 11.02.07 at 2:35 pm": a comment's
                continue
            if _FORUM_HANDLE_BEFORE.search(text[max(0, s - 40) : s]):
                page_own(s, e, None)  # "u/Forsaken_Hermit Jul 08 '24": when a post was written
                continue
            if s >= 2 and text[s - 1] == ":" and text[s - 2].isdigit():
                continue  # "15:21 Dec. 29, 2016": a clock's minutes, no day of December
            if _NATIONAL_DAY_BEFORE.search(text[max(0, s - 40) : s]) and not re.search(
                r"\d{4}", match.group(0)
            ):
                page_own(s, e, None)  # "la fête nationale du 6 juillet": a feast, every year
                continue
            if _LISTED_STORY_BEFORE.fullmatch(text, line_start, s):
                page_own(s, e, None)  # "News15:21 Dec. 29, 2016": a listed story's time
                continue
            if _PRINTED_PAGE_HEADER_BEFORE.fullmatch(text, line_start, s):
                page_own(s, e, _point(name, match))  # "10 Sudmag.nc | Juin 2023": its issue
                continue
            if _STREET_BEFORE.search(text[max(0, s - 20) : s]):
                page_own(s, e, None)  # "la Avenida 9 de Julio": a street named after a day
                continue
            if _CREDIT_LABEL_BEFORE.search(text[max(0, s - 30) : s]):
                page_own(s, e, None)  # "Fotografía: 2019 Agencia Gradual": a photo's credit
                continue
            if (
                _PRINT_ISSUE_AFTER.match(text, e)
                and _THE_BEFORE.search(text[max(0, s - 8) : s])
                and (point := _point(name, match)) is not None
                and point.unit == "month"
            ):
                # "taken from the December/January 2023 issue of The Critic": a magazine's months
                # ("the 2018 edition" of an exercise, "the 4 March 1992 issue" cited: events)
                page_own(s, e, None)
                continue
            if (
                _REPRINTED_FROM_BEFORE.fullmatch(text, line_start, s)
                and _ISSUE_OF_AFTER.match(text, e)
                and (point := _point(name, match)) is not None
                and point.unit == "month"
            ):
                # The issue the text is reprinted from, opening its line: when it was written,
                # the year its "This December" is in
                page_own(s, e, point)
                continue
            if name == "year" and _SOURCE_LABEL_BEFORE.search(text[max(0, s - 90) : s]):
                page_own(s, e, None)  # "Quelle: Deutsches Soldatenjahrbuch 1982 / 30.": a source
                continue
            if (
                name == "year"
                and _QUOTED_TITLE_LINE.fullmatch(text, line_start, s)
                and _MAKERS_AFTER.match(text, e)
            ):
                page_own(s, e, None)  # a work's year in its credit line
                continue
            if name == "year" and (
                _REPORT_NUMBER_BEFORE.search(text, max(0, s - 40), s)
                or _BOOK_DETAILS_AFTER.match(text, e)
            ):
                # "Norad Report Discussion no. 19/2010", "Walter de Gruyter, 2018. Pp. 289.
                # ISBN ...": a report's number, a book's year; no event
                page_own(s, e, None)
                continue
            if forum := _FORUM_FURNITURE_BEFORE.search(text, max(0, s - 60), s):
                # "Joined: 1/7/2009", "QUOTE (Jeroen @ May 27, 2009": no event; "Posted by: woj
                # May 27, 2009": the post's day, the page's own
                page_own(s, e, _point(name, match) if forum["post"] else None)
                continue
            if _READ_MORE_BEFORE.search(text[max(0, s - 240) : s]):
                page_own(s, e, None)  # 'Read more in "...", Chicago Tribune, January 9': a source
                continue
            if _DECLASSIFY_BEFORE.search(text[max(0, s - 12) : s]):
                page_own(s, e, None)  # "DECL: 09/14/2019": when a cable may be released
                continue
            if _METADATA_BEFORE.search(text[max(0, s - 40) : s]):
                # "Last updated: 01 Sep. 2022": the page's own date, no event; nor any part of it.
                updated = bool(_UPDATED.search(text[max(0, s - 40) : s]))
                page_own(s, e, _point(name, match), updated)
                continue
            if (
                name in ("numeric", "numeric_de")
                and _PAPER_AND_COMMA_LINE.fullmatch(text, line_start, s)
                and not text[e:line_end].strip()
            ):
                page_own(s, e, _point(name, match))  # "Canarias 7, 31-08-2006": a paper's day
                continue
            if name in ("iso", "numeric", "numeric_de") and s and text[s - 1].isalpha():
                page_own(s, e, _point(name, match))  # "QNA09.07.2018": a photo's credit
                continue
            if name == "dayrange" and _two_days(match, text):
                continue  # "on 12 and 18 November": two days, each read alone
            if not _accept(name, match, text, item):
                continue
            point = _point(name, match)
            if point is None:
                continue
            if not text[e:line_end].strip() and _ACT_DATE_LINE.match(text[line_start:s]):
                page_own(s, e, None)  # "of 19 April 2016" under a decision's title
                continue
            if (
                re.fullmatch(r"(?:\s+\.)?\s*", text[e:line_end])
                or _CLOCK_ONLY.fullmatch(text[e:line_end])
                or (point.year and _SECTION_AFTER.fullmatch(text[e:line_end]))
                or _CLOCK_WITHOUT_COLON.fullmatch(text[e:line_end])
            ) and (point.unit == "day" and _BYLINE_LINE.match(text[line_start:s])):
                # "Written by A. Writer 04/04/2024", "Written by A Team on 20 January 2022 .":
                # a byline (a full stop after a space is no sentence's: "By the end of 2010.");
                # "Por: Redaccion 02 Junio 2017 08 01", its clock's colon lost
                page_own(s, e, point)
                continue
            at_start = not text[:s].strip(" \t•·*-")
            # ("17 April" / "1960The International Control Commission ...": a chronology's day
            # over its year, run into its entry, is no stamp run into the story)
            one_line = "\n" not in text[s:e]
            rest_of_line = text[e:line_end]
            closes_line = not rest_of_line.strip(" .") or bool(_CLOCK_ONLY.fullmatch(rest_of_line))
            if (
                point.unit == "day"
                and point.year
                and re.fullmatch(r"\s*[-–—,|]\s*" + _CLOCK + r"\s*", rest_of_line)
            ):
                page_own(s, e, point)  # "... ! Jeu 14 Avr 2011 - 13:57": a post's stamp
                continue
            if (
                point.unit == "day"
                and point.year
                and closes_line
                and _CLOCK_NEXT_LINE.match(text, line_end)
            ):
                page_own(s, e, None)  # "mardi 16 avril 2024" / "Antananarivo | 13h48"
                continue
            if (
                point.unit == "day"
                and point.year
                and _PLACE_IN_PARENTHESES_LINE.fullmatch(text[line_start:s])
                and re.fullmatch(r"\s*\)\s*", rest_of_line)
            ):
                page_own(s, e, point)  # "(El Paso, Texas, Dec. 14, 2017)": a release's dateline
                continue
            if _SOURCE_IN_PARENTHESES_BEFORE.search(text[line_start:s]) and re.match(
                r"\s*\)", rest_of_line
            ):
                page_own(s, e, None)  # "(after A. Writer, Times of India, 30.6.17)": a source
                continue
            if (
                point.unit == "day"
                and _AGENCY_CREDIT_BEFORE.search(text[line_start:s])
                and re.match(r"\)\s*(?:\n|$)", text[e:])
            ):
                page_own(s, e, None)
                continue
            if (
                point.year
                and point.unit in ("day", "month")
                and not rest_of_line.strip(" .|-–—")
                and _PERIODICAL_BEFORE.fullmatch(text, line_start, s)
            ):
                page_own(s, e, point)  # "Bar News - April 20, 2007": a periodical's issue
                continue
            if issue := _VOLUME_AND_NUMBER_BEFORE.search(text, max(line_start, s - 160), s):
                # "Evening Republican, Volume 15, Number 276, Rensselaer, Jasper County, 22
                # November 1911": a paper's issue, its place between
                page_own(s, e, point if point.unit == "day" and issue["number"] else None)
                continue
            if _STAMP_LINE.fullmatch(text[line_start:line_end]):
                page_own(s, e, point if point.unit == "day" else None)
                continue
            if _ARCHIVE_DAY_AFTER.fullmatch(rest_of_line):
                page_own(s, e, None)  # "24.05.2017(Heute)": a news archive's list of days
                continue
            if point.unit == "day" and re.fullmatch(r"\d{1,2}\s+min\.?\s+read\s*", rest_of_line):
                page_own(s, e, point)  # "Sun., June 27, 20211 min. read": the story's date line
                continue
            if _CLOCK_IN_PARENTHESES_AFTER.match(rest_of_line):
                page_own(s, e, None)  # "En Avril, 2015 (17:35 PM)": a comment's stamp
                continue
            if _citation(text[line_start:s], rest_of_line, text[line_start:line_end]):
                page_own(s, e, None)  # "..., Government of Tonga media release, 17 April 2007"
                continue
            if (
                point.unit == "day"
                and point.year
                and re.search(r"\s[-–—|]\s*$", text[max(line_start, s - 4) : s])
                and re.match(r"(?-i:[A-ZÀ-Þ][a-zà-ÿ])", text[e : e + 2])
            ):
                page_own(s, e, None)  # "A. Writer - 28 novembre 2024Naima ...": a teaser's
                continue
            if (point.unit == "day" or name == "monthrange") and _ARTICLE_AND_PAGE_AFTER.match(
                rest_of_line
            ):
                # "Rundbrief 318 vom 12. März 2009, Artikel 4, Seite 2", "18(34), julio-diciembre
                # 2024, pp. 37-57": a periodical's issue (a book's year and page, "New York, 1986,
                # p. 86", the gold lists count)
                page_own(s, e, None)
                continue
            if (
                point.year
                and name in ("mdy", "dmy")
                and _AUTHOR_NAME_AFTER.match(rest_of_line)
                and _TITLE_WORDS_BEFORE.search(text[max(line_start, s - 160) : s])
            ):
                page_own(s, e, None)  # "... Amid Concerns June 2, 2024 Jane Roe Britain is": a list
                continue
            if (
                item
                and _QUESTION_BEFORE.fullmatch(text[:s])
                and re.match(r"[^.!?\n]*\?", rest_of_line)
                # ('December 2001: "Horn of Africa: al-Qaida regroups?", A Paper: "..."': an
                # entry its date leads, a headline it quotes)
                and not re.match(r"\s*:", rest_of_line)
            ):
                page_own(s, e, None)  # "- ¿Cuánto cobra un cadete en 2024?": a link to a story
                continue
            if point.year and (
                (
                    at_start
                    and point.unit == "day"
                    and re.match(r"[“\"«A-ZÀ-Þ]", text[e : e + 1])
                    and one_line
                )
                or (
                    re.match(r"\s*\]", rest_of_line)
                    and "[" in text[line_start:s]
                    and not _bracketed_aside(text, line_start, s, point.unit)
                )
            ):
                # "08 Feb, 2022“The arrival ...": the page's date run into its text; "[ A.
                # Writer, Bruxelles, example.org, le dimanche 4 janvier 2014 ]": a byline.
                page_own(s, e, point)
                continue
            if closes_line and _DATELINE_LABEL.fullmatch(text[line_start:s]):
                # "Dateline: Forward Operating Base (FOB) Endurance, Iraq, May 2005": a
                # transcript's place and month, said over its opening pictures
                page_own(s, e, point)
                continue
            if text[line_start:s].strip() == "(" and _PARENTHESISED_DATELINE_AFTER.match(text, e):
                page_own(s, e, point)  # "(August 25, Colombo, A Paper) The ...": a dateline
                continue
            if _PAPER_BEFORE_ITS_DAY.fullmatch(text, line_start, s) and re.match(
                r"\)\s+[«“\"A-ZÀ-Þ]", text[e : e + 3]
            ):
                page_own(s, e, None)  # "(Les Échos du Niger 8 déc) L’armée ...": the paper's day
                continue
            if (
                name in ("iso", "numeric", "numeric_us")
                and re.search(r"\S[.!?]\s+$", text[max(0, s - 4) : s])
                and re.match(r"\s+[A-ZÀ-Þ]", text[e : e + 3])
            ):
                page_own(s, e, point)  # "The Daily. 19/09/2017 Officers began ...": a dateline
                continue
            if point.unit == "day" and point.year and _STAMP_AFTER.match(text[e : e + 30]):
                page_own(s, e, point)  # "Sa, 24 April 2021 17:03:32 +01:00": a header's stamp
                continue
            if closes_line and (
                _SECTION_BAR_BEFORE.match(text[line_start:s])
                or (point.year and _name_before(text, line_start, s, point.unit))
            ):
                page_own(s, e, point)  # "News | Aug. 18, 2015", "A. Writer 21. Dezember 2004"
                continue
            if (
                point.unit == "day"
                and point.year
                and "|" in text[line_start:s]
                and _AUTHOR_CLOSING_LINE.fullmatch(rest_of_line)
            ):
                # "Catégorie : Nouveautés, Gironde | le 30 Décembre 2017 par P. Writer": a
                # post's category, day and author
                page_own(s, e, point)
                continue
            if point.year and closes_line and _AGENCY_LINE_BEFORE.match(text[line_start:s]):
                page_own(s, e, point)  # "PANA, 09 février 2019"
                continue
            if closes_line and _AGENCY_REPORT_LINE_BEFORE.match(text[line_start:s]):
                page_own(s, e, point if point.year else None)  # "STT Report, Mar 4"
                continue
            if (
                point.unit == "day"
                and point.year
                and (
                    # a date set off by a column's gap: a byline's
                    (
                        re.search(r"\S {3,}$", text[line_start:s])
                        and (closes_line or _CLOCK_AFTER.match(rest_of_line))
                    )
                    # "Default A thread's title - 03-29-2012, 05:52 PM": a forum post's stamp
                    # after its title
                    or (
                        rest_of_line.strip()
                        and _CLOCK_ONLY.fullmatch(rest_of_line)
                        and re.search(r"\S\s+[-–—|]\s*$", text[line_start:s])
                    )
                )
            ):
                page_own(s, e, point)
                continue
            if at_start and point.unit == "year" and _SITE_NAME_AFTER.match(rest_of_line):
                page_own(s, e, point)  # "2023 – Balkan Defence Monitor": the page's title bar
                continue
            if (
                name == "my"
                and not text[line_start:s].strip()
                and re.fullmatch(r"\s+\d{1,2}\s*", rest_of_line)
            ):
                page_own(s, e, None)  # "Jul 2011 06" alone on its line: a blog's stamp
                continue
            if (
                point.unit == "day"
                and point.year
                and (
                    # "Countries > Turkey > 09.12.2013 >": a breadcrumb's
                    (
                        re.search(r"\S\s*>\s*$", text[line_start:s])
                        and re.match(r"\s*(?:>|$)", rest_of_line)
                    )
                    # "Radio & Television Tonga News 02/08/2017"
                    or (not rest_of_line.strip() and _MEDIA_NAME_LINE.fullmatch(text[line_start:s]))
                    # "(01.11.2011) Namibia ist ...": the item's own date
                    or (
                        re.fullmatch(r"\s*\(\s*", text[line_start:s])
                        and re.match(r"\s*\)\s+(?-i:[A-ZÀ-Þ])", rest_of_line)
                    )
                )
            ):
                page_own(s, e, point)
                continue
            if point.unit == "day" and point.year and _bar_cell(text[line_start:s], rest_of_line):
                page_own(s, e, point)  # "27. Juni 2011 | Themenbereich: Polizei | Drucken"
                continue
            if (
                point.unit == "day"
                and point.year
                and not rest_of_line.strip()
                and _WEEKDAY_STAMP_BEFORE.search(text[line_start:s])
            ):
                page_own(s, e, point)  # "Editor: A. Writer Tuesday, June 2nd, 2020"
                continue
            if (
                point.unit == "day"
                and point.year
                and not at_start
                and _BYLINE_RUN_IN_AFTER.match(rest_of_line)
            ):
                page_own(s, e, point)  # "... militaire le 19 avril 2022 Par A. Writer Le ..."
                continue
            if (
                at_start
                and point.year
                and point.unit in ("month", "season")
                and _ISSUE_LABEL_AFTER.fullmatch(rest_of_line)
            ):
                page_own(s, e, point)  # "Fall 2013 Cover": a periodical's issue
                continue
            if (
                at_start
                and point.unit == "day"
                and point.year
                and (mark := re.match(r"\s*[•·|–—-]\s*", rest_of_line))
                and any(
                    told.first.unit == "day"
                    and (told.first.month, told.first.day) == (point.month, point.day)
                    for told in find_dates(rest_of_line[mark.end() : mark.end() + 120])
                )
            ):
                # "08.01.2016 • On Friday January 8th, a parade ...": an item's stamp over the
                # story that tells its day again
                page_own(s, e, point)
                continue
            # "Thursday 27 March 2025 | Written by A. Writer": the weekday before it too
            if (at_start or _WEEKDAY_ONLY.fullmatch(text[:s])) and (
                _CLOCK_AFTER.match(text[e : e + 20])
                or (
                    point.unit == "day"
                    and (
                        _SITE_AFTER.match(rest_of_line)
                        or _AUTHOR_AFTER.match(rest_of_line)
                        or _PAGE_KIND_AFTER.match(rest_of_line)
                        or _SECTIONS_AFTER.match(rest_of_line)
                        or _SECTION_AND_PICTURE_AFTER.match(rest_of_line)
                        or _CATEGORIES_AFTER.match(rest_of_line)
                        or _NEWS_SECTIONS_AFTER.match(rest_of_line)
                    )
                )
            ):
                # "March 26, 2023 12:51 am | Updated ...": a timestamp; "01/11/2010 -
                # example.com": the date a site copied the item.
                page_own(s, e, point)
                continue
            if (
                point.year
                and point.unit in ("day", "year")
                and _THIS_BEFORE.search(text[max(0, s - 20) : s])
            ):
                # "a abrité ce 26 avril 2019": the day the page is written; "este 2025": its year
                if point.unit == "day":
                    point.today = True
                else:
                    point.this_named_year = True
            # (before a range of days, the weekday is its first day's: see below)
            if point.year is None and point.unit == "day" and not name.startswith("dayrange"):
                weekday = _weekday_before(text, s)
                if weekday:
                    point.weekday = _weekday_index(weekday.group("w"))
            if point.year is None and (same := _SAME_YEAR.match(text[e : e + 30])):
                point.same_year = True
                e += same.end()
            elif point.year is None and (that := _THAT_YEAR.match(text[e : e + 30])):
                point.that_year = True
                e += that.end()
            elif point.year is None and (apart := _YEAR_APART.match(text[e : e + 30])):
                point.year_apart = True
                e += apart.end()
            elif point.year is None and (this_year := _THIS_YEAR.match(text[e : e + 30])):
                point.this_year = True
                e += this_year.end()
            elif point.year is None and _THIS_BEFORE.search(text[max(0, s - 24) : s]):
                point.this_year = True
            elif point.year is None and (last_year := _LAST_YEAR.match(text[e : e + 30])):
                point.last_year = True
                point.next_year = last_year.group("next") is not None
                e += last_year.end()
            elif (
                point.year is None
                and point.unit in ("day", "month")
                and (
                    _NEXT_BEFORE.search(text[max(0, s - 24) : s])
                    or _NEXT_AFTER.match(text[e : e + 12])
                )
            ):
                point.next = True  # "el próximo 31 de enero", "avril prochain"
                if following := _NEXT_AFTER.match(text[e : e + 12]):
                    e += following.end()
            elif point.year is None and point.unit in ("day", "month", "season"):
                point.last = bool(_LAST_BEFORE.search(text[max(0, s - 20) : s]))
                if last := _LAST_AFTER.match(text[e : e + 12]):
                    point.last = True
                    e += last.end()
            if point.year and _weekday_before(text, s) and _CLOCK_AFTER.match(text[e : e + 20]):
                page_own(s, e, point)  # "Jueves, 18 enero 2018, 03:06": a byline's stamp
                continue
            if (
                point.unit == "day"
                and point.year
                and (
                    # "samedi 24 octobre 2015, par A. Writer": a byline
                    (
                        _BY_AUTHOR_AFTER.fullmatch(text, e, line_end)
                        and _DAY_ALONE_BEFORE.fullmatch(text, line_start, s)
                    )
                    # "Tuesday, February 4th, 2014The Inspector-General ...": a stamp run into
                    # the story ("... a drill on March 23, 2016On the shores": a caption's day)
                    or (
                        re.match(r"(?-i:[A-Z][a-z])", text[e : e + 2])
                        and not _STAMP_PREPOSITION_BEFORE.search(text[max(0, s - 12) : s])
                        and one_line
                    )
                )
            ):
                page_own(s, e, point)
                continue
            clock = _CLOCK_BEFORE.search(text, max(0, s - 30), s)
            if clock and not _CLOCK_IN_PROSE.search(
                text, max(0, clock.start() - 20), clock.start()
            ):
                page_own(s, e, point)  # "GMT 15:47 2017 Tuesday ,29 August": a timestamp
                continue
            if point.unit == "day" and (
                re.match(r"T\d\d:\d\d", text[e : e + 6])
                or (
                    text[max(0, s - 1) : s] == "("
                    and (
                        _AGENCY_SLASH_AFTER.match(text[e : e + 14])
                        or _PHOTO_CREDIT_AFTER.match(text[e : e + 16])
                    )
                )
            ):
                page_own(s, e, point)  # "2023-10-23T03:35:18", "(07.10.2015/dpa)": the page's
                continue
            if (
                point.year is None
                and (old := _OLD_YEAR_AFTER.match(text[e : e + 12]))
                and not _NOT_A_YEAR_AFTER.match(text[e + old.end() : e + old.end() + 20])
            ):
                page_own(s, e, None)  # "On June 19, 1826": a year before those the reader reads
                continue
            if point.year is None and _OLD_YEAR_BEFORE.search(text[max(0, s - 40) : s]):
                page_own(s, e, None)  # "Im Jahr 1751, genauer gesagt am 14. Dezember": its year
                continue
            if point.year is None and (
                _EVERY_YEAR_BEFORE.search(text[max(0, s - 50) : s])
                or _EVERY_YEAR_AFTER.match(text[e : e + 60])
            ):
                page_own(s, e, None)  # "Annually, in the first week of November": no one event
                continue
            if (
                point.year is None
                and point.unit in ("day", "month")
                and (bracketed := _YEAR_IN_BRACKETS_AFTER.match(text, e))
            ):
                point.year = int(bracketed.group("y"))  # "from July 19-23 (2018)": its year
                e = bracketed.end()
            found.append((s, e, name, point))
            for i in range(s, e):
                taken[i] = True
    found.sort(key=lambda item: item[0])
    mentions: list[DateMention] = []
    i = 0
    while i < len(found):
        s, e, name, point = found[i]
        mention = DateMention(s, e, point)
        if name in ("dayrange", "monthrange", "seasonrange", "dayrange_num", "isoweek"):
            mention = DateMention(s, e, _range_start(name, found[i][3], text[s:e]), point)
            # "du dimanche 24 au jeudi 28 octobre": Sunday is the 24th's (searched for only
            # before a range of days with no year of its own)
            if (
                name.startswith("dayrange")
                and point.year is None
                and (weekday := _weekday_before(text, s))
            ):
                mention.first.weekday = _weekday_index(weekday.group("w"))
        if (
            mention.last is None
            and point.year is None
            and point.unit in ("day", "month")
            and i + 1 < len(found)
            and found[i + 1][3].unit == "year"
            and re.fullmatch(r"\s*[-–—]\s*", text[e : found[i + 1][0]])
        ):
            # "Miércoles 11 de Diciembre - 2024": the year set off by a dash, not a range's end
            point.year = found[i + 1][3].year
            e = found[i + 1][1]
            mention = DateMention(s, e, point)
            i += 1
        if name == "daylist" and (closing := _days_in_a_row(found, i, text)) is not None:
            # "entre los días 29, 30 y 31 de octubre": each day the one after the day before,
            # the last two a range already: one span
            mention = DateMention(s, found[closing][1], point, found[closing][3])
            i = closing
        if mention.last is None and i + 1 < len(found):
            s2, e2, _, point2 = found[i + 1]
            opened = _RANGE_OPEN.search(text[max(0, s - 30) : s])
            between = text[e:s2]
            if re.match(r"\.\s+(?-i:[a-z])", between) and _SHORT_MONTH_CLOSING.search(text, s, e):
                between = between[1:]  # "from 3 Oct. to 12 Dec.": the abbreviation's full stop
            joined = (
                _joins(opened, _RANGE_JOIN.match(between))
                or _LASTS_UNTIL.match(text[e:s2])
                or (point.unit != "year" and _LASTED_UNTIL.match(text[e:s2]))
                or _STARTED_AND_ENDS.match(text[e:s2])
                or (  # "der 1998 bis 2000": German needs no "von" before two years' "bis" (not
                    # "im Jahr 2019 bis 2022 verlängert": extended in one year, until the other)
                    point.unit == point2.unit == "year"
                    and re.fullmatch(r"\s+bis\s+", text[e:s2])
                    and not re.search(r"\b(?:im|in|Jahre?)\s+$", text[max(0, s - 6) : s], re.I)
                    and point2.year > point.year
                )
                or (  # "for the 2017/2027 horizon"
                    point.unit == point2.unit == "year"
                    and text[e:s2] == "/"
                    and point2.year > point.year
                )
                # "Since its establishment in 1986 to 2023, ...", "Police Force - 1952 to 1958",
                # "instructor (SMI) 2001 to 2003" (not "They compared 2019 to 2020")
                or (
                    point.unit == point2.unit == "year"
                    and re.fullmatch(r"\s+to\s+", text[e:s2])
                    and not _COMPARED_BEFORE.search(text[max(0, s - 12) : s])
                    and point2.year > point.year
                )
                or (
                    point.unit == point2.unit == "day"
                    and point.month is not None
                    and point2.month is not None
                    and (  # "the training held on Oct. 23 to Nov. 25"
                        _DAY_TO_DAY.fullmatch(text[e:s2]) or _STAYS_UNTIL.match(text[e:s2])
                    )
                )
                or _next_months(point, point2, text[e:s2], text[max(0, s - 20) : s])
                or _next_days(point, point2, text[e:s2])
                or (  # "in the 1960s and 1970s", "en los años 60 y 70": one span
                    point.unit == point2.unit == "decade"
                    and point2.year == point.year + 10
                    and bool(_AND_ONLY.fullmatch(text[e:s2]) or _AND_EARLY.fullmatch(text[e:s2]))
                )
                or (  # "in the late 1980s through most of the 1990s"
                    point.unit == point2.unit == "decade"
                    and point2.year > point.year
                    and bool(_DECADE_THROUGH.fullmatch(text[e:s2]))
                )
                or (
                    _BEGINS_BEFORE.search(text[max(0, s - 40) : s])
                    # "started last 07 November until 16 November"
                    and (_AND_ENDS.match(text[e:s2]) or _UNTIL_ONLY.fullmatch(text[e:s2]))
                )
            )
            if joined and _range_fits(point, point2):
                # years are not filled in yet: compare what is written
                written = (point.unit, point.year, point.month, point.day)
                one_day = point.unit == "day" and written == (
                    point2.unit,
                    point2.year,
                    point2.month,
                    point2.day,
                )
                # "15/02/2012 - 15/02/2012": a period of one day is that day
                mention = DateMention(s, e2, point, None if one_day else point2)
                if opened:
                    mention.start = max(0, s - 30) + opened.start()
                i += 1
        # "im Februar und November 2012", "on 3 and 19 May 2010": the first of a pair takes the
        # year the second states.
        if mention.last is None and point.year is None and i + 1 < len(found):
            s2, _, _, point2 = found[i + 1]
            if point2.year and point2.unit == point.unit and _PAIR_JOIN.fullmatch(text[e:s2]):
                point.year = point2.year
        if name == "bs":
            mention = DateMention(s, e, point, DatePoint("month", point.year + 1, 4))
        # "2004-05": a span of years written short.
        # ("Jeu 14 Avr 2011 - 13:57": a clock, no span)
        short = re.match(r"^\s*[-–/]\s*(\d\d?)(?![\d:])", text[e : e + 6]) or (
            # "zwischen 1927 und 38": the end's year written short after "between"
            _BETWEEN_BEFORE.search(text, max(0, s - 12), s)
            and _SHORT_YEAR_AND_AFTER.match(text[e : e + 40])
        )
        if mention.last is None and point.unit == "year" and short:
            tail = short.group(1)  # "2004-05"; "2005-7" keeps the decade
            later = point.year // 10 ** len(tail) * 10 ** len(tail) + int(tail)
            if later > point.year:
                mention = DateMention(s, e + short.end(), point, DatePoint("year", later))
        # "los años 50–60", "the 1970s-80s": a span of decades written short
        tail = _DECADE_TAIL.match(text, e) if point.unit == "decade" else None
        if mention.last is None and tail:
            later = int(tail.group(1) or point.year // 100 * 100 + int(tail.group(2)))
            if later > point.year:
                mention = DateMention(s, tail.end(), point, DatePoint("decade", later))
        _qualify(mention, text)
        after = text[mention.end : mention.end + 50]
        capitals = bool(_PLACE_IN_CAPITALS_BEFORE.match(text, 0, mention.start))
        in_parentheses = _PLACE_IN_PARENTHESES_BEFORE.match(text, 0, mention.start)
        placed = capitals or bool(  # "Place, " before it; "NAIROBI, Kenya "
            _DATELINE_BEFORE.match(text, 0, mention.start)
            or _PLACE_AND_REGION_BEFORE.match(text, 0, mention.start)
            or _SITE_NAME_BEFORE.match(text, 0, mention.start)
            or (in_parentheses and not in_parentheses["mark"] and after.startswith(")"))
        )
        # With its year, or after a place in capitals or a country in brackets, a dash or a
        # colon closes a dateline; else the story must follow the dash right away. An agency's
        # name after the date closes one too ("YEREVAN, AUGUST 25, ARMENPRESS:").
        firm = (
            mention.first.year is not None
            or capitals
            or bool(_PLACE_IN_BRACKETS_BEFORE.match(text, 0, mention.start))
            # "Ciudad de México, a 29 de septiembre. La Secretaría ...": the "a" of a Mexican
            # ministry's dateline
            or bool(_A_BEFORE_THE_DAY.search(text, max(0, mention.start - 5), mention.start))
        )
        mention.dateline = (
            placed
            and bool(
                (_DATELINE_AFTER if firm else _YEARLESS_DATELINE_AFTER).match(after)
                or ((capitals or not firm) and _DATELINE_AGENCY_AFTER.match(after))
            )
        ) or (name == "my" and _running_footer(text, mention))
        mention.dateline = mention.dateline or _agency_dateline(text, mention, after)
        if (
            mention.first.unit == "day"
            and mention.first.year
            and mention.last is None
            and _BY_ALONE_BEFORE.fullmatch(text, 0, mention.start)
            and _LINE_END_OR_LABEL_AFTER.match(after)
        ):
            mention.dateline = True  # "By September 13, 2010LOCAL NEWS": a byline's day
        if (
            mention.first.unit == "day"
            and mention.first.year is None
            and mention.last is None
            and _PLACE_ALONE_BEFORE.fullmatch(text, 0, mention.start)
            and _LINE_END_AFTER.match(after)
        ):
            mention.dateline = True  # "Nay Pyi Taw August 24" alone on its line: no comma
        # "Mogadishu, November 19th 2017" alone on its line: read_dates decides by where.
        # "Le 29 octobre 2017" alone on its line, too.
        alone = bool(re.fullmatch(r"\W*(?:(?:le|on|am|el)\s+)?", text[: mention.start], re.I))
        mention.placed = placed
        # "(Bangkok - 10 April 2014)" alone on its line: a release's place and day in brackets
        bracketed = bool(
            in_parentheses and in_parentheses["mark"] and re.fullmatch(r"\)\.?\s*", after)
        )
        mention.place_and_date = bool(
            mention.first.unit == "day"
            and mention.last is None  # "01.08.2011 - 30.06.2017" alone: a period, no page date
            and mention.first.year
            # "BC, Riga, 20.08.2018.Print version": the site's print link glued to its line
            and (not after.strip(" .") or _PRINT_LINK_AFTER.fullmatch(after) or bracketed)
            and (placed or alone or bracketed)
        )
        if (
            mention.first.unit in ("day", "month")
            and mention.first.year
            and not text[: mention.start].strip(" \t•·*-")
            and (told := re.match(r"^\s*[-–—.]\s", after))
            and _NEWS_NOW.search(
                _SENTENCE_END_NOT_INITIAL.split(text[mention.end + told.end() :], maxsplit=1)[0]
            )
        ):
            # "13 September 2001 – UN Police today began ...", "14 November, 2019. Three ships
            # will sail in later this week", "December 2014 – The government has requested":
            # news told from its own day (or month)
            mention.dateline = True
        if (
            mention.first.unit == "day"
            and mention.first.year
            and mention.last is None
            and not text[: mention.start].strip(" \t•·*-")
            and text.startswith("0", mention.start)
            and re.match(r"\.[ \t]+(?-i:[A-ZÀ-Þ])", after)
        ):
            # "07 de febrero del 2020. El nuevo Laboratorio ...": a day written with its leading
            # zero, as a site prints its dates, opening the line, a full stop and the story after
            # it; the item's own date, as a dateline is (a chronology's "16 December 2004. The
            # Council agreed ..." is an event)
            mention.dateline = True
        if not text[: mention.start].strip(" \t•·*-") and (
            (mention.first.year and _PLACE_AFTER_DATE.match(after))
            or (mention.first.year and _ITEM_NUMBER_AFTER.match(after))
            or _AGENCY_AND_DASH_AFTER.match(after)
        ):
            # "July 24, 2019 (JUBA) – Police officers ...": the place after; "Dec. 30 (UPI) --
            # U.S. Navy ...": a wire's dateline, its place left out
            mention.dateline = True
        line_end = len(text) if (n := text.find("\n", mention.end)) < 0 else n
        if (
            mention.first.unit == "day"
            and mention.first.year
            and not text[: mention.start].strip(" \t•·*-")
            and (
                _SITE_BETWEEN_DASHES.match(text[mention.end : line_end])
                or _PLACE_BETWEEN_DASHES.match(text[mention.end : line_end])
                or _PLACE_AND_SITE_AFTER.match(text[mention.end : line_end])
                or _PLACE_ONLY_AFTER.match(text[mention.end : line_end])
                # "Aug. 5, 2025 —" alone on its line, the story below
                or re.fullmatch(r"[ \t]*(?:--|[-–—])[ \t]*", text[mention.end : line_end])
            )
        ):
            # "June 19th, 2017 – Example News –": a byline; "March 27, 2023 – Ottawa, Ontario –
            # National Defence": a news release's date line.
            mention.dateline = True
        mentions.append(mention)
        i += 1
    _last_for_the_list(mentions, text)
    return sorted(_without_runs_of_dates(mentions, text) + own, key=lambda m: m.start)


def _without_runs_of_dates(mentions: list[DateMention], text: str) -> list[DateMention]:
    """The mentions less those standing three or more in a row with only spaces between ("News
    Archives 22 Oct 2002 21 Oct 2002 20 Oct 2002"): a site's list of dates, no events."""
    mentions = sorted(mentions, key=lambda m: m.start)
    runs, run = [], mentions[:1]
    for before, mention in itertools.pairwise(mentions):
        if text[before.end : mention.start].isspace():
            run.append(mention)
        else:
            runs.append(run)
            run = [mention]
    runs.append(run)
    return [mention for run in runs if len(run) < 3 for mention in run]


def _agency_dateline(text: str, mention: DateMention, after: str) -> bool:
    """A dateline of the shapes that name an agency: "(EBC; March 20, 2017)-", "(CISPES,
    Sept. 16)", "Addis Ababa February 13/2021 (ENA)", "MADAR/Nouakchott le 12-12-2025"."""
    if (
        _AGENCY_PARENTHESIS_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
        and after.lstrip()[:1] in (")", ";")
        # ("(Cohen, 2001)" with its year alone: an author's work cited, not a dispatch's day)
        and not (mention.first.unit == "year" and mention.last is None)
    ):
        return True  # "(Asia-Plus, September 13)", "(Avesta, September 13; ...)"
    if _AGENCY_SIGNOFF_BEFORE.match(text, 0, mention.start) and (
        not after.split("\n")[0].strip(" .") or _DATELINE_AFTER.match(after)
    ):
        return True  # "DAM, NY, AGNEWS, le 29 janvier 2010. L’armée ...": the story's dateline
    if (
        mention.first.year
        and _ACRONYM_ALONE_BEFORE.match(text, 0, mention.start)
        and (_DATELINE_AFTER.match(after) or not after.split("\n")[0].strip())
    ):
        return True  # "ETLJB 06 November 2012 - The ...": the site's capitals, then its day
    return bool(mention.first.year) and bool(
        (
            _PLACE_NO_COMMA_BEFORE.match(text, 0, mention.start)
            and _AGENCY_IN_PARENTHESES_AFTER.match(after)
        )
        or _AGENCY_AND_PLACE_BEFORE.match(text, 0, mention.start)
    )


def _last_for_the_list(mentions: list[DateMention], text: str):
    """ "agosto, setiembre y octubre pasado", "in May and June last": the word that makes the
    last month of a list the last such before the page's date makes the others so too; "in
    November and December of last year": so do the words that leave its year open."""
    for before, after in reversed(list(zip(mentions, mentions[1:], strict=False))):
        first, then = before.first, after.first
        listed = (
            after.last is None
            and before.last is None
            and first.year is None
            and _LIST_JOIN.fullmatch(text[before.end : after.start])
        )
        if listed and then.last_year:
            first.last_year = True
        if listed and then.last and first.unit == then.unit == "month":
            first.last = True


def _name_before(text: str, line_start: int, s: int, unit: str) -> bool:
    """Is the line before a day's date only a person's name: "Anna Writer", one run into the
    day ("Anna Writer21.", where only the month and year were read as a date), or a first name
    alone opening the text ("Steve July 16, 2022")?"""
    before = text[line_start:s]
    run_into = re.search(r"(?<=[a-zà-ÿ])\d{1,2}\.?\s*$", before)
    if run_into and unit == "month":
        before = before[: run_into.start()]
    elif unit != "day" or (before and not before[-1].isspace()):
        return False
    return bool(
        _NAME_LINE_BEFORE.match(before)
        or (unit == "day" and line_start == 0 and _FIRST_NAME_BEFORE.fullmatch(before))
    )


def _weekday_index(name: str) -> int | None:
    name = name.lower()
    for index, prefixes in enumerate(_WEEKDAY_INDEX):
        if name.startswith(prefixes):
            return index
    return None


_DE_INSIDE = re.compile(r"\s(?:de|del)\s")


def _running_footer(text: str, mention: DateMention) -> bool:
    """A magazine's footer date run into a sentence by the page's extraction ("técnicas de
    Marzo 2015 combate"): a French or Spanish month capitalised, and no "de" before the
    year, between two words of running text. The page's date, not an event's."""
    month = text[mention.start : mention.end].split()[0]
    return (
        month[0].isupper()
        and month.lower() in _LOWERCASE_MONTHS
        # ("la Crisis de Octubre de 1962 consolidó": a month written with "de", in a sentence)
        and not _DE_INSIDE.search(text[mention.start : mention.end])
        and bool(re.search(r"[a-zà-ÿ,]\s+$", text[max(0, mention.start - 3) : mention.start]))
        and bool(re.match(r"\s+[a-zà-ÿ]", text[mention.end : mention.end + 3]))
    )


# Joiners that make a range without "from" or "between" before the start.
_JOINS_ALONE = ("-", "–", "—", "/", "through", "thru")


# The words that end a span opened by "between" or "entre" as "and" would: "entre el 1 de enero
# hasta el 31 de diciembre", "between January to June", "Entre el próximo 27 de junio al 2 de
# agosto".
_BETWEEN_ENDS = ("hasta", "to", "until", "al", "a")


def _joins(opened: re.Match | None, joined: re.Match | None) -> bool:
    """Do the words around two dates make them one range? "X–Y" does; "from X to Y" and
    "between X and Y" do; "X and Y" or "from X and Y" do not."""
    if not joined:
        return False
    if joined.group("dash") and joined.group("dash").lower() in _JOINS_ALONE:
        return True  # "October through mid-November 2011", "15-Oct-98 / 20-Nov-98" need no "from"
    if not opened:
        return False
    is_and = joined.group("dash").lower() in ("and", "et", "und", "y")
    word = (opened.group("word") or opened.group("since") or "de").lower()
    if word in ("entre", "between") and joined.group("dash").lower() in _BETWEEN_ENDS:
        return True
    if is_and and word.startswith(("period", "período", "periodo", "période", "zeitraum")):
        return True  # "for the period 2018 and 2021": the period's two ends
    return is_and == (word in ("between", "entre", "zwischen"))


# "d'ici à 2025", "de aquí a 2030", "by the year 2030": a year aimed at.
_TARGET_BEFORE = re.compile(
    r"\b(?:d['’]ici(?:\s+(?:à|a|la\s+fin\s+de))?|de\s+aquí\s+a(?:l)?(?:\s+año)?|by\s+the\s+year)\s+$",
    re.I,
)
# "model 1938 and 1943", "Modell 1961": the years that name a weapon's or a vehicle's model.
_MODEL_BEFORE = re.compile(
    r"\b(?:models?|modèles?|Modell|modelos?)\s+(?:(?:19|20)\d\d\s*(?:,|and|et|und|y)\s*)*$", re.I
)
# "selon l'évaluation 2024 du GFP", "le classement 2023 de ...": a year naming an edition (not
# "l'année 2024 de", "la fin 2024 du").
_EDITION_BEFORE = re.compile(
    r"(?:\bl['’]|\b(?:la|le|les)\s+)(?!année|an\b|fin\b|début|mi\b)\w{3,}\s+$"
)
_EDITION_AFTER = re.compile(r"\s+(?:du|des|de\s+la|de\s+l['’])\s")


# "a three-masted barque built in 1936": the year a ship or a building was made.
_BUILT_BEFORE = re.compile(
    r"\b(?:built|constructed|construid[oa]s?|construite?s?|gebaut|erbaut)\s+(?:in|en|im)\s+$", re.I
)
# "For the past five years, ...": the text has come to the page's own day; the year stated
# before no longer dates what follows.
_TO_THE_PRESENT = re.compile(
    r"\b(?:(?:for|over|during|in)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades)"
    r"|(?:en|durante)\s+los\s+últimos\s+(?:\w+\s+)?años"
    r"|(?:au\s+cours\s+des|ces)\s+(?:\w+\s+)?dernières\s+années"
    r"|in\s+den\s+(?:vergangenen|letzten)\s+(?:\w+\s+)?Jahren)\b",
    re.I,
)


_MONTH_LISTED_BEFORE = re.compile(_MONTH + r",\s*$", re.I)
_AND_ONLY = re.compile(r"\s+(?:and|et|und|y)\s+", re.I)
# "late April and early May", "Ende April und Anfang Mai": the turn of two months
_AND_EARLY = re.compile(
    r"\s+(?:and|et|und|y)\s+(?:early|the\s+beginning\s+of|the\s+start\s+of|début|anfang|"
    r"principios\s+de|comienzos\s+de|inicios\s+de)\s+",
    re.I,
)
# "in the late 1980s through most of the 1990s": a decade through a later one
_DECADE_THROUGH = re.compile(
    r"\s+(?:through|to|until|till)\s+(?:(?:most|much|all|the\s+end)\s+of\s+)?(?:the\s+)?", re.I
)
# "late October or early November", "fin mai ou début juin", "fin septembre ou en octobre": one
# month or the next, which the gold lists write as the span of both
_OR_NEXT = re.compile(
    r"\s+(?:or|ou|oder|o)\s+(?:(?:early|in|début|en|anfang|principios\s+de|comienzos\s+de|"
    r"inicios\s+de)\s+)?",
    re.I,
)


def _year_in_passing(text: str, mention: DateMention) -> bool:
    """A year that names a thing ("under a 1982 bilateral agreement", "the 1975–1990 Civil
    War", "howitzers, model 1938 and 1943") or a target ("d'ici à 2025"), not the time the
    page tells of: it gives its year to no later date."""
    before = text[max(0, mention.start - 30) : mention.start]
    named = (
        (mention.last is None or mention.last.unit == "year")
        and re.search(r"\b(?:a|an|the)\s+$", before[-5:])
        and re.match(r"\s+[^\W\d]", text[mention.end : mention.end + 2])
    )
    edition = (
        mention.last is None
        and _EDITION_BEFORE.search(before)
        and _EDITION_AFTER.match(text, mention.end)
    )
    budget = re.search(r"\b(?:fiscal\s+year|FY)\s*$", before, re.I) and re.match(
        r"\s+[^\W\d]", text[mention.end : mention.end + 2]
    )
    # "Après l'arrêt en 2011 de la formation par l'OTAN": the year inside a noun's phrase, what
    # stopped after it, as "the 2011 end of the training"
    noun_phrase = (
        mention.last is None
        and re.search(r"\b(?:l['’]|le\s+|la\s+|les\s+)[^\W\d]{3,}\s+en\s+$", before, re.I)
        and re.match(r"\s+(?:de|des|du|d['’])(?=\W)", text[mention.end : mention.end + 5], re.I)
    )
    return bool(
        named
        or edition
        or budget  # "fiscal year 2017 funding": the year names the budget
        or noun_phrase
        # "members of the Class of 2011": the year its cadets graduate, not the time told
        or re.search(r"\bclass\s+of\s+$", before, re.I)
        or _MODEL_BEFORE.search(before)
        or _TARGET_BEFORE.search(before)
        or _BUILT_BEFORE.search(before)
    )


def _next_months(a: DatePoint, b: DatePoint, between: str, before: str) -> bool:
    """ "held in October and November", "durante julio y agosto": two months, one after the
    other, joined by "and" (or "or": one of them, the span of both): not two events; not the
    last two of a longer list ("los meses de agosto, setiembre y octubre")."""
    return (
        a.unit == b.unit == "month"
        and not _MONTH_LISTED_BEFORE.search(before)
        and b.month == a.month + 1
        and a.year in (None, b.year)
        and bool(
            _AND_ONLY.fullmatch(between)
            or _AND_EARLY.fullmatch(between)
            or _OR_NEXT.fullmatch(between)
        )
    )


def _days_in_a_row(found: list, i: int, text: str) -> int | None:
    """The index of the range of two days ("30 y 31 de octubre") that closes a list of days
    opened at `found[i]` ("29, 30 y 31"), when each day is the one after the day before; None
    for a list of days apart ("los días 12, 18 y 23 de noviembre")."""
    day, j = found[i][3].day, i + 1
    while j < len(found) and re.fullmatch(r"\s*,\s*", text[found[j - 1][1] : found[j][0]]):
        name, point = found[j][2], found[j][3]
        if name == "daylist" and point.day == day + 1:
            day, j = point.day, j + 1
            continue
        if name == "dayrange" and point.month == found[i][3].month:
            start = _range_start(name, point, text[found[j][0] : found[j][1]])
            return j if start.day == day + 1 else None
        return None
    return None


def _next_days(a: DatePoint, b: DatePoint, between: str) -> bool:
    """ "scheduled to arrive on May 31 and June 1": two days, the second the day after the
    first across a month's end, joined by "and": one span, as "on 12 and 13 March" is."""
    if not (a.unit == b.unit == "day" and a.month and b.month and a.day and b.day):
        return False
    if a.year not in (None, b.year) or not _AND_ONLY.fullmatch(between):
        return False
    year = b.year or 2001  # (a year without 29 February when neither day states one)
    try:
        first, second = datetime.date(year, a.month, a.day), datetime.date(year, b.month, b.day)
    except ValueError:
        return False
    return second - first == datetime.timedelta(days=1)


def _range_start(name: str, end: DatePoint, written: str) -> DatePoint:
    """The first point of "1–3 March 2010", "March–May 2010" or "spring to fall of 2011": the
    end's month and year."""
    if name in ("dayrange", "dayrange_num"):
        return DatePoint("day", end.year, end.month, int(re.search(r"\d+", written).group(0)))
    if name == "isoweek":
        monday = datetime.date(end.year, end.month, end.day) - datetime.timedelta(days=6)
        return DatePoint("day", monday.year, monday.month, monday.day)
    if name == "seasonrange":
        first = re.search(_SEASON, written, re.I).group(0)
        return DatePoint("season", end.year, sub=SEASONS[first.lower()])
    first = MONTHS[re.match(rf"{_MONTH}", written, re.I).group(0).rstrip(".").lower()]
    # "December - July 2003": a start later in the year than the end is of the year before
    year = end.year - 1 if end.year and end.month and first > end.month else end.year
    return DatePoint("month", year, first)


def _range_fits(a: DatePoint, b: DatePoint) -> bool:
    """May `a` start a range that `b` ends? The start takes its year (and month) from the end."""
    if a.this_month or b.this_month:
        return False
    if b.year is None and a.year is None:
        return a.unit in ("day", "month") and b.unit in ("day", "month")
    if b.year is None:
        return False
    if a.year is None:
        # "this December to mid-January 2020": a start later in the year than the end is
        # of the year before
        later = a.month is not None and b.month is not None and a.month > b.month
        a.year = b.year - 1 if later else b.year
    if a.unit == "day" and a.month is None:
        return False
    return (a.first_day() or datetime.date.min) <= (b.last_day() or datetime.date.max)


def _qualify(mention: DateMention, text: str):
    before = text[max(0, mention.start - 40) : mention.start]
    modifier = _MODIFIER.search(before)
    if not modifier:
        return
    if modifier.group("approx"):
        if (
            modifier.group("approx").lower() == "c."
            and mention.first.unit == "day"
            and not text[: max(0, mention.start - 40) + modifier.start()].strip()
        ):
            return  # "c. 14 Oct to 30 Oct 2018 – Frame 2": the third item of a list, a. b. c.
        mention.qualifier = "approximate"
    else:
        word = modifier.group("mod").lower().split()[-1]
        mention.qualifier = _QUALIFIERS.get(word, "")
        if not mention.qualifier:
            return
    mention.start -= len(before) - modifier.start()


# ---------------------------------------------------------------------------------------
# Sentences and layouts

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:No|Nos|Nr|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Maj|Capt|Brig|Adm|Cdr|Sgt|St|Prof|Rev|Hon|Gov|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Okt|Dez|vs|etc|al|approx|ca|cf|Art|Res|"
    r"para|e\.g|i\.e|U\.S|U\.N|U\.K|E\.U|p|pp|Inc|Ltd|Co|EE|"
    # "Indicó el Sr. Borrell", "Mme. Dupont", "Hr. Müller": a title before a name
    r"Sr|Sra|Srta|Dra|Mme|Mlle|Hr|"
    # "die franz. Mission", "der dt. Botschafter": German short forms of nations' adjectives
    r"franz|frz|dt|engl|ital|russ|brit|amerik|österr|griech|türk|span|"
    # "(b. 10 October 1846; d. 25 March 1920)": born, died
    r"(?<!\w\.)b|(?<!\w\.)d|"
    # "founded c. 1908": circa ("c. 14 Oct to 30 Oct" opening its line: a list's third item)
    r"(?<=\w\s)c|"
    # "ILEA Budapest [est. 1995]": established, opening an aside
    r"(?<=[\[(])est)|\b[A-Z])\.$"
)


# "in Iraq.[3] In September": an encyclopaedia's citation marks end with the sentence, as a
# footnote's asterisk does ("in 1892 and 1907.* In 1908").
_SENTENCE_END = re.compile(r"[.!?;]['\"’”)]?(?:\[\d{1,3}\]|\*{1,3})*(?=\s+['\"“‘(]?[A-Z0-9À-ÖØ-Þ])")
_CITATION_MARKS_END = re.compile(r"(?:\[\d{1,3}\]|\*{1,3})+$")
_DAY_IN_FIGURES_END = re.compile(r"\b\d{1,2}\.$")
_GERMAN_MONTH_AFTER = re.compile(
    rf"\s+(?:{_MONTH}\b|(?:{_alternatives(_GERMAN_LONG_MONTHS)})(?-i:[a-zäöüß])"
    rf"|(?:{_alternatives(_GERMAN_SHORT_MONTHS)})\.\s+\d)",
    re.I,
)
_GERMAN_ORDINAL_END = re.compile(
    r"\b(?i:die|der|das|den|dem|des|am|im|zum|zur|vom|beim|seit|ab|bis)\s+\d{1,3}\.$"
)
_DAY_AND_MONTH_IN_FIGURES_END = re.compile(r"\b\d{1,2}\.\d{1,2}\.$")
_YEAR_AFTER_A_SPACE = re.compile(rf" {_YEAR}\b")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of text[start:end] as (start, end) offsets."""
    spans = []
    at = start
    for match in _SENTENCE_END.finditer(text[start:end]):
        stop = start + match.end()
        if match.group(0)[0] == ";":
            continue
        if _ABBREVIATIONS.search(_CITATION_MARKS_END.sub("", text[max(at, stop - 20) : stop])):
            continue
        if _DAY_IN_FIGURES_END.search(text[max(at, stop - 4) : stop]) and _GERMAN_MONTH_AFTER.match(
            text[stop : stop + 14]
        ):
            continue  # "am 3. März 2019", "am 23. Aprileine": a German day, no sentence's end
        if _DAY_AND_MONTH_IN_FIGURES_END.search(text, max(at, stop - 6), stop) and (
            _YEAR_AFTER_A_SPACE.match(text, stop)
        ):
            continue  # "am 6.2. 2020": a German day and month, then the year after a space
        if _GERMAN_ORDINAL_END.search(text[max(at, stop - 12) : stop]):
            continue  # "die 46. KW", "der 6. Einsatzkontingent", "Im 2. Halbjahr": an ordinal
        spans.append((at, stop))
        at = stop
        while at < end and text[at].isspace():
            at += 1
    if at < end:
        spans.append((at, end))
    spans = [(s, e) for s, e in spans if text[s:e].strip()]
    # A date standing alone after a sentence (a caption's "17 Jan 2010") dates that sentence;
    # a year opening a chronology's line ("1934. L'Armée de l'Air devient ...") the one after it.
    merged = []
    for s, e in spans:
        cited = _CITATION_OPENING.match(text, s, e) if merged else None
        if cited:
            # "... caballería. (Fernández, 1980), durante ...": a work cited after a full stop
            # belongs to the sentence it closes, whatever follows it
            merged[-1] = (merged[-1][0], cited.end())
            rest = cited.end()
            while rest < e and (text[rest].isspace() or text[rest] in ",;."):
                rest += 1
            if rest < e:
                merged.append((rest, e))
            continue
        if merged and (
            _DATE_ONLY.fullmatch(text[s:e].strip())
            or (len(merged) == 1 and _YEAR_LEAD.fullmatch(text[merged[0][0] : merged[0][1]]))
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


# An author and a year in brackets, its closing bracket cut off at most: "(Fernández, 1980)".
_CITATION_OPENING = re.compile(r"\((?-i:[A-ZÀ-Þ])[^()\d\n]{1,60},\s*(?:19|20)\d\d[a-z]?(?:\)|$)")
_DATE_ONLY = re.compile(rf"(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY},?)?\s*{_YEAR}\.?", re.I)


_YEAR_LEAD = re.compile(rf"[\s•·*▪◦‣–—-]*{_YEAR}(?:\s*[-–]\s*\d\d(?:\d\d)?)?\.\s*")
_BULLET = re.compile(r"^[\s•·*▪◦‣–—-]*")
_ITEM_BULLET = re.compile(r"\s*[•·*▪◦‣–-]\s+\D")  # "- juillet, ...", not "– 2004 –"
# ... or "- 1998India's nuclear tests": a year run into the item's entry
_RUN_IN_ITEM = re.compile(r"\s*[•·*▪◦‣-]\s+(?:19|20)\d\d(?-i:[A-Z][a-z])")


def _year_heading(text: str) -> int | None:
    match = re.fullmatch(rf"\s*(?:year\s+|in\s+)?({_YEAR})\s*:?\s*", text, re.I)
    return int(match.group(1)) if match else None


# ---------------------------------------------------------------------------------------
# Kinds and actors

KIND_TRIGGERS = [
    ("withdrawal", r"withdr[ae]w\w*|discontinu\w*|terminat\w*|ended|pull(?:ed|s)?\s+out|"
     r"drawdown|closed|retrait|Abzug|abgezogen|abzuziehen|retirada|concluded|Rückverlegung|"
     r"exit(?:ed|s)?|endet|enden|beendet\w*|finaliz(?:ación|ó|ará)"),
    ("suspension", r"suspend\w*|suspension|paus(?:e|ed|es)|put\s+on\s+hold|halt(?:ed|s)?|"
     r"suspendu\w*|ausgesetzt|aussetz\w*"),
    ("activation", r"activat\w*|became\s+operational|(?:initial|full|fully)\s+operational|"
     r"establish(?:es|ed|ing)?|establishment|set\s+up|inaugurat\w*|opens|opened|stood\s+up|création|créée?|eingerichtet|eröffne\w*"),
    ("deployment", r"deploy\w*|arriv\w+|entered(?!\s+into)|dispatch\w*|déploi\w*|entsandt|"
     r"despleg\w*|Verlegung"),
    ("launch", r"launch\w*|start(?:ed|s)?|began|begins?|commenc\w*|kick(?:ed)?\s*off|lance\w*|"
     r"lancée?s?|débuté?|gestartet|arran(?:c|qu)\w*|inici\w*|lanz[óa]\w*|(?:puesta?|puso|pusieron)\s+en\s+marcha"),
    ("expansion", r"expand\w*|expansion|extend\w*|extension|increas\w*|enlarg\w*|scal\w+\s+up|"
     r"renew\w*|prolong\w*|élarg\w*|prorr?og\w*|verlänger\w*|fortsetz\w*|fortgesetzt|ampli\w*"),
    ("request", r"request\w*|(?:asked|asks)\s+(?:for|NATO|the)|called\s+for|invit\w*|demande\w*|"
     r"Ersuchen|"
     r"solicit\w*"),
    ("agreement", r"signed|signs|sign|signature|agreement|accord|memorandum|MoU|treaty|"
     r"Abkommen|acuerdo|firm\w+"),
    ("approval", r"approv\w*|endors\w*|adopt\w*|authori[sz]\w*|ratif\w*|approuv\w*|approbation|"
     r"genehmig\w*|aprob\w*|passed\s+(?:a|its|the)\s+(?:[\w-]+\s+){0,3}resolution|green\s+light|"
     r"luz\s+verde|feu\s+vert|grünes\s+Licht|billigt\w*|gebilligt"),
    ("decision", r"decid\w*|decision|agree[ds]?|agreeing|resolv\w*|vote[ds]?|"
     r"announc\w*\s+(?:its|their|his|her)\s+(?:intention|decision)|décid\w*|beschlie\w*|"
     r"beschloss\w*|decidi\w*|acord[óa]\w*"),
    ("visit", r"visit\w*|tour(?:s|ed|ing)?|travel\w*\s+to|visite\w*|besuch\w*|visit[aó]\w*"),
    ("meeting", r"meet\w*|met|summit|conference|talks|consultations?|gathered|convened|"
     r"réunion|rencontr\w*|Treffen|reuni\w*|debattiert|debated?"),
]  # fmt: skip
_KIND_PATTERN = re.compile(
    "|".join(f"(?P<{kind}>\\b(?:{body})\\b)" for kind, body in KIND_TRIGGERS), re.I
)
# Words that name an event without being this one: "at the request of X, NATO agreed ..."
# (the request is X's, the event the agreement), "at the Summit in Warsaw, leaders decide",
# "the expanded assistance", "this agreement provided".
_NOT_A_TRIGGER = re.compile(
    r"\b(?:in\s+response\s+to|in\s+line\s+with|following|after|upon|on|at|to|with)\s+"
    r"(?:[\w’'-]+\s+){0,6}?requests?\b(?:\s+(?:of|from|by)\b)?"
    r"|\bat\s+(?:the\s+|their\s+|a\s+|its\s+)?(?:[\w’'-]+\s+){0,3}?(?:summit|meeting|conference)"
    r"(?:\s+meeting)?"
    r"|(?<!made\s)(?<!took\s)(?<!reached\s)(?<!announced\s)\b(?:the|a|an|this|that|its|their)\s+(?:expanded|"
    r"extended|increased|decision|agreement|request|extension)\b"
    r"|,\s+meeting\s+in\s+\w+|\bréunis\s+à"
    r"|\bbeginning\s+with\b",
    re.I,
)


# The words _NOT_A_TRIGGER turns on: a sentence without any is not searched with it.
_MAY_NOT_TRIGGER = re.compile(
    r"request|summit|meeting|conference|expanded|extended|increased|decision|agreement|"
    r"extension|beginning|réunis",
    re.I,
)


# "adopted a decision establishing ...": an act the Council decides, not an approval.
_ADOPTED_DECISION = re.compile(r"^\s*(?:(?:a|the|its|on)\s+)?(?:[\w-]+\s+){0,2}?decision\b", re.I)


def kind_of(clause: str, sentence: str = "") -> str:
    """The event's kind from the first trigger word of its clause (of its sentence when the
    clause has none: "in 2021 the ministers, and in 2023 the Council, agreed ..."), a
    visit outranking the meetings held during it; 'milestone' when none."""
    for text in (clause, sentence):
        cleaned = text
        if _MAY_NOT_TRIGGER.search(text):
            cleaned = _NOT_A_TRIGGER.sub(lambda m: " " * len(m.group(0)), text)
        found = list(_KIND_PATTERN.finditer(cleaned))
        if not found:
            continue
        kinds = [m.lastgroup for m in found]
        if kinds[0] == "approval" and _ADOPTED_DECISION.match(text[found[0].end() :]):
            return "decision"
        return "visit" if "visit" in kinds and kinds[0] == "meeting" else kinds[0]
    return "milestone"


# Offices a page names more often than their holders: (label, pattern).
OFFICES = [
    ("Secretary General",
     r"Secretary[- ]General|secrétaire\s+général|Generalsekretär|secretario\s+general"),
    ("SACEUR", r"SACEUR|Supreme\s+Allied\s+Commander\s+Europe"),
    ("NAC", r"North\s+Atlantic\s+Council|\bNAC\b"),
    ("Defence Ministers",
     r"(?:defen[cs]e|foreign\s+and\s+defen[cs]e)\s+ministers?|ministers?\s+of\s+defen[cs]e|"
     r"ministres\s+(?:européens\s+)?de\s+la\s+Défense|Verteidigungsminister\w*|"
     r"ministros\s+de\s+Defensa"),
    ("Foreign Ministers",
     r"foreign\s+ministers?|ministers?\s+of\s+foreign\s+affairs|ministres\s+des\s+Affaires\s+"
     r"étrangères|Außenminister\w*|ministros\s+de\s+(?:Asuntos\s+)?Exteriores"),
    ("Heads of State and Government",
     r"heads\s+of\s+state\s+and\s+government|Allied\s+leaders|NATO\s+leaders"),
    ("Council of the EU",
     r"Council\s+of\s+the\s+(?:European\s+Union|EU)|(?:EU|European\s+Union)\s+Council|"
     r"Foreign\s+Affairs\s+Council|Council\s+(?:Decision|agreement)|Conseil\s+de\s+l[’']Union\s+"
     r"[Ee]uropéenne|(?<=PESC\s)du\s+Conseil|Rat\s+der\s+Europäischen\s+Union|Consejo\s+de\s+la\s+"
     r"Unión\s+Europea"),
    ("UN Security Council", r"(?:UN|United\s+Nations)\s+Security\s+Council|Security\s+Council"),
    ("Prime Minister", r"Prime\s+Minister"),
    ("President", r"\bPresident\b"),
]  # fmt: skip


_WORD = re.compile(r"[\w/&-]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


# What pages in the reader's other languages call an organisation of the tables (by its
# short name) and the short forms English pages write for a nation (by its ISO code).
ORGANISATION_NAMES = {"NATO": ("OTAN",)}
NATION_SHORT_NAMES = {"GBR": ("UK", "U.K."), "USA": ("US", "U.S.", "USA")}
_READER_LANGUAGES = ("fr", "de", "es")


# German "Island" (Iceland) opens English sentences about islands.
_ENGLISH_WORDS = {"Island"}


@functools.cache
def _other_names(code: str) -> tuple[str, ...]:
    """A nation's names in French, German and Spanish (CLDR's, through Babel) and its short
    English forms: "Espagne", "Spanien", "España"; "UK"."""
    names = list(NATION_SHORT_NAMES.get(code, ()))
    alpha2 = (babel.core.get_global("territory_aliases").get(code) or [None])[0]
    if alpha2:
        for language in _READER_LANGUAGES:
            if name := babel.Locale(language).territories.get(alpha2):
                names.append(name)
    return tuple(n for n in dict.fromkeys(names) if n not in _ENGLISH_WORDS)


class ActorTable:
    """Names to look for, each with the label an actor is given: organisations (name and
    short name), nations, and the short list of offices.

    Names are looked up word by word in dictionaries (a name is its words, punctuation
    aside), so the tables may grow without slowing the reader: a regular expression of
    every name, tried at every position of every sentence, took most of a page's time.
    """

    def __init__(self, names: dict[str, tuple[str, str]], exact: dict[str, tuple[str, str]]):
        self.names = names  # lower-case words of a name -> (label, key)
        self.exact = exact  # an acronym's words as written -> (label, key)
        # For each first word, the lengths (in words) of the names it begins, longest first.
        self.lengths: dict[str, list[int]] = {}
        for name in [*names, *(e.lower() for e in exact)]:
            words = name.split()
            if words:
                self.lengths.setdefault(words[0], []).append(len(words))
        for lengths in self.lengths.values():
            lengths.sort(reverse=True)
        self.offices = re.compile(
            "|".join(f"(?P<o{i}>{pattern})" for i, (_, pattern) in enumerate(OFFICES)), re.I
        )

    @classmethod
    def build(cls, organisations=(), nations=()):
        """`organisations`: (key, name, short_name); `nations`: (code, name)."""
        names, exact = {}, {}
        for key, name, short in organisations:
            label = short or name
            names.setdefault(" ".join(_words(name.lower())), (label, key))
            if short and len(short) > 1:
                if short.upper() == short:
                    exact.setdefault(" ".join(_words(short)), (label, key))
                else:
                    names.setdefault(" ".join(_words(short.lower())), (label, key))
        for code, name in nations:
            names.setdefault(" ".join(_words(name.lower())), (name, code))
            for other in _other_names(code):  # as written: "Island" is Iceland, "island" not
                exact.setdefault(" ".join(_words(other)), (name, code))
        for label, others in ORGANISATION_NAMES.items():
            if found := exact.get(label) or names.get(label.lower()):
                for other in others:
                    exact.setdefault(" ".join(_words(other)), found)
        return cls(names, exact)

    def find(self, text: str) -> list[tuple[str, str]]:
        """(label, key) of each actor named in text, in order, each once; longer names first."""
        hits = []  # (start, -length, office?, label, key)
        words = list(_WORD.finditer(text))
        written = [w.group(0) for w in words]
        lowered = [w.lower() for w in written]
        for i, word in enumerate(lowered):
            for n in self.lengths.get(word, ()):
                if i + n > len(words):
                    continue
                found = self.names.get(" ".join(lowered[i : i + n])) or self.exact.get(
                    " ".join(written[i : i + n])
                )
                if found:
                    start, end = words[i].start(), words[i + n - 1].end()
                    if text.startswith("$", end):
                        break  # "US$1.2 billion": a currency, no nation acting
                    hits.append((start, start - end, 0, *found))
                    break
        for match in self.offices.finditer(text):
            label = OFFICES[int(match.lastgroup[1:])][0]
            # A record of the tables outranks an office of the same name (the NAC).
            hits.append((match.start(), -len(match.group(0)), 1, label, ""))
        hits.sort()
        seen, result, reached = set(), [], 0
        for start, length, _, label, key in hits:
            if start < reached:
                continue
            reached = start - length
            if label not in seen:
                seen.add(label)
                result.append((label, key))
        return result


# ---------------------------------------------------------------------------------------
# Candidates


@dataclass
class Candidate:
    edtf: str | None
    start: str | None
    end: str | None
    precision: str
    qualifier: str
    inferred_year: bool
    text: str
    span: tuple[int, int]
    summary: str
    kind: str
    actors: list[str]
    date_text: str = ""
    date_span: tuple[int, int] = (0, 0)
    relative: str = ""  # a relative date ("three weeks later") for the reviewer to resolve
    actor_keys: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        data = asdict(self)
        data["span"] = list(self.span)
        data["date_span"] = list(self.date_span)
        return data


_PREPOSITION = re.compile(
    r"(?:\b(?:on|in|at|by|from|since|during|as\s+of|until|till|of|around|about|le|en|am|im|"
    r"el|en\s+el|depuis|seit|desde)\s+(?:the\s+)?)$",
    re.I,
)
# "Last June, he went on ...": the word that points the date back or ahead goes with it.
_POINTER = re.compile(r"\b(?:last|next|this\s+past|this|past|coming)\s+$", re.I)


# What closes a dateline before its story: "(UPI) --", "(Korea Bizwire) –", ":".
_DATELINE_CLOSE = re.compile(
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[–—:-])\s*|\s*\([^()\n]{1,40}\)\s*"
)


def _dateline_opening(text: str, s: int, e: int, datelines: list[DateMention]) -> int:
    """How far the dateline that opens the sentence reaches ("DAR ES SALAAM, Dec. 30 -- "),
    as an offset into it; 0 when none does. The summary leaves it out, as it is the page's own
    date and not the event's."""
    for d in datelines:
        if s <= d.start < e and d.start - s <= 40 and "\n" not in text[s : d.start]:
            close = _DATELINE_CLOSE.match(text, d.end, e)
            if close:
                return close.end() - s
    return 0


def _summary(text: str, cut: list[tuple[int, int]]) -> str:
    """The sentence without its date phrases (and the preposition before each)."""
    pieces, at = [], 0
    for s, e in sorted(cut):
        head = text[at:s]
        if head.strip():
            head = _PREPOSITION.sub("", _POINTER.sub("", head.rstrip() + " ")).rstrip()
        pieces.append(head)
        at = e
    pieces.append(text[at:])
    summary = " ".join("".join(pieces).split())
    summary = re.sub(r"^[\s:,;–—-]+", "", summary)
    summary = re.sub(r"\s+([,.;:])", r"\1", summary)
    summary = re.sub(r",\s*,", ",", summary)
    summary = re.sub(r"^,\s*", "", summary)
    return summary[:1].upper() + summary[1:]


_CLAUSE_BREAK = re.compile(
    r";|,?\s+(?:and|while|but|whereas|before|after\s+which|et|und|y)\s+|,\s+"
)


def _clauses(sentence: str, mentions: list[DateMention], offset: int) -> list[tuple[int, int]]:
    """The clause of the sentence each date dates, as offsets into the sentence.

    "... established on 30 July and deployed on 7 August": the last break between two
    dates ends the first one's clause and opens the next one's.
    """
    starts, ends = [0], []
    for a, b in zip(mentions, mentions[1:], strict=False):
        gap_start, gap_end = a.end - offset, b.start - offset
        breaks = list(_CLAUSE_BREAK.finditer(sentence, gap_start, gap_end))
        if breaks:
            ends.append(breaks[-1].start())
            starts.append(breaks[-1].end())
        else:
            ends.append(gap_start)
            starts.append(gap_start)
    ends.append(len(sentence))
    return list(zip(starts, ends, strict=True))


def read_dates(
    page: Page,
    *,
    actors: ActorTable | None = None,
    reference_date: datetime.date | None = None,
) -> list[Candidate]:
    """The page's candidate events, in the order they appear."""
    text = page.text
    actors = actors or ActorTable.build()
    candidates: list[Candidate] = []
    context = _Context(reference_date.year if reference_date else None)
    context.reference = reference_date
    label = ""
    headline = _headline(page.title)
    # 'A. Writer et al., « <title> », A Journal', "Writer A (2013) <title>. J Res S11": how to
    # cite the page itself; "alexa <title>": the title after a badge's lower-case word
    cited_title = re.compile(
        r",\s*[«“\"]\s*" + re.escape(headline) + r"|\(\d{4}[a-z]?\)\.?\s+" + re.escape(headline)
    )
    badged_title = re.compile(r"[a-z]{2,12} " + re.escape(headline) + r"\W*")
    last_block = page.blocks[-1] if page.blocks else None
    related = False  # in the list of links under "Read also:"
    clock = False  # the line after a weather reading: the site's clock
    before_caption = None  # the context as it was before a photo's caption
    latin = _latin_share(text) > 0.5
    prose_seen = False  # a paragraph of the article read: the masthead is behind
    dated_links = _dated_links(page)
    headline_shown = False  # the page's title stood alone on a line of its text
    year_line: tuple[int, DateMention] | None = None  # the last year alone on its line
    # A chronology's years alone on their lines, two or more: each dates the entry below it
    # (one such line is a record's or a paper's year).
    years_alone = sum(bool(_year_heading(text[b.start : b.end])) for b in page.blocks) >= 2
    days_over_entries = _days_over_entries(page)
    for index, (prior, block) in enumerate(zip([None, *page.blocks], page.blocks, strict=False)):
        raw = text[block.start : block.end]
        if index in dated_links:
            continue
        if before_caption is not None:
            context, before_caption = before_caption, None
        if _PHOTO_CREDIT.search(raw) and not _PRESS_OFFICE_AND_PHOTOS.search(raw):
            # A photo's caption dates the photo: its year is not the story's. (Not a release's
            # dateline crediting the press office and its photos: "Warnemünde, 04.07.2005,
            # Pressestelle des Marineamtes/Fotos: ...".)
            before_caption = copy.copy(context)
        if _COMMENTS_LINE.fullmatch(raw):
            break
        if _WEATHER_READING.match(raw):
            clock = True
            continue
        if clock:
            # "27 C / Wednesday, December 1, 2021": the day the page was served, which need
            # not be the day it was written; no event, and no year to go by.
            clock = False
            if len(raw.split()) <= 6 and find_dates(raw):
                continue
            if len(raw.split()) <= 3 and not re.search(r"\d", raw):
                clock = True  # "19.4 C" / "Lima" / "sábado, noviembre 23, 2024": its place first
                continue
        if latin and _latin_share(raw) < 0.2:
            # A line in another script on a page in a Latin one: the site's furniture, its
            # date the page's own ("Хуучирсан мэдээ: 2016.01.28-нд нийтлэгдсэн").
            context.page_dates_in(raw)
            continue
        following = page.blocks[index + 1] if index + 1 < len(page.blocks) else None
        if related and (
            block.kind == "item"
            or _LIST_MARK.match(raw)
            or _listed_headline(raw)
            or _TEASER_CUT.search(raw)
            or _READ_MORE_LINE.fullmatch(raw)
            or _AGO_LINE.fullmatch(raw)  # "15 hours ago" under a teaser
            # a listed story's headline over its opening cut short ("... before Sinhala and…")
            or (following is not None and _TEASER_CUT.search(text, following.start, following.end))
            # a teaser cut short, its link to the rest on the next line
            or (
                following is not None
                and _READ_MORE_LINE.fullmatch(text, following.start, following.end)
            )
        ):
            # the related stories' headlines and bylines under "Related Posts", and their
            # openings cut short ("... against Benin…")
            continue
        related_label = bool(_RELATED_LABEL.match(raw))
        # ("Latest News" over the page's date line, the headline a few lines below: the site's
        # menu, not a list of other stories)
        related = related_label and not (
            headline
            and not headline_shown
            and not candidates
            and any(
                _plain(text[later.start : later.end]).startswith(headline)
                for later in page.blocks[index + 1 : index + 6]
            )
        )
        if related_label or _RELATED_LABEL_AND_LINK.match(raw):
            continue
        if _BREADCRUMB.fullmatch(raw):
            continue  # "Home News Stories 2005 November <title>": where the page sits
        if _READ_MORE_ELSEWHERE.match(raw):
            continue  # "You can read more about the Super Garuda Shield 2024 on the DVIDS website"
        if _FIRST_PUBLISHED.match(raw):
            context.page_dates_in(raw)  # when the text first appeared: its own date
            continue
        if _TRANSCRIPT_LINE.match(raw):
            # "Transcript of doorstop: Dili: Monday, 13 December 2010: [...]": when it was said
            context.page_dates_in(raw)
            continue
        labelled, label = _is_label(label), raw.strip()
        if _DATELESS_DATELINE.match(raw):
            context.heading(None)
        if headline and (posted := _day_before_title(raw, headline)):
            # "2014-02-27 <title>", "Journeys in Time 2010-08-18 <title>": the post's day, a
            # series' name at most before it, over the title: the page's own date
            context.page_date(posted)
            continue
        titled = raw[_BULLET.match(raw).end() :]  # "• <title>": a menu's item, the title
        plain_titled = _plain(titled) if headline else ""
        titled_again = bool(headline) and plain_titled.startswith(headline)
        rest = _after_words(titled, len(headline.split())) if titled_again else ""
        # "<title> are held every year. ...": the title's words are a sentence's subject; "<title>,"
        # / "siendo el primer envío de este tipo desde 2003.": the title is the first sentence's
        # opening, the rest of it below
        if (
            titled_again
            and not _SENTENCE_GOES_ON.match(rest)
            and not _TITLE_SENTENCE_AFTER_COMMA.match(plain_titled, len(headline))
        ):
            # The page's title again at the top of its text (a headline, perhaps run into its
            # publication line): no event, but the page's own dates in it count. When the
            # article runs on in the same block, only the title is passed over.
            glued = _glued_after_title(titled, headline)
            # (the headline shown above, the title again opening a paragraph, a full stop
            # after it: the story's first sentence, which tells an event)
            title_sentence = (
                headline_shown
                and bool(rest)
                and titled[: len(titled) - len(rest)].rstrip().endswith((".", "!", "?"))
            )
            if glued:
                rest = glued  # "... kicks off in KazakhstanToday “Steppe Eagle 2015” ..."
            elif len(rest) < _ARTICLE_AFTER_TITLE and not title_sentence:
                for m in find_dates(raw):
                    # "... officer academy 08 July 2011": a date closing the title is the page's.
                    closing = m.first.unit == "day" and not raw[m.end :].strip(" .")
                    # "... ont envoyé ce 25 avril 2021 leurs premiers vols ...": the day the
                    # headline calls today is the page's too
                    if m.dateline or closing or (m.first.unit == "day" and m.first.today):
                        context.page_date(m)
                # "<title> U.S. Army personnel arrive at ..., July 24, 2021.": a caption run
                # into the title, its photo's day closing it, tells an event too.
                if len(rest.split()) < 12 or not _CAPTION_DAY_CLOSING.search(rest):
                    headline_shown = True
                    continue
            if not title_sentence:
                block = Block(block.end - len(rest), block.end, block.kind)
                raw = rest
        if headline and cited_title.search(_plain(raw)):
            continue  # the page cited by its title
        if headline and re.match(r"\s*[a-z]", raw) and badged_title.fullmatch(_plain(raw)):
            continue  # the title after a badge's word
        if _keyword_line(raw) or _KEYWORDS_LABEL.match(raw):
            continue  # "Lithuani, Poland, Ukraine, ..., “Maple Arch 2017”, NATO, training"
        if _ARCHIVE_NOTICE.search(raw):
            continue  # "... print archive, before the start of online publication in 1996."
        if index in days_over_entries:
            # "9 mai 1945" / "Signature à Berlin ...": a chronology's day on its own line over
            # its entry dates the entry, as a year alone does
            day = days_over_entries[index]
            day.start += block.start
            day.end += block.start
            context.heading_of(day.first)
            year_line = (index, day)
            continue
        if index + 1 in days_over_entries and _period_heading(raw):
            continue  # "1945 - 1957 : Réarmement et construction ...": the entries' section
        heading_year = _year_heading(raw)
        if heading_year:
            context.heading(heading_year)
            found = find_dates(raw) if years_alone else []
            if len(found) == 1 and found[0].first.year == heading_year:
                found[0].start += block.start
                found[0].end += block.start
                year_line = (index, found[0])
            continue
        if block.kind == "title":
            continue
        if following and _subheading_told_below(raw, text[following.start : following.end]):
            continue  # "March 28 Conclave" over "... will be held on March 28."
        body_start = block.start + _BULLET.match(raw).end()
        item = bool(_ITEM_BULLET.match(raw) or _RUN_IN_ITEM.match(raw))
        mentions = find_dates(text[body_start : block.end], item)
        for m in mentions:
            m.start += body_start
            m.end += body_start
            if (
                m.dateline
                and m.start == body_start
                and m.first.unit == "year"
                and _in_chronology(text, prior, following)
            ):
                # "1934 - Straits Settlement Naval Volunteer Reserve" between other lines
                # opening with a year: a chronology's item, not a site's title bar
                m.dateline = False
            # A place and a date alone on a line: the page's date at its end, or under the
            # author's line before any event ("Autor: A. Writer" / "Hamburg, 23.11.2018");
            # under a name and an office, a statement's date.
            top = (
                m.placed
                and not candidates
                and prior is not None
                and (
                    bool(_AUTHOR_LINE.match(text[prior.start : prior.end]))
                    # "Prishtina, May 10, 2019" alone right under the headline
                    or (
                        not prose_seen
                        and (
                            prior.kind == "title"
                            or (
                                bool(headline)
                                and _plain(text[prior.start : prior.end]).startswith(headline)
                            )
                        )
                    )
                )
            )
            m.dateline = m.dateline or (
                m.place_and_date and (block is last_block or top) and not labelled
            )
            if not prose_seen and not candidates and m.start == body_start:
                m.dateline = m.dateline or _date_run_into_story(text, m)
        if (
            prior is not None
            and _ATTRIBUTION_DASH.match(raw)
            and _QUOTATION_BLOCK.fullmatch(text, prior.start, prior.end)
        ):
            # "“I feel the happiest when ...”" / "– President Mohammed Daud (July 30, 1973)":
            # who said the quotation above and when, an event; not a place and its dateline
            for m in mentions:
                m.dateline = False
        if not labelled and (
            _weekday_date_line(raw, mentions, text, body_start)
            or (not prose_seen and _masthead_date(raw, mentions, text, body_start))
            or (not prose_seen and _issue_over_byline(mentions, text, body_start))
            or (not prose_seen and _day_over_author(mentions, text, body_start))
        ):
            context.page_date(mentions[0])
            continue
        if _PROSE.search(raw) and len(raw.split()) >= 15:
            prose_seen = True
        # The page's own dates give their year to what follows them, not to what precedes.
        page_dates = [m for m in mentions if m.dateline]
        datelines = list(page_dates)
        mentions = [m for m in mentions if not m.dateline]
        while page_dates and (not mentions or page_dates[0].start < mentions[0].start):
            context.page_date(page_dates.pop(0))
        led = bool(mentions) and mentions[0].start == body_start
        led = led and _is_date_led(text, mentions[0], block)
        if (
            block.kind == "heading"
            or (
                not led
                and not labelled
                and not (block is last_block and _CUT_SENTENCE.match(raw))
                # an entry under its chronology's day or year, however short ("1913" / "Nace
                # aeronáutica militar, dos aviones")
                and index - 1 not in days_over_entries
                and not (years_alone and year_line and year_line[0] == index - 1)
                and _looks_like_heading(raw, block, mentions)
            )
            or _repeats_own_day(raw, mentions, context.own_date, text, block.end)
            or (not prose_seen and _days_over_a_title(raw, mentions, text, following))
        ):
            if len(mentions) == 1 and not mentions[0].is_range and mentions[0].first.year:
                if mentions[0].first.unit == "day" and not candidates:
                    context.page_date(mentions[0])  # the page's date, under its title
                else:
                    context.heading_of(mentions[0].first)
            continue
        spans = sentences(text, body_start, block.end)
        if (
            spans
            and prior is not None
            and mentions
            and mentions[0].start == body_start
            and re.fullmatch(r"[ \t]*\n[ \t]*", text[prior.end : body_start])
            and _CUT_AT_DATE.search(text, prior.start, prior.end)
        ):
            # "... a crisis that has persisted since" / "2012.": a stored copy's line broken
            # inside the sentence, before its date; the sentence is read whole.
            spans[0] = (sentences(text, prior.start, prior.end)[-1][0], spans[0][1])
        lead = None
        if not led and not labelled and year_line and year_line[0] == index - 1 and spans:
            # "1902" / "Das Deutsche Reich richtet eine Botschaft in Bolivien ein.": a
            # chronology's year on its own line over its entry, which states no date of its
            # own: the year dates the entry, up to its first sentence with a date.
            stop = _first_dated_sentence(spans, mentions, -1, block.end)
            entry = text[body_start:stop].rstrip()
            if entry:
                candidates.append(
                    _candidate(
                        text,
                        year_line[1],
                        (body_start, body_start + len(entry)),
                        _summary(entry, []),
                        entry,
                        actors,
                    )
                )
        if led:
            # The lead date dates the line up to the first later sentence with a date of its
            # own; other dates inside that stretch are events of their own clauses.
            lead = mentions[0]
            context.fill(lead)
            stop = _first_dated_sentence(spans, mentions[1:], lead.end, block.end)
            lead_text = text[body_start:stop].rstrip()
            summary = _summary(lead_text, [(0, lead.end - body_start)])
            candidates.append(
                _candidate(
                    text,
                    lead,
                    (body_start, body_start + len(lead_text)),
                    summary,
                    lead_text,
                    actors,
                )
            )
        for s, e in spans:
            inside = [m for m in mentions if s <= m.start < e]
            sentence = text[s:e]
            # "... deployed on 2 May and began three weeks later": the reviewer gives the date.
            found = [
                relative
                for relative in _RELATIVE.finditer(sentence)
                if not any(
                    m.start < s + relative.end() and s + relative.start() < m.end for m in inside
                )
            ]
            opening = _dateline_opening(text, s, e, datelines)
            relatives = [_relative_candidate(text, s, e, r, actors, opening) for r in found]
            # "Three years later, ...": what follows is no longer in the year last stated.
            moves = [
                s + r.end()
                for r in found
                if r.group("em", "es", "fr", "de", "pm") != (None,) * 5
                and not _month_on(r, context)
            ]
            presents = [s + p.end() for p in _TO_THE_PRESENT.finditer(sentence)]
            # "This year, two courses are held": told from the page's year too, which a year
            # stated before ("Im Sommer 2011 ...") is not.
            presents += [s + p.end() for p in _THIS_YEAR_SAID.finditer(sentence)]
            clauses = _clauses(sentence, inside, s) if inside else []
            for m, (cs, ce) in zip(inside, clauses, strict=True):
                if moves and moves[0] <= m.start:
                    moves = []
                    context.heading(None)
                if presents and presents[0] <= m.start:
                    # "For the past five years, ...": what follows is told from the page's day
                    presents = []
                    context.heading(context.page_year)
                if m is lead:
                    continue
                while page_dates and page_dates[0].start < m.start:
                    context.page_date(page_dates.pop(0))
                context.fill(m, text, block=block.start, sentence=s, sentence_end=e)
                if m.first.unit == "day" and m.first.month is None:
                    continue  # "the 15th of this month" on a page that gives no date of its own
                named = m.last or m.first
                if named.unit in ("day", "month") and named.month:
                    context.named_month = _NamedMonth(
                        block.start, named.month, named.year, named.day or 0, named.weekday
                    )
                if (
                    m.first.unit == "season"
                    and m.first.last
                    and m.first.year is None
                    and not re.search(r"\bpast\s+$", text[max(0, m.start - 6) : m.start], re.I)
                ):
                    # "last summer" on a page that gives no date of its own: relative; "this past
                    # summer" names the season for the reviewer to date, as "last October" does
                    continue
                clause = sentence[cs:ce]
                cut = [(m.start - s - cs, m.end - s - cs)]
                if cs < opening <= m.start - s:
                    cut.append((0, opening - cs))
                summary = _summary(clause, cut)
                candidates.append(_candidate(text, m, (s, e), summary, clause, actors))
            if moves:
                context.heading(None)
            if presents:
                context.heading(context.page_year)
            candidates.extend(relatives)
    return candidates


# "A month later", "un mois plus tard", "un mes después": one month on.
_ONE_MONTH_LATER = re.compile(
    r"(?:a|an|one|un|une)\s+(?:month|mois|mes)\s+(?:later|after(?:wards)?|plus\s+tard|après|"
    r"después|más\s+tarde)",
    re.I,
)


def _month_on(relative: re.Match, context: "_Context") -> bool:
    """Is `relative` one month on from a month or a day stated before December ("En août
    1916 ... Un mois plus tard ... En octobre")? What follows is still in that year."""
    if not _ONE_MONTH_LATER.fullmatch(relative.group(0)) or context.year is None:
        return False
    if context.stated_unit == "month" and context.stated_month_end:
        month = context.stated_month_end.month
    elif context.stated_unit == "day" and context.stated_day:
        month = context.stated_day.day.month
    else:
        return False
    return month < 12


def _subheading_told_below(raw: str, below: str) -> bool:
    """Is `raw` a subheading whose days the paragraph under it tells again ("What Mogadishu
    approved on 28 August" over "... approved ... on 28 August 2025.")? A heading names no
    event; the paragraph does."""
    if not _HEADLINE_LIKE.fullmatch(raw):
        return False
    mentions = find_dates(raw)
    if mentions and all(m.first.unit == "year" and m.last is None for m in mentions):
        # "Press Briefing Held for ... Gönyeli-2023 Search and Rescue Exercise" over a
        # paragraph that names "Gönyeli-2023" again: a name's year, the name told below
        named = [re.search(r"[\w-]+[\s-]*$", raw[: m.start]) for m in mentions]
        return all(
            name and name.group() + raw[m.start : m.end] in below
            for name, m in zip(named, mentions, strict=True)
        )
    if len(raw.split()) > 8:
        return False
    # yearless days only, and words beside them: a date line ("Saturday, December 15, 2007",
    # "10.27.2016") is the page's own date, read as such
    if not mentions or any(m.first.unit != "day" or m.first.year for m in mentions):
        return False
    words = re.sub(
        r"\b(?:" + _WEEKDAY + r")\b",
        "",
        raw[: mentions[0].start] + raw[mentions[-1].end :],
        flags=re.I,
    )
    if not re.search(r"[^\W\d]{3}", words):
        return False
    days = {(m.first.month, m.first.day) for m in mentions}
    told = {(m.first.month, m.first.day) for m in find_dates(below) if m.first.unit == "day"}
    return days <= told


_PRESS_OFFICE_AND_PHOTOS = re.compile(r",\s*" + _PRESS_OFFICE + r"\b[^\n]*(?-i:Fotos?|Photos?)\b")
# A caption closing with its photo's credit: "(REUTERS Photo)", "Photo: AFP".
_PHOTO_CREDIT = re.compile(
    # (the opening bracket may be lost: "... (Navy photo) Officers at a drill Navy photo)")
    r"(?:\(|(?<=\s))(?:[\w.&/-]+\s+){0,3}(?:photo|foto|image)s?(?:\s*:[^()]*)?\)\s*$"
    r"|\b(?:photo|foto)s?\s*(?::|by|courtesy(?:\s+of)?)\s*[^.!?\n]{1,60}\.?$"
    # "- photo by Capt. A. Writer/U.S. Army Africa": the credit's abbreviations
    r"|\s[-–—]\s*(?:photo|foto)s?\s+(?:by|courtesy(?:\s+of)?)\s+[^!?\n]{1,60}$"
    # "... en octobre 2014. Fadel Senna/AFP": the photographer and the agency
    r"|(?-i:\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s*/\s*(?-i:AFP|Reuters|AP|EPA|Getty\s+Images|"
    r"dpa|ANSA|Anadolu|Xinhua|SIPA|MAXPPP|Sputnik|TASS)\s*$"
    # "... May 25, 2017. REUTERS/A. Photographer TPX IMAGES OF THE DAY": the agency first
    r"|(?-i:\b(?:REUTERS|Reuters|AFP|AP|EPA|Getty\s+Images|Xinhua))\s*/\s*(?-i:[A-Z])[^/\n]{1,80}$"
    # "... July 31, 2019. (Whitney Houston/U.S. Army)": the photographer and the service
    r"|\.\s+\((?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*/\s*(?-i:[A-Z])[^()/\n]{1,40}\)\s*$",
    re.I,
)
# An author's line: "Autor: A. Writer; Fotos: B. Writer", "By A. Writer".
_AUTHOR_LINE = re.compile(r"^\W*(?:autor|author|auteur|by|von|par|por|text|texte|texto)\b", re.I)
# A weather widget's reading on its own line: "27 C", "18°C", "Clear 64 °F".
_WEATHER_READING = re.compile(r"^\s*(?:[^\W\d]+\s+)?-?\d{1,3}(?:[.,]\d)?\s*(?:°\s*[CF]?|[CF])\s*$")


_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"(?=[\x00-\u024f])[^\W\d_]")


def _latin_share(text: str) -> float:
    """The share of the letters in `text` that are of the Latin script."""
    if text.isascii():
        return 1.0
    letters = len(_LETTER.findall(text))
    return len(_LATIN_LETTER.findall(text)) / letters if letters else 1.0


# A caption's closing: ", July 24, 2021.", ", 24 July 2021."
_CAPTION_DAY_CLOSING = re.compile(
    r",\s*(?:" + _MONTH + r")\.?\s+\d{1,2},?\s+(?:19|20)\d\d\.\s*$"
    r"|,\s*\d{1,2}\.?\s+(?:" + _MONTH + r")\.?\s+(?:19|20)\d\d\.\s*$",
    re.I,
)
# Text after a repeated title this long is the article, run into the title's block.
_ARTICLE_AFTER_TITLE = 200
# After the title's words, a comma and a word that goes on with them (not a byline's "by").
_TITLE_SENTENCE_AFTER_COMMA = re.compile(r"\s*,\s+(?!(?:by|par|por|von)\b)[a-zà-ÿ]{3,}")


# After the title's words, a verb that goes on with them: "... Druzhba (friendship) are held".
_SENTENCE_GOES_ON = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|must|should)\s+[a-z]"
)


def _after_words(text: str, count: int) -> str:
    """`text` after its first `count` words."""
    words = list(re.finditer(r"\S+", text))
    return text[words[count - 1].end() :].lstrip() if len(words) > count else ""


# A labelled line of a post's or a review's keywords: "Descriptors: Volume 2019, 20th Century".
_KEYWORDS_LABEL = re.compile(
    r"\W*(?:descriptors|keywords|key\s+words|tags|mots[- ]cl[ée]s|palabras\s+clave|"
    r"schlagw(?:ö|oe)rter)\s*:",
    re.I,
)
# A newspaper archive's note on its scanned articles, the year its site went online.
_ARCHIVE_NOTICE = re.compile(r"\bdigiti[sz]ed\s+version\s+of\s+an\s+article\b", re.I)


def _keyword_line(raw: str) -> bool:
    """A line of a post's keywords or tags, with no label: six or more short items between
    commas, no sentence, at most one of them with a number (a name's year)."""
    items = raw.strip().split(",")
    if len(items) < 6 or re.search(r"[.;:!?]\s*$", raw):
        return False
    if any(not 1 <= len(item.split()) <= 4 for item in items):
        return False
    return sum(bool(re.search(r"\d", item)) for item in items) <= 1


def _glued_after_title(raw: str, headline: str) -> str:
    """The article run into the title with no space between (the title's last word glued to
    the article's first, "KazakhstanToday"), from that first word on; else empty."""
    title_words = headline.split()
    words = list(re.finditer(r"\S+", raw))
    if len(words) <= len(title_words):
        return ""
    last, word = title_words[-1], words[len(title_words) - 1]
    if not _plain(word.group()).startswith(last) or len(word.group()) == len(last):
        return ""
    cut = word.start() + len(last)
    # "... in Kazakhstani" is a longer word, not two: the article's word starts with a capital
    return raw[cut:] if raw[cut].isupper() else ""


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[’‘`´]", "'", text).lower().split())


def _headline(title: str) -> str:
    """The page's title without the site's name after a dash or bar, as `_plain` writes it;
    empty when too short to know a headline by."""
    # ("..., 2003 - 2011": a span of years closing the title is no site's name)
    core = re.split(r"\s+[-–—|]\s+(?=(?!\d{4}\s*$)[^-–—|]{1,40}$)", title.strip())[0]
    core = _plain(core)
    if len(core) < 24:
        # "Celebration of June 14 - the Day of the Military Academy": too short before its
        # dash, the whole title is the headline
        core = _plain(title.strip())
    return core if len(core) >= 24 else ""


def _day_before_title(raw: str, headline: str) -> DateMention | None:
    """A line's one full day, at most four words before it and the page's title alone after."""
    if len(raw) > len(headline) + 60 or headline[:20] not in _plain(raw):
        return None  # (most lines: no date is looked for)
    mentions = find_dates(raw)
    if len(mentions) != 1:
        return None
    m = mentions[0]
    if m.is_range or m.first.unit != "day" or m.first.year is None:
        return None
    before, after = raw[: m.start], _plain(raw[m.end :].strip(" -–—|:"))
    if len(before.split()) > 4 or re.search(r"[.!?:;]", before):
        return None
    return m if after.startswith(headline) and len(after) - len(headline) < 12 else None


# "Read also:", "Also Read:", "Lire également :", "Siehe auch": other pages' titles follow,
# whose dates date no event of this one.
_RELATED = (
    r"\W*(?:(?:also\s+)?read(?:\s+(?:also|more))?|see\s+also|related(?:\s+(?:articles?|stories|news|posts|links))?|"
    r"more\s+on\s+this(?:\s+topic)?|this\s+relates\s+to|(?:à\s+)?lire\s+(?:aussi|également)|voir\s+aussi|"
    # a site's lists of its other stories: "Latest", "Most Read"
    r"latest(?:\s+(?:news|stories|posts))?|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|"
    r"recent\s+(?:posts|news|stories|articles)|"
    # an author box's list: "Latest posts by X (see all)", "Les derniers articles par X (tout voir)"
    r"(?:the\s+)?latest\s+posts\s+by\s+[^()\n]{1,40}\(see\s+all\)|"
    r"(?:les\s+)?derniers\s+articles\s+par\s+[^()\n]{1,40}\(tout\s+voir\)|"
    r"sur\s+le\s+même\s+sujet|siehe\s+auch|lesen\s+sie\s+auch|mehr\s+zum\s+thema|"
    r"lea\s+también|ver\s+también|noticias\s+relacionadas|art[íi]culos\s+relacionados|"
    # "You may be interested", "Vous aimerez aussi", "También te puede interesar"
    r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested(?:\s+in)?)|"
    r"vous\s+(?:aimerez|pourriez)\s+(?:aussi|également)(?:\s+aimer)?|(?:también\s+)?te\s+puede\s+interesar|"
    r"das\s+könnte\s+sie\s+auch\s+interessieren)\s*"
)
# "Anteriormente publicado en la revista ...", "Originally published in ...": where and when
# the text appeared before, not an event of it.
_FIRST_PUBLISHED = re.compile(
    r"\W*(?:(?:this|the)\s+(?:op-ed|article|piece|post|essay|column|text|story)\s+"
    r"(?:is\s+|was\s+|has\s+)?(?:(?:previously|originally|first)\s+appeared)|"
    # "This article was digested from the original, published in THE REPORTER, 12 January 1967"
    r"(?:this|the)\s+(?:article|piece|essay|text|story)\s+(?:is|was|has\s+been)\s+"
    r"(?:digested|adapted|excerpted|abridged|condensed|reprinted)\s+from|"
    r"(?:previously|originally|first)\s+published|anteriormente\s+publicad[oa]|"
    r"publicad[oa]\s+(?:originalmente|anteriormente|por\s+primera\s+vez)|"
    r"(?:initialement|précédemment|d['’]abord)\s+publiée?|"
    r"publiée?\s+(?:initialement|précédemment|d['’]abord)|(?:zuerst|ursprünglich)\s+erschienen|"
    # "Ponencia presentada por A. Writer en el seminario ..., el 23 de octubre de 2008": the
    # talk the text was first given as
    r"(?:ponencia|comunicación)\s+presentada|paper\s+presented|communication\s+présentée)\b",
    re.I,
)
# Where the story is told at more length, on another site: the line points there, it tells
# nothing ("You can read more about X on the DVIDS website", "Pour en savoir plus sur X, voir le
# site du ministère").
_READ_MORE_ELSEWHERE = re.compile(
    r"\W*(?:(?:you\s+can|to)\s+)?(?:read|find\s+out|learn)\s+more\s+(?:about|on)\s+[^\n]{1,120}?"
    r"\s+(?:on|at|in)\s+(?:the\s+)?[^\n]{0,60}?\b(?:website|web\s+site|site|page|blog)\b"
    r"|\W*pour\s+en\s+savoir\s+plus\b[^.\n]{0,120}?\b(?:site|page)\b",
    re.I,
)
_TRANSCRIPT_LINE = re.compile(
    r"\W*(?:transcript|transcription|transcripción)(?:\s+(?:of|de|du|des|del)\b|\s*:)", re.I
)
# A line that ends on the word that leads into a date: "... has persisted since".
_CUT_AT_DATE = re.compile(r"\b(?:since|from|until|till|depuis|desde|hasta|seit)[ \t]*$")
# A site's trail to the page, its sections and perhaps its year and month: "Home News
# Stories 2005 November The Iraqi Training Initiative", "Accueil > Actualités > 2019".
_BREADCRUMB = re.compile(
    r"\s*(?-i:Home|Accueil|Inicio|Startseite)(?:\s*[>›»/|:]\s*|\s+)(?-i:[A-Z0-9])"
    r"(?:[^.!?\n]|\.(?=\S)){0,150}"
    # "... original format Forum > The Interwar Period (1920-1940) > French Military Mission?!"
    r"|[^>\n]{0,80}\b(?-i:Forums?|Board\s+index)\s*[>›»]\s*[^>\n]{1,80}(?:[>›»][^>\n]{1,80})+"
)
_TEASER_CUT = re.compile(r"(?:…|\.\.\.)\s*$")
# A quotation's speaker on the line under it, after a dash, and the quotation alone on its line.
_ATTRIBUTION_DASH = re.compile(r"\s*[–—―]\s*(?-i:[A-ZÀ-Þ])")
_QUOTATION_BLOCK = re.compile(r"\s*[“\"«„][^\n]+[”\"»“]\s*")
_HEADLINE_LIKE = re.compile(r"\s*(?:\S+\s+){0,15}\S*[^\s.!?:;,\"”»)]\s*")
_QUESTION_HEADLINE = re.compile(r"\s*(?:\S+\s+){1,15}\S*\?\s*")


def _listed_headline(raw: str) -> bool:
    """A headline in a list of other stories: short and closed by no mark of a sentence's end,
    or asking its question ("... - What Options Does the Philippines Have?"), or long with its
    words capitalised ("Australia's Adelaide-class Frigates: Best and Last Chance for ...")."""
    if _HEADLINE_LIKE.fullmatch(raw) or _QUESTION_HEADLINE.fullmatch(raw):
        return True
    words = re.findall(r"[^\W\d]{4,}", raw)
    if not 8 <= len(words) <= 30 or raw.rstrip().endswith("."):
        return False
    return sum(word[0].isupper() for word in words) >= 0.8 * len(words)


_RELATED_LABEL = re.compile(_RELATED + r"(?::|…|\.\.\.)?\s*$", re.I)
# "15 hours ago": how long ago a listed story was posted.
_AGO_LINE = re.compile(r"\s*\d{1,2}\s+(?:minutes?|hours?|days?|weeks?)\s+ago\s*", re.I)
# "… Read More »" under a teaser: the link to the rest of it.
_READ_MORE_LINE = re.compile(
    r"\W*(?:read\s+more|continue\s+reading|lire\s+la\s+suite|leer\s+más|weiterlesen)\W*", re.I
)
# "7.07.08: Colombia Hostage Rescue ...": a site's list of its posts, each under its day with a
# year in two figures; a chronology writes its years in full.
# "Jun 23, 2023Brand new light trail ...": a scraper's list of posts, each title glued to its day.
_DATED_LINK = re.compile(
    r"\s*\d{1,2}\.\d{1,2}\.\d\d:\s+\S"
    r"|\s*(?-i:[A-Z][a-z]{2})\s+\d{1,2},\s+(?:19|20)\d\d(?-i:[A-Z])[a-z]"
)


def _dated_links(page: Page) -> set[int]:
    """The blocks of runs of three or more dated links."""
    links, run = set(), []
    for index, block in enumerate([*page.blocks, None]):
        if block is not None and _DATED_LINK.match(page.text, block.start, block.end):
            run.append(index)
            continue
        if len(run) >= 3:
            links.update(run)
        run = []
    return links


# A blog post's comment count or form under it: the post is over, the blog's sidebar follows
# ("No comments:" / "Tsunami memories: What happened in ... in 2004.").
_COMMENTS_LINE = re.compile(r"\s*(?:no|\d+)\s+comments?:\s*|\s*post\s+a\s+comment\s*", re.I)
# ("See also  Indian Air Force lost ... since 2015": the link's title after a run of spaces)
_RELATED_LABEL_AND_LINK = re.compile(_RELATED + r"(?::\s*|[ \t]{2,})\S", re.I)
_LIST_MARK = re.compile(r"^\s*[-•·*▪◦‣–—]\s")


# "MOSCOW (Agency) - In April, ...": a dateline with no date, opening a paragraph.
_DATELESS_DATELINE = re.compile(
    r"^\W*[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,30}(?:,\s*[A-Z][\w .'’-]{1,30})?\s*\([^()\d]{1,40}\)\s*[-–—]\s"
)


# A fact box's labels, then their values: "Starting Date:" ... "15 June 2007". A date alone
# on the line after a label is the value of a label, an event; "Date:" or "Published:" alone
# label the page's own date.
_PAGE_DATE_LABEL = re.compile(
    r"^\W*(?:date|datum|fecha|fait\s+le"
    # "Document Creation Date:" / "December 21, 2016": a record's own dates, each under its label
    r"|(?:document\s+)?(?:creation|release|publication|revision|upload)\s+date)\W*$",
    re.I,
)


def _is_label(line: str) -> bool:
    return (
        # ("Evaluation Date" / "May 2012": a record's field named by its last word, no colon)
        (line.endswith(":") or bool(re.fullmatch(r"(?:[A-Z][a-z]+\s+){1,3}Dates?", line)))
        and len(line.split()) <= 6
        and not _PAGE_DATE_LABEL.match(line)
        and not _METADATA_BEFORE.search(line)
    )


# A sentence's end after a word, as a paragraph of the article has.
_PROSE = re.compile(r"[^\W\d][)»”\"']?[.!?](?:\s|$)")
# What marks a line as a site's furniture: a weekday, a clock, a separator.
# (an Indonesian site's weekday: "Selasa, 18 Oktober 2016")
_FURNITURE_MARK = re.compile(
    r"\b(?:"
    + _WEEKDAY
    + r"|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b|\b\d{1,2}[:h]\d\d\b|[|·•]",
    re.I,
)


_FIGURES_DAY = re.compile(r"\d{1,2}([-./])\d{1,2}\1\d{4}")
# A sentence of ten words at least, no mark before it: "06-02-2014 After the redeployment of".
_STORY_RUN_ON = re.compile(r" (?-i:[A-Z][a-z]+) (?:\S+ ){8}")


def _date_run_into_story(text: str, mention: DateMention) -> bool:
    """A day in figures opening the first paragraph, the story run on after a space ("06-02-2014
    After the redeployment of its forces, NATO ..."): the site's date of the story, not an
    event, which a date-led item would mark with a colon or a dash."""
    return bool(
        mention.last is None
        and mention.first.unit == "day"
        and mention.first.year
        and _FIGURES_DAY.fullmatch(text, mention.start, mention.end)
        and _STORY_RUN_ON.match(text, mention.end)
    )


def _weekday_date_line(raw: str, mentions: list[DateMention], text: str, start: int) -> bool:
    """A line of a weekday and a full date alone, a full stop at most after it ("Friday,
    24.11.2023."): the page's own date wherever it stands, even under a standfirst."""
    if len(mentions) != 1 or mentions[0].is_range:
        return False
    m = mentions[0]
    if m.first.unit != "day" or not m.first.year:
        return False
    lead = text[start : m.start]
    weekday = _WEEKDAY_FIRST.match(lead)
    return bool(weekday) and weekday.end() == len(lead) and _stop_at_most_after(raw, m, text, start)


_BYLINE_BELOW = re.compile(r"\s*\n\s*(?:by|par|von|por)\s+(?-i:[A-Z])", re.I)
_AUTHOR_BELOW = re.compile(
    r"\n\s*(?:autor|author|auteur|by|von|par|por)\s*:?\s+(?-i:[A-ZÀ-Þ])", re.I
)


def _day_over_author(mentions: list[DateMention], text: str, start: int) -> bool:
    """A day opening its line, a word or two at most after it (the post's tag), over the
    author's line ("2012-07-25 iraq" / "Author: A. Writer"): the page's own date."""
    if len(mentions) != 1 or mentions[0].is_range or mentions[0].start != start:
        return False
    m = mentions[0]
    line_end = len(text) if (n := text.find("\n", m.end)) < 0 else n
    return (
        m.first.unit == "day"
        and bool(m.first.year)
        and len(text[m.end : line_end].split()) <= 2
        and bool(_AUTHOR_BELOW.match(text, line_end))
    )


def _issue_over_byline(mentions: list[DateMention], text: str, start: int) -> bool:
    """A month and year alone on their line over the byline ("August 2004" / "by PA1 Matthew
    Belson"): the magazine issue's date, the page's own, not an event."""
    if len(mentions) != 1 or mentions[0].is_range:
        return False
    m, line_end = mentions[0], text.find("\n", start)
    return (
        m.first.unit == "month"
        and bool(m.first.year)
        and line_end > 0
        and not text[start : m.start].strip()
        and not text[m.end : line_end].strip()
        and bool(_BYLINE_BELOW.match(text, line_end))
    )


def _stop_at_most_after(raw: str, mention: DateMention, text: str, start: int) -> bool:
    """Does the date end its line (`raw`, from `start` in `text`), a full stop at most after it?"""
    return not text[mention.end : start + len(raw.rstrip())].strip(" .")


def _masthead_date(raw: str, mentions: list[DateMention], text: str, start: int) -> bool:
    """A short line above the article's first paragraph holding one full date, a weekday, a
    clock or a separator (or over a line with a clock), and no sentence: the site's date or the
    story's ("Jueves, 29 de agosto de 2013 a las 07:30 pm", "Nyheter · 07.04.2022 · Skrevet av
    Ola"). The page's own date, not an event."""
    if len(mentions) != 1 or len(raw.split()) > 12:
        return False
    m = mentions[0]
    # ("Friday, 24.11.2023.": a full stop right after the date closes no sentence)
    if re.search(r"[.!?]\W*$", raw) and not _stop_at_most_after(raw, m, text, start):
        return False
    if m.is_range or m.first.unit != "day" or not m.first.year:
        return False
    line_end = text.find("\n", start)
    # "Ecuador, 19 de Marzo de 2024" over "Ecuador Continental: 12:34" is marked by its clock
    clock_below = line_end >= 0 and _CLOCK_NEXT_LINE.match(text, line_end)
    if not _FURNITURE_MARK.search(raw) and not clock_below:
        return False
    before = _WEEKDAY_FIRST.sub("", text[start : m.start])
    after = text[m.end : start + len(raw.rstrip())]
    lead = _WEEKDAY_BEFORE.sub("", before)
    # "The council met on Monday, July 29, 2013": a sentence without its full stop
    if len(re.findall(r"(?-i:\b[a-zà-ÿ]{2,})", lead)) >= 2:
        return False
    if _PREPOSITION_BEFORE.search(lead):
        return False  # "BG Willer am 15.10.24 beim Vortrag": a caption's sentence
    # "16 December 2004: the Council approves ...": a date-led item tells an event.
    return bool(before.strip()) or len(re.findall(r"[^\W\d]{3,}", after)) < 3


_PREPOSITION_BEFORE = re.compile(
    r"(?-i:\b(?:on|in|at|since|from|until|am|im|seit|vom|bis|le|au|en|depuis|el|desde|hasta))"
    r"\s+$"
)


def _overlap(mention: DateMention, start: int, end: int) -> bool:
    return mention.start < end and start < mention.end


def _days_over_a_title(
    raw: str, mentions: list[DateMention], text: str, following: Block | None
) -> bool:
    """A span of days alone on its line before any prose, a short title line under it ("29 y
    30 de Junio de 2007" over "Con su Homólogo Alexander Lukashenko"): the page's heading, the
    days told again below."""
    if len(mentions) != 1 or following is None:
        return False
    span = mentions[0]
    if not (span.is_range and span.first.unit == "day" and span.first.year):
        return False
    if raw.strip(" \t.") != text[span.start : span.end].strip():
        return False
    title = text[following.start : following.end].strip()
    if not 0 < len(title.split()) <= 8 or re.search(r"[.!?,]$|[:;|]|\d", title):
        return False
    first = span.first
    below = find_dates(text[following.end : following.end + 1500])
    return any((m.first.month, m.first.day) == (first.month, first.day) for m in below)


def _looks_like_heading(raw: str, block: Block, mentions: list[DateMention]) -> bool:
    """A line of a text page that names a section: short, with no sentence's end, and no
    day or month it dates (unless it is that date alone: a dateline)."""
    words = raw.split()
    capitals = block.kind == "line" and len(words) >= 4 and not re.search(r"[a-zß-ÿ]", raw)
    if capitals and (len(words) <= 20 or "|" in raw):
        # "VISITE DE TRAVAIL DU GENERAL ..., 27-30 NOVEMBRE 2016.": a headline; "COURSE OF LIFE |
        # ... | REGENT 1918-1919 | ...": a site's menu. A photo agency's caption in capitals
        # runs longer, with no bars, and tells its event.
        return True
    if block.kind != "line" or len(words) > 10 or re.search(r"[.!?:;]\s*$", raw):
        return False
    if len(words) >= 4 and raw.rstrip().endswith(","):
        # "Modernisierung der Marinebasis Apapa (ca. 1985-88),": a list's item ("August 21,"
        # over its year, a record's '"title": "RAS-1978",': a date line, a field)
        return False
    if _SENTENCE_OPENING.match(raw):
        return False  # "Since 2010, Beijing ha": a sentence cut short, not a heading
    if _CUT_AFTER_A_WORD.search(raw):
        return False  # "... was disbanded in 2009, an": a stored copy cut inside a sentence
    dated = [m for m in mentions if m.first.unit in ("day", "month")]
    # A date alone on its line, a weekday before it at most ("Tue 12 Feb 2013").
    rest = _WEEKDAY_FIRST.sub("", _BULLET.sub("", raw).strip())
    # "in February 2019", "on February 2019" alone on a line: a site's stamp, as bare
    rest = _PREPOSITION_ONLY_FIRST.sub("", rest)
    alone = len(mentions) == 1 and mentions[0].end - mentions[0].start >= len(rest) - 1
    fact = mentions and (
        _FACT_MARK.match(raw) or _FACT_LABEL.match(raw) or _PERIOD_LABEL.match(raw)
    )
    if fact and (not alone or mentions[0].is_range):
        return False  # "• Founded in 2002", "Laufzeit: 2013 bis 2018": a fact box's item
    if alone and mentions[0].is_range and mentions[0].first.unit == "day":
        return False  # "15-Oct-98 / 20-Nov-98": a table's cell, the days something lasted
    return not dated or alone


# A date after its preposition, then a comma and more words: a sentence's opening.
def _repeats_own_day(
    raw: str, mentions: list[DateMention], own: datetime.date | None, text: str, end: int
) -> bool:
    """A short line closed by the page's own day under its date line ("Good News from Iraq:
    15 Dec 2007" under "Saturday, December 15, 2007"): the post's title, dated again."""
    if own is None or len(mentions) != 1 or len(raw.split()) > 10:
        return False
    m = mentions[0]
    return (
        not m.is_range
        and m.first.unit == "day"
        and m.first.year is not None
        and m.start_date == own
        and not text[m.end : end].strip(" .")
    )


# The text's last line, which heads nothing below it, begun as a sentence is ("He also stated
# that later 2025, the cooperation b"): a stored copy cut short, not a heading.
# ("KMS Ltd was founded in 1974 by a": a name of two or three capitalised words first)
# ("Bose war 1941 auf abenteuerlichen Wegen nach Deutsch": a year after the verb)
_CUT_SENTENCE = re.compile(
    r"^\W*(?-i:[A-ZÀ-Þ][\w'’]*)(?:\s+(?-i:[A-ZÀ-Þ][\w'’.]*)){0,2}"
    # ("Desde que en 2013 comenzó la misión": the year after two words)
    r"(?:\s+(?-i:[a-zß-ÿ][\w'’]*)){1,2}(?:\s+(?:19|20)\d\d)?(?:\s+(?-i:[a-zß-ÿ][\w'’]*)){2}"
)
# A line that stops on a word no heading ends with, after a comma: a sentence cut short.
_CUT_AFTER_A_WORD = re.compile(
    r",\s+(?:\w+\s+)*(?-i:a|an|the|and|or|of|to|which|who|that|le|la|les|et|der|die|das|und|el|y)$"
)
# ("First held in 2015, AUSINDEX has", "Im Jahr 2024 gab es": a verb or a clause after it;
# "Jusqu’en 1988, ce dernier": a word elided before the preposition)
_SENTENCE_OPENING = re.compile(
    r"^\W*(?:[^\W\d]+(?:\s+|['’])){0,3}?(?:since|in|from|seit|im|depuis|en|desde)\s+(?:\w+\s+){0,2}?"
    # ("La dernière édition en 2013 s’était tenue en Mauritanie": an elided pronoun first)
    r"(?:19|20)\d\d(?:\s*,\s*\w+|\s+(?!(?:and|und|et|y|or|to|bis|au|a)\b)"
    r"(?-i:(?:[lsdnm]['’])?[a-zäöüßéèê]{2,})\b)",
    re.I,
)
# A bullet that marks a list's item, not a dash that may set off a heading ("– 2004 –"); a
# short label and its colon before the value.
_FACT_MARK = re.compile(r"^\s*[•·▪◦‣]")
_FACT_LABEL = re.compile(r"^\s*[^\W\d][^\W\d\s]*(?:\s+[^\W\d]+){0,2}:\s+\S")
# A table's label with no colon, or run into its value: "Period3 December, 2013 - 18 March".
_PERIOD_LABEL = re.compile(r"^\W*(?:period|période|período|periodo|zeitraum)(?![^\W\d])", re.I)


_PREPOSITION_ONLY_FIRST = re.compile(r"^(?:in|on)\s+(?=\S+\s+\d{4}$)", re.I)
_WEEKDAY_FIRST = re.compile(
    r"^\W*(?:" + _WEEKDAY + r"|tues|thurs|" + _WEEKDAY_SHORT + r")\.?(?:\s*,)?\s+"
    # "Mi, 11. Dez. 2019": German's two letters, capitalised, a comma and the day after
    r"|^\W*(?-i:Mo|Di|Mi|Do|Fr|Sa|So)\.?,\s+(?=\d)",
    re.I,
)


class _NamedMonth(NamedTuple):
    """The last month a day or a month of prose named."""

    block: int  # its paragraph's offset
    month: int
    year: int | None
    day: int  # 0 for a month
    weekday: int | None  # the day's, if told


class _StatedDay(NamedTuple):
    """A full day stated in prose: the paragraph and the sentence it was stated in."""

    block: int
    sentence: int
    day: datetime.date
    # named with its weekday ("le vendredi 12 novembre 2021"): a day of the news told, not a
    # day of history ("lanzada el 20 de marzo de 2003")
    weekday: bool = False
    end: int = -1  # where it ends in the text
    start: int = -1  # where it starts


def _year_beside(point: DatePoint, day: datetime.date, *, after: bool) -> int:
    """The year of the first such date as `point` after `day`, or of the last one before it."""
    if after:
        return day.year if replace(point, year=day.year).last_day() >= day else day.year + 1
    return day.year if replace(point, year=day.year).first_day() <= day else day.year - 1


class _Context:
    """The year a date without one takes: the year heading's, or the last one stated.

    A year stated in prose is weaker than one a heading, a date-led line or a dateline
    gives: a date written without a year does not take it when that would put the date
    after the end the year was stated for ("until May 2019" ... "end of November"), or when
    the page's own date says another year and the prose year was only mentioned in passing
    in an earlier paragraph ("their defeat in December 2017" ... "on December 27" in a page
    dated 2020), or when the year was stated as the start of what still goes on ("since
    October 2018": the page is written later). Such a date keeps no year (XXXX): the
    reviewer gives it. "The last 31 January" takes its year from the reference date only.
    """

    def __init__(self, fallback: int | None):
        self.year = None
        self.fallback = fallback
        # The page's own year: the reference date's, a dateline's, a date line opening it.
        self.page_year = fallback
        self.prose = False  # the year was stated in a sentence, not by a heading or lead
        self.block = -1  # the block the prose year was stated in
        self.sentence = -1  # ... and the sentence
        self.opening = False  # ... and it opened its sentence ("In 2004, ...")
        # ... as the year of a coming thing's name ("celebrarán la competencia Fuerzas Comando
        # 2023"): the year the later days of that thing are in
        self.ahead = False
        self.limit: datetime.date | None = None  # ... as an end ("until May 2019")
        self.since = False  # ... as the start of what still goes on ("since October 2018")
        # The latest year a day or month was dated in so far: a page that has dated something
        # in 2025 and then mentions a bare 2022 in passing is not written in 2022.
        self.latest: int | None = None
        # What the context year was stated with: a year alone, a month, a day ...
        self.stated_unit = ""
        self.reference: datetime.date | None = None
        # The page's own date (a dateline's, a date line's): the reference date when the
        # user gave none, for "this year" and "the last 12 October".
        self.own_date: datetime.date | None = None
        # The days a range closing the page's title spans ("... desminado humanitario. 15-26 de
        # noviembre de 2021"): the period the page tells of, written during or after it.
        self.own_period: tuple[datetime.date, datetime.date] | None = None
        # The days the page has dated with their year: the same day named again without it
        # ("una estancia del 15 de febrero al 16 de abril de 2026 ... llegarán el 15 de
        # febrero") is that day.
        self.days: dict[tuple[int, int], int] = {}
        # The days prose told without a year, no year found for them: told again later, they
        # are the same day, still of no year ("last August 9" ... "the August 9 test-firing").
        self.yearless_days: set[tuple[int, int]] = set()
        # ... and the months ("Im Januar lieferte Luxemburg ..." ... "Bereits im Januar"), but
        # for a month prose has since stated with its year
        self.yearless_months: set[int] = set()
        self.months_with_year: set[int] = set()
        # The last full day stated in prose.
        self.stated_day: _StatedDay | None = None
        # The last day of the month the context year was stated with, when it was a month
        # told in prose: "flew in February 2025 ... will last until the end of March".
        self.stated_month_end: datetime.date | None = None
        # where the stated date's span began ("From late April through May 2015": April)
        self.stated_from: datetime.date | None = None
        # The page's year named in its text ("y este 2025 se convierte en ..."), when no date
        # of its own gives it: the year of the days it says are yet to come.
        self.named_year: int | None = None
        self.named_month: _NamedMonth | None = None
        # The month and year of the heading above ("April 2018" / "... on 13 April"): a day of
        # that month is of its year, whatever year prose stated in between.
        self.heading_month: tuple[int, int] | None = None

    def page_date(self, mention: DateMention):
        if mention.first.year:
            if mention.updated and self.own_date is not None:
                return  # "23.10.2018 | Stand 31.07.2023": the day the page gave stands
            self.heading(mention.first.year)
            if mention.updated:
                return
            self.page_year = mention.first.year
            if not mention.is_range and mention.first.unit == "day":
                self.own_date = mention.start_date
            elif mention.is_range and mention.first.unit == "day" and mention.has_year:
                self.own_period = (mention.start_date, mention.end_date)

    def page_dates_in(self, line: str):
        """Every full day of a line of the site's furniture is the page's own date."""
        for m in find_dates(line):
            if m.first.unit == "day" and m.first.year and not m.is_range:
                self.page_date(m)

    def _told_before(self, point: DatePoint) -> int | None:
        """The year a day of this month and number was told with before, if any."""
        return self.days.get((point.month, point.day)) if point.unit == "day" else None

    def heading(self, year: int | None):
        """The year what follows is in; None after a dateline without a date, which opens
        the article proper: years stated above it (a repeated lead, a teaser) no longer date
        what follows."""
        self.year, self.prose, self.limit = year, False, None
        self.heading_month = None

    def heading_of(self, point: DatePoint):
        """A heading's date: its year dates what follows; a month heading's ("April 2018") also
        gives its year to the days of that month below it."""
        self.heading(point.year)
        if point.unit == "month":
            self.heading_month = (point.month, point.year)

    def fill(
        self,
        mention: DateMention,
        text: str = "",
        *,
        block: int = -1,
        sentence: int = -1,
        sentence_end: int = -1,
    ):
        """Give `mention` the context year where it has none; take its own year as the
        context's. `block` and the sentence's offsets are given for a date in prose."""
        if mention.last is not None and mention.first.year is None and mention.last.year is None:
            # A range's start takes its year from its end ("du 15 au 26 avril dernier").
            end = DateMention(mention.start, mention.end, mention.last)
            self.fill(end, text, block=block, sentence=sentence, sentence_end=sentence_end)
            own = self.own_date
            if mention.last.year is None and own and mention.first.month and mention.last.month:
                # "from 20 January till 15 February" under "31 January, 2013": a period
                # running over the page's own day is of the page's year
                first = replace(mention.first, year=own.year).first_day()
                if first <= own <= replace(mention.last, year=own.year).last_day():
                    mention.last.year, mention.last.inferred_year = own.year, True
            told = self._told_before(mention.first)
            if told and self._told_before(mention.last) == told:
                # "du 21 avril au 15 mai" after "depuis le 21 Avril 2015 ... jusqu'au 15 mai
                # 2015": the same two days, each told with its year before
                mention.last.year, mention.last.inferred_year = told, True
            mention.first.year = mention.last.year
            mention.first.inferred_year = mention.last.inferred_year
            first = mention.first
            last = mention.last
            if (
                first.year
                and first.month
                and last.month
                and (first.month, first.day or 0) > (last.month, last.day or 32)
            ):
                # "du 15 décembre au 10 janvier dernier", "between September and January":
                # the range runs over the new year; a year counted from the page's own date is
                # the end's, a year the story told of is the start's
                if last.last or last.last_year or last.next or last.this_year:
                    first.year -= 1
                else:
                    last.year += 1
            if (
                first.weekday is not None
                and first.inferred_year
                and not (first.year and _fits_weekday(first, first.year))
            ):
                # "du dimanche 24 au jeudi 28 octobre": the start's weekday picks the year, as
                # for a day alone
                first.year = mention.last.year = self._year_of_weekday(first)
            return
        for point in (mention.first, mention.last):
            if point is None:
                continue
            if point.year is None:
                if point.last_year:
                    # "in November last year": the year before the page's own, when it gives
                    # one; a year stated in the text is not the page's.
                    reference = self.reference or self.own_date
                    if reference:
                        point.year = reference.year + (1 if point.next_year else -1)
                        point.inferred_year = True
                    if sentence >= 0:
                        self._told_from_its_day(point.year, block, sentence)
                    continue
                if point.month_named:
                    named = self.named_month
                    # a day before the one named is not in its month: "left on the 2nd"
                    # (or the paragraph before, when nothing stands between: "departed on
                    # September 13 ..." / "They arrived in Cairns on the 20th")
                    adjacent = (
                        named is not None
                        and named.day  # (a month alone there dates no day here)
                        and 0 <= named.block < block
                        and not text[text.find("\n", named.block) : block].strip()
                    )
                    if named and (named.block == block >= 0 or adjacent) and point.day > named.day:
                        point.month, year = named.month, named.year
                    elif (
                        named
                        and None not in (point.weekday, named.weekday)
                        and 0 < abs(point.day - named.day) < 7
                        and (point.day - named.day - point.weekday + named.weekday) % 7 == 0
                    ):
                        # "el domingo 26 de julio ... este pasado sábado (25)": a day of the
                        # same week, its weekday the named day's count of days away
                        point.month, year = named.month, named.year
                    else:
                        year = None
                elif point.this_month:
                    reference = self.reference or self.own_date
                    point.month = reference.month if reference else None
                    year = reference.year if reference else None
                elif point.same_year:
                    year = self.year
                elif point.that_year:
                    # the year told before it; not the page's own, which it looks back from
                    year = self.year if self.prose or self.year != self.page_year else None
                elif point.year_apart:
                    year = None
                elif point.last and point.unit == "season":
                    # "since last autumn": only the page's own date gives its year
                    year = self._beside_reference(point, after=False)
                elif point.last:
                    year = self._beside_reference(point, after=False)
                    stated = self.stated_day
                    if (
                        year is None
                        and stated
                        and stated.block == block >= 0
                        and stated.sentence == sentence
                    ):
                        # "Le 20 juin 2024, l'ambassadrice ... arrivée en avril dernier": the
                        # last such date before the day its sentence stated; a day of another
                        # sentence may be the end of what it tells ("jusqu'au 19 septembre")
                        year = _year_beside(point, stated.day, after=False)
                    if year is None and self.own_period and point.unit == "day":
                        # "15-26 de noviembre de 2021" closing the title ... "El pasado 15 de
                        # noviembre": a day of the period the page's title dates is of its year
                        first, last = self.own_period
                        within = _year_beside(point, last, after=False)
                        if replace(point, year=within).first_day() >= first:
                            year = within
                    if year is None and sentence >= 0:
                        # "during the EURONAVAL 2018 Exhibition held in Paris last October"
                        year = _year_of_a_name_before(text, sentence, mention.start)
                elif point.next:
                    year = self._beside_reference(point, after=True)
                    stated = self.stated_day
                    if year is None and stated and stated.block == block >= 0 and stated.weekday:
                        # "arrivé vendredi 12 novembre 2021 ... jusqu'au 20 novembre prochain":
                        # the first such date after the day the paragraph stated with its
                        # weekday, the day the news is told from
                        year = _year_beside(point, stated.day, after=True)
                    if year is None:
                        # "de s'en tenir à la date du 30 juin 2024" ... "le 30 juin prochain": the
                        # same day, told with its year before
                        year = self._told_before(point)
                    if year is None and sentence >= 0:
                        # "Lors du salon ... Paris Bourget 2023, ... du 19 au 25 juin prochain":
                        # the year of the name its sentence dates it by, as for "last"
                        year = _year_of_a_name_before(text, sentence, mention.start)
                elif point.this_year:
                    # "ce 14-Juillet" after "ce défilé du 14 juillet 2023", under "16 mai 2024":
                    # the day the page has dated, named again
                    year = self._told_before(point) or self._this_year()
                    if year is None and sentence >= 0:
                        # "exercise Southern Accord 2024, which takes place from 5-16 August
                        # this year": on a page with no year of its own, its name's year
                        year = _year_of_a_name_before(text, sentence, mention.start, months=False)
                else:
                    # A yearless date in a sentence about what is yet to come, where the
                    # year was stated elsewhere in prose (or nowhere): the first such date
                    # after the page's own, when the page gives it; else no year.
                    future = (
                        # a year a "since" opened dates nothing later, in this sentence too
                        (not self.year or self.since or (self.prose and sentence != self.sentence))
                        and sentence >= 0
                        and _about_the_future(text[sentence:sentence_end])
                        and not _PAST_VERB_BEFORE.search(
                            text[max(0, mention.start - 30) : mention.start]
                        )
                        and not (
                            _OPENS_SENTENCE.match(text[sentence : mention.start])
                            and _PAST_VERB_AFTER.match(text[mention.end : mention.end + 40])
                        )
                        and not (
                            _SET_OFF_BEFORE.search(text[max(0, mention.start - 8) : mention.start])
                            and _SET_OFF_PAST_VERB.match(text[mention.end : mention.end + 12])
                        )
                    )
                    if future and (self.reference or self.own_date):
                        year = self._beside_reference(point, after=True)
                    elif future and self.named_year:
                        year = self.named_year
                    elif future and (
                        named := _year_of_a_name_before(text, sentence, mention.start)
                    ):
                        # "are to hold the 2021 Indestructible Brotherhood exercise ... on
                        # November 8-12": the year of the coming thing its sentence names
                        year = named
                    elif (
                        not self.prose
                        and self.own_date
                        and self.year == self.own_date.year
                        and sentence >= 0
                        and replace(point, year=self.year).first_day() > self.own_date
                        and (
                            _HELD_IN_THE_PAST.search(text[sentence:sentence_end])
                            or (
                                _PAST_VERB_IN_BEFORE.search(
                                    text[max(0, mention.start - 30) : mention.start]
                                )
                                # ("will be launched in December": yet to come)
                                and not _about_the_future(text[sentence:sentence_end])
                            )
                            # "Im Herbst hatte die Regierung die Mission beschlossen" under
                            # "Beitrag vom 11.03.2024": told as done before, in the pluperfect
                            or _told_in_the_pluperfect(text, sentence, mention.start)
                            or _PLUPERFECT_AFTER.match(text, mention.end)
                        )
                    ):
                        # "Du 5 au 16 décembre a eu lieu ..." under "8 janvier 2006", "who
                        # announced in August" under "July 10, 2007": held before the page was
                        # written, in a year it does not state
                        year = None
                    elif (
                        not self.prose
                        and self.own_date
                        and self.year == self.own_date.year
                        and sentence >= 0
                        and replace(point, year=self.year).last_day() < self.own_date
                        and _PLANNED_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
                    ):
                        # "the first sail is planned for May" under "03 November 2011": yet to
                        # come when the page was written, in a year it does not state
                        year = None
                    elif sentence >= 0 and _THIS_YEAR_SAID.search(text[sentence:sentence_end]):
                        # "This year, the ceremony would be held in April": the page's year,
                        # which a year stated in prose elsewhere is not; "scheduled this year
                        # Exercise Iron Wolf 2017 will run from June 12": the year of the coming
                        # thing's name in the sentence, when the page gives none
                        year = self._this_year() or (
                            self.year if self.ahead and self.sentence == sentence else None
                        )
                    else:
                        after_since = bool(
                            _SINCE_BEFORE.search(text[max(0, mention.start - 25) : mention.start])
                        )
                        year = self._year_for(point, block, sentence, future, after_since)
                        if self.heading_month and self.heading_month[0] == point.month:
                            year = self.heading_month[1]
                        named = None
                        if (
                            not future
                            and sentence >= 0
                            and (self.year is None or year != self.year)
                        ):
                            # (a name's year only changes a year that is not the one stated)
                            named = _year_of_a_name_before(
                                text, sentence, mention.start, months=False
                            )
                        if named and self.year in (None, named):
                            # "The “Joint Strike-2016” training got underway on May 21" under
                            # a page of 2021: the year of the name its sentence dates it by
                            year = named
                        own = self.reference or self.own_date
                        if after_since and own:
                            in_own_year = replace(point, year=own.year).first_day() <= own
                            if year == own.year and not in_own_year:
                                # "since December" on a page of September: a December before
                                # it, of a year the page does not state
                                year = None
                            elif year is None and in_own_year:
                                # "who since March have already defused ..." under "10
                                # December, 2022", after "by the spring of 2023": the page's
                                # own year's March
                                year = own.year
                        elif (
                            year is None
                            and self.since
                            and own
                            and replace(point, year=own.year).first_day() > own
                            and _LIMIT_BEFORE.search(
                                text[max(0, mention.start - 30) : mention.start]
                            )
                        ):
                            # "worth $440 million since 2004, was extended until August" under
                            # "March 15, 2010": the end the page looks ahead to, in its own year
                            year = own.year
                        stated = self.stated_day
                        if year and stated and sentence >= 0 and stated.day.year == year:
                            dated = replace(point, year=year)
                            same_sentence = (stated.block, stated.sentence) == (block, sentence)
                            pluperfect = _told_in_the_pluperfect(text, sentence, mention.start)
                            # "ce mercredi 10 avril 2023" ... "une délégation s'était rendue à
                            # Niamey en décembre": told as before that day, so not in its year
                            # (not "had arrived on 12 July 2018 and completed her refit on 14
                            # November": that day told in the same pluperfect)
                            told_before = (
                                dated.first_day() > stated.day
                                and pluperfect
                                and not (
                                    same_sentence
                                    and _told_in_the_pluperfect(text, sentence, stated.start)
                                )
                            )
                            # "Llegué el 10 de diciembre de 2021 y he regresado el 10 de junio":
                            # told as after that day, so not in its year, and the next is not said
                            told_after = (
                                point.unit == "day"
                                and same_sentence
                                and dated.last_day() < stated.day
                                and _AND_THEN.fullmatch(text[stated.end : mention.start])
                                and not pluperfect
                            )
                            if told_before or told_after:
                                year = None
                    if not year:
                        year = self._told_before(point)
                if point.weekday is not None and not (year and _fits_weekday(point, year)):
                    # "Monday, March 18" in a year where it is a Friday
                    year = self._year_of_weekday(point)
                if point.unit == "day" and sentence >= 0 and mention.last is None:
                    day = (point.month, point.day)
                    if year and day in self.yearless_days and day not in self.days:
                        year = None
                    elif not year:
                        self.yearless_days.add(day)
                if point.unit == "month" and sentence >= 0 and mention.last is None:
                    stated = self.stated_day.day if self.stated_day else None
                    if (
                        year
                        and point.month in self.yearless_months - self.months_with_year
                        and self.prose
                        and stated
                        and stated.year == year
                        and point.month < stated.month
                    ):
                        # (a month before the day stated last in prose: that year's, or the
                        # next's, which the page has not said)
                        year = None
                    elif not year:
                        self.yearless_months.add(point.month)
                if year:
                    point.year = year
                    point.inferred_year = True
                if sentence >= 0 and (point.last or point.next or point.this_year):
                    self._told_from_its_day(year, block, sentence)
                continue
            if point.unit in ("decade", "century"):
                continue  # "since the fifties" dates no yearless day after it
            if point.today:
                self.own_date, self.page_year = point.first_day(), point.year
            if point.this_named_year:
                self.named_year = point.year
            if point.unit in ("day", "month"):
                self.latest = max(self.latest or point.year, point.year)
                if not point.inferred_year and sentence >= 0:
                    self.months_with_year.add(point.month)
            if point.unit == "day" and not point.inferred_year and sentence >= 0:
                self.days[(point.month, point.day)] = point.year
                weekday = _weekday_before(text, mention.start)
                self.stated_day = _StatedDay(
                    block, sentence, point.first_day(), bool(weekday), mention.end, mention.start
                )
            if point.unit == "year" and _year_in_passing(text, mention):
                continue
            if (
                self.opening
                and sentence >= 0
                and (self.block, self.sentence) == (block, sentence)
                and self.year is not None
                and point.year < self.year
            ):
                # "In April 2023, ... the Strategy formulated at the end of 2022": the date that
                # opened the sentence is its time; an earlier year later in it is an aside
                continue
            self.year = point.year
            self.stated_unit = point.unit
            self.prose = sentence >= 0
            self.stated_month_end = point.last_day() if point.unit == "month" else None
            self.stated_from = (mention.first if mention.first.year else point).first_day()
            if self.prose:
                self.block, self.sentence = block, sentence
                self.ahead = (
                    point.unit == "year"
                    and bool(
                        _NAME_BEFORE_YEAR.search(text, max(0, mention.start - 40), mention.start)
                    )
                    and sentence_end > sentence
                    and _about_the_future(text[sentence:sentence_end])
                )
                self.opening = bool(_OPENS_SENTENCE.match(text[sentence : mention.start]))
                # "until May 2019" ends a period the page looks ahead to; the end of a range
                # ("De janvier à mars 2017") is a past period a later month follows on from.
                ends = _UNTIL_BEFORE.search(text[max(0, mention.start - 30) : mention.start])
                self.limit = point.last_day() if ends else None
                before = text[max(0, mention.start - 25) : mention.start]
                self.since = bool(
                    _SINCE_BEFORE.search(before)
                    or _SINCE_IN_CLAUSE.search(text[sentence : mention.start])
                ) or (mention.last is None and bool(_FROM_BEFORE.search(before)))
        if (
            sentence >= 0
            and mention.last is not None
            and mention.first.unit == mention.last.unit == "year"
            and mention.last.year > mention.first.year
            and not _year_in_passing(text, mention)
            and re.fullmatch(r"\d{4}\s*[-–/]\s*\d{2,4}", text[mention.start : mention.end])
        ):
            # "the Programme for Defence 2021-2026 ... At the end of March": which of the
            # years, the page does not say ("from 2015 to 2017" ends in 2017: it still dates).
            self.year = None

    def _told_from_its_day(self, year: int | None, block: int, sentence: int):
        """ "since the coup in Niger last July", "in September last year": the story is told
        from its own day; a year stated before no longer dates what follows, the year this
        date was given (or none) does. One the page gives no day to count from is no day to
        tell the story from: a year that opened a sentence of its paragraph ("From late April
        through May 2015, ... extended last December") still dates what follows."""
        if year is None and self.year and self.prose and self.opening and self.block == block:
            return
        self.year, self.prose, self.limit, self.since = year, True, None, False
        self.block, self.sentence, self.opening = block, sentence, False

    def _year_for(
        self,
        point: DatePoint,
        block: int,
        sentence: int = -1,
        future: bool = False,
        after_since: bool = False,
    ) -> int | None:
        if not self.year:
            return self.fallback
        if not self.prose:
            return self.year
        if future and not self.ahead:
            stated = self.stated_day
            if (
                self.stated_unit == "day"
                and stated
                and stated.day.year == self.year
                and replace(point, year=self.year).first_day() > stated.day
            ):
                return self.year
            if (
                self.stated_month_end  # set only when the year was stated with a month
                and not self.limit  # "stays until May 2019. In November it will be reviewed"
                and block == self.block
                and replace(point, year=self.year).first_day() > self.stated_month_end
            ):
                return self.year  # "in February 2025 ... will last until the end of March"
            return None  # "officers will serve there from October": after the page, not in 2009
        if self.limit and self.page_year and self.page_year < self.year:
            own = self.own_date
            if (
                block != self.block
                and own
                and own.year == self.page_year
                and replace(point, year=own.year).last_day() <= own
            ):
                # "to 120 by 2022" ... in another paragraph "organised for 5 November" under
                # "November 5, 2020": the page's own year
                return own.year
            return None  # "the withdrawal by the end of 2012 announced on 6 July", in 2011
        if self.limit and replace(point, year=self.year).first_day() > self.limit:
            return None
        if self.since:
            # "Since spring 2006 ..." then "on September 18" under "September 19, 2006": the
            # page's own year, when the date begins before the page's own day in it (its month
            # too: "dans le courant du mois de mars" under "03 mars 09"); else none
            own = self.own_date
            if own and replace(point, year=own.year).first_day() <= own:
                return own.year
            return None
        passing = block != self.block and not self.opening
        own = self.own_date
        # In passing: in an earlier paragraph, or, under the page's own date, at the end of a
        # sentence of this one ("... des attaques en Tunisie en 2015. ... le 19 février"); or,
        # paragraphs after a year that opened its sentence a year or two before the page's own
        # ("But in 2020 I left ..." ... "when Russia invaded Ukraine in January" under "August
        # 7, 2022": the story has come back to the page's year; not "in 1941" under "2020").
        aside = (
            passing
            or (own is not None and not self.opening)
            or (own is not None and block > self.block and self.year < own.year <= self.year + 2)
        )
        if aside and self.page_year and self.page_year != self.year:
            # The page's own year, when the date falls in it before the page's own day
            # ("from January to mid-June" under "July 23, 2019"); else, in passing, none, and
            # in this paragraph the year it stated ("lost its last town in 2017. On December
            # 27" under a page of February 2020).
            if own and own.year == self.page_year:
                dated = replace(point, year=own.year)
                if dated.last_day() <= own:
                    return own.year
            if passing:
                return None
        day_told = self.stated_unit == "day" or bool(
            # "released on May 18, 2024, the “Grassland Partner-2024” training": its day too
            self.stated_day
            and self.stated_day.block == self.block
            and self.stated_day.day.year == self.year
        )
        if passing and not self.page_year and not day_told and not (self.limit or self.ahead):
            # A year or month told in passing in an earlier paragraph ("“Slavic Brotherhood –
            # 2017” has started" ... "between June 6 and 11th") on a page that gives no date of
            # its own: not the year the page goes on in. A day told is ("established on 30
            # July 2004" ... "deployed on 7 August").
            return None
        if passing and self.limit and after_since:
            return None  # "training until July 2023" ... "in the Congo since June"
        if passing and self.stated_unit == "year" and self.latest and self.latest > self.year:
            return None  # "on 18 August 2025" ... "signed in 2022" ... "on July 29"
        if (
            block != self.block
            and self.stated_month_end
            and self.stated_from
            and not self.limit  # ("by mid-December 2021" ... "approved on 30 July")
            and point.unit in ("day", "month")
            and replace(point, year=self.year).last_day() < self.stated_from.replace(day=1)
        ):
            # "Im September 2014 wurden dort ... Übungen durchgeführt." then, a paragraph on,
            # "kam Mitte April nach Jaworiw": an earlier month told after, of a year not said
            return None
        return self.year

    def _year_of_weekday(self, point: DatePoint) -> int | None:
        """A news item's weekday names a day near the page's own, if its year fits; else a
        year the page stated (the last, or the latest of its days and months: "depuis janvier
        2014 ... créé en 2010 ... le jeudi 13 février"), if the weekday fits it; else none."""
        stated = (self.page_year, self.year, self.latest)
        return next((y for y in stated if y and _fits_weekday(point, y)), None)

    def _this_year(self) -> int | None:
        """The page's year: the reference date's, its own date's (a day's or a month's), or a
        heading's."""
        return (
            self.fallback
            or (self.own_date and self.own_date.year)
            or self.page_year
            or (self.year if not self.prose else None)
        )

    def _beside_reference(self, point: DatePoint, *, after: bool) -> int | None:
        """The year of the first such date after the reference date (the page's own when
        none was given), or of the last one before it."""
        reference = self.reference or self.own_date
        return _year_beside(point, reference, after=after) if reference else None


# A name that carries its year: "Fuerzas Comando 2023", "Sincere Partners-2019".
_NAME_BEFORE_YEAR = re.compile(
    r"(?-i:\b(?!(?:In|Im|En|Bis|Since|Seit|From|Desde|Von|Vom|Le|La|El|The|Der|Die|Das|Du|De|"
    r"Del|Until|Hasta|By)\b)[A-ZÀ-Þ][\w’'-]*)[\s-]*$"
)


def _year_of_a_name_before(
    text: str, sentence: int, start: int, *, months: bool = True
) -> int | None:
    """The year of the last name that carries one ("the EURONAVAL 2018 Exhibition", "the Class
    of 2015 graduation") in the sentence before `start`: the year of the event it names, which
    a "last October" after it in the sentence tells of. With `months` false, a month and its
    year ("until March 2021") is no name."""
    year = None
    for found in re.finditer(r"(?<![\d/.])(?:19|20)\d\d(?![\d/.])", text[sentence:start]):
        at = sentence + found.start()
        name = _NAME_BEFORE_YEAR.search(text, max(0, at - 40), at)
        if name and not months and name.group().strip(" -").rstrip(".").lower() in MONTHS:
            continue
        if _NAMING_BEFORE.search(text, max(0, at - 60), at):
            continue  # "dans le quartier ACI 2000": a place's name, of no event's year
        graduation = _CLASS_OF_BEFORE.search(text, max(0, at - 12), at) and (
            _GRADUATION_AFTER.match(text, sentence + found.end())
        )
        if (
            name
            or graduation
            or (
                # "the 2021 Indestructible Brotherhood exercise": the year before the name
                re.search(r"\bthe\s+$", text[max(0, at - 5) : at], re.I)
                and (
                    _CAPITAL_AFTER.match(text, sentence + found.end())
                    or (not months and _ONE_TIME_AFTER.match(text, sentence + found.end()))
                )
            )
        ):
            year = int(found.group())
    return year


_CAPITAL_AFTER = re.compile(r"\s+(?-i:[A-ZÀ-Þ])")
# "the Class of 2015 graduation last May 22": a class's graduation, in the year it is named by
# (its other days, "Induction Day" of the Class of 2011, are years before it)
_CLASS_OF_BEFORE = re.compile(r"\bclass\s+of\s+$", re.I)
_GRADUATION_AFTER = re.compile(r"\s+(?:graduation|commencement)\b", re.I)
# ... or, where months are no names, the word for one time of a recurring exercise: "the 2016
# edition of"
_ONE_TIME_AFTER = re.compile(r"\s+(?:edition|iteration|round|rotation)\b", re.I)


# A sentence about what is yet to come: a yearless date in it is after the page was written,
# which a year stated in the past tense elsewhere does not date.
_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|(?-i:may|might)\s+(?!have\b)|(?:is|are)\s+(?:to|set\s+to|due\s+to|expected\s+to|scheduled\s+to|"
    r"planned\s+to|going\s+to)|expects?\s+to|intends?\s+to|"
    r"(?:term|mandate)\s+(?:ends|expires)|"
    r"sera|seront|aura|auront|devra|devront|devrait|devraient|pourra|pourront|prévoit|"
    r"prévoient|"
    r"\w+(?:rá|rán)|espera|esperan|prevé|prevén|van?\s+a|"
    r"soll|sollen|werde|plant|planen|voraussichtlich|künftig)\b",
    re.I,
)


# French verbs in the future ("formera", "débuteront"), known only in a French sentence:
# Spanish "frontera", "primavera" and English "camera" end the same way.
# A name ("le district de Bugesera") is capitalised.
_FUTURE_FR = re.compile(r"\b(?-i:[a-zà-ÿ])\w{2,}(?:era|eront|iront)\b", re.I)
_FRENCH = re.compile(r"\b(?:les|des|du|aux|est|sont|une)\b|\b[ldjmnst]['’]\w", re.I)


# The date's own verb in the past, whatever the rest of the sentence looks ahead to: "The
# ministry announced October 14 that officers will begin ..."
_PAST_VERBS = r"[a-z]{3,}ed|said|told|met|began|held|took|signed|saw|came|went"
# What is planned for the date, said right before it: "the first sail is planned for May",
# "the ship will return in May".
_PLANNED_BEFORE = re.compile(
    r"\b(?:(?:is|are)\s+(?:planned|scheduled|expected|due|set)\s+(?:for|in|on)"
    r"|will\s+(?:[a-z]+\s+){0,3}?(?:in|on|by|from))\s+(?:the\s+)?$",
    re.I,
)
_PAST_VERB_BEFORE = re.compile(r"\b(?:" + _PAST_VERBS + r")\s+(?:on\s+)?$")
# ... or with "in" between: "who announced in August" (not "the exercise scheduled in August")
_PAST_VERB_IN_BEFORE = re.compile(
    # (nor "would be held in April": the passive of what is to come)
    r"(?<!\bbe\s)(?<!\bbeen\s)\b(?!(?:schedul|plann|expect|slat|propos)ed\b)(?:"
    + _PAST_VERBS
    + r")\s+in\s+$"
)
# ... or, when the date opens its sentence, its verb in the past right after it: "In
# December, the ministry approved the transfer of the instructors, who will train ...",
# "En diciembre, dijo Lira, se tuvo ...".
_PAST_VERB_AFTER = re.compile(
    r"^\W{0,3}(?:[\w-]+\s+){0,2}?(?:"
    + _PAST_VERBS
    + r"|dijo|fue|tuvo|hubo|[a-zñ]{3,}(?:ó|aron|ieron))\b"
)
# ... or the date set off by commas right before its verb in the past: "Mr Fallon, in
# December, said the trainers will begin ...".
_SET_OFF_BEFORE = re.compile(r",\s+(?:(?:in|on)\s+)?$", re.I)
_SET_OFF_PAST_VERB = re.compile(r",\s*(?:" + _PAST_VERBS + r")\b")


# A verb telling that something was held, in the past.
_HELD_IN_THE_PAST = re.compile(
    r"\b(?:(?:a|ont)\s+eu\s+lieu|(?:s['’]est|se\s+sont)\s+(?:tenue?s?|déroulée?s?|rendue?s?)|"
    r"(?:a|ont)\s+(?:pu\s+assister|assisté)|"
    r"took\s+place|(?:was|were)\s+(?:held|involved|conducted|staged|hosted)|tuvo\s+lugar|"
    # "the exercise held in November", a participle telling it is over
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)held\s+(?:in|during)(?=\s+(?-i:[A-Z]))|"
    r"se\s+(?:celebró|realizó|llevó\s+a\s+cabo)|"
    r"fand(?:en)?\b[^.;!?]{0,60}\bstatt)\b",
    re.I,
)


def _about_the_future(sentence: str) -> bool:
    return bool(
        _FUTURE.search(sentence) or (_FUTURE_FR.search(sentence) and _FRENCH.search(sentence))
    )


# A verb in the pluperfect: what it tells came before the time the story is told at ("s'était
# rendue à Niamey en décembre", "had visited in December", "había llegado en diciembre").
_PLUPERFECT = re.compile(
    r"\b(?:(?:avai(?:t|ent)|(?:s|m|t|n)['’]étai(?:t|ent)|s['’]étaient)\s+(?:\w+\s+){0,2}?"
    r"\w+(?:é|ée|és|ées|u|ue|us|i|is|it|ert)\b"
    r"|had\s+(?:(?:already|also|just|not|previously|earlier|first)\s+)?"
    # (not "had been preparing": what it prepares for may come after)
    r"(?:been(?!\s+\w+ing\b)|\w{2,}ed|gone|come|met|made|held|sent|seen|given|taken|begun|"
    r"signed|paid|left|told|said|won|lost|brought|set)\b"
    r"|hab[íi]an?\s+(?:\w+\s+)?\w+(?:ado|ido|to|cho)\b)",
    re.I,
)


# What comes between a day told with its year and another day of the same sentence, the next
# thing told: "and", "y", "et", "und", "then" right after the first, no comma before the second.
_AND_THEN = re.compile(r"\s+(?:and(?:\s+then)?|then|y|et|und|e|puis)\s[^,;:()]*", re.I)


# The finite verb of the pluperfect right after a date that opens a German sentence.
_PLUPERFECT_AFTER = re.compile(r"\s+(?-i:hatte|hatten|war|waren)\b")


def _told_in_the_pluperfect(text: str, sentence: int, start: int) -> bool:
    """The date's own clause is in the pluperfect: its verb before it in the sentence, no comma
    or colon between ("had visited the academy in November"; not "By 1 July, the battalion had
    ..." nor "a meeting that had been held ..., on 4 May")."""
    before = text[max(sentence, start - 160) : start]
    verbs = list(_PLUPERFECT.finditer(before))
    # (nor "had been preparing for the exercise starting two days later on 4 May")
    return bool(verbs) and not re.search(
        r"[,;:]|\b(?:later|starting|beginning|due|scheduled|planned)\b", before[verbs[-1].end() :]
    )


# A year stated as the start of what goes on when the page is written: "seit dem Oktober
# 2018", "since 2018", "depuis 2013". The page is later; the date after it need not be in it.
_SINCE_BEFORE = re.compile(
    r"\b(?:since|seit|depuis|desde)(?:\s+(?:dem|der|le|la|l[’']|el|the|Jahr|year|mois|de|er|sie|es|"
    r"wir|man))*\s*$",
    re.I,
)
# "has been in turmoil since an uprising toppled its leader in 2011": the year, further on in
# the clause "since" opens, dates the start of what still goes on.
_SINCE_IN_CLAUSE = re.compile(
    # "were there since the academy's first intake of cadets in 2013 until ... in August"
    r"\b(?:(?:has|have)\s+been\b[^.;,]{0,40}\bsince|since(?=\s+(?:the|its|their)\b)|seit|depuis|"
    r"desde)\b[^.;,]{0,80}\b"
    r"(?:(?:in|en|im)(?:\s+(?:the\s+year|Jahr(?:e)?|l['’]année|el\s+año))?"
    # "depuis la première session de la commission mixte, tenue le 29 janvier 2020"
    r"|,\s*(?:held|tenue?s?|organis[ée]e?s?|celebrada|celebrado|abgehalten)\s+(?:on|le|el|am))\s+$",
    re.I,
)
# "From 2015 until the invasion in February": a start, the end not read as a range with it.
_FROM_BEFORE = re.compile(r"\b(?:from|von|ab|[àa]\s+partir\s+de(?:l|\s+la)?)\s*$", re.I)


def _fits_weekday(point: DatePoint, year: int) -> bool:
    if point.month is None:
        return False  # "the 15th of this month" on a page with no date of its own
    try:
        return datetime.date(year, point.month, point.day).weekday() == point.weekday
    except ValueError:
        return False


# A year stated as the end of a period: "until May 2019", "bis zum Mai 2019", "by mid-2021".
_UNTIL_WORDS = r"until|till|by|through|bis|jusqu['’]|hasta"
_UNTIL_ARTICLES = r"(?:\s+(?:zum|zur|Ende|au|à|en|el|la|le|the|end\s+of|fin|finales\s+de))*\s*$"
_UNTIL_BEFORE = re.compile(rf"\b(?:{_UNTIL_WORDS}){_UNTIL_ARTICLES}", re.I)
# ... or where it will reach: "could be extended again, as late as into December".
_LIMIT_BEFORE = re.compile(rf"\b(?:{_UNTIL_WORDS}|into){_UNTIL_ARTICLES}", re.I)
# A date opening its sentence, after a preposition at most: "In 2004, ...", "On 5 May 2010".
_OPENS_SENTENCE = re.compile(r"^\W*(?:\w+\s+){0,2}$")


def _day_alone(raw: str) -> DateMention | None:
    """A full day or month with its year, alone on its line: "9 mai 1945", "March 2004"."""
    if len(raw.split()) > 5 or not re.search(r"\d", raw):
        return None
    found = find_dates(raw)
    if len(found) != 1 or found[0].is_range or not found[0].first.year:
        return None
    alone = found[0]
    if alone.first.unit not in ("day", "month") or raw[: alone.start].strip(" \t•·*-"):
        return None
    return alone if not raw[alone.end :].strip(" .:") else None


def _days_over_entries(page: Page) -> dict[int, DateMention]:
    """A chronology's days alone on their lines, each over one entry of prose and the next
    day under it: the blocks of those days, two or more, with their dates. (A date alone over a
    story, once, is the page's own.)"""
    text, blocks = page.text, page.blocks
    alone = {
        i: found
        for i, b in enumerate(blocks)
        if b.kind != "title" and (found := _day_alone(text[b.start : b.end]))
    }
    entries = {
        i: found
        for i, found in alone.items()
        if i + 1 < len(blocks)
        and i + 1 not in alone
        and len(text[blocks[i + 1].start : blocks[i + 1].end].split()) >= 4
        and (i + 2 in alone or i - 2 in alone)
    }
    # ... in the order of time, each day once ("06 Mei 2011" over the title and again over
    # the photo: a blog post's own date, twice)
    days = [entries[i].start_date for i in sorted(entries)]
    ordered = days in (sorted(days), sorted(days, reverse=True))
    return entries if len(set(days)) == len(days) >= 2 and ordered else {}


def _period_heading(raw: str) -> bool:
    """ "1945 - 1957 : Réarmement et construction du système atlantique": a chronology's
    section, its years and a name, no sentence."""
    return bool(
        re.match(r"\s*(?:1[89]|20)\d\d\s*[-–—/]\s*(?:1[89]|20)\d\d\s*[:–—-]\s", raw)
        and len(raw.split()) <= 14
        and not raw.rstrip().endswith(".")
    )


# A line opening with a four-figure year, before 1900 too ("1830-British Indian Navy").
_CHRONOLOGY_YEAR = re.compile(r"[\s•·*▪◦‣–—-]*(?:1[5-9]|20)\d\d(?!\d)(?!\s*%)")


def _in_chronology(text: str, prior: Block | None, following: Block | None) -> bool:
    """Does the line before or after this one open with a year, as a chronology's lines do?"""
    return any(
        near is not None and bool(_CHRONOLOGY_YEAR.match(text, near.start, near.end))
        for near in (prior, following)
    )


def _first_dated_sentence(
    spans: list[tuple[int, int]], mentions: list[DateMention], after: int, end: int
) -> int:
    """Where the first sentence starting after `after` that holds one of `mentions` starts;
    `end` when none does: the stretch a lead date (or a year line over an entry) dates."""
    return next((s for s, e in spans if s > after and any(s <= m.start < e for m in mentions)), end)


def _is_date_led(text: str, mention: DateMention, block: Block) -> bool:
    after = text[mention.end : block.end]
    if not after.strip():
        return False
    # ("1945- British Royal Navy Eastern Fleet": a chronology's dash set against its year)
    if re.match(r"^\s*(?::|\t|\s?[-–—]\s|\s{2,})", after):
        return True
    if text[mention.end - 1].isdigit() and re.match(r"(?-i:[A-Z][a-z])", after):
        # "2004First Strategic Dialogue ...", "17 April" / "1960The International Control
        # Commission ...": a timeline's year run into its entry
        return True
    # "2007 Allies decide ...", "February 2005 NTM-I is ...": a date then a capital.
    return (
        bool(re.match(r"^\s+[A-Z]", after))
        and mention.first.unit != "day"
        or bool(re.match(r"^\s+[A-Z]", after) and mention.first.year)
    )


# A post held since a date ("Head of Mission since August 2012", "lidera desde mayo") is no
# activity that began then.
_ROLE = re.compile(
    r"\b(?:head|chief|commander|command(?:s|ed|ée)?|leads?|led|director|president|journaliste?|"
    r"jefe|lidera|dirige|Leiter|Kommandeur|führt|chef)\b",
    re.I,
)


def _candidate(text, mention: DateMention, span, summary, clause, actors: ActorTable) -> Candidate:
    found = actors.find(clause)
    start, end = mention.start_date, mention.end_date
    kind = kind_of(clause, text[span[0] : span[1]])
    since = _SINCE_BEFORE.search(text[max(0, mention.start - 25) : mention.start])
    if kind == "milestone" and since and not _ROLE.search(clause):
        kind = "launch"  # "trains them since April 2015": what still goes on began then
    return Candidate(
        edtf=mention.edtf(),
        start=start.isoformat() if start else None,
        end=end.isoformat() if end else None,
        precision=mention.precision,
        qualifier=mention.qualifier,
        inferred_year=mention.inferred_year,
        text=text[span[0] : span[1]],
        span=(span[0], span[1]),
        summary=summary,
        kind=kind,
        actors=[label for label, _ in found],
        actor_keys=[key for _, key in found if key],
        date_text=text[mention.start : mention.end],
        date_span=(mention.start, mention.end),
    )


def _relative_candidate(
    text, s, e, relative: re.Match, actors: ActorTable, opening: int = 0
) -> Candidate:
    sentence = text[s:e]
    found = actors.find(sentence)
    return Candidate(
        edtf=None,
        start=None,
        end=None,
        precision="",
        qualifier="",
        inferred_year=False,
        text=sentence,
        span=(s, e),
        summary=_summary(
            sentence, [relative.span()] + ([(0, opening)] if opening <= relative.start() else [])
        ),
        kind=kind_of(sentence),
        actors=[label for label, _ in found],
        actor_keys=[key for _, key in found if key],
        date_text=relative.group(0),
        date_span=(s + relative.start(), s + relative.end()),
        relative=relative.group(0),
    )


def read_page(
    raw: str,
    *,
    name: str = "",
    actors: ActorTable | None = None,
    reference_date: datetime.date | None = None,
) -> tuple[Page, list[Candidate]]:
    page = page_text(raw, name)
    return page, read_dates(page, actors=actors, reference_date=reference_date)
