"""Format-independent credentials (keys, tokens, URLs with passwords, manifests) and crypto wallets."""
import base64
import json

import tokens as t
import wrap
from tokens import rnd, B64, ALNUM


def keys_tokens():
    out = []
    p = [t.pem("RSA PRIVATE KEY", 900), t.pem("OPENSSH PRIVATE KEY", 400), t.pem("EC PRIVATE KEY", 120), t.pem("PRIVATE KEY", 600, "\n")]
    out += [
        ("PRIVATE_KEY_PEM", p[0], "$ cat ~/.ssh/id_rsa\n%s\n" % p[0], "RSA key printed by cat"),
        ("PRIVATE_KEY_PEM", p[1], "```\n%s\n```" % p[1], "OpenSSH key in a fenced block"),
        ("PRIVATE_KEY_PEM", p[2].replace("\n", "\\n"), '{"tls": {"key": "%s"}}' % p[2].replace("\n", "\\n"), "EC key in JSON with escaped newlines"),
        ("PRIVATE_KEY_PEM", p[3].replace("\n", "\n  "), "tls.key: |\n  " + p[3].replace("\n", "\n  "), "PKCS#8 key indented in a YAML block scalar"),
    ]
    j = [t.jwt({"sub": "user_8812", "email": "jana.novakova@seznam.cz", "iat": 1730541303, "exp": 1730544903}),
         t.jwt({"iss": "https://login.acme.com/", "aud": "api", "scope": "read write", "exp": 1730544903}, "RS256"),
         t.jwt({"sub": "svc-billing", "role": "admin"}), t.jwt({"uid": 42}, "HS512")]
    out += [
        ("JWT", j[0], "Authorization: Bearer %s" % j[0], "HS256 JWT in a bearer header"),
        ("JWT", j[1], wrap.record("id token", j[1], "snake"), "RS256 id_token in JSON"),
        ("JWT", j[2], "Set-Cookie: session=%s; Path=/; HttpOnly" % j[2], "JWT as a session cookie"),
        ("JWT", j[3], "https://app.acme.com/sso/callback?token=%s" % j[3], "JWT in a URL query"),
    ]
    ba = ["https://deploy:S3cr3t-Pa55w0rd@git.acme-corp.com/infra.git", "ftp://backup:Winter2024!@ftp.acme-corp.com/dumps/",
          "https://admin:hunter2hunter2@registry.acme-corp.com/v2/", "amqp://guest:q8Zt2mPx@rabbit.acme-corp.com:5672/"]
    out += [
        ("BASIC_AUTH_IN_URL", ba[0], "fatal: unable to access '%s': The requested URL returned error: 403" % ba[0], "git error message"),
        ("BASIC_AUTH_IN_URL", ba[1], wrap.record("backup target", ba[1], "camel"), "ftp URL in JSON"),
        ("BASIC_AUTH_IN_URL", ba[2], "docker pull from %s failed" % ba[2], "registry URL in prose"),
        ("BASIC_AUTH_IN_URL", ba[3], "BROKER_URL=%s" % ba[3], "AMQP URL"),
    ]
    basic = base64.b64encode(b"svc-report:Tr0ub4dor&3").decode()
    bearer = rnd(40, ALNUM)
    out += [
        ("HTTP_AUTHORIZATION_HEADER", "Basic " + basic, "GET /api/v1/reports HTTP/1.1\nHost: api.acme.com\nAuthorization: Basic %s\n" % basic, "raw HTTP request"),
        ("HTTP_AUTHORIZATION_HEADER", "Bearer " + bearer, '{"headers": {"Authorization": "Bearer %s", "Accept": "application/json"}}' % bearer, "JSON headers map"),
        ("HTTP_AUTHORIZATION_HEADER", "Bearer " + (b2 := rnd(32, "0123456789abcdef")), "curl -H \"authorization: Bearer %s\" https://api.acme.com/v1/me" % b2, "lower-case header name in curl"),
        ("HTTP_AUTHORIZATION_HEADER", "Basic " + (b3 := base64.b64encode(b"proxyuser:pr0xyPa55").decode()), "Proxy-Authorization: Basic %s" % b3, "proxy header"),
    ]
    db = ["postgresql://app_user:Xk9mP2vL7q@db.acme-corp.com:5432/orders", "mongodb+srv://reporting:N7tq2Lw9@cluster0.abcde.mongodb.net/prod?retryWrites=true",
          "Server=tcp:sql-prod.acme.net,1433;Database=crm;User ID=sa;Password=Sup3rS3cret!;Encrypt=True;", "jdbc:mysql://mysql.acme-corp.com:3306/shop?user=root&password=r00tPa55",
          "redis://:p4ssw0rd-redis@cache.acme-corp.com:6379/0"]
    out += [
        ("DB_CONNECTION_STRING", db[0], "DATABASE_URL=%s" % db[0], ".env"),
        ("DB_CONNECTION_STRING", db[1], wrap.record("mongo uri", db[1], "camel"), "mongodb+srv in JSON"),
        ("DB_CONNECTION_STRING", db[2], '"ConnectionStrings": {"Default": "%s"}' % db[2], "ADO.NET connection string"),
        ("DB_CONNECTION_STRING", db[3], "spring.datasource.url=%s" % db[3], "JDBC URL with password parameter"),
        ("DB_CONNECTION_STRING", db[4], "REDIS_URL=%s" % db[4], "redis URL with password only"),
    ]
    k8 = ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-credentials\ntype: Opaque\ndata:\n  username: %s\n  password: %s\n" % (base64.b64encode(b"app").decode(), base64.b64encode(b"Xk9mP2vL7q").decode()),
          json.dumps({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "api-keys"}, "stringData": {"STRIPE_KEY": "rk_live_" + rnd(24)}}),
          "---\nkind: Secret\napiVersion: v1\nmetadata:\n  name: tls\n  namespace: prod\ndata:\n  token: %s\n" % base64.b64encode(rnd(30).encode()).decode()]
    out += [
        ("KUBERNETES_SECRET_MANIFEST", k8[0], "$ kubectl get secret db-credentials -o yaml\n" + k8[0], "kubectl output"),
        ("KUBERNETES_SECRET_MANIFEST", k8[1], k8[1], "JSON manifest with stringData"),
        ("KUBERNETES_SECRET_MANIFEST", k8[2], k8[2], "kind before apiVersion"),
    ]
    gs = ["q8Zt2mPxL4vN9wRk", "Xk9#mP2$vL7qTz!", rnd(32, ALNUM), "7fGh2KpL9qRs4TvW8xYz", rnd(24, ALNUM)]
    out += [
        ("GENERIC_SECRET_ASSIGNMENT", gs[0], "api_key = \"%s\"" % gs[0], "Python assignment"),
        ("GENERIC_SECRET_ASSIGNMENT", gs[1], "DB_PASSWORD=%s" % gs[1], ".env password with symbols"),
        ("GENERIC_SECRET_ASSIGNMENT", gs[2], '{"clientSecret": "%s"}' % gs[2], "camelCase clientSecret"),
        ("GENERIC_SECRET_ASSIGNMENT", gs[3], "auth-token: %s" % gs[3], "kebab key in YAML"),
        ("GENERIC_SECRET_ASSIGNMENT", gs[4], "private static final String SECRET_KEY = \"%s\";" % gs[4], "Java constant"),
    ]
    return out


def crypto():
    out = []
    btc = [t.btc_p2pkh(), t.btc_p2sh(), t.btc_bech32(0, 20), t.btc_bech32(1, 32)]
    out += [
        ("CRYPTO_BTC_ADDRESS", btc[0], "Send 0.05 BTC to %s" % btc[0], "P2PKH in prose"),
        ("CRYPTO_BTC_ADDRESS", btc[1], wrap.record("wallet address", btc[1], "camel"), "P2SH"),
        ("CRYPTO_BTC_ADDRESS", btc[2], "bitcoin:%s?amount=0.01" % btc[2], "bech32 in a BIP-21 URI"),
        ("CRYPTO_BTC_ADDRESS", btc[3].upper(), "Taproot payout: %s" % btc[3].upper(), "bech32m written all upper case (allowed, QR style)"),
    ]
    eth = [t.eth(), t.eth(False), t.eth(), t.eth(False)]
    out += [
        ("CRYPTO_ETH_ADDRESS", eth[0], "Please send the USDC to %s" % eth[0], "EIP-55 mixed case"),
        ("CRYPTO_ETH_ADDRESS", eth[1], wrap.record("wallet", eth[1], "camel"), "all lower case"),
        ("CRYPTO_ETH_ADDRESS", eth[2], '{"from": "%s", "value": "0x2386f26fc10000"}' % eth[2], "transaction JSON"),
        ("CRYPTO_ETH_ADDRESS", eth[3], "eth_address=%s" % eth[3], "log"),
    ]
    w = [t.wif(), t.wif(False), t.wif()]
    out += [
        ("CRYPTO_WIF_PRIVATE_KEY", w[0], "importprivkey %s \"savings\"" % w[0], "bitcoin-cli import, compressed"),
        ("CRYPTO_WIF_PRIVATE_KEY", w[1], wrap.record("private key", w[1], "camel"), "uncompressed (5...)"),
        ("CRYPTO_WIF_PRIVATE_KEY", w[2], "paper wallet backup: %s" % w[2], "prose"),
    ]
    return out
