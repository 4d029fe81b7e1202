"""Certificates: the signed printed fields, the PDF, and checking a certificate offline.

A certificate prints its fields (name, course, dates, result, issuer, validity) on two
pages of one PDF, English then Arabic: one file, so that the two languages can never be
handed out apart or disagree, under one signature. The fields are signed with the
mission's Ed25519 key (`cadre.core.signing`) as one canonical JSON text; the *token*
(the fields and their signature) is what the QR code on each page carries and what the
PDF's metadata holds, so a file can be checked with the public key alone:

1. the token's signature holds for its fields under the public key;
2. every printed field read back from the PDF's text is the signed one (a name, course or
   date changed on the page fails, naming the field);
3. the certificate has not expired.

Whether it was revoked or superseded only the mission's record knows: the public page
/verify/<code>/ and `cadre verify-certificate CODE` ask it.
"""

import datetime
import io
import json
import secrets
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
import segno
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from cadre.core import pdf, signing

TEMPLATE = Path(__file__).resolve().parent / "typst" / "certificate.typ"
TOKEN_PREFIX = "CADRE-CERT-1"
# Typst writes the document's keywords into the PDF's Info dictionary and its XMP metadata:
# the token is the one keyword, so no second pass over the file is needed to add it.
METADATA_KEY = "/Keywords"
# Crockford's base32: no I, L, O or U, so a code read aloud or typed is not mistaken.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16  # 80 bits from the system's CSPRNG: not guessable, and never repeated


def new_code() -> str:
    """A verification code, e.g. 7KQ2-MX4P-93TD-HW8C."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(chars[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normal_code(text: str) -> str:
    """A code as typed (lower case, spaces, O for 0) in its stored form."""
    chars = "".join(ch for ch in text.upper() if ch.isalnum())
    chars = chars.translate(str.maketrans("OIL", "011"))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


# The signed fields -------------------------------------------------------------------

FIELDS = (
    "code",
    "name",
    "name_ar",
    "course",
    "course_ar",
    "start",
    "end",
    "result",
    "issuer",
    "issuer_ar",
    "issued_on",
    "expires_on",
)


def signed_fields(certificate) -> dict:
    """The printed fields as signed: text, and dates written YYYY-MM-DD."""
    values = {}
    for name in FIELDS:
        value = getattr(certificate, name)
        values[name] = value.isoformat() if isinstance(value, datetime.date) else (value or "")
    return values


def canonical(fields: dict) -> bytes:
    """The one text of the fields that is signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def token(message: bytes, signature: str) -> str:
    return f"{TOKEN_PREFIX}.{signing.b64encode(message)}.{signature}"


def read_token(text: str) -> tuple[bytes, str] | None:
    """(signed text, signature) of a token, or None when it is not one."""
    parts = text.strip().split(".")
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    try:
        return signing.b64decode(parts[1]), parts[2]
    except ValueError:
        return None


# The printed pages -------------------------------------------------------------------


def _date(value: str, language: str) -> str:
    if not value:
        return ""
    with translation.override(language):
        return formats.date_format(datetime.date.fromisoformat(value), "j F Y")


RESULTS = {"graduated": ("graduated", "متخرج")}


def printed_lines(fields: dict, language: str) -> list[tuple[str, str, str]]:
    """(field, label, text) of each line of the page in `language` that the check reads
    back: what the page prints for each signed field."""
    with translation.override(language):
        result = RESULTS.get(fields["result"], (fields["result"],) * 2)[language == "ar"]
        arabic = language == "ar"
        lines = [
            ("name", _("Name"), fields["name"]),
            ("name_ar", _("Name in Arabic"), fields["name_ar"]) if arabic else None,
            ("course", _("Course"), fields["course_ar"] if arabic else fields["course"]),
            ("start", _("From"), _date(fields["start"], language)),
            ("end", _("To"), _date(fields["end"], language)),
            ("result", _("Result"), result),
            ("issuer", _("Issued by"), fields["issuer_ar"] if arabic else fields["issuer"]),
            ("issued_on", _("Issued on"), _date(fields["issued_on"], language)),
            ("expires_on", _("Valid until"), _date(fields["expires_on"], language)),
            ("code", _("Verification code"), fields["code"]),
        ]
    return [(name, str(label), text) for name, label, text in filter(None, lines) if text]


def headlines(fields: dict, language: str) -> list[tuple[str, str]]:
    """(field, text) of the page's large lines above the table, in `language`."""
    arabic = language == "ar"
    return [
        ("issuer", fields["issuer_ar"] if arabic and fields["issuer_ar"] else fields["issuer"]),
        (
            "name_ar" if arabic and fields["name_ar"] else "name",
            fields["name_ar"] if arabic and fields["name_ar"] else fields["name"],
        ),
        (
            "course_ar" if arabic and fields["course_ar"] else "course",
            fields["course_ar"] if arabic and fields["course_ar"] else fields["course"],
        ),
    ]


def _page(fields: dict, language: str) -> dict:
    arabic = language == "ar"
    with translation.override(language):
        return {
            "issuer": fields["issuer_ar"] if arabic and fields["issuer_ar"] else fields["issuer"],
            "title": _("Certificate of training"),
            "certifies": _("This certifies that"),
            "name": fields["name_ar"] if arabic and fields["name_ar"] else fields["name"],
            "completed": _("has completed the course"),
            "course": fields["course_ar"] if arabic and fields["course_ar"] else fields["course"],
            "scan": _("Scan the code, or enter the verification code at /verify/"),
            "fields": [[label, text] for _name, label, text in printed_lines(fields, language)],
        }


def qr_svg(text: str) -> str:
    """The QR code of `text` as SVG: Typst draws it as vectors, sharp at any size."""
    out = io.BytesIO()
    # A fixed mask: segno tries all eight otherwise, which took four fifths of a
    # certificate's time; readers take any mask.
    qr = segno.make(text, error="m", micro=False, mask=4)
    qr.save(out, kind="svg", border=0, xmldecl=False)
    return out.getvalue().decode()


def render(fields: dict, signature: str) -> bytes:
    """The certificate's PDF: English page, Arabic page, the token in QR codes and metadata."""
    text = token(canonical(fields), signature)
    data = {"code": fields["code"], "issuer": fields["issuer"], "token": text}
    data["en"], data["ar"] = _page(fields, "en"), _page(fields, "ar")
    return pdf.render(TEMPLATE, data, {"qr": qr_svg(text)})


def pdf_path(code: str) -> Path:
    return Path(settings.DATA_DIR) / "certificates" / f"{code}.pdf"


# Checking ----------------------------------------------------------------------------

VALID, EXPIRED, REVOKED, SUPERSEDED, FORGED, UNKNOWN = (
    "valid",
    "expired",
    "revoked",
    "superseded",
    "not valid",
    "unknown",
)


@dataclass
class Check:
    """What a check found: the status, the signed fields, and each problem in words."""

    status: str
    fields: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.status == VALID


def check_signed(message: bytes, signature: str, public_key, today=None) -> Check:
    """The signature of the fields, then their validity on `today`."""
    if not signing.verify(public_key, message, signature):
        return Check(FORGED, problems=[_("The signature does not match the signed fields.")])
    fields = json.loads(message)
    expires = fields.get("expires_on")
    today = today or datetime.date.today()
    if expires and datetime.date.fromisoformat(expires) < today:
        return Check(EXPIRED, fields, [_("It expired on %(day)s.") % {"day": expires}])
    return Check(VALID, fields)


def page_texts(document: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(document)).pages]


# Lines of one page are this close in height (points): a label and its value in two fonts
# stand a few points apart; two lines of the table, 20 or more.
ROW_TOLERANCE = 6


def page_rows(page) -> list[str]:
    """The page's text, one string per line as it stands on the page: runs of text that
    share a height, left to right (right to left on an Arabic page is the same runs)."""
    runs = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((y, x, text))

    page.extract_text(visitor_text=visit)
    rows = []  # [height, [(x, text)]]
    for y, x, text in sorted(runs, reverse=True):
        if rows and rows[-1][0] - y <= ROW_TOLERANCE:
            rows[-1][1].append((x, text))
        else:
            rows.append([y, [(x, text)]])
    return [" ".join(" ".join(t.strip() for _x, t in sorted(row)).split()) for _y, row in rows]


def _letters(text: str) -> Counter:
    """The letters of a text, in no order, without spaces, vowel marks or tatweel."""
    text = unicodedata.normalize("NFKC", text)
    return Counter(
        ch
        for ch in text
        if not ch.isspace() and unicodedata.category(ch) != "Mn" and ch != "\u0640"
    )


def _same(row: str, label: str, expected: str, arabic: bool) -> bool:
    if not arabic:
        return row == " ".join(f"{label} {expected}".split())
    # Arabic runs are read back word by word in visual order, some marks moved about:
    # compare the letters the line holds with the label's and the field's. A changed
    # letter still shows; the Latin fields are compared in order on the English page.
    return _letters(row) == _letters(label) + _letters(expected)


def _labelled(rows: list[str], label: str, arabic: bool) -> list[str]:
    if not arabic:
        return [row for row in rows if row.startswith(label)]
    wanted = _letters(label)
    return [row for row in rows if not wanted - _letters(row)]


def check_pdf(document: bytes, public_key, today=None) -> Check:
    """Check a certificate's PDF with the public key alone: the signed token from its
    metadata, then each printed field of both pages read back against the signed one."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(document))
        metadata = reader.metadata or {}
    except pypdf.errors.PdfReadError:
        return Check(FORGED, problems=[_("This is not a PDF.")])
    read = read_token(str(metadata.get(METADATA_KEY, "")))
    if read is None:
        return Check(FORGED, problems=[_("The PDF holds no signed certificate.")])
    check = check_signed(*read, public_key, today=today)
    if check.status == FORGED:
        return check
    problems = []
    pages = list(reader.pages)
    for language, page in zip(("en", "ar"), pages + [None] * (2 - len(pages)), strict=False):
        arabic = language == "ar"
        page_name = _("English") if not arabic else _("Arabic")
        rows = page_rows(page) if page is not None else []
        for name, expected in headlines(check.fields, language):
            if not any(_same(row, "", expected, arabic) for row in rows):
                problems.append(
                    _(
                        "%(field)s on the %(language)s page: the PDF does not print %(signed)s "
                        "as its heading, as the signed certificate does."
                    )
                    % {"field": name, "language": page_name, "signed": repr(expected)}
                )
        for name, label, expected in printed_lines(check.fields, language):
            printed = _labelled(rows, label, arabic)
            if not any(_same(row, label, expected, arabic) for row in printed):
                problems.append(
                    _(
                        "%(field)s on the %(language)s page: the PDF prints %(printed)s, the "
                        "signed certificate says %(signed)s."
                    )
                    % {
                        "field": name,
                        "language": page_name,
                        "printed": " / ".join(
                            repr(row if arabic else row[len(label) :].strip()) for row in printed
                        )
                        or _("nothing"),
                        "signed": repr(expected),
                    }
                )
    if problems:
        return Check(FORGED, check.fields, problems)
    return check


def recorded_status(certificate, today=None) -> str:
    """The status the mission's record gives: revoked and superseded before expired."""
    if certificate.status != certificate.Status.VALID:
        return certificate.status
    today = today or datetime.date.today()
    if certificate.expires_on and certificate.expires_on < today:
        return EXPIRED
    return VALID


def check_code(code: str, public_key, today=None) -> Check:
    """Check a certificate by its code against the mission's record: its stored signature
    under the public key, then what the record says of it (revoked, superseded, expired)."""
    from .models import Certificate

    certificate = Certificate.objects.filter(code=normal_code(code)).first()
    if certificate is None:
        return Check(UNKNOWN, problems=[_("No certificate has this code.")])
    return with_record(
        check_signed(certificate.signed.encode(), certificate.signature, public_key, today=today),
        certificate,
        today,
    )


def with_record(check: Check, certificate, today=None) -> Check:
    """A check of the signed fields, with what the record says of the certificate since."""
    if check.status == FORGED:
        return check
    status = recorded_status(certificate, today)
    if status in (REVOKED, SUPERSEDED):
        reason = _("%(status)s on %(day)s: %(reason)s") % {
            "status": certificate.get_status_display(),
            "day": certificate.status_changed_on,
            "reason": certificate.status_reason,
        }
        return Check(status, check.fields, [*check.problems, reason])
    return check
