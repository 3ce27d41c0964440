"""User files: the type and size checked by content on the way in, served as inert downloads on the way out.

Every upload in Lobra (meeting attachments, agreement documents) goes through check_upload, and every
user file is served through file_response.
"""

import io
import struct
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse
from django.utils.translation import gettext as _

MAX_SIZE = 20 * 1024 * 1024
# Office documents have tens of members (a large workbook a few hundred); thousands mean a crafted archive,
# and the zipfile module builds an object per member before we could look at any of them.
MAX_MEMBERS = 1000
# What the members may add up to once unpacked, and how much one member may grow: real documents compress
# text about 10:1, a zip bomb 1000:1. Both are read from the archive's directory, never by unpacking.
MAX_UNPACKED_SIZE = 200 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024  # a small member may compress as well as it likes
# Name endings of archives that would be unpacked again by whoever opens the file.
ARCHIVE_ENDINGS = (".zip", ".jar", ".7z", ".rar", ".gz", ".tgz", ".bz2", ".xz", ".tar", ".cab",
                   ".docx", ".xlsx", ".pptx", ".docm", ".xlsm", ".odt", ".ods", ".odp")
# Office keeps an embedded object (a chart's workbook, a pasted sheet) as a document of its own in these
# folders. Such a document is allowed, one level deep, and checked like the upload; macro formats are not.
EMBEDDING_FOLDERS = ("word/embeddings/", "xl/embeddings/", "ppt/embeddings/")
EMBEDDED_ENDINGS = (".xlsx", ".docx", ".pptx")
ZIP_HEAD = b"PK\x03\x04"
END_OF_DIRECTORY = b"PK\x05\x06"
END_RECORD = struct.Struct("<4s4H2LH")
MAX_COMMENT = 0xFFFF

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
ODT_MIMETYPE = KINDS["odt"][0].encode()


def refused_archive():
    return ValidationError(
        _("Filen är ett packat arkiv som inte kan godtas (för många delar, inbäddade arkiv eller innehåll "
          "som packas upp till orimlig storlek). Spara dokumentet på nytt eller som PDF och ladda upp det igen.")
    )


def member_count(uploaded):
    """The number of members an archive's end record declares, read without parsing its directory; None if absent."""
    uploaded.seek(0, 2)
    size = uploaded.tell()
    tail_size = min(size, END_RECORD.size + MAX_COMMENT)
    uploaded.seek(size - tail_size)
    tail = uploaded.read(tail_size)
    uploaded.seek(0)
    start = tail.rfind(END_OF_DIRECTORY)
    if start < 0 or len(tail) - start < END_RECORD.size:
        return None
    fields = END_RECORD.unpack(tail[start:start + END_RECORD.size])
    entries_here, entries_total = fields[3], fields[4]
    # 0xFFFF means the real count is in a ZIP64 record: more members than any document has.
    return max(entries_here, entries_total)


def check_archive(archive, *, embedded=False):
    """Refuse an archive whose directory describes a bomb or nests other archives; reads no member data,
    except an Office document embedded where Office puts them (a chart's workbook in a report), which is
    read within the limits and checked in turn; it may embed nothing itself."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise refused_archive()
    unpacked, embeddings = 0, []
    for member in members:
        unpacked += member.file_size
        grows = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and grows > MAX_RATIO:
            raise refused_archive()
        if member.filename.lower().endswith(ARCHIVE_ENDINGS):
            if embedded or not is_office_embedding(member):
                raise refused_archive()
            embeddings.append(member)
    if unpacked > MAX_UNPACKED_SIZE:
        raise refused_archive()
    for member in embeddings:
        check_embedding(archive, member)


def is_office_embedding(member):
    """An OOXML document where Word, Excel or PowerPoint keep embedded objects, no larger than an upload."""
    name = member.filename.lower()
    return (name.startswith(EMBEDDING_FOLDERS) and name.endswith(EMBEDDED_ENDINGS)
            and member.file_size <= MAX_SIZE)


def check_embedding(archive, member):
    """Check an embedded Office document as an archive of its own (read whole: it is at most MAX_SIZE)."""
    data = read_member(archive, member.filename, member.file_size + 1)
    inner = io.BytesIO(data)
    count = member_count(inner)
    if len(data) > member.file_size or count is None or count > MAX_MEMBERS:
        raise refused_archive()
    try:
        with zipfile.ZipFile(inner) as embedded:
            check_archive(embedded, embedded=True)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, OSError):
        raise refused_archive() from None


def read_member(archive, name, limit):
    """At most `limit` bytes of one member: a lying directory entry cannot make us unpack more."""
    with archive.open(name) as member:
        return member.read(limit)


def sniff_archive(uploaded):
    """The kind of an Office/OpenDocument file, None for any other zip; ValidationError for a hostile archive."""
    count = member_count(uploaded)
    if count is None:
        return None
    if count > MAX_MEMBERS:
        raise refused_archive()
    try:
        with zipfile.ZipFile(uploaded) as archive:
            check_archive(archive)
            names = set(archive.namelist())
            if "mimetype" in names:
                # The type check needs only the mimetype's few bytes; read one more to see it ends there.
                mimetype = read_member(archive, "mimetype", len(ODT_MIMETYPE) + 1).strip()
                if mimetype == ODT_MIMETYPE:
                    return "odt"
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return "docx"
            if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
                return "xlsx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, OSError):
        return None
    finally:
        uploaded.seek(0)
    return None


def sniff(uploaded):
    """The kind of file by its first bytes (and, for zip containers, by their directory), or None."""
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(ZIP_HEAD):
        return sniff_archive(uploaded)
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
    if name_ending(uploaded.name) not in endings:
        raise ValidationError(
            _("Filens innehåll (%(kind)s) stämmer inte med filnamnet %(name)s.")
            % {"kind": kind.upper(), "name": uploaded.name}
        )
    return content_type


def check_new_upload(value):
    """check_upload for a file field's cleaned value when it is a new upload (not the stored file, not cleared)."""
    if isinstance(value, UploadedFile):
        check_upload(value)
    return value


def name_ending(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def content_type_for(name):
    """The content type of a stored, checked file from its name's ending."""
    ending = name_ending(name)
    return next((content_type for content_type, endings in KINDS.values() if ending in endings),
                "application/octet-stream")


def file_response(file, *, filename, content_type):
    """A user's file as an inert download: saved, never shown in Lobra's origin, never sniffed or run."""
    response = FileResponse(file, content_type=content_type, as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    # Should a browser render it anyway, the file gets no scripts, forms or same-origin access.
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
