"""National identity, tax and social insurance numbers of European countries."""
import ids
import wrap
from fmt import grp

R = ids.R


def uk():
    out = []
    nino = [ids.uk_nino() for _ in range(4)]
    sp = lambda v: grp(v, [2, 2, 2, 2, 1])
    out += [
        ("UK_NINO", sp(nino[0]), wrap.record("NI number", sp(nino[0]), "camel"), "spaced NINO under niNumber"),
        ("UK_NINO", nino[1], wrap.email("My National Insurance number is %s." % nino[1]), "compact, prose"),
        ("UK_NINO", sp(nino[2]).lower(), "national insurance no: %s" % sp(nino[2]).lower(), "typed in lower case, spaced"),
        ("UK_NINO", nino[3], wrap.csv("nino", nino[3]), "CSV column nino"),
    ]
    nhs = [ids.uk_nhs() for _ in range(4)]
    out += [
        ("UK_NHS_NUMBER", grp(nhs[0], [3, 3, 4]), wrap.record("NHS number", grp(nhs[0], [3, 3, 4]), "camel"), "3-3-4 spaced under nhsNumber"),
        ("UK_NHS_NUMBER", nhs[1], "Patient NHS No. %s, referred by GP" % nhs[1], "compact with 'NHS No.'"),
        ("UK_NHS_NUMBER", grp(nhs[2], [3, 3, 4], "-"), wrap.md_table("NHS Number", grp(nhs[2], [3, 3, 4], "-")), "dashed, Markdown table"),
        ("UK_NHS_NUMBER", nhs[3], wrap.log("nhs_number", nhs[3]), "log line"),
    ]
    pp = [ids.num(9, "123456789") for _ in range(3)]
    out += [
        ("UK_PASSPORT", pp[0], wrap.record("UK passport number", pp[0], "camel"), "camelCase ukPassportNumber (a bare 'passport number' would fit a US passport as well)"),
        ("UK_PASSPORT", pp[1], wrap.email("UK passport no. %s, expires 2031." % pp[1]), "prose"),
        ("UK_PASSPORT", pp[2], wrap.csv("uk_passport_no", pp[2]), "CSV column uk_passport_no"),
    ]
    dl = [ids.uk_driving("MORGAN", "SM"), ids.uk_driving("LI", "JW", True), ids.uk_driving("PATEL", "R")]
    out += [
        ("UK_DRIVING_LICENCE", dl[0], wrap.record("driving licence number", dl[0], "camel"), "16-char licence under camelCase key"),
        ("UK_DRIVING_LICENCE", dl[1], "Driver licence: %s (photocard)" % dl[1], "short surname padded with 9, female month +5"),
        ("UK_DRIVING_LICENCE", grp(dl[2], [5, 6, 5]), wrap.email("Licence no %s" % grp(dl[2], [5, 6, 5])), "printed 5-6-5 with spaces"),
    ]
    utr = [ids.uk_utr() for _ in range(3)]
    out += [
        ("UK_UTR", utr[0], wrap.record("UTR", utr[0], "camel"), "key utr"),
        ("UK_UTR", grp(utr[1], [5, 5]), "Self Assessment UTR: %s" % grp(utr[1], [5, 5]), "printed 5 5 as on HMRC letters"),
        ("UK_UTR", utr[2], wrap.email("My Unique Taxpayer Reference is %s." % utr[2]), "long label in prose"),
    ]
    return out


def de_fr():
    out = []
    st = [ids.de_steuer_id() for _ in range(4)]
    out += [
        ("DE_STEUER_ID", grp(st[0], [2, 3, 3, 3]), wrap.record("Steuer-ID", grp(st[0], [2, 3, 3, 3]), "raw"), "German key with hyphen, printed 2-3-3-3"),
        ("DE_STEUER_ID", st[1], wrap.email("Meine steuerliche Identifikationsnummer lautet %s." % st[1]), "German prose"),
        ("DE_STEUER_ID", st[2], wrap.csv("steuer_id", st[2]), "CSV column"),
        ("DE_STEUER_ID", grp(st[3], [2, 3, 3, 3]), "IdNr.: %s" % grp(st[3], [2, 3, 3, 3]), "abbreviation IdNr."),
    ]
    idc = [ids.de_id_card() for _ in range(3)]
    out += [
        ("DE_ID_CARD", idc[0], wrap.record("Ausweisnummer", idc[0], "raw"), "German key"),
        ("DE_ID_CARD", idc[1], "Personalausweis-Nr. %s, gültig bis 2031" % idc[1], "prose label"),
        ("DE_ID_CARD", idc[2], wrap.record("id card number", idc[2], "snake"), "English snake_case key"),
    ]
    sv = [ids.de_social(c) for c in "MBS"]
    out += [
        ("DE_SOCIAL_INSURANCE", sv[0], wrap.record("Sozialversicherungsnummer", sv[0], "raw"), "compact, German key"),
        ("DE_SOCIAL_INSURANCE", grp(sv[1], [2, 6, 1, 3]), "SV-Nummer: %s" % grp(sv[1], [2, 6, 1, 3]), "spaced as printed on the card"),
        ("DE_SOCIAL_INSURANCE", sv[2], wrap.email("Rentenversicherungsnummer %s" % sv[2]), "pension insurance label"),
    ]
    nir = [ids.fr_nir("1"), ids.fr_nir("2"), ids.fr_nir("1"), ids.fr_nir("2")]
    sp = lambda v: grp(v, [1, 2, 2, 2, 3, 3, 2])
    out += [
        ("FR_NIR", sp(nir[0]), wrap.record("numéro de sécurité sociale", sp(nir[0]), "raw"), "French key, spaced 1 2 2 2 3 3 2"),
        ("FR_NIR", nir[1], wrap.email("Mon numéro de sécu est %s." % nir[1]), "colloquial 'numéro de sécu', compact"),
        ("FR_NIR", sp(nir[2]), "N° SS : %s" % sp(nir[2]), "abbreviation N° SS"),
        ("FR_NIR", nir[3], wrap.record("NIR", nir[3], "snake"), "key nir"),
    ]
    fp = ["%02d%s%05d" % (R.randint(10, 24), R.choice(["AV", "CK", "FD", "RB"]), R.randint(0, 99999)) for _ in range(3)]
    out += [
        ("FR_PASSPORT", fp[0], wrap.record("numéro de passeport", fp[0], "raw"), "French key"),
        ("FR_PASSPORT", fp[1], "Passeport n° %s délivré le 12/03/2019" % fp[1], "French prose"),
        ("FR_PASSPORT", fp[2], wrap.record("passport no", fp[2], "snake"), "English key"),
    ]
    return out


def south():
    out = []
    dni = [ids.es_dni() for _ in range(4)]
    out += [
        ("ES_DNI_NIF", dni[0], wrap.record("DNI", dni[0], "camel"), "key dni"),
        ("ES_DNI_NIF", dni[1][:8] + "-" + dni[1][8], "NIF: %s-%s" % (dni[1][:8], dni[1][8]), "dash before the letter"),
        ("ES_DNI_NIF", dni[2][:8] + dni[2][8].lower(), wrap.email("Mi DNI es %s%s." % (dni[2][:8], dni[2][8].lower())), "lower-case letter typed by a person"),
        ("ES_DNI_NIF", "%s.%s.%s-%s" % (dni[3][:2], dni[3][2:5], dni[3][5:8], dni[3][8]), "DNI %s.%s.%s-%s" % (dni[3][:2], dni[3][2:5], dni[3][5:8], dni[3][8]), "thousands dots as printed"),
    ]
    nie = [ids.es_nie() for _ in range(3)]
    out += [
        ("ES_NIE", nie[0], wrap.record("NIE", nie[0], "camel"), "key nie"),
        ("ES_NIE", "%s-%s-%s" % (nie[1][0], nie[1][1:8], nie[1][8]), "Número de Identidad de Extranjero: %s-%s-%s" % (nie[1][0], nie[1][1:8], nie[1][8]), "dashed form"),
        ("ES_NIE", nie[2], wrap.csv("nie", nie[2]), "CSV column"),
    ]
    cf = [ids.it_cf("RSS", "MRA", 1985, "C", 14, "H501"), ids.it_cf("BNC", "LCU", 1990, "E", 52, "F205"), ids.it_cf("VRD", "GPP", 1978, "T", 3, "L219"), ids.it_cf("FRR", "CHR", 2001, "A", 61, "D612")]
    out += [
        ("IT_CODICE_FISCALE", cf[0], wrap.record("codice fiscale", cf[0], "camel"), "camelCase codiceFiscale"),
        ("IT_CODICE_FISCALE", cf[1], wrap.email("Il mio codice fiscale è %s." % cf[1]), "female (day +40), Italian prose"),
        ("IT_CODICE_FISCALE", cf[2].lower(), "cod. fisc. %s" % cf[2].lower(), "lower case"),
        ("IT_CODICE_FISCALE", cf[3], wrap.csv("cf", cf[3]), "CSV column cf"),
    ]
    pt = [ids.pt_nif() for _ in range(3)]
    out += [
        ("PT_NIF", pt[0], wrap.record("NIF", pt[0], "camel"), "key nif"),
        ("PT_NIF", grp(pt[1], [3, 3, 3]), "Número de contribuinte: %s" % grp(pt[1], [3, 3, 3]), "Portuguese label, spaced"),
        ("PT_NIF", pt[2], wrap.email("NIF %s para a fatura, por favor." % pt[2]), "prose"),
    ]
    return out
