"""Credential-shaped values: random fills of each vendor format in the catalogue, plus wallet keys."""
import base64
import hashlib
import json
import random

from checks import B62, base58check, base62, crc32, eip55, segwit_address

R = random.Random(424242)
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"


def rnd(n, alphabet=ALNUM):
    return "".join(R.choice(alphabet) for _ in range(n))


def github(prefix):
    """Prefix + 30 random chars + 6-char base62 CRC32 of the random part (GitHub's token checksum)."""
    body = rnd(30)
    return prefix + body + base62(crc32(body), 6)


def npm():
    body = rnd(30)
    return "npm_" + body + base62(crc32(body), 6)


def aws_key_id(prefix="AKIA"):
    return prefix + rnd(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def b64(nbytes):
    return base64.b64encode(R.randbytes(nbytes)).decode()


def b64url(nbytes):
    return base64.urlsafe_b64encode(R.randbytes(nbytes)).decode().rstrip("=")


def jwt(claims, alg="HS256"):
    h = base64.urlsafe_b64encode(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode()).decode().rstrip("=")
    p = base64.urlsafe_b64encode(json.dumps(claims, separators=(",", ":")).encode()).decode().rstrip("=")
    return h + "." + p + "." + b64url(32 if alg.startswith("HS") else 256)


def pem(kind="RSA PRIVATE KEY", nbytes=600, sep="\n"):
    body = base64.b64encode(R.randbytes(nbytes)).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return sep.join(["-----BEGIN %s-----" % kind] + lines + ["-----END %s-----" % kind])


def btc_p2pkh():
    return base58check(b"\x00" + R.randbytes(20))


def btc_p2sh():
    return base58check(b"\x05" + R.randbytes(20))


def btc_bech32(version=0, n=20):
    return segwit_address("bc", version, R.randbytes(n))


def eth(mixed=True):
    h = R.randbytes(20).hex()
    return eip55(h) if mixed else "0x" + h


def wif(compressed=True):
    return base58check(b"\x80" + R.randbytes(32) + (b"\x01" if compressed else b""))
