#!/usr/bin/env python3
"""Independent known answers for invite code version 3 (docs/PROTOCOL.md section 10.2).

Run: python3 tests/support/inviteCodeV3Vectors.py
The bech32m functions are the BIP-350 reference code (github.com/sipa/bech32, python/segwit_addr.py),
without BIP-173's 90-character limit; nothing here is shared with the TypeScript implementation.
The commitments are the blake2b values of tests/unit/invite/inviteCommitment.test.ts, re-derived.
"""
import hashlib
import math
from datetime import datetime, timezone

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BECH32M_CONST = 0x2BC830A3


def bech32_polymod(values):
    generator = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            chk ^= generator[i] if ((top >> i) & 1) else 0
    return chk


def bech32_hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def bech32_create_checksum(hrp, data):
    values = bech32_hrp_expand(hrp) + data
    polymod = bech32_polymod(values + [0, 0, 0, 0, 0, 0]) ^ BECH32M_CONST
    return [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]


def convertbits(data, frombits, tobits, pad=True):
    acc = 0
    bits = 0
    ret = []
    maxv = (1 << tobits) - 1
    max_acc = (1 << (frombits + tobits - 1)) - 1
    for value in data:
        acc = ((acc << frombits) | value) & max_acc
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            ret.append((acc >> bits) & maxv)
    if pad and bits:
        ret.append((acc << (tobits - bits)) & maxv)
    return ret


def commitment(s, cell_id, sign_pk):
    label = b"quire/invite-commit/v1"
    msg = bytes([len(label)]) + label + cell_id + sign_pk
    return hashlib.blake2b(msg, digest_size=16, key=s).digest()


def url_entry(url):
    secure = url.startswith("wss://")
    rest = url[6:] if secure else url[5:]
    assert url.startswith("wss://") or url.startswith("ws://")
    raw = rest.encode("ascii")
    return bytes([(0x80 if secure else 0) | len(raw)]) + raw


def code(version, s, c, expiry_ms, urls):
    minutes = math.ceil(expiry_ms / 60000)  # rounded up to a whole minute
    payload = s + c + minutes.to_bytes(4, "big") + b"".join(url_entry(u) for u in urls)
    data = [version] + convertbits(payload, 8, 5)
    chars = "".join(CHARSET[d] for d in data + bech32_create_checksum("quire", data))
    groups = [chars[i : i + 5] for i in range(0, len(chars), 5)]
    return "-".join(["QUIRE1"] + groups).upper(), minutes


def ms(*args):
    return int(datetime(*args, tzinfo=timezone.utc).timestamp() * 1000)


S = bytes(range(32))
C = commitment(S, bytes(range(0xA0, 0xB0)), bytes(range(0x80, 0xA0)))
S2 = b"\xff" * 32
C2 = commitment(S2, b"\x11" * 16, b"\x22" * 32)
assert C.hex() == "bf4071046684398d251c69185f1d1218"
assert C2.hex() == "d12fd1eee6c67f0add7b81f8320d2ffa"

# Vector 1: 2026-12-08T16:30:00.001Z rounds up to 16:31.
E1 = ms(2026, 12, 8, 16, 30) + 1
print("E1 ms", E1, "->", code(3, S, C, E1, ["wss://signal.example.org", "ws://192.168.1.20:4444"]))
# Vector 2: exactly the latest expiry a code may carry, 2100-01-01T00:00Z.
E2 = ms(2100, 1, 1, 0, 0)
print("E2 ms", E2, "->", code(3, S2, C2, E2, ["wss://quire-rendezvous.example.org:8443/signal"]))
# A version-2 code (no expiry field) as the previous Quire made it: the existing CODE of the tests.
payload_v2 = S + C + b"".join(url_entry(u) for u in ["wss://signal.example.org", "ws://192.168.1.20:4444"])
data = [2] + convertbits(payload_v2, 8, 5)
chars = "".join(CHARSET[d] for d in data + bech32_create_checksum("quire", data))
print("V2", "-".join(["QUIRE1"] + [chars[i : i + 5] for i in range(0, len(chars), 5)]).upper())
print("min minutes (2024-01-01)", ms(2024, 1, 1, 0, 0) // 60000, "max minutes (2100-01-01)", E2 // 60000)
