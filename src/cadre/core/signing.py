"""The mission's signing key: an Ed25519 key pair that signs what Cadre certifies.

The private key is a file outside the database and the repository: `CADRE_SIGNING_KEY`
(settings.SIGNING_KEY), by default `signing-key.pem` in the data folder. It is made on
first use, or by `cadre signing-key`, readable by its owner only (0600). Nothing else
holds it: not the audit trail, the logs, the exports or the dataset. Whoever checks a
signature offline needs only the public key (`cadre signing-key --public`), which may be
published.
"""

import base64
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings


class SigningKeyError(RuntimeError):
    """The signing key cannot be read or made."""


def key_path() -> Path:
    return Path(settings.SIGNING_KEY)


def generate(path: Path | None = None) -> Path:
    """Make a new private key at `path`, readable by its owner only; never over an old one."""
    path = path or key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        # O_EXCL: two processes making the key at once keep the first one's.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    return path


def private_key(*, create: bool = True) -> Ed25519PrivateKey:
    """The mission's private key, made on first use when `create`."""
    path = key_path()
    if not path.exists():
        if not create:
            raise SigningKeyError(f"There is no signing key at {path}: run `cadre signing-key`.")
        generate(path)
    if path.stat().st_mode & 0o077:
        raise SigningKeyError(
            f"The signing key {path} may be read by others than its owner: "
            f"`chmod 600 {path}`, and make a new key if others may have read it."
        )
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} is not an Ed25519 private key.")
    return key


def public_key(*, create: bool = True) -> Ed25519PublicKey:
    return private_key(create=create).public_key()


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def load_public(pem: bytes) -> Ed25519PublicKey:
    """A public key from its PEM text (or a private key's, whose public half is taken)."""
    if b"PRIVATE KEY" in pem:
        key = serialization.load_pem_private_key(pem, password=None).public_key()
    else:
        key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError("Not an Ed25519 key.")
    return key


def key_id(key: Ed25519PublicKey) -> str:
    """A short name of the public key, printed beside signatures: the first 16 hex digits of
    the SHA-256 of its raw bytes."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def sign(message: bytes) -> str:
    """The signature of `message` with the mission's key, base64url without padding."""
    return b64encode(private_key().sign(message))


def verify(key: Ed25519PublicKey, message: bytes, signature: str) -> bool:
    try:
        key.verify(b64decode(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
