"""Developer-platform and SaaS tokens."""
import tokens as t
import wrap
from tokens import rnd, B64, B64URL, HEX, ALNUM


def forges():
    out = []
    ghp = [t.github("ghp_") for _ in range(4)]
    out += [
        ("GITHUB_PAT_CLASSIC", ghp[0], "git remote set-url origin https://%s@github.com/acme/api.git" % ghp[0], "token as userinfo in a git URL"),
        ("GITHUB_PAT_CLASSIC", ghp[1], "GITHUB_TOKEN=%s" % ghp[1], ".env"),
        ("GITHUB_PAT_CLASSIC", ghp[2], wrap.record("github token", ghp[2], "camel"), "JSON"),
        ("GITHUB_PAT_CLASSIC", ghp[3], "//npm.pkg.github.com/:_authToken=%s" % ghp[3], ".npmrc"),
    ]
    for typ, prefix, ctx in [("GITHUB_OAUTH_TOKEN", "gho_", "oauth"), ("GITHUB_USER_TO_SERVER", "ghu_", "user-to-server"),
                             ("GITHUB_SERVER_TO_SERVER", "ghs_", "installation"), ("GITHUB_REFRESH_TOKEN", "ghr_", "refresh")]:
        v = [t.github(prefix) for _ in range(3)]
        out += [
            (typ, v[0], '{"access_token": "%s", "token_type": "bearer", "scope": "repo"}' % v[0], "token answer JSON (%s)" % ctx),
            (typ, v[1], "Authorization: token %s" % v[1], "GitHub 'token' auth scheme"),
            (typ, v[2], "2024-11-02 10:15:03 DEBUG gh-client using %s for acme/api" % v[2], "leaked in a debug log"),
        ]
    fg = ["github_pat_" + rnd(22, ALNUM) + "_" + rnd(59, ALNUM) for _ in range(3)]
    out += [
        ("GITHUB_FINE_GRAINED_PAT", fg[0], "GH_TOKEN=%s" % fg[0], ".env"),
        ("GITHUB_FINE_GRAINED_PAT", fg[1], wrap.record("token", fg[1], "snake"), "JSON"),
        ("GITHUB_FINE_GRAINED_PAT", fg[2], "echo %s | gh auth login --with-token" % fg[2], "shell command"),
    ]
    gl = ["glpat-" + rnd(20, ALNUM + "-_") for _ in range(3)]
    out += [
        ("GITLAB_PAT", gl[0], "PRIVATE-TOKEN: %s" % gl[0], "GitLab API header"),
        ("GITLAB_PAT", gl[1], "https://oauth2:%s@gitlab.com/acme/infra.git" % gl[1], "in a clone URL"),
        ("GITLAB_PAT", gl[2], wrap.yaml("gitlab token", gl[2]), "YAML"),
    ]
    glo = ["glptt-" + rnd(40, HEX), "gldt-" + rnd(20, ALNUM + "-_"), "glrt-" + rnd(20, ALNUM + "-_"), "GR1348941" + rnd(20, ALNUM + "-_")]
    out += [
        ("GITLAB_OTHER_TOKENS", glo[0], "curl -X POST -F token=%s -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline" % glo[0], "pipeline trigger token"),
        ("GITLAB_OTHER_TOKENS", glo[1], wrap.record("deploy token", glo[1], "camel"), "deploy token"),
        ("GITLAB_OTHER_TOKENS", glo[2], "[[runners]]\n  name = \"build-01\"\n  token = \"%s\"\n" % glo[2], "runner config.toml"),
        ("GITLAB_OTHER_TOKENS", glo[3], "gitlab-runner register --registration-token %s" % glo[3], "legacy runner registration token"),
    ]
    return out


def chat_pay():
    out = []
    bot = ["xoxb-%s-%s-%s" % (rnd(12, "0123456789"), rnd(13, "0123456789"), rnd(24)) for _ in range(3)]
    out += [
        ("SLACK_BOT_TOKEN", bot[0], "SLACK_BOT_TOKEN=%s" % bot[0], ".env"),
        ("SLACK_BOT_TOKEN", bot[1], wrap.record("bot token", bot[1], "camel"), "JSON"),
        ("SLACK_BOT_TOKEN", bot[2], "curl -H 'Authorization: Bearer %s' https://slack.com/api/chat.postMessage" % bot[2], "in a curl command"),
    ]
    usr = ["xoxp-%s-%s-%s-%s" % (rnd(11, "0123456789"), rnd(12, "0123456789"), rnd(13, "0123456789"), rnd(32, HEX)) for _ in range(3)]
    out += [
        ("SLACK_USER_TOKEN", usr[0], "SLACK_USER_TOKEN=%s" % usr[0], ".env"),
        ("SLACK_USER_TOKEN", usr[1], '{"ok": true, "authed_user": {"access_token": "%s"}}' % usr[1], "OAuth answer"),
        ("SLACK_USER_TOKEN", usr[2], "token: %s" % usr[2], "YAML"),
    ]
    app = ["xapp-1-A%s-%s-%s" % (rnd(10, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), rnd(13, "0123456789"), rnd(64, HEX)) for _ in range(3)]
    out += [
        ("SLACK_APP_TOKEN", app[0], "SLACK_APP_TOKEN=%s" % app[0], ".env"),
        ("SLACK_APP_TOKEN", app[1], wrap.record("app token", app[1], "camel"), "JSON"),
        ("SLACK_APP_TOKEN", app[2], "socket mode: connecting with %s" % app[2], "log"),
    ]
    hooks = ["https://hooks.slack.com/services/T%s/B%s/%s" % (rnd(8, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), rnd(10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), rnd(24)) for _ in range(3)]
    out += [
        ("SLACK_WEBHOOK_URL", hooks[0], "curl -X POST -d '{\"text\":\"deploy done\"}' %s" % hooks[0], "curl"),
        ("SLACK_WEBHOOK_URL", hooks[1], wrap.record("webhook url", hooks[1], "camel"), "JSON"),
        ("SLACK_WEBHOOK_URL", hooks[2], "alerting:\n  slack_api_url: %s\n" % hooks[2], "Alertmanager YAML"),
    ]
    sk = ["sk_live_" + rnd(24), "rk_live_" + rnd(99), "sk_test_" + rnd(24)]
    out += [
        ("STRIPE_SECRET_KEY", sk[0], "STRIPE_SECRET_KEY=%s" % sk[0], ".env"),
        ("STRIPE_SECRET_KEY", sk[1], wrap.record("stripe key", sk[1], "camel"), "restricted key, 99 chars"),
        ("STRIPE_SECRET_KEY", sk[2], "stripe.api_key = \"%s\"" % sk[2], "test-mode key in Python: still a secret per catalogue"),
    ]
    wh = ["whsec_" + rnd(32) for _ in range(3)]
    out += [
        ("STRIPE_WEBHOOK_SECRET", wh[0], "STRIPE_WEBHOOK_SECRET=%s" % wh[0], ".env"),
        ("STRIPE_WEBHOOK_SECRET", wh[1], "> Ready! Your webhook signing secret is %s (^C to quit)" % wh[1], "stripe listen output"),
        ("STRIPE_WEBHOOK_SECRET", wh[2], wrap.record("signing secret", wh[2], "camel"), "JSON"),
    ]
    tw = ["SK" + rnd(32, HEX) for _ in range(3)]
    out += [
        ("TWILIO_API_KEY", tw[0], "TWILIO_API_KEY=%s\nTWILIO_API_SECRET=%s" % (tw[0], rnd(32)), ".env"),
        ("TWILIO_API_KEY", tw[1], wrap.record("api key sid", tw[1], "camel"), "JSON"),
        ("TWILIO_API_KEY", tw[2], "client = Client('%s', api_secret, account_sid)" % tw[2], "Python"),
    ]
    sg = ["SG." + rnd(22, B64URL) + "." + rnd(43, B64URL) for _ in range(3)]
    out += [
        ("SENDGRID_API_KEY", sg[0], "SENDGRID_API_KEY=%s" % sg[0], ".env"),
        ("SENDGRID_API_KEY", sg[1], "Authorization: Bearer %s" % sg[1], "header"),
        ("SENDGRID_API_KEY", sg[2], wrap.record("sendgrid key", sg[2], "camel"), "JSON"),
    ]
    return out


def ai_registries():
    out = []
    oa = ["sk-proj-" + rnd(74, ALNUM + "-_") + "T3BlbkFJ" + rnd(74, ALNUM + "-_"), "sk-" + rnd(20) + "T3BlbkFJ" + rnd(20),
          "sk-svcacct-" + rnd(58, ALNUM + "-_") + "T3BlbkFJ" + rnd(58, ALNUM + "-_")]
    out += [
        ("OPENAI_API_KEY", oa[0], "OPENAI_API_KEY=%s" % oa[0], ".env"),
        ("OPENAI_API_KEY", oa[1], "client = OpenAI(api_key=\"%s\")" % oa[1], "legacy 51-char key in Python"),
        ("OPENAI_API_KEY", oa[2], wrap.record("openai key", oa[2], "camel"), "service-account key"),
    ]
    an = ["sk-ant-api03-" + rnd(93, ALNUM + "-_") + "AA" for _ in range(3)]
    out += [
        ("ANTHROPIC_API_KEY", an[0], "ANTHROPIC_API_KEY=%s" % an[0], ".env"),
        ("ANTHROPIC_API_KEY", an[1], "curl https://api.anthropic.com/v1/messages -H \"x-api-key: %s\"" % an[1], "curl header"),
        ("ANTHROPIC_API_KEY", an[2], wrap.record("api key", an[2], "camel"), "JSON"),
    ]
    hf = ["hf_" + rnd(34, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") for _ in range(3)]
    out += [
        ("HUGGINGFACE_TOKEN", hf[0], "HF_TOKEN=%s" % hf[0], ".env"),
        ("HUGGINGFACE_TOKEN", hf[1], "huggingface-cli login --token %s" % hf[1], "CLI"),
        ("HUGGINGFACE_TOKEN", hf[2], wrap.record("hf token", hf[2], "snake"), "JSON"),
    ]
    nt = [t.npm() for _ in range(3)]
    out += [
        ("NPM_TOKEN", nt[0], "//registry.npmjs.org/:_authToken=%s" % nt[0], ".npmrc"),
        ("NPM_TOKEN", nt[1], "NPM_TOKEN=%s" % nt[1], ".env"),
        ("NPM_TOKEN", nt[2], wrap.record("npm token", nt[2], "camel"), "JSON"),
    ]
    py = ["pypi-AgEIcHlwaS5vcmc" + rnd(150, B64URL) for _ in range(3)]
    out += [
        ("PYPI_TOKEN", py[0], "[pypi]\n  username = __token__\n  password = %s\n" % py[0], ".pypirc"),
        ("PYPI_TOKEN", py[1], "TWINE_PASSWORD=%s" % py[1], ".env"),
        ("PYPI_TOKEN", py[2], "uv publish --token %s" % py[2], "CLI"),
    ]
    dk = ["dckr_pat_" + rnd(27, ALNUM + "-_") for _ in range(3)]
    out += [
        ("DOCKER_HUB_PAT", dk[0], "echo %s | docker login -u acme --password-stdin" % dk[0], "docker login"),
        ("DOCKER_HUB_PAT", dk[1], "DOCKERHUB_TOKEN=%s" % dk[1], ".env"),
        ("DOCKER_HUB_PAT", dk[2], wrap.record("docker token", dk[2], "camel"), "JSON"),
    ]
    sh = ["shpat_" + rnd(32, HEX), "shpss_" + rnd(32, HEX), "shpca_" + rnd(32, HEX)]
    out += [
        ("SHOPIFY_TOKENS", sh[0], "X-Shopify-Access-Token: %s" % sh[0], "request header"),
        ("SHOPIFY_TOKENS", sh[1], "SHOPIFY_API_SECRET=%s" % sh[1], "shared secret"),
        ("SHOPIFY_TOKENS", sh[2], wrap.record("access token", sh[2], "snake"), "custom app token"),
    ]
    do = ["dop_v1_" + rnd(64, HEX), "doo_v1_" + rnd(64, HEX), "dor_v1_" + rnd(64, HEX)]
    out += [
        ("DIGITALOCEAN_TOKENS", do[0], "DIGITALOCEAN_TOKEN=%s" % do[0], ".env"),
        ("DIGITALOCEAN_TOKENS", do[1], wrap.record("access token", do[1], "snake"), "OAuth token"),
        ("DIGITALOCEAN_TOKENS", do[2], "doctl auth init -t %s" % do[2], "refresh token on a CLI"),
    ]
    va = ["hvs." + rnd(95, ALNUM + "-_"), "s." + rnd(24), "hvb." + rnd(160, ALNUM + "-_")]
    out += [
        ("VAULT_TOKEN", va[0], "VAULT_TOKEN=%s" % va[0], ".env"),
        ("VAULT_TOKEN", va[1], "X-Vault-Token: %s" % va[1], "legacy token in a header"),
        ("VAULT_TOKEN", va[2], wrap.record("client token", va[2], "snake"), "batch token in login answer"),
    ]
    return out
