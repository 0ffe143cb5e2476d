"""Cloud-provider credentials: AWS, Google Cloud, Azure."""
import base64
import json

import tokens as t
import wrap
from tokens import rnd, B64, B64URL, HEX


def aws():
    out = []
    k = [t.aws_key_id(), t.aws_key_id("ASIA"), t.aws_key_id(), "AKIAIOSFODNN7EXAMPLE"]
    s = [rnd(40, B64) for _ in range(4)]
    out += [
        ("AWS_ACCESS_KEY_ID", k[0], "[default]\naws_access_key_id = %s\naws_secret_access_key = %s\nregion = eu-central-1\n" % (k[0], s[0]), "~/.aws/credentials INI"),
        ("AWS_ACCESS_KEY_ID", k[1], wrap.record("access key id", k[1], "camel"), "temporary ASIA key in JSON (STS answer)"),
        ("AWS_ACCESS_KEY_ID", k[2], "export AWS_ACCESS_KEY_ID=%s" % k[2], "shell export"),
        ("AWS_ACCESS_KEY_ID", k[3], "aws configure set aws_access_key_id %s" % k[3], "AWS documentation example key: catalogue §2.4 says known test values are flagged as test data (configurable, alert-only), not silenced, so it is expected"),
    ]
    out += [
        ("AWS_SECRET_ACCESS_KEY", s[0], out[0][2], "secret next to its key id in the credentials file"),
        ("AWS_SECRET_ACCESS_KEY", s[1], '{"AccessKeyId": "%s", "SecretAccessKey": "%s", "Expiration": "2024-11-02T12:00:00Z"}' % (k[1], s[1]), "STS JSON with PascalCase keys"),
        ("AWS_SECRET_ACCESS_KEY", s[2], "AWS_SECRET_ACCESS_KEY=%s\n" % s[2], ".env line without the key id"),
        ("AWS_SECRET_ACCESS_KEY", s[3], wrap.yaml("aws secret key", s[3]), "kebab key in YAML"),
    ]
    st = ["IQoJb3JpZ2luX2VjE" + rnd(300, B64), "FwoGZXIvYXdzE" + rnd(280, B64), "IQoJb3JpZ2luX2VjE" + rnd(360, B64)]
    out += [
        ("AWS_SESSION_TOKEN", st[0], "aws_session_token = %s" % st[0], "credentials file"),
        ("AWS_SESSION_TOKEN", st[1], '{"Credentials": {"SessionToken": "%s"}}' % st[1], "STS answer, PascalCase SessionToken"),
        ("AWS_SESSION_TOKEN", st[2], "curl -H 'X-Amz-Security-Token: %s' https://s3.amazonaws.com/" % st[2], "request header"),
    ]
    br = ["ABSK" + rnd(132, B64), "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t" + rnd(180, B64), "ABSK" + rnd(200, B64)]
    out += [
        ("AWS_BEDROCK_API_KEY", br[0], "AWS_BEARER_TOKEN_BEDROCK=%s" % br[0], "long-lived key in .env"),
        ("AWS_BEDROCK_API_KEY", br[1], wrap.record("bedrock api key", br[1], "camel"), "short-lived key"),
        ("AWS_BEDROCK_API_KEY", br[2], "Authorization header set from %s" % br[2], "bare in a log"),
    ]
    return out


def gcp():
    out = []
    ak = ["AIza" + rnd(35, B64URL) for _ in range(4)]
    out += [
        ("GCP_API_KEY", ak[0], "https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=%s" % ak[0], "key in a request URL"),
        ("GCP_API_KEY", ak[1], wrap.record("api key", ak[1], "camel"), "JSON"),
        ("GCP_API_KEY", ak[2], "const firebaseConfig = { apiKey: \"%s\", authDomain: \"acme.firebaseapp.com\" };" % ak[2], "JavaScript config"),
        ("GCP_API_KEY", ak[3], "GOOGLE_API_KEY=%s" % ak[3], ".env"),
    ]
    sas = []
    for i in range(3):
        sa = {"type": "service_account", "project_id": "acme-prod-%d" % (1000 + i), "private_key_id": rnd(40, HEX),
              "private_key": t.pem("PRIVATE KEY", 300), "client_email": "deployer@acme-prod-%d.iam.gserviceaccount.com" % (1000 + i),
              "client_id": rnd(21, "0123456789"), "token_uri": "https://oauth2.googleapis.com/token"}
        sas.append(json.dumps(sa, indent=2 if i != 1 else None))
    out += [
        ("GCP_SERVICE_ACCOUNT_JSON", sas[0], sas[0], "key file as pasted (pretty JSON)"),
        ("GCP_SERVICE_ACCOUNT_JSON", sas[1], "GOOGLE_CREDENTIALS='%s'" % sas[1], "single-line JSON in an env var"),
        ("GCP_SERVICE_ACCOUNT_JSON", sas[2], "Here is the service account file you asked for:\n\n```json\n%s\n```" % sas[2], "fenced code block in a chat reply"),
    ]
    cs = ["GOCSPX-" + rnd(28, B64URL) for _ in range(3)]
    out += [
        ("GCP_OAUTH_CLIENT_SECRET", cs[0], '{"web": {"client_id": "1234-abc.apps.googleusercontent.com", "client_secret": "%s"}}' % cs[0], "client_secret.json"),
        ("GCP_OAUTH_CLIENT_SECRET", cs[1], "GOOGLE_CLIENT_SECRET=%s" % cs[1], ".env"),
        ("GCP_OAUTH_CLIENT_SECRET", cs[2], wrap.yaml("oauth secret", cs[2]), "YAML"),
    ]
    ya = ["ya29." + rnd(150, B64URL) for _ in range(3)]
    out += [
        ("GOOGLE_OAUTH_ACCESS_TOKEN", ya[0], '{"access_token": "%s", "expires_in": 3599, "token_type": "Bearer"}' % ya[0], "token endpoint answer"),
        ("GOOGLE_OAUTH_ACCESS_TOKEN", ya[1], "gcloud auth print-access-token\n%s" % ya[1], "CLI output"),
        ("GOOGLE_OAUTH_ACCESS_TOKEN", ya[2], "token=%s" % ya[2], "log key=value"),
    ]
    return out


def azure():
    out = []
    keys = [base64.b64encode(t.R.randbytes(64)).decode() for _ in range(4)]
    conns = ["DefaultEndpointsProtocol=https;AccountName=acmestore%d;AccountKey=%s;EndpointSuffix=core.windows.net" % (i, keys[i]) for i in range(3)]
    out += [
        ("AZURE_STORAGE_ACCOUNT_KEY", keys[0], 'az storage blob upload --account-name acmestore --account-key "%s" -f report.pdf' % keys[0], "az CLI flag (inside a whole connection string the connection string is what is reported)"),
        ("AZURE_STORAGE_ACCOUNT_KEY", keys[3], '{"keyName": "key1", "value": "%s", "permissions": "FULL"}' % keys[3], "az storage account keys list output"),
        ("AZURE_STORAGE_ACCOUNT_KEY", keys[1], "AZURE_STORAGE_KEY=%s" % keys[1], ".env with storage keyword"),
    ]
    out += [
        ("AZURE_STORAGE_CONNECTION_STRING", conns[0], wrap.record("connection string", conns[0], "camel"), "JSON"),
        ("AZURE_STORAGE_CONNECTION_STRING", conns[1], "AzureWebJobsStorage=%s" % conns[1], "function app setting"),
        ("AZURE_STORAGE_CONNECTION_STRING", conns[2], '"ConnectionStrings": { "Blob": "%s" }' % conns[2], "appsettings.json"),
    ]
    sigs = [base64.b64encode(t.R.randbytes(32)).decode().replace("+", "%2B").replace("/", "%2F").replace("=", "%3D") for _ in range(3)]
    sas = ["sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2025-12-31T23:59:59Z&st=2024-01-01T00:00:00Z&spr=https&sig=%s" % sigs[0],
           "sp=r&st=2024-05-01T08:00:00Z&se=2024-05-01T16:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=%s" % sigs[1],
           "sv=2021-08-06&se=2026-01-01&sr=c&sp=rl&sig=%s" % sigs[2]]
    out += [
        ("AZURE_SAS_TOKEN", sas[0], "https://acmestore.blob.core.windows.net/?%s" % sas[0], "account SAS in a URL"),
        ("AZURE_SAS_TOKEN", sas[1], wrap.record("download url", "https://acmestore.blob.core.windows.net/exports/report.pdf?" + sas[1], "camel"), "blob SAS with sp first"),
        ("AZURE_SAS_TOKEN", sas[2], "AZURE_SAS=?%s" % sas[2], "container SAS in .env"),
    ]
    cs = [rnd(3, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") + str(t.R.randint(0, 9)) + "Q~" + rnd(34, t.ALNUM + "_~.-") for _ in range(3)]
    out += [
        ("AZURE_AD_CLIENT_SECRET", cs[0], "AZURE_CLIENT_SECRET=%s" % cs[0], ".env"),
        ("AZURE_AD_CLIENT_SECRET", cs[1], '{"clientId": "6f1c2a4e-0d8b-4a4e-9c2f-1b2d3e4f5a6b", "clientSecret": "%s"}' % cs[1], "JSON next to a client id"),
        ("AZURE_AD_CLIENT_SECRET", cs[2], "The new secret value is %s - store it now, it is shown once." % cs[2], "prose"),
    ]
    return out
