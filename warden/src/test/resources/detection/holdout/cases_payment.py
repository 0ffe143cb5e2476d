"""Payment cards, card data, bank accounts and routing numbers."""
import checks
import ids
import wrap
from fmt import four, grp

R = ids.R


def cards():
    out = []
    visa = [ids.card("4", 16) for _ in range(4)] + [ids.card("4", 13)]
    out += [
        ("CARD_VISA", four(visa[0]), wrap.tool_args("card number", four(visa[0]), "camel", "create_payment"), "camelCase cardNumber in a tools/call, spaced 4-4-4-4"),
        ("CARD_VISA", four(visa[1], "-"), wrap.email("The charge on my card %s was taken twice on 3 March, please refund one of them." % four(visa[1], "-")), "dashed PAN in an email, no label"),
        ("CARD_VISA", visa[2], wrap.csv("pan", visa[2]), "bare 16 digits in a CSV column named pan"),
        ("CARD_VISA", visa[3], wrap.log("card", visa[3]), "log line card=<16 digits>"),
        ("CARD_VISA", visa[4], "<tr><td>Kreditkarte</td><td>%s</td></tr>" % visa[4], "13-digit Visa in HTML with a German label"),
    ]
    mc = [ids.card("5" + R.choice("12345"), 16), ids.card(str(R.randint(2221, 2720)), 16), ids.card("5" + R.choice("12345"), 16), ids.card("2" + str(R.randint(300, 699)), 16)]
    out += [
        ("CARD_MASTERCARD", four(mc[0]), wrap.ticket("Customer paid with Mastercard %s but the order shows unpaid." % four(mc[0])), "spaced PAN in a support ticket"),
        ("CARD_MASTERCARD", mc[1], wrap.record("numero carta", mc[1], "snake"), "2-series Mastercard (2221-2720) under an Italian key"),
        ("CARD_MASTERCARD", four(mc[2], "-"), wrap.yaml("card", four(mc[2], "-")), "dashed PAN in YAML"),
        ("CARD_MASTERCARD", four(mc[3], "."), "Zahlung mit Karte %s abgelehnt (Code 05)" % four(mc[3], "."), "dot-separated groups, German prose"),
    ]
    amex = [ids.card(R.choice(["34", "37"]), 15) for _ in range(4)]
    out += [
        ("CARD_AMEX", grp(amex[0], [4, 6, 5]), wrap.email("My Amex is %s, expiring next year." % grp(amex[0], [4, 6, 5])), "printed 4-6-5 grouping"),
        ("CARD_AMEX", amex[1], wrap.tool_result("card number", amex[1], "camel"), "15 digits in an escaped tool result"),
        ("CARD_AMEX", grp(amex[2], [4, 6, 5], "-"), wrap.md_table("card", grp(amex[2], [4, 6, 5], "-")), "4-6-5 with dashes in a Markdown table"),
        ("CARD_AMEX", amex[3], wrap.csv("credit_card", amex[3]), "CSV column"),
    ]
    disc = [ids.card("6011", 16), ids.card("64" + R.choice("456789"), 16), ids.card("6011", 16), ids.card("64" + R.choice("456789"), 19)]
    out += [
        ("CARD_DISCOVER", four(disc[0]), wrap.ticket("Discover card ending in %s was declined; full number %s." % (disc[0][-4:], four(disc[0]))), "spaced, full number after a last-4 mention"),
        ("CARD_DISCOVER", disc[1], wrap.record("payment card", disc[1], "snake"), "snake_case payment_card"),
        ("CARD_DISCOVER", four(disc[2], "-"), wrap.log("cc", four(disc[2], "-")), "log line cc=, dashed"),
        ("CARD_DISCOVER", disc[3], wrap.record("pan", disc[3], "camel"), "19-digit Discover"),
    ]
    jcb = [ids.card(str(R.randint(3528, 3589)), 16) for _ in range(3)]
    out += [
        ("CARD_JCB", four(jcb[0]), wrap.email("カード番号: %s でお願いします。" % four(jcb[0])), "Japanese label, spaced groups"),
        ("CARD_JCB", jcb[1], wrap.tool_args("card number", jcb[1], "kebab"), "kebab-case key in tool arguments"),
        ("CARD_JCB", four(jcb[2], "-"), wrap.html("Card", four(jcb[2], "-")), "HTML table cell"),
    ]
    din = [ids.card(R.choice(["300", "301", "305", "36", "38"]), 14) for _ in range(3)]
    out += [
        ("CARD_DINERS", grp(din[0], [4, 6, 4]), wrap.email("Diners Club %s, please charge the deposit." % grp(din[0], [4, 6, 4])), "14 digits printed 4-6-4"),
        ("CARD_DINERS", din[1], wrap.record("card no", din[1], "snake"), "snake_case card_no"),
        ("CARD_DINERS", grp(din[2], [4, 6, 4], "-"), wrap.csv("card", grp(din[2], [4, 6, 4], "-")), "dashed 4-6-4 in CSV"),
    ]
    up = [ids.card(R.choice(["6210", "6250", "6282", "6230"]), 16), ids.card("6250", 19), ids.card("6212", 16)]
    bad = up[2][:-1] + str((int(up[2][-1]) + 3) % 10)
    out += [
        ("CARD_UNIONPAY", four(up[0]), wrap.email("银联卡号 %s 付款失败" % four(up[0])), "Chinese label (UnionPay card number), Luhn-valid"),
        ("CARD_UNIONPAY", up[1], wrap.record("unionpay card", up[1], "camel"), "19-digit UnionPay"),
        ("CARD_UNIONPAY", bad, "UnionPay card number: %s (customer confirmed)" % bad, "UnionPay PAN that fails Luhn, with context: catalogue allows it at M"),
    ]
    mae = [ids.card(R.choice(["5018", "5020", "5038", "6304"]), 16), ids.card("6759", 19), ids.card("5893", 16), ids.card("6763", 13)]
    out += [
        ("CARD_MAESTRO", four(mae[0]), wrap.email("Maestro-Karte %s wurde belastet." % four(mae[0])), "German prose, spaced"),
        ("CARD_MAESTRO", mae[1], wrap.record("card number", mae[1], "snake"), "19-digit Maestro"),
        ("CARD_MAESTRO", four(mae[2], "-"), wrap.log("pan", four(mae[2], "-")), "dashed in a log line"),
        ("CARD_MAESTRO", mae[3], wrap.csv("debit_card", mae[3]), "13-digit Maestro (lengths 12-19 allowed)"),
    ]
    mir = [ids.card("220" + R.choice("01234"), 16) for _ in range(3)]
    out += [
        ("CARD_MIR", four(mir[0]), wrap.email("Номер карты: %s" % four(mir[0])), "Russian label, spaced"),
        ("CARD_MIR", mir[1], wrap.tool_result("card number", mir[1], "camel"), "escaped tool result"),
        ("CARD_MIR", four(mir[2], "-"), wrap.yaml("card", four(mir[2], "-")), "dashed in YAML"),
    ]
    ru = [ids.card(R.choice(["6070", "6080", "6521"][:2]), 16), ids.card("508" + R.choice("56"), 16), ids.card("6079", 16)]
    out += [
        ("CARD_RUPAY", four(ru[0]), wrap.ticket("Paid by RuPay debit card %s at the counter." % four(ru[0])), "RuPay 60-series, spaced"),
        ("CARD_RUPAY", ru[1], wrap.record("card number", ru[1], "snake"), "RuPay 508 prefix"),
        ("CARD_RUPAY", four(ru[2], "-"), wrap.csv("card", four(ru[2], "-")), "dashed in CSV"),
    ]
    return out


def card_data():
    out = []
    for i in range(3):
        pan = ids.card(R.choice(["4", "51", "37"]), 16 if i != 2 else 15)
        holder = R.choice(["DOE/JANE", "BECKER/LUKAS", "ROSSI/MARIA A"])
        t1 = "%%B%s^%s^%02d%02d101000000000000%05d?" % (pan, holder, R.randint(25, 30), R.randint(1, 12), R.randint(0, 99999))
        t2 = ";%s=%02d%02d1010000%06d?" % (pan, R.randint(25, 30), R.randint(1, 12), R.randint(0, 999999))
        out.append(("CARD_TRACK1", t1, [wrap.log("raw_swipe", t1), "POS dump: %s" % t1, wrap.record("track 1", t1, "camel")][i], "magstripe track 1 in %s" % ["a log line", "a POS dump", "JSON"][i]))
        out.append(("CARD_TRACK2", t2, ["reader> %s" % t2, wrap.record("track2", t2, "snake"), "swipe data %s captured by terminal 7" % t2][i], "magstripe track 2"))
    cvv = [("CVV: %s", "%03d"), ('"cvc": "%s"', "%03d"), ("security code %s", "%04d"), ("CVV2 %s", "%03d"), ('"card_cvv": %s', "%03d")]
    notes = ["label CVV with colon", "JSON key cvc", "4-digit Amex CID after 'security code'", "CVV2 label", "numeric JSON value under card_cvv"]
    for (tpl, nf), note in zip(cvv, notes):
        v = nf % R.randint(1, 999)
        out.append(("CARD_CVV", v, "Card ending 4242, exp 09/27, " + tpl % v, note))
    exp = [("exp %s", "%02d/%02d"), ('"expiry": "%s"', "%02d/%04d"), ("Expiration date: %s", "%02d/%02d"), ("Gültig bis %s", "%02d/%02d"), ('"exp_date":"%s"', "%02d/%02d")]
    notes = ["'exp' keyword", "MM/YYYY under JSON key expiry", "full English label", "German label (valid until)", "snake_case exp_date"]
    for (tpl, nf), note in zip(exp, notes):
        yy = R.randint(25, 31) if nf.endswith("%02d") else R.randint(2025, 2031)
        v = nf % (R.randint(1, 12), yy)
        out.append(("CARD_EXPIRY", v, "Card %s, " % four(ids.card("4", 16)) + tpl % v, note))
    return out
