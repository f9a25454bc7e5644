"""A stored file is read whole or not at all, however slowly it is written: a PDF download
right after submitting must never be a half-written (or empty) file."""

import io
import os
import threading
import time

import pytest
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import TemporaryUploadedFile

NAME = "reports/1/slowly-written.pdf"
CONTENT = b"%PDF-1.7 " + bytes(range(256)) * 1024  # 256 KiB: a few chunks to write


class SlowlyWritten(File):
    """Gives its bytes with a pause before each read, as a long render being stored."""

    def __init__(self):
        super().__init__(io.BytesIO(CONTENT), name="report.pdf")

    def read(self, size=-1):
        time.sleep(0.03)
        return self.file.read(size)


@pytest.fixture(params=["local disk", "S3"])
def storage(request, settings, tmp_path):
    if request.param == "S3":
        request.getfixturevalue("s3_storage")
    else:
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": settings.STORAGES["default"]["BACKEND"],
                "OPTIONS": {"location": str(tmp_path)},
            },
        }
    storage = storages["default"]
    storage.delete(NAME)
    yield storage
    storage.delete(NAME)


def test_readers_never_see_part_of_a_file_being_written(storage):
    written = threading.Event()
    reads: list[bytes] = []

    def read_whenever_it_exists():
        while not written.is_set():
            if storage.exists(NAME):
                with storage.open(NAME) as stored:
                    reads.append(stored.read())

    readers = [threading.Thread(target=read_whenever_it_exists) for _ in range(3)]
    for reader in readers:
        reader.start()
    time.sleep(0.05)  # the readers are looking before the writing starts
    try:
        assert storage.save(NAME, SlowlyWritten()) == NAME
    finally:
        written.set()
        for reader in readers:
            reader.join()
    with storage.open(NAME) as stored:
        reads.append(stored.read())
    assert {len(read) for read in reads} == {len(CONTENT)}
    assert all(read == CONTENT for read in reads)
    assert not [name for name in storage.listdir("reports/1")[1] if name != "slowly-written.pdf"]


def test_a_file_already_on_disk_is_moved_into_place_not_copied(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": settings.STORAGES["default"]["BACKEND"],
            "OPTIONS": {"location": str(tmp_path / "stored")},
        },
    }
    upload = TemporaryUploadedFile("logo.png", "image/png", len(CONTENT), None)
    upload.write(CONTENT)
    upload.flush()
    on_disk = upload.temporary_file_path()
    assert storages["default"].save("logos/logo.png", upload) == "logos/logo.png"
    assert (tmp_path / "stored/logos/logo.png").read_bytes() == CONTENT
    assert not list((tmp_path / "stored/logos").glob("*.partial"))
    assert not os.path.exists(on_disk)  # moved: no second copy left behind
    upload.close()  # as Django closes an upload it has moved


def test_on_disk_the_file_is_written_beside_its_place_under_a_partial_name(settings, tmp_path):
    """In the same folder (so moving it into place is one rename on one disk), under a name
    the site never reads."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": settings.STORAGES["default"]["BACKEND"],
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    seen: set[str] = set()
    written = threading.Event()

    def look():
        while not written.is_set():
            if (tmp_path / "reports/1").exists():
                seen.update(path.name for path in (tmp_path / "reports/1").iterdir())

    looking = threading.Thread(target=look)
    looking.start()
    try:
        storages["default"].save(NAME, SlowlyWritten())
    finally:
        written.set()
        looking.join()
    assert {name for name in seen if name.endswith(".partial")}, seen
    assert storages["default"].save("notes/plain.txt", ContentFile("Café")) == "notes/plain.txt"
    assert (tmp_path / "notes/plain.txt").read_bytes() == "Café".encode()
