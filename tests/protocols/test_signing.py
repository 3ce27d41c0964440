"""PAdES sealing and verification with the test CA and with a configured PKCS#12."""

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from protocols import pdf, signing

HTML = '<!doctype html><html lang="sv"><head><title>Test</title></head><body><p>Justerat åäö.</p></body></html>'


@pytest.fixture(scope="module")
def unsigned():
    return pdf.render_html(HTML)


@pytest.fixture
def signed(unsigned, identity):
    return signing.sign_pdf(unsigned, identity=identity)


def test_signed_pdf_validates_against_the_test_ca(signed):
    result = signing.verify_pdf(signed)
    assert result.ok
    assert result.intact and result.valid and result.trusted and result.covers_whole_file
    assert result.is_test_certificate
    assert "Lobra testsigill" in result.signer_name


def test_signature_is_pades_with_sha256(signed):
    sig = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert sig.md_algorithm == "sha256"


def test_unsigned_bytes_are_a_prefix_of_the_signed_file(unsigned, signed):
    assert signed.startswith(unsigned)
    assert len(signed) > len(unsigned)


def test_flipped_byte_makes_the_signature_invalid(unsigned, signed):
    tampered = bytearray(signed)
    tampered[len(unsigned) // 2] ^= 0x01
    result = signing.verify_pdf(bytes(tampered))
    assert not result.intact
    assert not result.ok
    assert result.changed_after_signing


def test_appended_update_is_not_whole_file_coverage(signed):
    result = signing.verify_pdf(signed + b"\n% tillagt efterat\n")
    assert not result.ok


def test_foreign_root_is_not_trusted(signed, tmp_path):
    root_pem, _p12 = signing.create_test_certificates()
    from asn1crypto import pem, x509

    _type, _headers, der = pem.unarmor(root_pem)
    result = signing.verify_pdf(signed, trust_roots=[x509.Certificate.load(der)])
    assert result.intact
    assert not result.trusted
    assert not result.ok


def test_unsigned_pdf_and_garbage_are_reported(unsigned):
    assert signing.verify_pdf(unsigned).problems == ["PDF-filen saknar signatur."]
    assert not signing.verify_pdf(b"inte en pdf").ok


def test_timestamp_is_added_when_a_timestamper_is_given(unsigned, identity):
    from pyhanko.sign.signers.pdf_cms import SimpleSigner

    tsa = SimpleSigner.load_pkcs12_data(signing.create_test_certificates()[1], other_certs=[])
    stamper = DummyTimeStamper(tsa_cert=tsa.signing_cert, tsa_key=tsa.signing_key)
    signed = signing.sign_pdf(unsigned, identity=identity, timestamper=stamper)
    embedded = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    attributes = [attr["type"].native for attr in embedded.signer_info["unsigned_attrs"]]
    assert "signature_time_stamp_token" in attributes


def test_configured_pkcs12_is_used_and_not_marked_as_test(unsigned, tmp_path, monkeypatch):
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    root_pem, p12 = signing.create_test_certificates()
    key, cert, extra = pkcs12.load_key_and_certificates(p12, None)
    protected = pkcs12.serialize_key_and_certificates(b"org", key, cert, extra, BestAvailableEncryption(b"hemligt"))
    path = tmp_path / "org.p12"
    path.write_bytes(protected)
    monkeypatch.setenv("LOBRA_SIGNING_P12", str(path))
    monkeypatch.setenv("LOBRA_SIGNING_PASSPHRASE", "hemligt")
    signing.clear_identity_cache()
    try:
        identity = signing.get_signing_identity()
        assert not identity.is_test_certificate
        signed = signing.sign_pdf(unsigned, identity=identity)
        assert signing.verify_pdf(signed, trust_roots=identity.trust_roots).ok
        monkeypatch.setenv("LOBRA_SIGNING_PASSPHRASE", "fel")
        with pytest.raises(ImproperlyConfigured):
            signing.get_signing_identity()
    finally:
        signing.clear_identity_cache()


def test_test_certificate_is_created_once(signing_dir, identity):
    files = sorted(p.name for p in signing_dir.iterdir() if not p.name.startswith("."))
    assert files == [signing.TEST_ROOT_FILE, signing.TEST_SIGNER_FILE]
    before = (signing_dir / signing.TEST_SIGNER_FILE).read_bytes()
    signing.clear_identity_cache()
    signing.get_signing_identity()
    assert (signing_dir / signing.TEST_SIGNER_FILE).read_bytes() == before


def test_signed_pdf_stays_pdf_a_with_a_printable_invisible_widget(signed):
    import pikepdf

    with pikepdf.open(io.BytesIO(signed)) as doc:
        meta = doc.open_metadata()
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("3", "B")
        widgets = [a for page in doc.pages for a in page.get("/Annots", []) if a.Subtype == "/Widget"]
        assert widgets
        for widget in widgets:
            assert int(widget.F) & 4  # PDF/A: annotations must print
            assert [float(x) for x in widget.Rect] == [0, 0, 0, 0]
