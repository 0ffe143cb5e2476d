"""Writes ../holdout.jsonl. Run from this folder: python3 make_holdout.py

Values are made by the rules in the catalogue (DETECTORS.md); the payloads around them are written
by hand to look like real tool traffic. Seeds are fixed, so the output is the same on every run.
"""
import json
import os

import cases_americas
import cases_asia
import cases_bank
import cases_cloud
import cases_contact
import cases_europe
import cases_europe2
import cases_generic
import cases_health
import cases_payment
import cases_saas
import lookalikes
import negatives

POSITIVES = [
    cases_payment.cards, cases_payment.card_data, cases_bank.ibans, cases_bank.bic, cases_bank.routing_and_accounts,
    cases_bank.tax_business, cases_europe.uk, cases_europe.de_fr, cases_europe.south, cases_europe2.benelux_nordic,
    cases_europe2.central_east, cases_americas.us, cases_americas.canada, cases_americas.oceania, cases_americas.latin,
    cases_asia.south_asia, cases_asia.east_asia, cases_asia.se_asia_mideast_africa, cases_asia.mrz, cases_health.health,
    cases_contact.contact, cases_contact.places_devices, cases_contact.network, cases_cloud.aws, cases_cloud.gcp,
    cases_cloud.azure, cases_saas.forges, cases_saas.chat_pay, cases_saas.ai_registries, cases_generic.keys_tokens,
    cases_generic.crypto,
]
EXTRA = [
    ("CARD_VISA", "4111 1111 1111 1111", '{"card": "4111 1111 1111 1111", "exp": "12/30"}',
     "Visa test PAN: catalogue §2.4 keeps known test values as reportable test data, not silent"),
]


def main():
    lines = []
    for make in POSITIVES:
        for typ, value, text, note in make():
            lines.append({"type": typ, "value": value, "text": text, "note": note})
    for typ, value, text, note in EXTRA:
        lines.append({"type": typ, "value": value, "text": text, "note": note})
    for _, not_type, value, text, note in negatives.near_misses() + negatives.crypto_misses():
        lines.append({"type": None, "not": not_type, "value": value, "text": text, "note": note})
    for not_type, value, text, note in lookalikes.not_type():
        lines.append({"type": None, "not": not_type, "value": value, "text": text, "note": note})
    for text, note in lookalikes.nothing():
        lines.append({"type": None, "not": None, "value": None, "text": text, "note": note})
    for line in lines:
        assert line["value"] is None or line["value"] in line["text"], line
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "holdout.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    pos = [x for x in lines if x["type"]]
    print("%d positives over %d types, %d negatives" % (len(pos), len({x["type"] for x in pos}), len(lines) - len(pos)))


if __name__ == "__main__":
    main()
