"""Separators people really type between the groups of a number."""


def grp(v, sizes, sep=" "):
    out, i = [], 0
    for n in sizes:
        out.append(v[i:i + n])
        i += n
    if i < len(v):
        out.append(v[i:])
    return sep.join(x for x in out if x)


def four(v, sep=" "):
    return grp(v, [4] * (len(v) // 4 + 1), sep)
