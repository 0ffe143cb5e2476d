"""National identity numbers of the Benelux, Nordic, Central and Eastern European countries."""
import ids
import wrap
from fmt import grp

R = ids.R


def benelux_nordic():
    out = []
    bsn = [ids.nl_bsn() for _ in range(3)]
    out += [
        ("NL_BSN", bsn[0], wrap.record("BSN", bsn[0], "camel"), "key bsn"),
        ("NL_BSN", grp(bsn[1], [4, 2, 3], "."), "Burgerservicenummer: %s" % grp(bsn[1], [4, 2, 3], "."), "dotted 4.2.3 as on the ID card"),
        ("NL_BSN", bsn[2], wrap.email("Mijn BSN-nummer is %s." % bsn[2]), "Dutch prose"),
    ]
    be = [ids.be_nn(), ids.be_nn(True), ids.be_nn()]
    dotted = lambda v: "%s.%s.%s-%s.%s" % (v[:2], v[2:4], v[4:6], v[6:9], v[9:])
    out += [
        ("BE_NATIONAL_NUMBER", dotted(be[0]), wrap.record("rijksregisternummer", dotted(be[0]), "raw"), "Dutch key, YY.MM.DD-SSS.CC"),
        ("BE_NATIONAL_NUMBER", be[1], "Numéro de registre national : %s" % be[1], "born after 2000 (check over 2+9 digits), compact"),
        ("BE_NATIONAL_NUMBER", dotted(be[2]), wrap.csv("niss", dotted(be[2])), "NISS column"),
    ]
    pesel = [ids.pl_pesel() for _ in range(3)]
    out += [
        ("PL_PESEL", pesel[0], wrap.record("PESEL", pesel[0], "camel"), "key pesel"),
        ("PL_PESEL", pesel[1], wrap.email("Mój numer PESEL: %s" % pesel[1]), "Polish prose"),
        ("PL_PESEL", pesel[2], wrap.log("pesel", pesel[2]), "log line"),
    ]
    se = [ids.se_pnr() for _ in range(3)]
    out += [
        ("SE_PERSONNUMMER", se[0][:6] + "-" + se[0][6:], wrap.record("personnummer", se[0][:6] + "-" + se[0][6:], "camel"), "YYMMDD-NNNC"),
        ("SE_PERSONNUMMER", "19" + se[1][:6] + "-" + se[1][6:], "Personnummer: 19%s-%s" % (se[1][:6], se[1][6:]), "12-digit form with century"),
        ("SE_PERSONNUMMER", "19" + se[2], wrap.csv("personnummer", "19" + se[2]), "12 digits without separator"),
    ]
    no = [ids.no_fnr() for _ in range(3)]
    out += [
        ("NO_FODSELSNUMMER", no[0], wrap.record("fødselsnummer", no[0], "raw"), "Norwegian key with ø"),
        ("NO_FODSELSNUMMER", grp(no[1], [6, 5]), "Fnr: %s" % grp(no[1], [6, 5]), "abbreviation Fnr, 6+5 spaced"),
        ("NO_FODSELSNUMMER", no[2], wrap.record("national id", no[2], "snake"), "generic English key"),
    ]
    dk = [ids.dk_cpr() for _ in range(3)]
    out += [
        ("DK_CPR", dk[0], wrap.record("CPR-nr", dk[0], "raw"), "key CPR-nr"),
        ("DK_CPR", dk[1], wrap.email("Mit CPR-nummer er %s." % dk[1]), "Danish prose"),
        ("DK_CPR", dk[2].replace("-", ""), "cpr: %s" % dk[2].replace("-", ""), "10 digits without dash"),
    ]
    fi = [ids.fi_hetu() for _ in range(3)]
    out += [
        ("FI_HETU", fi[0], wrap.record("henkilötunnus", fi[0], "raw"), "Finnish key"),
        ("FI_HETU", fi[1], "HETU %s" % fi[1], "abbreviation"),
        ("FI_HETU", fi[2].lower(), wrap.csv("hetu", fi[2].lower()), "lower-case check char"),
    ]
    return out


def central_east():
    out = []
    at = [ids.at_svnr() for _ in range(3)]
    out += [
        ("AT_SVNR", grp(at[0], [4, 6]), wrap.record("Sozialversicherungsnummer", grp(at[0], [4, 6]), "raw"), "printed NNNN DDMMYY"),
        ("AT_SVNR", at[1], "SVNR: %s" % at[1], "compact with SVNR"),
        ("AT_SVNR", grp(at[2], [4, 6]), wrap.email("Versicherungsnummer %s (e-card)" % grp(at[2], [4, 6])), "insurance number on the e-card"),
    ]
    ahv = [ids.ch_ahv() for _ in range(3)]
    dots = lambda v: grp(v, [3, 4, 4, 2], ".")
    out += [
        ("CH_AHV", dots(ahv[0]), wrap.record("AHV-Nr", dots(ahv[0]), "raw"), "756.XXXX.XXXX.XC"),
        ("CH_AHV", dots(ahv[1]), "Numéro AVS : %s" % dots(ahv[1]), "French label"),
        ("CH_AHV", ahv[2], wrap.csv("ahv_number", ahv[2]), "13 digits without dots"),
    ]
    ie = [ids.ie_ppsn(), ids.ie_ppsn("A"), ids.ie_ppsn()]
    out += [
        ("IE_PPSN", ie[0], wrap.record("PPSN", ie[0], "camel"), "key ppsn"),
        ("IE_PPSN", ie[1], "PPS No: %s" % ie[1], "two-letter form"),
        ("IE_PPSN", ie[2], wrap.email("My PPS number is %s." % ie[2]), "prose"),
    ]
    ro = [ids.ro_cnp() for _ in range(3)]
    out += [
        ("RO_CNP", ro[0], wrap.record("CNP", ro[0], "camel"), "key cnp"),
        ("RO_CNP", ro[1], "Cod numeric personal: %s" % ro[1], "Romanian label"),
        ("RO_CNP", ro[2], wrap.csv("cnp", ro[2]), "CSV column"),
    ]
    cz = [ids.cz_birth(), ids.cz_birth(True), ids.cz_birth()]
    out += [
        ("CZ_SK_BIRTH_NUMBER", cz[0][:6] + "/" + cz[0][6:], wrap.record("rodné číslo", cz[0][:6] + "/" + cz[0][6:], "raw"), "Czech key, YYMMDD/XXXX"),
        ("CZ_SK_BIRTH_NUMBER", cz[1][:6] + "/" + cz[1][6:], "RČ: %s/%s" % (cz[1][:6], cz[1][6:]), "female (+50 month), abbreviation RČ"),
        ("CZ_SK_BIRTH_NUMBER", cz[2], wrap.csv("rodne_cislo", cz[2]), "10 digits without slash"),
    ]
    oib = [ids.hr_oib() for _ in range(3)]
    out += [
        ("HR_OIB", oib[0], wrap.record("OIB", oib[0], "camel"), "key oib"),
        ("HR_OIB", oib[1], "Osobni identifikacijski broj (OIB): %s" % oib[1], "Croatian label"),
        ("HR_OIB", oib[2], wrap.log("oib", oib[2]), "log line"),
    ]
    return out
