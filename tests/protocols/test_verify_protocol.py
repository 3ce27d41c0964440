"""The verify_protocol command: 0 for an intact Lobra protocol, 1 otherwise, with the reason."""

import io

from django.core.management import call_command
from django.core.management.base import CommandError

from protocols import pdf, signing


def run(path):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_protocol", str(path), stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        code = error.returncode
    return code, out.getvalue(), err.getvalue()


def test_intact_protocol_passes(final, tmp_path):
    path = tmp_path / "p.pdf"
    path.write_bytes(final.signed_pdf.read())
    code, out, _err = run(path)
    assert code == 0
    assert "version 1 (fullständig)" in out and "byte för byte" in out and "OK:" in out


def test_changed_protocol_fails_with_the_reason(final, tmp_path):
    data = bytearray(final.public_pdf.read())
    data[2000] ^= 1
    path = tmp_path / "p.pdf"
    path.write_bytes(bytes(data))
    code, _out, err = run(path)
    assert code == 1
    assert "ändrats efter att det signerades" in err


def test_signed_pdf_that_is_not_a_lobra_protocol_fails(identity, tmp_path, db):
    path = tmp_path / "p.pdf"
    path.write_bytes(signing.sign_pdf(pdf.render_html("<p>Annat dokument</p>")))
    code, _out, err = run(path)
    assert code == 1
    assert "inte ett protokoll från Lobra" in err


def test_missing_file_fails(tmp_path, db):
    assert run(tmp_path / "saknas.pdf")[0] == 1
