"""Attachment uploads: the type is decided by the file's content, not by its name."""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_SIZE = 20 * 1024 * 1024

# kind: (content type, accepted name endings)
KINDS = {
    "pdf": ("application/pdf", {"pdf"}),
    "png": ("image/png", {"png"}),
    "jpeg": ("image/jpeg", {"jpg", "jpeg"}),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", {"docx"}),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {"xlsx"}),
    "odt": ("application/vnd.oasis.opendocument.text", {"odt"}),
}
ALLOWED_NAMES = "PDF, DOCX, XLSX, ODT, PNG, JPEG"


def sniff(uploaded):
    """The kind of file by its first bytes (and, for zip containers, by their contents), or None."""
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").strip() == KINDS["odt"][0].encode():
                    return "odt"
                if "[Content_Types].xml" in names and "word/document.xml" in names:
                    return "docx"
                if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
                    return "xlsx"
        except zipfile.BadZipFile:
            return None
        finally:
            uploaded.seek(0)
    return None


def check_upload(uploaded):
    """The content type of an acceptable upload; ValidationError with a Swedish message otherwise."""
    if uploaded.size > MAX_SIZE:
        raise ValidationError(
            _("Filen är för stor (%(size)s MB). Största tillåtna storlek är 20 MB.")
            % {"size": f"{uploaded.size / 1024 / 1024:.1f}".replace(".", ",")}
        )
    kind = sniff(uploaded)
    if kind is None:
        raise ValidationError(
            _("Filtypen är inte tillåten. Ladda upp en fil av typen %(types)s.") % {"types": ALLOWED_NAMES}
        )
    content_type, endings = KINDS[kind]
    ending = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    if ending not in endings:
        raise ValidationError(
            _("Filens innehåll (%(kind)s) stämmer inte med filnamnet %(name)s.")
            % {"kind": kind.upper(), "name": uploaded.name}
        )
    return content_type
