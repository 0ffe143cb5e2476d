"""IBANs, BICs, routing and account numbers, tax and VAT numbers of businesses."""
import checks
import ids
import wrap
from checks import digits, mod11_10_digit, weighted
from fmt import four, grp

R = ids.R


def _n(k):
    return ids.num(k, "0123456789")


def _letters(k):
    return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(k))


def iban(country):
    fr_key = lambda b, g, a: "%02d" % (97 - (89 * int(b) + 15 * int(g) + 3 * int(a)) % 97)
    bban = {
        "DE": lambda: _n(8) + _n(10), "GB": lambda: R.choice(["NWBK", "BARC", "HBUK", "LOYD"]) + _n(6) + _n(8),
        "FR": lambda: (lambda b, g, a: b + g + a + fr_key(b, g, a))(_n(5), _n(5), _n(11)),
        "ES": lambda: _n(20), "IT": lambda: R.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") + _n(5) + _n(5) + _n(12),
        "NL": lambda: R.choice(["ABNA", "INGB", "RABO", "TRIO"]) + _n(10), "BE": lambda: _n(12),
        "CH": lambda: _n(5) + _n(12), "AT": lambda: _n(16), "PL": lambda: _n(24), "PT": lambda: _n(21),
        "SE": lambda: _n(20), "NO": lambda: _n(11), "DK": lambda: _n(14), "FI": lambda: _n(14),
        "IE": lambda: R.choice(["AIBK", "BOFI"]) + _n(6) + _n(8), "MT": lambda: _letters(4) + _n(5) + _n(18),
    }[country]()
    return country + checks.iban_check(country, bban) + bban


def ibans():
    out = []
    plan = [
        ("DE", lambda v: wrap.tool_result("IBAN", four(v), "camel"), "grouped DE IBAN in an escaped tool result", True),
        ("GB", lambda v: wrap.email("Please pay the invoice to %s (NatWest)." % four(v)), "GB IBAN with letters bank code, spaced, in an email", True),
        ("FR", lambda v: "RIB / IBAN : %s  BIC : BNPAFRPP" % four(v), "French RIB line", True),
        ("ES", lambda v: wrap.csv("iban", v), "compact ES IBAN in CSV", False),
        ("IT", lambda v: wrap.record("codice IBAN", v, "camel"), "IT IBAN with CIN letter under codiceIban", False),
        ("NL", lambda v: "Rekeningnummer: %s t.n.v. %s" % (four(v), wrap.name()), "Dutch label, spaced", True),
        ("BE", lambda v: wrap.yaml("bank account", four(v)), "BE IBAN (16 chars) in YAML", True),
        ("CH", lambda v: wrap.log("iban", four(v)), "CH IBAN in a log line", True),
        ("AT", lambda v: wrap.md_table("IBAN", four(v)), "AT IBAN in a Markdown table", True),
        ("PL", lambda v: "Numer rachunku: %s" % four(v), "Polish label, 28 chars grouped", True),
        ("PT", lambda v: wrap.record("iban", v, "snake"), "PT IBAN compact", False),
        ("SE", lambda v: wrap.html("IBAN", four(v)), "SE IBAN in HTML", True),
        ("NO", lambda v: "Kontonummer (IBAN) %s" % v, "NO IBAN, shortest (15)", False),
        ("DK", lambda v: wrap.tool_args("iban", v.lower(), "snake"), "DK IBAN typed in lower case", False),
        ("FI", lambda v: wrap.email("Tilinumero: %s" % four(v)), "Finnish label", True),
        ("IE", lambda v: wrap.env("payout iban", v), ".env variable", False),
        ("MT", lambda v: "beneficiary IBAN %s" % four(v), "MT IBAN, 31 chars", True),
        ("DE", lambda v: "IBAN: %s" % four(v, "-"), "DE IBAN grouped with dashes", True),
    ]
    for country, make, note, _ in plan:
        v = iban(country)
        text = make(v)
        shown = next(s for s in (four(v), four(v, "-"), v.lower(), v) if s in text)
        out.append(("IBAN", shown, text, note))
    return out


def bic():
    codes = ["DEUTDEFF500", "BNPAFRPP", "NWBKGB2L", "INGBNL2A", "UBSWCHZH80A", "COBADEFFXXX"]
    return [
        ("SWIFT_BIC", codes[0], wrap.record("BIC", codes[0], "camel"), "11-char BIC under bic"),
        ("SWIFT_BIC", codes[1], "Banque: BNP Paribas, code SWIFT : %s" % codes[1], "French 'code SWIFT' label, 8 chars"),
        ("SWIFT_BIC", codes[2], wrap.csv("swift_code", codes[2]), "CSV column swift_code"),
        ("SWIFT_BIC", codes[3], wrap.email("IBAN follows separately, BIC %s." % codes[3]), "BIC in prose"),
        ("SWIFT_BIC", codes[5], wrap.yaml("swift bic", codes[5]), "XXX head-office branch in YAML"),
    ]


def routing_and_accounts():
    out = []
    aba = [ids.us_aba() for _ in range(4)]
    out += [
        ("US_ABA_ROUTING", aba[0], wrap.record("routing number", aba[0], "camel"), "camelCase routingNumber"),
        ("US_ABA_ROUTING", aba[1], wrap.email("Wire to routing (ABA) %s, account below." % aba[1]), "prose"),
        ("US_ABA_ROUTING", aba[2], wrap.csv("aba", aba[2]), "CSV column aba"),
        ("US_ABA_ROUTING", aba[3], "RTN: %s" % aba[3], "RTN abbreviation"),
    ]
    acct = [_n(10), "00" + _n(10), _n(12), _n(8)]
    out += [
        ("US_BANK_ACCOUNT", acct[0], wrap.record("account number", acct[0], "camel"), "camelCase accountNumber"),
        ("US_BANK_ACCOUNT", acct[1], "Checking acct # %s, routing %s" % (acct[1], aba[0]), "acct # with leading zeros and a routing number nearby"),
        ("US_BANK_ACCOUNT", acct[2], wrap.record("bank account no", acct[2], "snake"), "snake_case bank_account_no"),
        ("US_BANK_ACCOUNT", acct[3], wrap.email("Please deposit to my savings account %s." % acct[3]), "8-digit account in prose"),
    ]
    tr = ["%05d-%03d" % (R.randint(1, 99999), R.choice([1, 2, 3, 4, 6, 10, 16])) for _ in range(3)]
    out += [
        ("CA_BANK_TRANSIT", tr[0], "Transit/institution: %s, account 1234567" % tr[0], "paper format TTTTT-III"),
        ("CA_BANK_TRANSIT", tr[1], wrap.record("transit number", tr[1], "camel"), "camelCase transitNumber"),
        ("CA_BANK_TRANSIT", "0%s %s" % (tr[2][6:], tr[2][:5]), "Direct deposit routing (electronic): 0%s %s" % (tr[2][6:], tr[2][:5]), "electronic 0III TTTTT form"),
    ]
    sc = ["%02d-%02d-%02d" % (R.randint(1, 99), R.randint(0, 99), R.randint(0, 99)) for _ in range(4)]
    out += [
        ("UK_SORT_CODE_ACCOUNT", sc[0], "Sort code: %s  Account no: %s" % (sc[0], _n(8)), "sort code and account on one line"),
        ("UK_SORT_CODE_ACCOUNT", sc[1] + " " + (a := _n(8)), wrap.email("Bank details: %s %s (Barclays)." % (sc[1], a)), "sort code followed by account"),
        ("UK_SORT_CODE_ACCOUNT", sc[2], wrap.record("sort code", sc[2], "snake") [:-1] + ', "account_number": "%s"}' % _n(8), "JSON sort_code then account_number"),
        ("UK_SORT_CODE_ACCOUNT", sc[3].replace("-", ""), "sortcode=%s accountnumber=%s" % (sc[3].replace("-", ""), _n(8)), "sort code without dashes"),
    ]
    bsb = ["%03d-%03d" % (R.randint(10, 999), R.randint(0, 999)) for _ in range(3)]
    out += [
        ("AU_BSB_ACCOUNT", bsb[0], "BSB: %s Account: %s" % (bsb[0], _n(9)), "BSB then account"),
        ("AU_BSB_ACCOUNT", bsb[1], wrap.record("bsb", bsb[1], "camel")[:-1] + ', "accountNumber": "%s"}' % _n(8), "JSON bsb + accountNumber"),
        ("AU_BSB_ACCOUNT", bsb[2] + " " + (a := _n(6)), wrap.email("Pay into BSB %s %s, CommBank." % (bsb[2], a)), "BSB and 6-digit account in prose"),
    ]
    ifsc = [R.choice(["SBIN", "HDFC", "ICIC", "UTIB", "KKBK"]) + "0" + _n(6) for _ in range(3)] + ["SBIN0" + _letters(1) + _n(5)]
    out += [
        ("IN_IFSC", ifsc[0], wrap.record("IFSC code", ifsc[0], "camel"), "camelCase ifscCode"),
        ("IN_IFSC", ifsc[1], "Beneficiary A/c 50100234567812, IFSC %s, Branch: Andheri East" % ifsc[1], "NEFT details line"),
        ("IN_IFSC", ifsc[2].lower(), wrap.email("ifsc code: %s" % ifsc[2].lower()), "typed in lower case"),
        ("IN_IFSC", ifsc[3], wrap.csv("ifsc", ifsc[3]), "alphanumeric branch part"),
    ]
    return out


def tax_business():
    out = []
    ein = [ids.us_ein() for _ in range(4)]
    out += [
        ("US_EIN", ein[0], wrap.record("EIN", ein[0], "camel"), "key ein"),
        ("US_EIN", ein[1], "Employer Identification Number (EIN): %s" % ein[1], "long label"),
        ("US_EIN", ein[2], wrap.csv("fein", ein[2]), "FEIN column"),
        ("US_EIN", ein[3], wrap.email("Our federal tax ID is %s, W-9 attached." % ein[3]), "'federal tax ID' in prose"),
    ]
    de = _n(8)
    de += mod11_10_digit(de)
    siren = _n(8)
    siren += checks.luhn_digit(siren)
    fr = "FR%02d%s" % ((12 + 3 * (int(siren) % 97)) % 97, siren)
    it = _n(10)
    it += checks.luhn_digit(it)
    nl_body = ids.nl_bsn()
    be = "0" + _n(7)
    be += "%02d" % (97 - int(be) % 97)
    es = _es_cif(_n(7))
    out += [
        ("EU_VAT", "DE" + de, wrap.record("USt-IdNr", "DE" + de, "raw"), "German label USt-IdNr, DE + 9 digits"),
        ("EU_VAT", fr[:4] + " " + fr[4:], "N° TVA intracommunautaire : %s %s" % (fr[:4], fr[4:]), "FR key + SIREN, spaced"),
        ("EU_VAT", "IT" + it, wrap.email("Partita IVA: IT%s" % it), "Italian label, IT 11 digits"),
        ("EU_VAT", "NL%sB01" % nl_body, wrap.csv("vat_number", "NL%sB01" % nl_body), "NL 9 digits + B01"),
        ("EU_VAT", "BE %s.%s.%s" % (be[:4], be[4:7], be[7:]), "BTW-nummer: BE %s.%s.%s" % (be[:4], be[4:7], be[7:]), "BE with dots as printed on invoices"),
        ("EU_VAT", es, wrap.record("vat id", es, "camel"), "ES company (CIF letter B) with its check digit"),
    ]
    return out


def _es_cif(body7):
    ds = digits(body7)
    total = sum(ds[1::2]) + sum(sum(digits(str(2 * d))) for d in ds[0::2])
    return "ESB" + body7 + str((10 - total % 10) % 10)
