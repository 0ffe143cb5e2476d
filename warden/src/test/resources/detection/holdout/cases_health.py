"""Health identifiers and codes: NPI, DEA, Medicare ids, diagnoses, drug codes, record and member numbers."""
import ids
import wrap
from fmt import grp

R = ids.R


def health():
    out = []
    npi = [ids.us_npi() for _ in range(3)]
    out += [
        ("US_NPI", npi[0], wrap.record("NPI", npi[0], "camel"), "key npi"),
        ("US_NPI", npi[1], "Rendering provider NPI: %s" % npi[1], "claim line"),
        ("US_NPI", npi[2], wrap.csv("provider_npi", npi[2]), "CSV"),
    ]
    dea = [ids.us_dea() for _ in range(3)]
    out += [
        ("US_DEA", dea[0], wrap.record("DEA number", dea[0], "camel"), "camelCase deaNumber"),
        ("US_DEA", dea[1], "Prescriber DEA# %s" % dea[1], "prescription"),
        ("US_DEA", dea[2], wrap.csv("dea", dea[2]), "CSV"),
    ]
    mbi = [ids.us_mbi() for _ in range(3)]
    out += [
        ("US_MBI", mbi[0], wrap.record("MBI", mbi[0], "camel"), "compact 11 chars"),
        ("US_MBI", grp(mbi[1], [4, 3, 4], "-"), "Medicare Beneficiary Identifier: %s" % grp(mbi[1], [4, 3, 4], "-"), "printed with dashes 4-3-4"),
        ("US_MBI", mbi[2].lower(), wrap.email("my medicare number is %s" % mbi[2].lower()), "lower case in prose"),
    ]
    hicn = [ids.us_ssn() + "A", ids.us_ssn() + "B1", ids.us_ssn() + "D6"]
    out += [
        ("US_HICN", hicn[0], wrap.record("HICN", hicn[0], "camel"), "SSN + A"),
        ("US_HICN", hicn[1], "Medicare claim number (HICN): %s" % hicn[1], "two-char beneficiary code"),
        ("US_HICN", grp(hicn[2], [3, 2, 4], "-"), wrap.csv("hicn", grp(hicn[2], [3, 2, 4], "-")), "dashed with suffix"),
    ]
    icd = ["E11.9", "I10", "J45.909", "F32.1", "M54.50", "S72.001A"]
    out += [
        ("ICD10_CODE", icd[0], wrap.record("diagnosis code", icd[0], "camel"), "type 2 diabetes under diagnosisCode"),
        ("ICD10_CODE", icd[1], "Dx: %s (essential hypertension)" % icd[1], "three-char code after Dx"),
        ("ICD10_CODE", icd[2], wrap.csv("icd10", icd[2]), "CSV"),
        ("ICD10_CODE", icd[3], "Diagnose (ICD-10): %s" % icd[3], "German label"),
        ("ICD10_CODE", icd[5], wrap.record("icd code", icd[5], "snake"), "7-char code with extension"),
    ]
    ndc = ["0777-3105-02", "50580-451-01", "00093-0311-5", "00002322730"]
    out += [
        ("NDC", ndc[0], wrap.record("NDC", ndc[0], "camel"), "4-4-2"),
        ("NDC", ndc[1], "NDC %s, qty 30" % ndc[1], "5-3-2"),
        ("NDC", ndc[2], wrap.csv("ndc_code", ndc[2]), "5-4-1"),
        ("NDC", ndc[3], "billing NDC: %s" % ndc[3], "11-digit billing form"),
    ]
    mrn = [ids.num(8, "0123456789"), "A" + ids.num(7, "0123456789"), ids.num(7, "123456789")]
    out += [
        ("MEDICAL_RECORD_NUMBER", mrn[0], wrap.record("MRN", mrn[0], "camel"), "key mrn"),
        ("MEDICAL_RECORD_NUMBER", mrn[1], "Medical record # %s, admitted 2024-03-02" % mrn[1], "alnum record number"),
        ("MEDICAL_RECORD_NUMBER", mrn[2], wrap.record("patient record number", mrn[2], "snake"), "snake_case key"),
    ]
    mem = ["XKJ" + ids.num(9, "0123456789"), "W" + ids.num(9, "0123456789"), ids.num(3, "123456789") + "-" + ids.num(5, "0123456789")]
    out += [
        ("HEALTH_PLAN_MEMBER_ID", mem[0], wrap.record("member ID", mem[0], "camel"), "camelCase memberId"),
        ("HEALTH_PLAN_MEMBER_ID", mem[1], "Subscriber ID: %s (Aetna)" % mem[1], "subscriber label"),
        ("HEALTH_PLAN_MEMBER_ID", mem[2], "Policy no. %s, group 7721" % mem[2], "policy number"),
    ]
    lic = ["G" + ids.num(5, "0123456789"), "MD" + ids.num(6, "0123456789"), ids.num(6, "123456789")]
    out += [
        ("MEDICAL_LICENSE", lic[0], wrap.record("medical license number", lic[0], "camel"), "California physician format"),
        ("MEDICAL_LICENSE", lic[1], "State medical license: %s" % lic[1], "prefix MD"),
        ("MEDICAL_LICENSE", lic[2], wrap.email("Dr. Hansen, medical licence no. %s" % lic[2]), "British spelling"),
    ]
    return out
