"""A real S3 server (SeaweedFS on loopback) and the production storage pointed at it."""

import pytest

from scripts.s3server import running_s3_server


@pytest.fixture(scope="session")
def s3_server():
    with running_s3_server(bucket="audit-reports") as server:
        yield server


@pytest.fixture
def s3_storage(settings, s3_server, monkeypatch):
    """The production settings' storage, pointed at the loopback server."""
    for name, value in s3_server.env().items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": s3_server.bucket,
                "endpoint_url": s3_server.endpoint_url,
                "region_name": "us-east-1",
                "default_acl": "private",
            },
        },
    }
    return s3_server
