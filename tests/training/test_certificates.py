"""Certificates: issued on graduation, signed, printed in English and Arabic, checked offline
and on the public page, revoked and superseded by training officers, expiring by unit."""

import datetime
import io
import json
import os
import re

import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf.generic import ByteStringObject, ContentStream, TextStringObject

from cadre import cli
from cadre.audit.models import ChangeRecord
from cadre.core import pdf, services, signing
from cadre.core.roles import Role
from cadre.training import certificates
from cadre.training.models import Certificate, Enrolment
from cadre.training.services import write_pdfs

from .conftest import record_result

pytestmark = pytest.mark.django_db

LAST_DAY = datetime.date(2027, 3, 12)
ARABIC_COURSE = "مكافحة العبوات الناسفة"


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path


@pytest.fixture
def graduate(enrol, make_person, course):
    """graduate(**person values) -> the certificate of a new trainee who graduated."""
    course.title_ar = ARABIC_COURSE
    services.save(course, user=services.OPERATOR)

    def make(on=LAST_DAY, **person):
        person = {"given_name": "Ali", "family_name": "Hassan", "name_ar": "علي حسن", **person}
        enrolment = enrol(person=make_person(**person))
        record_result(enrolment, outcome="pass")
        services.service_for(Enrolment).graduate(enrolment, user=services.OPERATOR, on=on)
        return Certificate.objects.get(enrolment=enrolment)

    return make


def made_pdf(certificate) -> bytes:
    write_pdfs(Certificate.objects.filter(pk=certificate.pk))
    return certificates.pdf_path(certificate.code).read_bytes()


def check(document, today=LAST_DAY):
    return certificates.check_pdf(document, signing.public_key(), today=today)


def forged(certificate, **printed) -> bytes:
    """The certificate re-rendered with some printed fields changed, carrying the genuine
    signed token (in QR codes and metadata): a forger's copy of a real certificate."""
    changed = {**json.loads(certificate.signed), **printed}
    genuine = certificates.token(certificate.signed.encode(), certificate.signature)
    data = {"code": changed["code"], "issuer": changed["issuer"], "token": genuine}
    data["en"], data["ar"] = certificates._page(changed, "en"), certificates._page(changed, "ar")
    return pdf.render(certificates.TEMPLATE, data, {"qr": certificates.qr_svg(genuine)})


# Issuing -----------------------------------------------------------------------------


def test_a_graduate_gets_a_certificate_of_the_printed_fields_signed_by_the_mission(graduate):
    certificate = graduate()

    assert certificate.status == Certificate.Status.VALID
    assert (certificate.name, certificate.name_ar) == ("HASSAN, Ali", "علي حسن")
    assert certificate.course == "C-IED-1 Countering IEDs"
    assert certificate.course_ar == f"C-IED-1 {ARABIC_COURSE}"
    assert (certificate.start, certificate.end) == (datetime.date(2027, 3, 1), LAST_DAY)
    assert (certificate.issued_on, certificate.result) == (LAST_DAY, "graduated")
    assert certificate.issuer == "NATO Mission Iraq" and certificate.expires_on is None
    signed = certificates.check_signed(
        certificate.signed.encode(), certificate.signature, signing.public_key()
    )
    assert signed.valid and signed.fields["name"] == "HASSAN, Ali"
    assert certificate.key_id == signing.key_id(signing.public_key())


def test_a_trainee_who_does_not_graduate_gets_no_certificate(enrol):
    enrolment = enrol()
    record_result(enrolment, outcome="fail")
    services.service_for(Enrolment).graduate(enrolment, user=services.OPERATOR, on=LAST_DAY)
    assert not Certificate.objects.exists()


def test_verification_codes_are_random_unique_and_read_as_typed(graduate):
    codes = {graduate().code for _ in range(3)} | {certificates.new_code() for _ in range(500)}
    assert len(codes) == 503
    code = next(iter(codes))
    assert len(code.replace("-", "")) == 16 and set(code) <= set(certificates.CODE_ALPHABET + "-")
    assert certificates.normal_code(code.lower().replace("-", " ")) == code


def test_a_course_with_a_validity_makes_its_certificates_expire(graduate, course):
    course.validity_months = 24
    services.save(course, user=services.OPERATOR)
    assert graduate(on=datetime.date(2027, 3, 31)).expires_on == datetime.date(2029, 3, 31)
    course.refresh_from_db()
    course.validity_months = 11
    services.save(course, user=services.OPERATOR)
    assert graduate(on=datetime.date(2027, 3, 31)).expires_on == datetime.date(2028, 2, 29)


# The PDF -----------------------------------------------------------------------------


def test_the_pdf_prints_every_field_in_english_and_in_arabic(graduate):
    certificate = graduate()

    document = made_pdf(certificate)

    english, arabic = certificates.page_texts(document)
    for text in (
        "Certificate of training",
        "HASSAN, Ali",
        "C-IED-1 Countering IEDs",
        "1 March 2027",
        "12 March 2027",
        "graduated",
        "NATO Mission Iraq",
        certificate.code,
    ):
        assert text in english
    # Arabic comes back from the PDF in visual order: compare the words.
    words = arabic.split()
    for text in ("شهادة تدريب", "علي حسن", ARABIC_COURSE, "بعثة الناتو في العراق", "آذار", "متخرج"):
        assert all(word in arabic for word in text.split()), text
    assert "Certificate of training" not in arabic and words
    assert certificate.code in arabic


def test_the_pdf_carries_the_signed_fields_in_its_metadata_and_a_vector_qr_code(graduate):
    certificate = graduate()
    document = made_pdf(certificate)
    reader = pypdf.PdfReader(io.BytesIO(document))

    text = reader.metadata[certificates.METADATA_KEY]
    message, signature = certificates.read_token(text)
    assert message == certificate.signed.encode() and signature == certificate.signature
    assert signing.verify(signing.public_key(), message, signature)
    for page in reader.pages:
        # No picture: the QR code is drawn as filled paths.
        assert not page.images
        assert b" re" in page.get_contents().get_data() or b" l\n" in page.get_contents().get_data()
    assert check(document).valid


def test_the_qr_code_carries_the_signed_token(graduate):
    certificate = graduate()
    token = certificates.token(certificate.signed.encode(), certificate.signature)
    svg = certificates.qr_svg(token)
    assert svg.startswith("<svg") and "<path" in svg
    message, signature = certificates.read_token(token)
    assert json.loads(message)["name"] == "HASSAN, Ali"
    assert signing.verify(signing.public_key(), message, signature)


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "HASSAN, Alia"),
        ("course", "C-IED-2 Countering IEDs"),
        ("start", "2027-02-01"),
        ("end", "2027-03-22"),
        ("issued_on", "2027-04-12"),
        ("name_ar", "علي حسين"),
    ],
)
def test_a_pdf_with_a_printed_field_changed_fails_naming_the_field(graduate, field, value):
    certificate = graduate()

    result = check(forged(certificate, **{field: value}))

    assert result.status == certificates.FORGED
    assert result.problems and all(
        problem.startswith(f"{field} on the") for problem in result.problems
    )


def test_a_pdf_whose_signed_fields_were_changed_fails_the_signature(graduate):
    certificate = graduate()
    document = made_pdf(certificate)
    fields = json.loads(certificate.signed)
    fields["name"] = "HASSAN, Alia"
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(document)))
    writer.add_metadata(
        {
            certificates.METADATA_KEY: certificates.token(
                certificates.canonical(fields), certificate.signature
            )
        }
    )
    out = io.BytesIO()
    writer.write(out)

    result = check(out.getvalue())

    assert result.status == certificates.FORGED
    assert result.problems == ["The signature does not match the signed fields."]


def test_a_pdf_edited_in_its_content_stream_fails(graduate):
    """A forger's edit of the page itself: in the English page's content stream, the glyph
    of each H in the name drawn as an A's (HASSAN becomes AASSAN), signature untouched."""
    document = made_pdf(graduate(family_name="Hassan"))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(document)))
    page = writer.pages[0]
    fonts = {name: _glyphs(font.get_object()) for name, font in page["/Resources"]["/Font"].items()}
    content = ContentStream(page.get_contents(), writer)
    font, edited = None, 0
    for operands, operator in content.operations:
        if operator == b"Tf":
            font = fonts[operands[0]]
        if operator != b"TJ":
            continue
        for index, item in enumerate(operands[0]):
            if not isinstance(item, (ByteStringObject, TextStringObject)):
                continue
            raw = item.original_bytes if isinstance(item, TextStringObject) else bytes(item)
            ids = [raw[i : i + 2] for i in range(0, len(raw), 2)]
            if "".join(font["text"].get(g, "?") for g in ids).startswith("HASSAN"):
                ids = [font["glyph"]["A"] if font["text"].get(g) == "H" else g for g in ids]
                operands[0][index] = ByteStringObject(b"".join(ids))
                edited += 1
    assert edited == 2  # the heading and the table
    page.replace_contents(content)
    out = io.BytesIO()
    writer.write(out)

    result = check(out.getvalue())

    assert certificates.page_texts(out.getvalue())[0].count("AASSAN, Ali") == 2
    assert result.status == certificates.FORGED
    assert [problem.split(":")[0] for problem in result.problems] == [
        "name on the English page",
        "name on the English page",
    ]


def _glyphs(font) -> dict:
    """The font's glyph ids (2 bytes) and the characters they draw, both ways, from its
    ToUnicode map."""
    text = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    pairs = re.findall(r"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>", text)
    by_glyph = {bytes.fromhex(glyph): chr(int(code, 16)) for glyph, code in pairs}
    return {"text": by_glyph, "glyph": {char: glyph for glyph, char in by_glyph.items()}}


def test_an_expired_certificate_is_not_valid(graduate, course):
    course.validity_months = 12
    services.save(course, user=services.OPERATOR)
    document = made_pdf(graduate())
    assert check(document, today=datetime.date(2028, 3, 12)).valid
    assert check(document, today=datetime.date(2028, 3, 13)).status == certificates.EXPIRED


def test_a_file_that_is_not_a_certificate_fails(graduate, tmp_path):
    assert check(b"not a pdf").status == certificates.FORGED
    blank = io.BytesIO()
    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(blank)
    assert check(blank.getvalue()).problems == ["The PDF holds no signed certificate."]


def test_without_the_arabic_font_rendering_fails_naming_the_package(tmp_path):
    with pytest.raises(pdf.FontMissing, match="fonts-noto-core"):
        pdf.render(certificates.TEMPLATE, {}, {}, font_dir=tmp_path)


# The signing key ---------------------------------------------------------------------


def test_the_key_is_made_on_first_use_readable_by_its_owner_only(settings, tmp_path):
    settings.SIGNING_KEY = tmp_path / "keys" / "mission.pem"
    key = signing.public_key()
    assert settings.SIGNING_KEY.stat().st_mode & 0o777 == 0o600
    assert signing.key_id(signing.public_key()) == signing.key_id(key)  # made once
    os.chmod(settings.SIGNING_KEY, 0o644)
    with pytest.raises(signing.SigningKeyError, match="chmod 600"):
        signing.private_key()


def test_the_private_key_is_in_no_record_audit_entry_or_export(graduate, client_as, signing_key):
    certificate = graduate()
    secret = signing_key.read_text().splitlines()[1]
    entries = json.dumps(list(ChangeRecord.objects.values("before", "after")), default=str)
    assert certificate.signature in entries and secret not in entries
    client = client_as(Role.TRAINING_OFFICER)
    exported = client.get("/record/certificates/export.csv").getvalue().decode()
    assert certificate.code in exported and secret not in exported
    assert secret not in json.dumps(client.get("/api/certificates/").json())


# The command line --------------------------------------------------------------------


def test_verify_certificate_passes_a_genuine_file_offline_with_the_public_key(
    graduate, tmp_path, capsys
):
    certificate = graduate()
    path = tmp_path / "genuine.pdf"
    path.write_bytes(made_pdf(certificate))
    public = tmp_path / "public.pem"
    assert cli.main(["signing-key", "--public-key-out", str(public)]) == 0
    assert "PRIVATE" not in public.read_text()

    status = cli.main(["verify-certificate", str(path), "--public-key", str(public), "--offline"])

    out = capsys.readouterr().out
    assert status == 0 and "VALID" in out and "HASSAN, Ali" in out


def test_verify_certificate_fails_a_tampered_file_naming_the_field(graduate, tmp_path, capsys):
    path = tmp_path / "tampered.pdf"
    path.write_bytes(forged(graduate(), name="HASSAN, Alia"))

    status = cli.main(["verify-certificate", str(path), "--offline"])

    out = capsys.readouterr().out
    assert status == 1 and out.startswith("NOT VALID")
    assert "name on the English page: the PDF prints 'HASSAN, Alia'" in out


def test_verify_certificate_by_code_reads_the_record(graduate, capsys):
    certificate = graduate()
    assert cli.main(["verify-certificate", certificate.code.lower()]) == 0
    services.service_for(Certificate).revoke(
        certificate, user=services.OPERATOR, reason="Issued in error"
    )
    assert cli.main(["verify-certificate", certificate.code]) == 1
    out = capsys.readouterr().out
    assert "REVOKED" in out and "Issued in error" in out
    assert cli.main(["verify-certificate", "0000-0000-0000-0000"]) == 1
    assert "UNKNOWN" in capsys.readouterr().out


def test_verify_certificate_of_a_revoked_file_says_so_when_the_record_is_there(
    graduate, tmp_path, capsys
):
    certificate = graduate()
    path = tmp_path / "c.pdf"
    path.write_bytes(made_pdf(certificate))
    services.service_for(Certificate).revoke(certificate, user=services.OPERATOR, reason="Fraud")
    assert cli.main(["verify-certificate", str(path), "--offline"]) == 0
    assert cli.main(["verify-certificate", str(path)]) == 1
    assert "REVOKED" in capsys.readouterr().out.split("VALID", 1)[1]


# Revoking and superseding ------------------------------------------------------------


def test_only_a_training_officer_or_administrator_revokes_and_says_why(graduate, make_user):
    certificate = graduate()
    service = services.service_for(Certificate)
    with pytest.raises(PermissionDenied):
        service.revoke(certificate, user=make_user(Role.MISSION_STAFF), reason="x")
    with pytest.raises(ValidationError):
        service.revoke(certificate, user=make_user(Role.TRAINING_OFFICER), reason=" ")
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_revoking_on_the_page_is_audited_and_shown_publicly(graduate, client_as, client):
    certificate = graduate()
    officer = client_as(Role.TRAINING_OFFICER)

    response = officer.post(
        reverse("training:certificate-revoke", args=[certificate.pk]),
        {"reason": "Issued in error"},
    )

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == "revoked" and certificate.status_reason == "Issued in error"
    entry = ChangeRecord.objects.filter(content_type__model="certificate").latest("time")
    assert entry.username == officer.user.username and entry.after["status"] == "revoked"
    again = officer.post(
        reverse("training:certificate-revoke", args=[certificate.pk]), {"reason": "again"}
    )
    assert again.status_code == 302
    assert ChangeRecord.objects.filter(content_type__model="certificate").count() == 2


def test_superseding_issues_a_new_certificate_from_the_corrected_record(graduate, make_user):
    certificate = graduate()
    person = certificate.person
    person.given_name = "Aly"
    services.save(person, user=services.OPERATOR)

    new = services.service_for(Certificate).supersede(
        certificate, user=make_user(Role.TRAINING_OFFICER), reason="Name corrected"
    )

    certificate.refresh_from_db()
    assert certificate.status == "superseded" and certificate.superseded_by == new
    assert new.name == "HASSAN, Aly" and new.code != certificate.code and new.status == "valid"


def test_certificates_are_written_only_by_their_service(graduate, client_as):
    certificate = graduate()
    client = client_as(Role.TRAINING_OFFICER)
    assert client.post("/api/certificates/", {}, content_type="application/json").status_code == 405
    assert client.get(f"/record/certificates/{certificate.pk}/edit/").status_code == 404
