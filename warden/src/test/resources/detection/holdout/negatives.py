"""Hard negatives: look-alikes that must not be reported (as the named type, or at all)."""
import ids
import tokens as t
import wrap
from checks import iban_ok, luhn_ok, verhoeff_ok
from fmt import four, grp

R = ids.R


def _bump(ch):
    return str((int(ch) + 1) % 10)


def _last_changed(v):
    """The value with its check digit changed by one: a typo that its checksum catches."""
    c = v[-1]
    return v[:-1] + (_bump(c) if c.isdigit() else ("B" if c != "B" else "C"))


def _middle_changed(v, ok):
    for i in range(len(v) // 2, len(v) - 1):
        if v[i].isdigit():
            w = v[:i] + _bump(v[i]) + v[i + 1:]
            if not ok(w):
                return w
    raise AssertionError(v)


def near_misses():
    """Every value here carries its label, so only the checksum can tell it is not the type."""
    body = [
        ("CARD_VISA", lambda: four(_middle_changed(ids.card("4", 16), luhn_ok)), "card number: %s"),
        ("CARD_MASTERCARD", lambda: _middle_changed(ids.card("53", 16), luhn_ok), '"cardNumber": "%s"'),
        ("CARD_AMEX", lambda: grp(_middle_changed(ids.card("37", 15), luhn_ok), [4, 6, 5]), "Amex %s"),
        ("CARD_DISCOVER", lambda: _middle_changed(ids.card("6011", 16), luhn_ok), "Discover card %s"),
        ("CARD_JCB", lambda: _middle_changed(ids.card("3530", 16), luhn_ok), "JCB %s"),
        ("CA_SIN", lambda: grp(_middle_changed(ids.ca_sin(), luhn_ok), [3, 3, 3]), "SIN: %s"),
        ("IMEI", lambda: _middle_changed(ids.imei(), luhn_ok), "IMEI %s"),
        ("ZA_ID", lambda: _middle_changed(ids.za_id(), luhn_ok), "SA ID number: %s"),
        ("IN_AADHAAR", lambda: grp(_middle_changed(ids.in_aadhaar(), verhoeff_ok), [4, 4, 4]), "Aadhaar: %s"),
        ("US_NPI", lambda: _last_changed(ids.us_npi()), "NPI: %s"),
        ("US_ABA_ROUTING", lambda: _last_changed(ids.us_aba()), "routing number %s"),
        ("US_DEA", lambda: _last_changed(ids.us_dea()), "DEA# %s"),
        ("UK_NHS_NUMBER", lambda: grp(_last_changed(ids.uk_nhs()), [3, 3, 4]), "NHS number: %s"),
        ("UK_UTR", _utr_bad, "UTR: %s"),
        ("DE_STEUER_ID", lambda: _last_changed(ids.de_steuer_id()), "Steuer-ID: %s"),
        ("DE_ID_CARD", lambda: _last_changed(ids.de_id_card()), "Ausweisnummer: %s"),
        ("FR_NIR", lambda: _last_changed(ids.fr_nir()), "numéro de sécurité sociale : %s"),
        ("ES_DNI_NIF", lambda: _last_changed(ids.es_dni()), "DNI: %s"),
        ("ES_NIE", lambda: _last_changed(ids.es_nie()), "NIE: %s"),
        ("IT_CODICE_FISCALE", lambda: _last_changed(ids.it_cf("RSS", "MRA", 1985, "C", 14, "H501")), "codice fiscale: %s"),
        ("NL_BSN", lambda: _last_changed(ids.nl_bsn()), "BSN: %s"),
        ("BE_NATIONAL_NUMBER", lambda: _last_changed(ids.be_nn()), "rijksregisternummer: %s"),
        ("PL_PESEL", lambda: _last_changed(ids.pl_pesel()), "PESEL: %s"),
        ("SE_PERSONNUMMER", lambda: (lambda v: v[:6] + "-" + v[6:])(_last_changed(ids.se_pnr())), "personnummer: %s"),
        ("NO_FODSELSNUMMER", lambda: _last_changed(ids.no_fnr()), "fødselsnummer: %s"),
        ("FI_HETU", lambda: _last_changed(ids.fi_hetu()), "henkilötunnus: %s"),
        ("AT_SVNR", lambda: _at_bad(), "SVNR: %s"),
        ("CH_AHV", lambda: grp(_last_changed(ids.ch_ahv()), [3, 4, 4, 2], "."), "AHV-Nr: %s"),
        ("IE_PPSN", lambda: _last_changed(ids.ie_ppsn()), "PPSN: %s"),
        ("PT_NIF", lambda: _last_changed(ids.pt_nif()), "NIF: %s"),
        ("RO_CNP", lambda: _last_changed(ids.ro_cnp()), "CNP: %s"),
        ("CZ_SK_BIRTH_NUMBER", lambda: (lambda v: v[:6] + "/" + v[6:])(_last_changed(ids.cz_birth())), "rodné číslo: %s"),
        ("HR_OIB", lambda: _last_changed(ids.hr_oib()), "OIB: %s"),
        ("AU_TFN", lambda: _last_changed(ids.au_tfn()), "TFN: %s"),
        ("AU_ABN", lambda: _last_changed(ids.au_abn()), "ABN %s"),
        ("AU_ACN", lambda: _last_changed(ids.au_acn()), "ACN %s"),
        ("SG_NRIC_FIN", lambda: _last_changed(ids.sg_nric("S")), "NRIC: %s"),
        ("CN_RESIDENT_ID", lambda: _last_changed(ids.cn_id()), "身份证号: %s"),
        ("TW_NATIONAL_ID", lambda: _last_changed(ids.tw_id()), "National ID: %s"),
        ("JP_MY_NUMBER", lambda: _last_changed(ids.jp_my_number()), "マイナンバー: %s"),
        ("TH_NATIONAL_ID", lambda: _last_changed(ids.th_id()), "Thai national ID: %s"),
        ("BR_CPF", lambda: (lambda v: "%s.%s.%s-%s" % (v[:3], v[3:6], v[6:9], v[9:]))(_last_changed(ids.br_cpf())), "CPF: %s"),
        ("BR_CNPJ", lambda: _last_changed(ids.br_cnpj()), "CNPJ: %s"),
        ("AR_CUIT_CUIL", lambda: _last_changed(ids.ar_cuit()), "CUIT: %s"),
        ("IL_TEUDAT_ZEHUT", lambda: _last_changed(ids.il_id()), "teudat zehut: %s"),
        ("TR_TCKN", lambda: _last_changed(ids.tr_tckn()), "TC Kimlik No: %s"),
        ("VEHICLE_VIN", lambda: _vin_bad(), "VIN: %s"),
        ("IBAN", lambda: four(_middle_changed(__import__("cases_bank").iban("DE"), iban_ok)), "IBAN: %s"),
        ("IBAN", lambda: four(_middle_changed(__import__("cases_bank").iban("GB"), iban_ok)), "IBAN %s"),
    ]
    out = []
    for typ, make, tpl in body:
        v = make()
        out.append((None, typ, v, tpl % v, "one digit off: fails the %s check although the label is right" % typ))
    return out


def _utr_bad():
    v = ids.uk_utr()
    return _bump(v[0]) + v[1:]


def _at_bad():
    v = ids.at_svnr()
    return v[:3] + _bump(v[3]) + v[4:]


def _vin_bad():
    v = ids.vin()
    c = v[8]
    return v[:8] + ("0" if c == "X" else "X" if c == "9" else _bump(c)) + v[9:]


def crypto_misses():
    good = t.eth()
    flipped = next(good[:i] + good[i].swapcase() + good[i + 1:] for i in range(2, 42) if good[i].isalpha())
    btc = t.btc_p2pkh()
    bad_btc = btc[:-1] + ("2" if btc[-1] != "2" else "3")
    tx = "0x" + t.rnd(64, t.HEX)
    return [
        (None, "CRYPTO_ETH_ADDRESS", flipped, "to: %s" % flipped, "mixed case with one letter's case flipped: fails EIP-55"),
        (None, "CRYPTO_BTC_ADDRESS", bad_btc, "Send to %s" % bad_btc, "Base58Check checksum fails (last char changed)"),
        (None, "CRYPTO_ETH_ADDRESS", tx, "tx hash %s confirmed" % tx, "64-hex transaction hash, not a 40-hex address"),
    ]
