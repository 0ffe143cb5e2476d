"""Identity and tax numbers of the Americas, Australia and New Zealand."""
import ids
import wrap
from fmt import grp

R = ids.R


def us():
    out = []
    ssn = [ids.us_ssn() for _ in range(5)]
    d = lambda v: grp(v, [3, 2, 4], "-")
    out += [
        ("US_SSN", d(ssn[0]), wrap.record("SSN", d(ssn[0]), "camel"), "key ssn, dashed"),
        ("US_SSN", d(ssn[1]), wrap.email("For the background check, my social security number is %s." % d(ssn[1])), "prose"),
        ("US_SSN", grp(ssn[2], [3, 2, 4]), "Social Security No.: %s" % grp(ssn[2], [3, 2, 4]), "space-separated groups"),
        ("US_SSN", ssn[3], wrap.csv("ssn", ssn[3]), "9 digits without separators in an ssn column"),
        ("US_SSN", d(ssn[4]), wrap.record("social security number", d(ssn[4]), "snake"), "snake_case key"),
    ]
    itin = [ids.us_itin() for _ in range(3)]
    out += [
        ("US_ITIN", d(itin[0]), wrap.record("ITIN", d(itin[0]), "camel"), "key itin"),
        ("US_ITIN", d(itin[1]), "Individual Taxpayer Identification Number: %s" % d(itin[1]), "long label"),
        ("US_ITIN", itin[2], wrap.csv("tax_id", itin[2]), "undashed in a tax_id column"),
    ]
    pp = [ids.num(9, "0123456789"), R.choice("ACEX") + ids.num(8, "0123456789"), ids.num(9, "0123456789")]
    out += [
        ("US_PASSPORT", pp[0], wrap.record("passport number", pp[0], "camel"), "9 digits under passportNumber"),
        ("US_PASSPORT", pp[1], wrap.email("US passport # %s, issued 2022." % pp[1]), "next-gen letter + 8 digits"),
        ("US_PASSPORT", pp[2], wrap.yaml("passport no", pp[2]), "kebab key in YAML"),
    ]
    dl = ["D" + ids.num(7, "0123456789"), "S%s-%s-%s-%s-%s" % (ids.num(3, "0123456789"), ids.num(3, "0123456789"), ids.num(2, "0123456789"), ids.num(3, "0123456789"), ids.num(1, "0123456789")), ids.num(9, "123456789"), "W" + ids.num(7, "0123456789")]
    out += [
        ("US_DRIVER_LICENSE", dl[0], wrap.record("driver license number", dl[0], "camel"), "CA letter + 7 digits"),
        ("US_DRIVER_LICENSE", dl[1], "Florida DL#: %s" % dl[1], "FL letter + 12 digits with dashes"),
        ("US_DRIVER_LICENSE", dl[2], wrap.email("My driver's license number is %s (NY)." % dl[2]), "NY 9 digits in prose"),
        ("US_DRIVER_LICENSE", dl[3], wrap.csv("dl_number", dl[3]), "CSV column dl_number"),
    ]
    return out


def canada():
    out = []
    sin = [ids.ca_sin() for _ in range(3)]
    out += [
        ("CA_SIN", grp(sin[0], [3, 3, 3]), wrap.record("SIN", grp(sin[0], [3, 3, 3]), "camel"), "key sin, spaced"),
        ("CA_SIN", grp(sin[1], [3, 3, 3], "-"), "Numéro d'assurance sociale (NAS) : %s" % grp(sin[1], [3, 3, 3], "-"), "French label NAS, dashed"),
        ("CA_SIN", sin[2], wrap.email("My social insurance number is %s." % sin[2]), "compact in prose"),
    ]
    oh = [ids.ca_ohip() for _ in range(3)]
    out += [
        ("CA_HEALTH_OHIP", grp(oh[0], [4, 3, 3], "-") + "-AB", "OHIP: %s-AB" % grp(oh[0], [4, 3, 3], "-"), "with version code"),
        ("CA_HEALTH_OHIP", oh[1], wrap.record("health card number", oh[1], "camel"), "camelCase key"),
        ("CA_HEALTH_OHIP", grp(oh[2], [4, 3, 3]) + " XY", wrap.email("Ontario health card %s XY" % grp(oh[2], [4, 3, 3])), "spaced with version code"),
    ]
    cp = ["%s%06d" % (R.choice(["GA", "HK", "AB", "QC"]), R.randint(0, 999999)) for _ in range(3)]
    out += [
        ("CA_PASSPORT", cp[0], wrap.record("passport number", cp[0], "snake"), "snake_case key"),
        ("CA_PASSPORT", cp[1], "Canadian passport: %s" % cp[1], "prose"),
        ("CA_PASSPORT", cp[2], wrap.record("numéro de passeport", cp[2], "raw"), "French key"),
    ]
    return out


def oceania():
    out = []
    tfn = [ids.au_tfn() for _ in range(3)]
    out += [
        ("AU_TFN", grp(tfn[0], [3, 3, 3]), wrap.record("TFN", grp(tfn[0], [3, 3, 3]), "camel"), "spaced 3-3-3"),
        ("AU_TFN", tfn[1], "Tax file number: %s" % tfn[1], "long label"),
        ("AU_TFN", tfn[2], wrap.csv("tfn", tfn[2]), "CSV column"),
    ]
    med = [ids.au_medicare() for _ in range(3)]
    out += [
        ("AU_MEDICARE", grp(med[0], [4, 5, 1]), wrap.record("medicare number", grp(med[0], [4, 5, 1]), "camel"), "printed 4-5-1"),
        ("AU_MEDICARE", med[1], wrap.email("Medicare card no. %s, IRN 2" % med[1]), "compact with IRN mentioned"),
        ("AU_MEDICARE", grp(med[2], [4, 5, 1]), wrap.csv("medicare", grp(med[2], [4, 5, 1])), "CSV"),
    ]
    abn = [ids.au_abn() for _ in range(3)]
    out += [
        ("AU_ABN", grp(abn[0], [2, 3, 3, 3]), "ABN %s" % grp(abn[0], [2, 3, 3, 3]), "printed 2-3-3-3"),
        ("AU_ABN", abn[1], wrap.record("ABN", abn[1], "camel"), "compact"),
        ("AU_ABN", grp(abn[2], [2, 3, 3, 3]), wrap.html("Australian Business Number", grp(abn[2], [2, 3, 3, 3])), "HTML invoice header"),
    ]
    acn = [ids.au_acn() for _ in range(3)]
    out += [
        ("AU_ACN", grp(acn[0], [3, 3, 3]), "ACN %s" % grp(acn[0], [3, 3, 3]), "spaced"),
        ("AU_ACN", acn[1], wrap.record("ACN", acn[1], "snake"), "compact"),
        ("AU_ACN", grp(acn[2], [3, 3, 3]), wrap.email("Acme Pty Ltd (Australian Company Number %s)" % grp(acn[2], [3, 3, 3])), "long label"),
    ]
    ap = [R.choice(["PA", "N", "E", "RA"]) + ids.num(7, "0123456789") for _ in range(3)]
    out += [
        ("AU_PASSPORT", ap[0], wrap.record("AU passport number", ap[0], "camel"), "camelCase auPassportNumber (letters + 7 digits alone would fit UK, JP and IN passports too)"),
        ("AU_PASSPORT", ap[1], "Australian passport %s" % ap[1], "prose"),
        ("AU_PASSPORT", ap[2], wrap.csv("au_passport", ap[2]), "CSV column"),
    ]
    adl = [ids.num(8, "0123456789"), ids.num(9, "123456789"), ids.num(10, "123456789")]
    out += [
        ("AU_DRIVER_LICENCE", adl[0], wrap.record("driver licence number", adl[0], "camel"), "NSW 8 digits"),
        ("AU_DRIVER_LICENCE", adl[1], "QLD licence no: %s" % adl[1], "QLD 9 digits"),
        ("AU_DRIVER_LICENCE", adl[2], wrap.email("Driver's licence: %s (VIC)" % adl[2]), "VIC 10 digits in an email"),
    ]
    ird = [ids.nz_ird() for _ in range(3)]
    dash = lambda v: (v[:-6] + "-" + v[-6:-3] + "-" + v[-3:])
    out += [
        ("NZ_IRD", dash(ird[0]), wrap.record("IRD number", dash(ird[0]), "camel"), "dashed"),
        ("NZ_IRD", ird[1], "IRD no. %s" % ird[1], "compact"),
        ("NZ_IRD", dash(ird[2]), wrap.csv("ird", dash(ird[2])), "CSV"),
    ]
    nhi = [ids.nz_nhi() for _ in range(3)]
    out += [
        ("NZ_NHI", nhi[0], wrap.record("NHI", nhi[0], "camel"), "old AAANNNC form"),
        ("NZ_NHI", nhi[1], "National Health Index number: %s" % nhi[1], "long label"),
        ("NZ_NHI", nhi[2].lower(), wrap.email("nhi %s" % nhi[2].lower()), "lower case"),
    ]
    return out


def latin():
    out = []
    cpf = [ids.br_cpf() for _ in range(4)]
    f = lambda v: "%s.%s.%s-%s" % (v[:3], v[3:6], v[6:9], v[9:])
    out += [
        ("BR_CPF", f(cpf[0]), wrap.record("CPF", f(cpf[0]), "camel"), "NNN.NNN.NNN-DD"),
        ("BR_CPF", cpf[1], wrap.email("Meu CPF é %s." % cpf[1]), "compact, Portuguese prose"),
        ("BR_CPF", f(cpf[2]), wrap.csv("cpf", f(cpf[2])), "CSV"),
        ("BR_CPF", cpf[3], wrap.log("cpf", cpf[3]), "log line"),
    ]
    cnpj = [ids.br_cnpj() for _ in range(3)]
    g = lambda v: "%s.%s.%s/%s-%s" % (v[:2], v[2:5], v[5:8], v[8:12], v[12:])
    out += [
        ("BR_CNPJ", g(cnpj[0]), wrap.record("CNPJ", g(cnpj[0]), "camel"), "NN.NNN.NNN/NNNN-DD"),
        ("BR_CNPJ", cnpj[1], "CNPJ: %s" % cnpj[1], "compact"),
        ("BR_CNPJ", g(cnpj[2]), wrap.html("CNPJ", g(cnpj[2])), "HTML invoice"),
    ]
    curp = [ids.mx_curp("GOMA850714HDFRRN0"), ids.mx_curp("LOPE920305MJCPRS0"), ids.mx_curp("HEGJ010911HNLRNSA")]
    out += [
        ("MX_CURP", curp[0], wrap.record("CURP", curp[0], "camel"), "key curp"),
        ("MX_CURP", curp[1], "CURP: %s" % curp[1], "female (M), Jalisco"),
        ("MX_CURP", curp[2].lower(), wrap.email("mi curp es %s" % curp[2].lower()), "born 2001 (letter homoclave), lower case"),
    ]
    rfc = [ids.mx_rfc("GOMA850714AB"), ids.mx_rfc("LOPE920305K7"), ids.mx_rfc("ACM010101AB")]
    out += [
        ("MX_RFC", rfc[0], wrap.record("RFC", rfc[0], "camel"), "person, 13 chars"),
        ("MX_RFC", rfc[1], "R.F.C. %s" % rfc[1], "dotted abbreviation"),
        ("MX_RFC", rfc[2], wrap.html("RFC del emisor", rfc[2]), "company, 12 chars, invoice header"),
    ]
    cuit = [ids.ar_cuit("20"), ids.ar_cuit("27"), ids.ar_cuit("30")]
    h = lambda v: "%s-%s-%s" % (v[:2], v[2:10], v[10])
    out += [
        ("AR_CUIT_CUIL", h(cuit[0]), wrap.record("CUIT", h(cuit[0]), "camel"), "dashed"),
        ("AR_CUIT_CUIL", cuit[1], "CUIL: %s" % cuit[1], "compact CUIL"),
        ("AR_CUIT_CUIL", h(cuit[2]), wrap.html("CUIT", h(cuit[2])), "company prefix 30"),
    ]
    dni = [ids.num(8, "123") for _ in range(3)]
    out += [
        ("AR_DNI", "%s.%s.%s" % (dni[0][:2], dni[0][2:5], dni[0][5:]), "DNI %s.%s.%s" % (dni[0][:2], dni[0][2:5], dni[0][5:]), "dotted"),
        ("AR_DNI", dni[1], wrap.record("DNI", dni[1], "camel"), "compact"),
        ("AR_DNI", dni[2], wrap.email("Mi número de documento (DNI) es %s." % dni[2]), "Spanish prose"),
    ]
    rut = [ids.cl_rut() for _ in range(3)]
    dotted = lambda b, c: "%s.%s.%s-%s" % (b[:-6], b[-6:-3], b[-3:], c)
    out += [
        ("CL_RUT", dotted(*rut[0]), wrap.record("RUT", dotted(*rut[0]), "camel"), "NN.NNN.NNN-D"),
        ("CL_RUT", "%s-%s" % rut[1], "RUN: %s-%s" % rut[1], "no dots"),
        ("CL_RUT", dotted(*rut[2]), wrap.email("Mi RUT es %s" % dotted(*rut[2])), "prose"),
    ]
    return out
