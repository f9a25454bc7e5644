"""Files on local disk written whole or not at all.

Django's FileSystemStorage writes a new file in place, so a reader that opens it mid-write
(a download right after submitting, while the worker renders the PDF) gets part of it. This
storage writes to a temporary file in the same folder first and then renames it into place,
which the file system does in one step. S3 needs nothing of the kind: an object is visible
only once its upload is complete."""

from __future__ import annotations

import os
import tempfile

from django.core.files import File
from django.core.files.storage import FileSystemStorage

PARTIAL_SUFFIX = ".partial"  # a file being written; never a name the site stores


class _WrittenFile(File):
    """A file already on disk: Django's storage moves it into place instead of copying."""

    def temporary_file_path(self) -> str:
        return str(self.name)


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        if hasattr(content, "temporary_file_path"):  # already whole on disk: moved, not copied
            return super()._save(name, content)  # type: ignore[misc]  # not in the stubs
        folder = os.path.dirname(self.path(name))
        os.makedirs(folder, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=PARTIAL_SUFFIX, delete=False) as out:
            for chunk in content.chunks():
                out.write(chunk.encode() if isinstance(chunk, str) else chunk)
        try:
            with _WrittenFile(open(out.name, "rb"), name=out.name) as written:
                return super()._save(name, written)  # type: ignore[misc]
        finally:
            if os.path.exists(out.name):  # the move failed
                os.remove(out.name)
