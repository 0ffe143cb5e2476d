"""Identity and tax numbers of Asia, the Middle East and Africa, and passport machine-readable zones."""
import ids
import wrap
from checks import icao_digit
from fmt import grp

R = ids.R


def south_asia():
    out = []
    sg = [ids.sg_nric("S"), ids.sg_nric("T"), ids.sg_nric("F"), ids.sg_nric("G")]
    out += [
        ("SG_NRIC_FIN", sg[0], wrap.record("NRIC", sg[0], "camel"), "S-prefix NRIC"),
        ("SG_NRIC_FIN", sg[1].lower(), "nric: %s" % sg[1].lower(), "T-prefix, lower case"),
        ("SG_NRIC_FIN", sg[2], wrap.email("My FIN is %s (work pass holder)." % sg[2]), "F-prefix FIN"),
        ("SG_NRIC_FIN", sg[3], wrap.csv("fin", sg[3]), "G-prefix FIN"),
    ]
    aa = [ids.in_aadhaar() for _ in range(4)]
    out += [
        ("IN_AADHAAR", grp(aa[0], [4, 4, 4]), wrap.record("Aadhaar number", grp(aa[0], [4, 4, 4]), "camel"), "displayed 4-4-4"),
        ("IN_AADHAAR", aa[1], "Aadhaar: %s" % aa[1], "compact"),
        ("IN_AADHAAR", grp(aa[2], [4, 4, 4], "-"), wrap.email("मेरा आधार नंबर %s है" % grp(aa[2], [4, 4, 4], "-")), "Hindi prose, dashed"),
        ("IN_AADHAAR", aa[3], wrap.csv("uid", aa[3]), "UID column"),
    ]
    pan = [ids.in_pan(c) for c in "KSRM"]
    out += [
        ("IN_PAN", pan[0], wrap.record("PAN", pan[0], "camel"), "key pan"),
        ("IN_PAN", pan[1], "PAN card no: %s" % pan[1], "prose"),
        ("IN_PAN", pan[2].lower(), wrap.email("my pan is %s" % pan[2].lower()), "lower case"),
        ("IN_PAN", pan[3], wrap.csv("pan_number", pan[3]), "CSV"),
    ]
    epic = ["".join(R.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + ids.num(7, "0123456789") for _ in range(3)]
    out += [
        ("IN_VOTER_EPIC", epic[0], wrap.record("voter id", epic[0], "camel"), "camelCase voterId"),
        ("IN_VOTER_EPIC", epic[1], "EPIC No. %s" % epic[1], "EPIC label"),
        ("IN_VOTER_EPIC", epic[2], wrap.email("Voter ID card number %s" % epic[2]), "prose"),
    ]
    ip = [R.choice("JKLMNPRSTUVZ") + ids.num(7, "123456789") for _ in range(3)]
    out += [
        ("IN_PASSPORT", ip[0], wrap.record("Indian passport number", ip[0], "camel"), "letter + 7 digits under indianPassportNumber (a bare 'passport' would fit an AU passport too)"),
        ("IN_PASSPORT", ip[1], "Indian passport no. %s" % ip[1], "prose"),
        ("IN_PASSPORT", ip[2], wrap.csv("indian_passport", ip[2]), "CSV"),
    ]
    gst = [ids.in_gstin(ids.in_pan(c)) for c in "ABC"]
    out += [
        ("IN_GSTIN", gst[0], wrap.record("GSTIN", gst[0], "camel"), "key gstin"),
        ("IN_GSTIN", gst[1], "GST No: %s" % gst[1], "invoice line"),
        ("IN_GSTIN", gst[2], wrap.html("GSTIN", gst[2]), "HTML invoice"),
    ]
    return out


def east_asia():
    out = []
    cn = [ids.cn_id() for _ in range(3)]
    out += [
        ("CN_RESIDENT_ID", cn[0], wrap.record("身份证号", cn[0], "raw"), "Chinese key"),
        ("CN_RESIDENT_ID", cn[1], "居民身份证号码：%s" % cn[1], "full-width colon before the value"),
        ("CN_RESIDENT_ID", cn[2], wrap.record("id card no", cn[2], "snake"), "English key"),
    ]
    hk = [ids.hk_hkid() for _ in range(3)]
    out += [
        ("HK_HKID", "%s(%s)" % hk[0], wrap.record("HKID", "%s(%s)" % hk[0], "camel"), "printed with the check in brackets"),
        ("HK_HKID", "%s%s" % hk[1], "HKID: %s%s" % hk[1], "compact"),
        ("HK_HKID", "%s (%s)" % hk[2], wrap.email("香港身份證號碼 %s (%s)" % hk[2]), "space before bracket, Chinese label"),
    ]
    tw = [ids.tw_id() for _ in range(3)]
    out += [
        ("TW_NATIONAL_ID", tw[0], wrap.record("身分證字號", tw[0], "raw"), "Traditional Chinese key"),
        ("TW_NATIONAL_ID", tw[1], "National ID: %s" % tw[1], "English label"),
        ("TW_NATIONAL_ID", tw[2], wrap.csv("national_id", tw[2]), "CSV"),
    ]
    jp = [ids.jp_my_number() for _ in range(3)]
    out += [
        ("JP_MY_NUMBER", grp(jp[0], [4, 4, 4]), wrap.record("マイナンバー", grp(jp[0], [4, 4, 4]), "raw"), "Japanese key, spaced"),
        ("JP_MY_NUMBER", jp[1], "個人番号: %s" % jp[1], "'individual number' label"),
        ("JP_MY_NUMBER", grp(jp[2], [4, 4, 4], "-"), wrap.email("My Number: %s" % grp(jp[2], [4, 4, 4], "-")), "English label, dashed"),
    ]
    jpp = ["".join(R.choice("MNRT") + R.choice("ABCDEFGHJKLMNPRSTUVWXYZ")) + ids.num(7, "0123456789") for _ in range(3)]
    out += [
        ("JP_PASSPORT", jpp[0], wrap.record("旅券番号", jpp[0], "raw"), "Japanese key"),
        ("JP_PASSPORT", jpp[1], "Japanese passport No. %s" % jpp[1], "English (a bare 'Passport No.' would fit a UK passport too)"),
        ("JP_PASSPORT", jpp[2], wrap.csv("japan_passport_no", jpp[2]), "CSV"),
    ]
    kr = [ids.kr_rrn() for _ in range(3)]
    out += [
        ("KR_RRN", kr[0][:6] + "-" + kr[0][6:], wrap.record("주민등록번호", kr[0][:6] + "-" + kr[0][6:], "raw"), "Korean key"),
        ("KR_RRN", kr[1][:6] + "-" + kr[1][6:], "RRN: %s-%s" % (kr[1][:6], kr[1][6:]), "English abbreviation"),
        ("KR_RRN", kr[2], wrap.csv("rrn", kr[2]), "13 digits without dash"),
    ]
    return out


def se_asia_mideast_africa():
    out = []
    th = [ids.th_id() for _ in range(3)]
    thf = lambda v: grp(v, [1, 4, 5, 2, 1], "-")
    out += [
        ("TH_NATIONAL_ID", thf(th[0]), wrap.record("เลขประจำตัวประชาชน", thf(th[0]), "raw"), "Thai key, 1-4-5-2-1"),
        ("TH_NATIONAL_ID", th[1], "Thai national ID: %s" % th[1], "compact"),
        ("TH_NATIONAL_ID", grp(th[2], [1, 4, 5, 2, 1]), wrap.csv("citizen_id", grp(th[2], [1, 4, 5, 2, 1])), "spaced"),
    ]
    my = [ids.my_nric() for _ in range(3)]
    myf = lambda v: "%s-%s-%s" % (v[:6], v[6:8], v[8:])
    out += [
        ("MY_NRIC", myf(my[0]), wrap.record("IC number", myf(my[0]), "camel"), "YYMMDD-PB-###G"),
        ("MY_NRIC", myf(my[1]), "No. MyKad: %s" % myf(my[1]), "MyKad label"),
        ("MY_NRIC", my[2], wrap.csv("nric", my[2]), "12 digits without dashes"),
    ]
    nik = [ids.id_nik(), ids.id_nik(True), ids.id_nik()]
    out += [
        ("ID_NIK", nik[0], wrap.record("NIK", nik[0], "camel"), "key nik"),
        ("ID_NIK", nik[1], "NIK (KTP): %s" % nik[1], "female (day +40)"),
        ("ID_NIK", nik[2], wrap.email("Nomor Induk Kependudukan saya %s" % nik[2]), "Indonesian prose"),
    ]
    il = [ids.il_id() for _ in range(3)]
    out += [
        ("IL_TEUDAT_ZEHUT", il[0], wrap.record("teudat zehut", il[0], "camel"), "transliterated key"),
        ("IL_TEUDAT_ZEHUT", il[1], "מספר תעודת זהות: %s" % il[1], "Hebrew label"),
        ("IL_TEUDAT_ZEHUT", il[2], wrap.csv("israeli_id", il[2]), "CSV"),
    ]
    tr = [ids.tr_tckn() for _ in range(3)]
    out += [
        ("TR_TCKN", tr[0], wrap.record("TC Kimlik No", tr[0], "camel"), "camelCase tcKimlikNo"),
        ("TR_TCKN", tr[1], "T.C. Kimlik Numarası: %s" % tr[1], "Turkish label with dots"),
        ("TR_TCKN", tr[2], wrap.csv("tckn", tr[2]), "CSV"),
    ]
    za = [ids.za_id() for _ in range(3)]
    out += [
        ("ZA_ID", za[0], wrap.record("SA ID number", za[0], "camel"), "key saIdNumber"),
        ("ZA_ID", grp(za[1], [6, 4, 3]), "RSA ID: %s" % grp(za[1], [6, 4, 3]), "spaced 6-4-3"),
        ("ZA_ID", za[2], wrap.email("My ID number is %s." % za[2]), "generic 'ID number' in prose"),
    ]
    return out


def mrz_line2(doc, nat, birth, sex, expiry, optional):
    opt = (optional + "<" * 14)[:14]
    line = doc + icao_digit(doc) + nat + birth + icao_digit(birth) + sex + expiry + icao_digit(expiry) + opt + icao_digit(opt)
    composite = line[0:10] + line[13:20] + line[21:43]
    return line + icao_digit(composite)


def mrz():
    people = [("P<UTOERIKSSON<<ANNA<MARIA", "UTO", "L898902C3", "740812", "F", "120415", "ZE184226B"),
              ("P<DEUMUSTERMANN<<ERIKA", "D<<", "C01X00T47", "830812", "F", "310801", ""),
              ("P<GBRSMITH<<JOHN<PETER", "GBR", "533401372", "900101", "M", "300512", "")]
    out = []
    for i, (l1, nat, doc, birth, sex, expiry, opt) in enumerate(people):
        line1 = (l1 + "<" * 44)[:44]
        line2 = mrz_line2(doc, nat, birth, sex, expiry, opt)
        value = line1 + "\n" + line2
        text = ["OCR result:\n%s\n" % value, wrap.record("mrz", value, "camel"), "Scanned passport page\n\n%s" % value][i]
        out.append(("PASSPORT_MRZ", line2 if i == 1 else value, text, ["ICAO 9303 specimen, two lines", "two lines inside a JSON string (newline escaped)", "German specimen in a scan report"][i]))
    return out
