"""PAdES sealing and verification of protocol PDFs with the organisation's certificate.

The certificate comes from a PKCS#12 file (env ``LOBRA_SIGNING_P12`` and ``LOBRA_SIGNING_PASSPHRASE``).
Without one, Lobra creates a self-signed test CA and signer on first use under ``LOBRA_SIGNING_DIR``
(default ``MEDIA_ROOT/signing``) and marks everything it signs with it as a test certificate.
An RFC 3161 timestamp is added when ``LOBRA_TSA_URL`` is set.
"""

import asyncio
import concurrent.futures
import datetime
import fcntl
import io
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers, timestamps
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko_certvalidator import ValidationContext

logger = logging.getLogger(__name__)

TEST_ORGANISATION = "Lobra testcertifikat"
TEST_ROOT_FILE = "lobra-test-root.pem"
TEST_SIGNER_FILE = "lobra-test-signer.p12"
SIGNATURE_FIELD = "LobraSigill"
# Room for the CMS blob: certificates plus an optional timestamp token; measured well under this.
BYTES_RESERVED = 16384


class PreparedKeySigner(signers.SimpleSigner):
    """A SimpleSigner that parses its RSA key once: pyHanko parses it on every signature (~85 ms for RSA-2048)."""

    _rsa_key = None

    def sign_raw(self, data, digest_algorithm):
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)["algorithm"].native
        if mechanism not in ("rsassa_pkcs1v15", "sha256_rsa"):
            return super().sign_raw(data, digest_algorithm)
        if self._rsa_key is None:
            self._rsa_key = serialization.load_der_private_key(self.signing_key.dump(), password=None)
        return self._rsa_key.sign(data, PKCS1v15(), getattr(hashes, digest_algorithm.upper())())


@dataclass(frozen=True)
class SigningIdentity:
    """The signer Lobra seals with, the roots it trusts, and whether it is the built-in test certificate."""

    signer: signers.SimpleSigner
    trust_roots: tuple
    is_test_certificate: bool
    signer_name: str


def signing_dir():
    """Where the test certificate lives (created on first use)."""
    configured = os.environ.get("LOBRA_SIGNING_DIR")
    return Path(configured) if configured else Path(settings.MEDIA_ROOT) / "signing"


def _name(common_name):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, TEST_ORGANISATION),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def create_test_certificates(*, now=None):
    """A self-signed test root and a signer certificate issued by it, as (root_pem, p12_bytes)."""
    now = now or datetime.datetime.now(datetime.UTC)
    not_before = now - datetime.timedelta(days=1)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = _name("Lobra test-CA (ej för skarp användning)")
    root = (
        x509.CertificateBuilder()
        .subject_name(root_name)
        .issuer_name(root_name)
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(now + datetime.timedelta(days=365 * 20))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
        .sign(root_key, hashes.SHA256())
    )
    signer_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    signer_cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Lobra testsigill (ej för skarp användning)"))
        .issuer_name(root_name)
        .public_key(signer_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(now + datetime.timedelta(days=365 * 10))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False
        )
        .sign(root_key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"lobra-test-signer", signer_key, signer_cert, [root], serialization.NoEncryption()
    )
    return root.public_bytes(serialization.Encoding.PEM), p12


def _ensure_test_certificates(directory):
    """Create the test certificate once; a file lock keeps two processes from racing."""
    directory.mkdir(parents=True, exist_ok=True)
    root_path, p12_path = directory / TEST_ROOT_FILE, directory / TEST_SIGNER_FILE
    if root_path.exists() and p12_path.exists():
        return root_path.read_bytes(), p12_path.read_bytes()
    with open(directory / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root_path.exists() and p12_path.exists()):
            root_pem, p12 = create_test_certificates()
            for path, data in ((p12_path, p12), (root_path, root_pem)):
                tmp = path.with_suffix(".tmp")
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, path)
            logger.warning("Lobra skapade ett testcertifikat för PDF-sigill i %s", directory)
        return root_path.read_bytes(), p12_path.read_bytes()


def _asn1(cert):
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _load_identity(p12_bytes, passphrase, *, is_test, extra_roots=()):
    try:
        _key, cert, extra = pkcs12.load_key_and_certificates(p12_bytes, passphrase)
    except ValueError as error:
        raise ImproperlyConfigured(f"Kunde inte läsa PKCS#12-filen för sigillet: {error}") from error
    loaded = signers.SimpleSigner.load_pkcs12_data(p12_bytes, other_certs=[], passphrase=passphrase)
    signer = PreparedKeySigner(
        signing_cert=loaded.signing_cert, signing_key=loaded.signing_key, cert_registry=loaded.cert_registry
    )
    roots = [c for c in extra if c.issuer == c.subject] + list(extra_roots)
    if cert.issuer == cert.subject:
        roots.append(cert)
    common_names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = common_names[0].value if common_names else cert.subject.rfc4514_string()
    return SigningIdentity(
        signer=signer, trust_roots=tuple(_asn1(c) for c in roots), is_test_certificate=is_test, signer_name=name
    )


_identity_cache = {}
_identity_lock = threading.Lock()


def get_signing_identity():
    """The organisation's signer from the environment, else the test certificate (cached per process)."""
    p12_path = os.environ.get("LOBRA_SIGNING_P12", "")
    key = (p12_path, os.environ.get("LOBRA_SIGNING_PASSPHRASE", ""), os.environ.get("LOBRA_SIGNING_ROOT", ""),
           str(signing_dir()))
    with _identity_lock:
        if key not in _identity_cache:
            _identity_cache[key] = _build_identity(*key)
        return _identity_cache[key]


def _build_identity(p12_path, passphrase, root_path, directory):
    extra_roots = []
    if root_path:
        extra_roots = x509.load_pem_x509_certificates(Path(root_path).read_bytes())
    if p12_path:
        try:
            data = Path(p12_path).read_bytes()
        except OSError as error:
            raise ImproperlyConfigured(f"LOBRA_SIGNING_P12 kan inte läsas: {error}") from error
        return _load_identity(data, passphrase.encode() or None, is_test=False, extra_roots=extra_roots)
    _root_pem, p12 = _ensure_test_certificates(Path(directory))
    return _load_identity(p12, None, is_test=True, extra_roots=extra_roots)


def clear_identity_cache():
    """Forget the cached signer (tests and configuration changes)."""
    with _identity_lock:
        _identity_cache.clear()


def default_timestamper():
    url = os.environ.get("LOBRA_TSA_URL", "").strip()
    return timestamps.HTTPTimeStamper(url) if url else None


def _run(coroutine):
    """Run a coroutine to completion, also when called from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def sign_pdf(pdf_bytes, *, identity=None, timestamper=None, reason="Justerat protokoll", location=""):
    """Seal a PDF incrementally with PAdES (SHA-256); the unsigned bytes stay a prefix of the result."""
    identity = identity or get_signing_identity()
    if timestamper is None:
        timestamper = default_timestamper()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    existing = len(writer.prev.embedded_signatures)
    meta = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD if not existing else f"{SIGNATURE_FIELD}{existing + 1}",
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        location=location or None,
        name=identity.signer_name,
    )
    output = io.BytesIO()
    _run(signers.async_sign_pdf(
        writer, meta, signer=identity.signer, timestamper=timestamper, bytes_reserved=BYTES_RESERVED, output=output
    ))
    return output.getvalue()


@dataclass
class Verification:
    """What a check of a PDF's signatures found; ``ok`` only when everything holds."""

    signed: bool = False
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    covers_whole_file: bool = False
    signer_name: str = ""
    signer_organisation: str = ""
    signed_at: datetime.datetime | None = None
    timestamped: bool = False
    is_test_certificate: bool = False
    signature_count: int = 0
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        return self.signed and self.intact and self.valid and self.trusted and self.covers_whole_file

    @property
    def changed_after_signing(self):
        return self.signed and not (self.intact and self.covers_whole_file)


def verify_pdf(pdf_bytes, *, trust_roots=None):
    """Check the last signature of a PDF: intact, valid, trusted, covering the whole file; never raises."""
    result = Verification()
    if trust_roots is None:
        trust_roots = get_signing_identity().trust_roots
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        embedded = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        result.problems.append(f"Filen kunde inte läsas som PDF ({error}).")
        return result
    result.signature_count = len(embedded)
    if not embedded:
        result.problems.append("PDF-filen saknar signatur.")
        return result
    result.signed = True
    context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False)
    last = embedded[-1]
    try:
        status = validate_pdf_signature(last, signer_validation_context=context)
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError) as error:
        result.problems.append(f"Signaturen kunde inte kontrolleras ({error}).")
        return result
    result.intact = bool(status.intact)
    result.valid = bool(status.valid)
    result.trusted = bool(status.trusted)
    result.covers_whole_file = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    cert = status.signing_cert
    if cert is not None:
        subject = cert.subject.native
        result.signer_name = subject.get("common_name", "") or cert.subject.human_friendly
        result.signer_organisation = subject.get("organization_name", "") or ""
        result.is_test_certificate = result.signer_organisation == TEST_ORGANISATION
    result.signed_at = getattr(status, "signer_reported_dt", None)
    result.timestamped = getattr(status, "timestamp_validity", None) is not None
    if not result.intact:
        result.problems.append("Innehållet har ändrats efter att det signerades.")
    elif not result.valid:
        result.problems.append("Signaturen är inte giltig.")
    if result.intact and not result.covers_whole_file:
        result.problems.append("Filen har fått tillägg efter signaturen.")
    if result.intact and not result.trusted:
        result.problems.append("Certifikatet är inte utfärdat av en betrodd utfärdare för Lobra.")
    return result
