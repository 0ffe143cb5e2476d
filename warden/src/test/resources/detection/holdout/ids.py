"""Valid national, tax and health identifiers, each made by the rule the catalogue gives for it."""
import random

from checks import (digits, icao_digit, luhn_digit, mod11_10_digit, verhoeff_digit, weighted,
                    ean13_digit)

R = random.Random(20261207)


def num(n, first="123456789"):
    return R.choice(first) + "".join(R.choice("0123456789") for _ in range(n - 1))


def date6(order="ymd", y0=1950, y1=1999):
    y, m, d = R.randint(y0, y1), R.randint(1, 12), R.randint(1, 28)
    parts = {"y": "%02d" % (y % 100), "m": "%02d" % m, "d": "%02d" % d}
    return "".join(parts[c] for c in order), (y, m, d)


def until(make, ok):
    while True:
        v = make()
        if ok(v):
            return v


def us_ssn():
    def make():
        area = R.randint(1, 899)
        return "%03d%02d%04d" % (area, R.randint(1, 99), R.randint(1, 9999))
    return until(make, lambda v: v[:3] != "666" and v not in ("078051120", "219099999", "123456789"))


def us_itin():
    return "9%02d%02d%04d" % (R.randint(0, 99), R.choice([R.randint(70, 88), R.randint(50, 65), R.randint(94, 99)]), R.randint(1, 9999))


def us_aba():
    def make():
        prefix = "%02d" % R.choice(list(range(1, 13)) + list(range(21, 33)) + list(range(61, 73)))
        body = prefix + num(6, "0123456789")
        for c in "0123456789":
            d = digits(body + c)
            if (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0:
                return body + c
    return make()


def us_ein():
    prefixes = [p for p in range(1, 100) if p not in (7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97)]
    return "%02d-%s" % (R.choice(prefixes), num(7, "0123456789"))


def us_npi():
    body = R.choice("12") + num(8, "0123456789")
    return body + luhn_digit("80840" + body)


def us_dea():
    letters = R.choice("ABFGM") + R.choice("ABCDEFGHJKLMNPRSTW")
    d = [R.randint(0, 9) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return letters + "".join(map(str, d)) + str(check)


def us_mbi():
    alpha = "ACDEFGHJKMNPQRTUVWXY"
    an = alpha + "0123456789"
    p = [R.choice("123456789"), R.choice(alpha), R.choice(an), R.choice("0123456789"), R.choice(alpha),
         R.choice(an), R.choice("0123456789"), R.choice(alpha), R.choice(alpha), R.choice("0123456789"),
         R.choice("0123456789")]
    return "".join(p)


def uk_nino():
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    return until(lambda: R.choice(first) + R.choice(second), lambda p: p not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ")) + num(6, "0123456789") + R.choice("ABCD")


def uk_nhs():
    def make():
        body = num(9, "0123456789")
        r = weighted(digits(body), range(10, 1, -1)) % 11
        c = 11 - r
        return None if c == 10 else body + str(0 if c == 11 else c)
    return until(make, bool)


def uk_utr():
    body = num(9, "0123456789")
    return "21987654321"[weighted(digits(body), (6, 7, 8, 9, 10, 5, 4, 3, 2)) % 11] + body


def uk_driving(surname, initials, female=False):
    ymd, (y, m, d) = date6()
    month = "%02d" % (m + 50 if female else m)
    return (surname.upper() + "99999")[:5] + str(y % 100 // 10) + month + "%02d" % d + str(y % 10) + (initials + "9")[:2] + "9" + R.choice("ABCDEFGHJKLMNPRSTWXYZ") + R.choice("ABCDEFGHJKLMNPRSTWXYZ")


def ca_sin():
    body = R.choice("1234567") + num(7, "0123456789")
    return body + luhn_digit(body)


def ca_ohip():
    body = num(9, "123456789")
    return body + luhn_digit(body)


def de_steuer_id():
    def make():
        ds = [R.randint(1, 9)] + [R.randint(0, 9) for _ in range(9)]
        counts = {}
        for x in ds:
            counts[x] = counts.get(x, 0) + 1
        many = [k for k, c in counts.items() if c > 1]
        if len(many) != 1 or counts[many[0]] > 3 or len(counts) == 10:
            return None
        s = "".join(map(str, ds))
        if counts[many[0]] == 3 and str(many[0]) * 3 in s:
            return None
        return s + mod11_10_digit(s)
    return until(make, bool)


def de_id_card():
    letters = "CFGHJKLMNPRTVWXYZ"
    body = R.choice("LMNPRTVWXY") + "".join(R.choice(letters + "0123456789") for _ in range(8))
    return body + icao_digit(body)


def de_social(initial):
    area = "%02d" % R.choice([12, 13, 15, 17, 18, 19, 23, 24, 25, 26, 28, 29, 38, 39, 40, 42, 43, 44, 45, 49, 53, 54, 55, 56, 58, 59, 65, 66])
    ymd, _ = date6("dmy")
    serial = "%02d" % R.randint(0, 49)
    letter = "%02d" % (ord(initial) - 64)
    ds = digits(area + ymd + letter + serial)
    total = 0
    for d, w in zip(ds, (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)):
        p = d * w
        total += p // 10 + p % 10
    return area + ymd + initial + serial + str(total % 10)


def fr_nir(sex="1"):
    yy, mm = "%02d" % R.randint(50, 99), "%02d" % R.randint(1, 12)
    dept = "%02d" % R.choice([13, 31, 33, 44, 59, 67, 69, 75, 92, 93])
    body = sex + yy + mm + dept + "%03d" % R.randint(1, 300) + "%03d" % R.randint(1, 500)
    return body + "%02d" % (97 - int(body) % 97)


def es_dni():
    n = num(8, "0123456789")
    return n + "TRWAGMYFPDXBNJZSQVHLCKE"[int(n) % 23]


def es_nie():
    p = R.choice("XYZ")
    n = num(7, "0123456789")
    return p + n + "TRWAGMYFPDXBNJZSQVHLCKE"[int(str("XYZ".index(p)) + n) % 23]


def it_cf(sur, name, y, month_letter, day, place):
    body = sur + name + "%02d" % (y % 100) + month_letter + "%02d" % day + place
    odd = {c: v for c, v in zip("0123456789", [1, 0, 5, 7, 9, 13, 15, 17, 19, 21])}
    odd.update({c: v for c, v in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                                   [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23])})
    even = {c: int(c) for c in "0123456789"}
    even.update({c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")})
    total = sum((odd if i % 2 == 0 else even)[c] for i, c in enumerate(body))
    return body + chr(65 + total % 26)


def nl_bsn():
    def make():
        body = num(8, "0123456789")
        for c in "0123456789":
            ds = digits(body + c)
            if (weighted(ds[:8], range(9, 1, -1)) - ds[8]) % 11 == 0:
                return body + c
    return until(make, bool)


def be_nn(y2000=False):
    ymd, _ = date6("ymd", 2001 if y2000 else 1950, 2009 if y2000 else 1999)
    body = ymd + "%03d" % R.randint(1, 997)
    base = int(("2" if y2000 else "") + body)
    return body + "%02d" % (97 - base % 97)


def pl_pesel():
    ymd, (y, m, d) = date6("ymd", 1950, 2009)
    if y >= 2000:
        ymd = ymd[:2] + "%02d" % (m + 20) + ymd[4:]
    body = ymd + num(4, "0123456789")
    return body + str((10 - weighted(digits(body), (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)) % 10) % 10)


def se_pnr():
    ymd, _ = date6()
    body = ymd + num(3, "0123456789")
    return body + luhn_digit(body)


def no_fnr():
    def make():
        ymd, _ = date6("dmy")
        body = ymd + num(3, "0123456789")
        k1 = 11 - weighted(digits(body), (3, 7, 6, 1, 8, 9, 4, 5, 2)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            return None
        k2 = 11 - weighted(digits(body + str(k1)), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)) % 11
        k2 = 0 if k2 == 11 else k2
        return None if k2 == 10 else body + str(k1) + str(k2)
    return until(make, bool)


def dk_cpr():
    ymd, _ = date6("dmy")
    return ymd + "-" + num(4, "0123456789")


def fi_hetu():
    ymd, (y, _, _) = date6("dmy", 1950, 2010)
    sign = "A" if y >= 2000 else "-"
    ind = "%03d" % R.randint(2, 899)
    return ymd + sign + ind + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(ymd + ind) % 31]


def at_svnr():
    def make():
        ymd, _ = date6("dmy")
        serial = "%03d" % R.randint(100, 999)
        ds = digits(serial + "0" + ymd)
        c = weighted(ds, (3, 7, 9, 0, 5, 8, 4, 2, 1, 6)) % 11
        return None if c == 10 else serial + str(c) + ymd
    return until(make, bool)


def ch_ahv():
    body = "756" + num(9, "0123456789")
    return body + ean13_digit(body)


def ie_ppsn(second=""):
    body = num(7, "0123456789")
    extra = (ord(second) - 64) * 9 if second else 0
    return body + "WABCDEFGHIJKLMNOPQRSTUV"[(weighted(digits(body), range(8, 1, -1)) + extra) % 23] + second


def pt_nif(first="12"):
    body = R.choice(first) + num(7, "0123456789")
    c = 11 - weighted(digits(body), range(9, 1, -1)) % 11
    return body + str(0 if c >= 10 else c)


def ro_cnp():
    ymd, _ = date6()
    body = R.choice("12") + ymd + "%02d" % R.randint(1, 46) + "%03d" % R.randint(1, 999)
    r = weighted(digits(body), (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)) % 11
    return body + str(1 if r == 10 else r)


def cz_birth(female=False):
    def make():
        ymd, (y, m, d) = date6("ymd", 1954, 1999)
        if female:
            ymd = ymd[:2] + "%02d" % (m + 50) + ymd[4:]
        body = ymd + num(3, "0123456789")
        r = int(body) % 11
        return None if r == 10 else body + str(r if r < 10 else 0)
    v = until(make, bool)
    assert int(v) % 11 == 0
    return v


def hr_oib():
    body = num(10, "0123456789")
    return body + mod11_10_digit(body)


def au_tfn():
    def make():
        body = num(8, "123456789")
        for c in "0123456789":
            if weighted(digits(body + c), (1, 4, 3, 7, 5, 8, 6, 9, 10)) % 11 == 0:
                return body + c
    return until(make, bool)


def au_medicare():
    body = R.choice("23456") + num(7, "0123456789")
    return body + str(weighted(digits(body), (1, 3, 7, 9, 1, 3, 7, 9)) % 10) + R.choice("123")


def au_abn():
    def make():
        v = num(11, "123456789")
        ds = digits(v)
        ds[0] -= 1
        return v if weighted(ds, (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)) % 89 == 0 else None
    return until(make, bool)


def au_acn():
    body = num(8, "0123456789")
    return body + str((10 - weighted(digits(body), range(8, 0, -1)) % 10) % 10)


def nz_ird():
    def make():
        base = "%08d" % R.randint(10000000, 149999999 // 10)
        r = weighted(digits(base), (3, 2, 7, 6, 5, 4, 3, 2)) % 11
        c = 0 if r == 0 else 11 - r
        if c == 10:
            r = weighted(digits(base), (7, 4, 3, 2, 5, 2, 7, 6)) % 11
            c = 0 if r == 0 else 11 - r
            if c == 10:
                return None
        return base.lstrip("0") + str(c)
    return until(make, bool)


NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def nz_nhi():
    def make():
        letters = "".join(R.choice(NHI_LETTERS[:-1]) for _ in range(3))
        ds = [R.randint(0, 9) for _ in range(3)]
        vals = [NHI_LETTERS.index(c) + 1 for c in letters] + ds
        r = weighted(vals, (7, 6, 5, 4, 3, 2)) % 11
        if r == 0:
            return None
        c = 11 - r
        return letters + "".join(map(str, ds)) + str(0 if c == 10 else c)
    return until(make, bool)


def sg_nric(prefix="S"):
    body = num(7, "0123456789")
    total = weighted(digits(body), (2, 7, 6, 5, 4, 3, 2)) + (4 if prefix in "TG" else 0)
    table = "JZIHGFEDCBA" if prefix in "ST" else "XWUTRQPNMLK"
    return prefix + body + table[total % 11]


def in_aadhaar():
    body = R.choice("23456789") + num(10, "0123456789")
    return body + verhoeff_digit(body)


def in_pan(surname_initial):
    return "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3)) + R.choice("PPPCHF") + surname_initial + num(4, "0123456789") + R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")


def in_gstin(pan):
    body = "%02d" % R.choice([7, 9, 19, 24, 27, 29, 33, 36]) + pan + R.choice("123") + "Z"
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    total = 0
    for i, c in enumerate(body):
        p = alphabet.index(c) * (2 if i % 2 else 1)
        total += p // 36 + p % 36
    return body + alphabet[(36 - total % 36) % 36]


def cn_id():
    region = R.choice(["110105", "310104", "440305", "510107", "330106"])
    ymd, (y, m, d) = date6("ymd", 1960, 2002)
    body = region + "%04d%02d%02d" % (y, m, d) + "%03d" % R.randint(1, 999)
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[weighted(digits(body), weights) % 11]


def hk_hkid():
    letter = R.choice("ACDEGHKPRVYZ")
    body = num(6, "0123456789")
    total = 36 * 9 + (ord(letter) - 55) * 8 + weighted(digits(body), (7, 6, 5, 4, 3, 2))
    c = 11 - total % 11
    return letter + body, "A" if c == 10 else "0" if c == 11 else str(c)


TW_CODES = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def tw_id():
    def make():
        letter = R.choice("ABCDEFGHJKLMNPQRSTUV")
        body = R.choice("12") + num(7, "0123456789")
        code = TW_CODES[letter]
        for c in "0123456789":
            ds = digits(body + c)
            total = code // 10 + (code % 10) * 9 + weighted(ds[:8], range(8, 0, -1)) + ds[8]
            if total % 10 == 0:
                return letter + body + c
    return until(make, bool)


def jp_my_number():
    body = num(11, "0123456789")
    ds = list(reversed(digits(body)))
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(ds, start=1))
    r = total % 11
    return body + str(0 if r <= 1 else 11 - r)


def kr_rrn():
    ymd, _ = date6("ymd", 1960, 1999)
    body = ymd + R.choice("12") + num(5, "0123456789")
    c = (11 - weighted(digits(body), (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)) % 11) % 10
    return body + str(c)


def th_id():
    body = R.choice("12358") + num(11, "0123456789")
    return body + str((11 - weighted(digits(body), range(13, 1, -1)) % 11) % 10)


def my_nric():
    ymd, _ = date6()
    return ymd + "%02d" % R.choice([1, 2, 5, 7, 8, 10, 12, 14]) + num(4, "0123456789")


def id_nik(female=False):
    ymd, (y, m, d) = date6("dmy")
    if female:
        ymd = "%02d" % (d + 40) + ymd[2:]
    return R.choice(["317101", "327302", "357805", "517102"]) + ymd + "%04d" % R.randint(1, 999)


def br_cpf():
    def dv(ds):
        r = (sum(d * w for d, w in zip(ds, range(len(ds) + 1, 1, -1))) * 10) % 11
        return 0 if r == 10 else r
    ds = digits(num(9, "0123456789"))
    ds.append(dv(ds))
    ds.append(dv(ds))
    return "".join(map(str, ds))


def br_cnpj():
    def dv(ds, w):
        r = weighted(ds, w) % 11
        return 0 if r < 2 else 11 - r
    ds = digits(num(8, "0123456789") + "0001")
    ds.append(dv(ds, (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)))
    ds.append(dv(ds, (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)))
    return "".join(map(str, ds))


def mx_curp(body17):
    alphabet = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
    total = sum(alphabet.index(c) * w for c, w in zip(body17, range(18, 1, -1)))
    return body17 + str((10 - total % 10) % 10)


def mx_rfc(body12):
    alphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"
    padded = ("   " + body12)[-12:]
    total = sum(alphabet.index(c) * (13 - i) for i, c in enumerate(padded))
    return body12 + alphabet[(11 - total) % 11]


def ar_cuit(prefix="20"):
    def make():
        body = prefix + num(8, "123456789")
        c = 11 - weighted(digits(body), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)) % 11
        return None if c == 10 else body + str(0 if c == 11 else c)
    return until(make, bool)


def cl_rut():
    body = str(R.randint(5000000, 25000000))
    total = sum(int(d) * w for d, w in zip(reversed(body), [2, 3, 4, 5, 6, 7] * 2))
    c = 11 - total % 11
    return body, "0" if c == 11 else "K" if c == 10 else str(c)


def il_id():
    body = num(8, "0123456789")
    for c in "0123456789":
        total = 0
        for i, d in enumerate(digits(body + c)):
            p = d * (1 if i % 2 == 0 else 2)
            total += p // 10 + p % 10
        if total % 10 == 0:
            return body + c


def tr_tckn():
    ds = digits(num(9, "123456789"))
    d10 = ((ds[0] + ds[2] + ds[4] + ds[6] + ds[8]) * 7 - (ds[1] + ds[3] + ds[5] + ds[7])) % 10
    ds.append(d10)
    ds.append(sum(ds) % 10)
    return "".join(map(str, ds))


def za_id():
    ymd, _ = date6()
    body = ymd + "%04d" % R.randint(0, 9999) + R.choice("01") + "8"
    return body + luhn_digit(body)


def vin():
    trans = {c: v for c, v in zip("ABCDEFGH", range(1, 9))}
    trans.update({c: v for c, v in zip("JKLMN", range(1, 6))})
    trans.update({"P": 7, "R": 9})
    trans.update({c: v for c, v in zip("STUVWXYZ", range(2, 10))})
    alnum = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    while True:
        chars = [R.choice(["1HG", "WVW", "JTD", "5YJ", "WBA", "1FT", "3VW"])] + [R.choice(alnum) for _ in range(5)]
        head = "".join(chars)
        tail = R.choice("ABCDEFGHJKLMNPRSTVWXY123456789") + R.choice(alnum) + num(6, "0123456789")
        vals = [int(c) if c.isdigit() else trans[c] for c in head + "0" + tail]
        r = weighted(vals, (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)) % 11
        return head + ("X" if r == 10 else str(r)) + tail


def imei():
    body = R.choice(["35209900", "35332509", "86891203", "35693803", "01326300"]) + num(6, "0123456789")
    return body + luhn_digit(body)


def card(prefix, length):
    body = prefix + "".join(R.choice("0123456789") for _ in range(length - len(prefix) - 1))
    return body + luhn_digit(body)
