"""Primitives of the reference implementation of `jianguan-draw/1`
(scripts/draw_reference.py): AES-128, canonical JSON, digests, the PRF,
keys, codes and ratios, written from docs/draw-algorithm.md alone
(section numbers cited as §N), standard library only."""

import decimal
import hashlib
import math

ALGORITHM = "jianguan-draw/1"

# Appendix D: "blank" means empty once Unicode White_Space is removed (not
# Python's wider str.isspace, which also counts U+001C..U+001F).
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) \
    + "\u2028\u2029\u202f\u205f\u3000"


def blank(text):
    return not text.strip(WHITE_SPACE)
RECORD_FORMAT = "jianguan-draw-record/1"


class DrawError(Exception):
    """A refusal of the draw; `kind` is the snake_case error kind."""

    def __init__(self, kind, message=""):
        super().__init__(f"{kind}: {message}" if message else kind)
        self.kind = kind


# ---------------------------------------------------------------- AES-128 (§4)
def _xtime(a):
    return ((a << 1) ^ 0x1B) & 0xFF if a & 0x80 else a << 1


def _gmul(a, b):
    r = 0
    while b:
        if b & 1:
            r ^= a
        a, b = _xtime(a), b >> 1
    return r


def _make_sbox():
    # S(x) = affine(x^-1) in GF(2^8) with polynomial x^8+x^4+x^3+x+1 (FIPS 197 §5.1.1).
    inv = [0] * 256
    for x in range(1, 256):
        for y in range(1, 256):
            if _gmul(x, y) == 1:
                inv[x] = y
                break
    rotl = lambda b, n: ((b << n) | (b >> (8 - n))) & 0xFF
    return [b ^ rotl(b, 1) ^ rotl(b, 2) ^ rotl(b, 3) ^ rotl(b, 4) ^ 0x63 for b in inv]


SBOX = _make_sbox()
MUL2 = [_xtime(a) for a in range(256)]
MUL3 = [_xtime(a) ^ a for a in range(256)]


def aes128_expand(key):
    """Key expansion: 11 round keys of 16 bytes (FIPS 197 §5.2)."""
    w = [list(key[4 * i:4 * i + 4]) for i in range(4)]
    rcon = 1
    for i in range(4, 44):
        t = list(w[i - 1])
        if i % 4 == 0:
            t = [SBOX[b] for b in t[1:] + t[:1]]
            t[0] ^= rcon
            rcon = _xtime(rcon)
        w.append([a ^ b for a, b in zip(w[i - 4], t)])
    return [sum(w[4 * r:4 * r + 4], []) for r in range(11)]


def aes128_encrypt(round_keys, block):
    """Encrypt one 16-byte block; state byte i is row i%4, column i//4."""
    s = [a ^ b for a, b in zip(block, round_keys[0])]
    for rnd in range(1, 11):
        s = [SBOX[b] for b in s]                                          # SubBytes
        s = [s[(i + 4 * (i % 4)) % 16] for i in range(16)]                # ShiftRows
        if rnd != 10:                                                     # MixColumns
            m = []
            for c in range(4):
                a0, a1, a2, a3 = s[4 * c:4 * c + 4]
                m += [MUL2[a0] ^ MUL3[a1] ^ a2 ^ a3, a0 ^ MUL2[a1] ^ MUL3[a2] ^ a3,
                      a0 ^ a1 ^ MUL2[a2] ^ MUL3[a3], MUL3[a0] ^ a1 ^ a2 ^ MUL2[a3]]
            s = m
        s = [a ^ b for a, b in zip(s, round_keys[rnd])]                   # AddRoundKey
    return bytes(s)


def aes_self_test():
    key = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
    ct = aes128_encrypt(aes128_expand(key), bytes.fromhex("00112233445566778899aabbccddeeff"))
    if ct.hex() != "69c4e0d86a7b0430d8cdb78070b4c55a":
        raise SystemExit("AES-128 self-test (FIPS-197 C.1) failed: " + ct.hex())


# ------------------------------------------------------------ encodings (§3)
def _esc(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif o < 0x20:  # ASSUMPTION: "control characters" = U+0000..U+001F only
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canon(v):
    """Canonical JSON text (§3)."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return _esc(v)
    if isinstance(v, list):
        return "[" + ",".join(canon(x) for x in v) + "]"
    if isinstance(v, dict):
        keys = sorted(v, key=lambda k: k.encode("utf-8"))
        return "{" + ",".join(_esc(k) + ":" + canon(v[k]) for k in keys) + "}"
    raise DrawError("invalid_plan", f"not allowed in canonical JSON: {v!r}")


def canon_bytes(v):
    return canon(v).encode("utf-8")


def lp(x):
    b = x.encode("utf-8") if isinstance(x, str) else bytes(x)
    return len(b).to_bytes(4, "big") + b


def u32be(n):
    return n.to_bytes(4, "big")


def sha256(b):
    return hashlib.sha256(b).digest()


def ubytes(s):
    return s.encode("utf-8")


# -------------------------------------------------------- input digests (§2)
def entity_obj(e):
    return {"credit_class": e["credit_class"],
            # §2: a set of business lines, so a repeated id counts once
            "industries": sorted(set(e.get("industries", [])), key=ubytes),
            "last_penalty_on": e.get("last_penalty_on"), "region": e["region"],
            "registered_on": e["registered_on"], "status": e["status"],
            "uscc": e["uscc"], "weight": e.get("weight", 1)}


def history_obj(h):
    return {"date": h["date"], "department": h["department"],
            "items": sorted(h["items"], key=ubytes), "level": h["level"], "uscc": h["uscc"]}


def inspector_obj(i):
    return {"conflicts": sorted(i.get("conflicts", []), key=ubytes),
            "department": i["department"], "id": i["id"], "name": i.get("name"),
            "qualifications": sorted(i.get("qualifications", []), key=ubytes),
            "status": i.get("status", "active"), "team": i.get("team"),
            "workload_cap": i.get("workload_cap")}


def roster_digest(entities):
    return sha256(b"".join(canon_bytes(e) + b"\n" for e in entities))


def history_digest(history):
    return sha256(b"".join(sorted(canon_bytes(h) + b"\n" for h in history)))


# ------------------------------------------------------------------- PRF (§4)
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]


def valid_code(code):
    """Appendix D: 18 characters of the alphabet, positions 3-8 digits, and
    the GB 32100 check character; nothing else (not GB 11714)."""
    if not isinstance(code, str) or len(code) != 18 or \
            any(c not in USCC_ALPHABET for c in code) or not code[2:8].isdigit():
        return False
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(code, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31] == code[17]


def block(code):
    if len(code) != 18 or any(c not in USCC_ALPHABET for c in code):
        raise DrawError("invalid_roster", f"bad code {code!r}")
    n = 0
    for c in code:
        n = n * 31 + USCC_ALPHABET.index(c)
    return n.to_bytes(16, "big")


class Prf:
    def __init__(self, key):
        self.rk = aes128_expand(key)

    def __call__(self, code):
        return int.from_bytes(aes128_encrypt(self.rk, block(code)), "big")


# ------------------------------------------------------- seed and keys (§5)
def make_seed(digests, entropy):
    data = lp(ALGORITHM) + b"".join(digests) + u32be(len(entropy))
    for pv in entropy:
        data += lp(pv["label"]) + lp(pv["value"])
    return sha256(data)


def derived_key(seed, label, index):
    return sha256(seed + lp(label) + u32be(index))[:16]


# ---------------------------------------------------------- keys (§6)
def weighted_key(v, w):
    u = (float(v >> 76) + 0.5) / 2.0 ** 52  # exact: 52 bits plus one half fit in binary64
    return -math.log(u) / w


def sort_key_fn(prf, weighted):
    def key(e):
        v = prf(e["uscc"])
        return (weighted_key(v, e["weight"]), v) if weighted else v  # ties by v (§6)
    return key


# ---------------------------------------------------- plan (Appendix C)
LEVELS = ["county", "city", "province", "national"]
DOMAINS = {
    "food": ["food_production", "food_sales", "catering"],
    "drugs": ["drug_manufacturing", "drug_wholesale", "drug_retail",
              "medical_device_trade", "cosmetics_trade"],
    "special_equipment": ["special_equipment_use"],
    "hazardous_chemicals": ["hazardous_chemical_production",
                            "hazardous_chemical_storage", "hazardous_chemical_trade"],
    "product_quality": ["industrial_products"],
}


def ppm(text):
    """Decimal string with at most six decimals -> exact parts per million (§7.4);
    a JSON number is read as its shortest round-trip text (Appendix C)."""
    if isinstance(text, float):  # shortest round-trip, plain notation (Appendix C)
        text = format(decimal.Decimal(repr(text)), "f")
    elif isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str) or text.count(".") > 1:
        raise DrawError("invalid_plan", f"bad ratio {text!r}")
    whole, _, frac = text.partition(".")
    if not whole.isdigit() or len(frac) > 6 or (frac and not frac.isdigit()) or (_ and not frac):
        raise DrawError("invalid_plan", f"bad ratio {text!r}")
    return int(whole) * 10**6 + int(frac.ljust(6, "0") or 0)


def ratio_text(p):
    """Shortest decimal string of p parts per million (Appendix C)."""
    whole, frac = divmod(p, 10**6)
    frac = ("%06d" % frac).rstrip("0")
    return f"{whole}.{frac}" if frac else str(whole)


def with_check(first17):
    """Appendix B: a code from its first 17 characters and the check character."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]
