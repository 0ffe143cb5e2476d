"""Payload shapes that tool traffic really carries: JSON results, CSV, YAML, logs, Markdown, HTML, prose."""
import json
import random
import re

R = random.Random(7331)
NAMES = ["Jana Novakova", "Lukas Becker", "Maria Rossi", "Sofia Lindqvist", "Pedro Alves", "Aoife Byrne",
         "Mehmet Yilmaz", "Priya Nair", "Chen Wei", "Olivia Brown", "Thabo Nkosi", "Camille Durand",
         "Jakub Kowalski", "Ingrid Hansen", "Diego Fernandez", "Hannah Cohen", "Kenji Sato", "Ana Souza"]


def name():
    return R.choice(NAMES)


def words(label):
    return [w for w in re.split(r"[^0-9A-Za-zÀ-ÿ]+", label) if w]


def key(label, style):
    w = words(label)
    if style == "camel":
        return w[0].lower() + "".join(x[:1].upper() + x[1:].lower() for x in w[1:])
    if style == "snake":
        return "_".join(x.lower() for x in w)
    if style == "kebab":
        return "-".join(x.lower() for x in w)
    if style == "title":
        return " ".join(x[:1].upper() + x[1:] for x in w)
    if style == "upper":
        return "_".join(x.upper() for x in w)
    return label


def record(label, v, style="camel"):
    rid = R.randint(1000, 99999)
    obj = {"id": rid, key("full name", "camel" if style == "raw" else style): name(), key(label, style): v, "status": "verified"}
    return json.dumps(obj, ensure_ascii=False)


def tool_result(label, v, style="camel"):
    """A JSON-RPC tools/call result whose text content is itself JSON (escaped once)."""
    inner = record(label, v, style)
    return json.dumps({"jsonrpc": "2.0", "id": R.randint(2, 400),
                       "result": {"content": [{"type": "text", "text": inner}], "isError": False}},
                      ensure_ascii=False)


def tool_args(label, v, style="snake", tool="update_customer"):
    return json.dumps({"jsonrpc": "2.0", "id": R.randint(2, 400), "method": "tools/call",
                       "params": {"name": tool, "arguments": {"customer_id": "C-%d" % R.randint(10000, 99999),
                                                              key(label, style): v}}}, ensure_ascii=False)


def csv(label, v, first=False):
    col = key(label, "snake")
    n1, n2 = name(), name()
    if first:
        return "%s,name,country\n%s,%s,DE\n" % (col, v, n1)
    return "id,name,%s\n%d,%s,%s\n%d,%s,\n" % (col, R.randint(1, 999), n1, v, R.randint(1, 999), n2)


def yaml(label, v):
    return "customer:\n  name: %s\n  %s: \"%s\"\n  tier: gold\n" % (name(), key(label, "kebab"), v)


def env(label, v):
    return "# generated %s\nAPP_ENV=production\n%s=%s\nLOG_LEVEL=info\n" % ("2024-05-02", key(label, "upper"), v)


def md_table(label, v):
    return "| Name | %s |\n|---|---|\n| %s | %s |\n" % (key(label, "title"), name(), v)


def html(label, v):
    return "<table><tr><th>%s</th><td>%s</td></tr><tr><th>Name</th><td>%s</td></tr></table>" % (label, v, name())


def log(label, v):
    return "2024-11-02T10:15:%02dZ INFO  verify.service request_id=%08x %s=%s result=ok" % (
        R.randint(0, 59), R.getrandbits(32), key(label, "snake"), v)


def ticket(sentence):
    return "Ticket #%d (priority: normal)\nFrom: %s\n\n%s\n\nThanks for your help." % (R.randint(10000, 99999), name(), sentence)


def email(sentence):
    return "Subject: Re: your request\n\nHello,\n\n%s\n\nBest regards,\n%s" % (sentence, name())
