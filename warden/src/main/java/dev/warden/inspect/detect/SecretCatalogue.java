package dev.warden.inspect.detect;

import static dev.warden.inspect.Confidence.HIGH;
import static dev.warden.inspect.Confidence.MEDIUM;
import static dev.warden.inspect.detect.PatternDetector.afterWord;
import static dev.warden.inspect.detect.PatternDetector.anchored;

import dev.warden.inspect.Detector;
import dev.warden.inspect.validate.Shapes;
import java.util.List;
import java.util.Set;

/** Secrets and credentials, catalogue rows 120–163: vendor prefixes make them reliable. */
final class SecretCatalogue {
  private SecretCatalogue() {}

  private static PatternDetector token(String type, String regex, String... prefixes) {
    return anchored(type, HIGH, Tags.SECRET, regex, prefixes).window(1, 400);
  }

  private static final Set<String> s = Tags.SECRET;
  private static final String b64 = "[A-Za-z0-9/+]";

  static List<Detector> all() {
    return java.util.stream.Stream.of(part1(), part2(), part3(), part4())
        .flatMap(List::stream)
        .toList();
  }

  private static List<Detector> part1() {
    return List.of(
        token(
                "AWS_ACCESS_KEY_ID",
                "\\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}\\b",
                "akia",
                "asia",
                "abia",
                "acca",
                "a3t")
            .validated(v -> !Credentials.longRun(v, 8)), // AKIAXXXXXXXXXXXXXXXX
        afterWord(
                "AWS_SECRET_ACCESS_KEY",
                MEDIUM,
                s,
                "^[A-Za-z_]{0,12}[\"']?\\s*[:=]\\s*[\"']?(" + b64 + "{40})(?:[^A-Za-z0-9/+=]|$)",
                v -> v.chars().anyMatch(Character::isDigit),
                "aws_secret_access_key",
                "secret_access_key",
                "secretaccesskey",
                "aws_secret_key",
                "aws_secret")
            .window(0, 80),
        afterWord(
                "AWS_SESSION_TOKEN",
                MEDIUM,
                s,
                "^[A-Za-z_]{0,12}[\"']?\\s*[:=]\\s*[\"']?(" + b64 + "{100,}={0,2})",
                v -> true,
                "aws_session_token",
                "x-amz-security-token",
                "sessiontoken",
                "session_token")
            .window(0, 3000),
        token(
            "AWS_BEDROCK_API_KEY",
            "ABSK" + b64 + "{109,269}={0,2}|bedrock-api-key-" + b64 + "{20,}={0,2}",
            "absk",
            "bedrock-api-key-"),
        token("GCP_API_KEY", "\\bAIza[0-9A-Za-z_-]{35}", "aiza"),
        anchored(
                "GCP_SERVICE_ACCOUNT_JSON",
                HIGH,
                s,
                "\"type\"\\s*:\\s*\"service_account\"",
                "service_account")
            .window(30, 10),
        token("GCP_OAUTH_CLIENT_SECRET", "GOCSPX-[A-Za-z0-9_-]{28}", "gocspx-"),
        token("GOOGLE_OAUTH_ACCESS_TOKEN", "\\bya29\\.[0-9A-Za-z_-]{20,}", "ya29."),
        afterWord(
                "AZURE_STORAGE_ACCOUNT_KEY",
                MEDIUM,
                s,
                "^[\"']?\\s*[=:]?\\s*[\"']?(" + b64 + "{86}==)",
                v -> true,
                "accountkey",
                "account_key",
                "storage_key",
                "storage account key")
            .window(0, 120),
        anchored(
                "AZURE_STORAGE_CONNECTION_STRING",
                HIGH,
                s,
                "DefaultEndpointsProtocol=https?;AccountName=[^;\"\\s]+;AccountKey="
                    + b64
                    + "{20,}={0,2}(?:;[^\"\\s;]+)*",
                "defaultendpointsprotocol")
            .window(0, 400));
  }

  private static List<Detector> part2() {
    return List.of(
        anchored(
                "AZURE_SAS_TOKEN",
                HIGH,
                s,
                "sv=[0-9]{4}-[0-9]{2}-[0-9]{2}[^\\s\"']{0,300}?sig=[A-Za-z0-9%+/=]{20,}",
                "sv=")
            .window(0, 600),
        token("AZURE_AD_CLIENT_SECRET", "[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}", "q~")
            .window(4, 40),
        token("GITHUB_PAT_CLASSIC", "\\bghp_[A-Za-z0-9]{36}\\b", "ghp_"),
        token("GITHUB_OAUTH_TOKEN", "\\bgho_[A-Za-z0-9]{36}\\b", "gho_"),
        token("GITHUB_USER_TO_SERVER", "\\bghu_[A-Za-z0-9]{36}\\b", "ghu_"),
        token("GITHUB_SERVER_TO_SERVER", "\\bghs_[A-Za-z0-9]{36}\\b", "ghs_"),
        token("GITHUB_REFRESH_TOKEN", "\\bghr_[A-Za-z0-9]{36}\\b", "ghr_"),
        token("GITHUB_FINE_GRAINED_PAT", "\\bgithub_pat_[A-Za-z0-9_]{82}", "github_pat_"),
        token(
            "GITLAB_PAT", "\\bglpat-[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2}[0-9a-z]{7})?", "glpat-"),
        token(
            "GITLAB_OTHER_TOKENS",
            "\\b(?:gldt|glrt|glcbt|glptt|glft|glimt|glagent|gloas|glsoat)-[A-Za-z0-9_-]{20,}|\\bGR1348941[A-Za-z0-9_-]{20}",
            "gldt-",
            "glrt-",
            "glcbt-",
            "glptt-",
            "glft-",
            "glimt-",
            "glagent-",
            "gloas-",
            "glsoat-",
            "gr1348941"),
        token("SLACK_BOT_TOKEN", "\\bxoxb-[0-9]{10,13}-[0-9]{10,13}-?[A-Za-z0-9-]{20,}", "xoxb-"),
        token(
            "SLACK_USER_TOKEN",
            "\\bxox[pe]-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{28,34}",
            "xoxp-",
            "xoxe-"),
        token("SLACK_APP_TOKEN", "\\bxapp-[0-9]-[A-Z0-9]+-[0-9]+-[a-z0-9]+", "xapp-"),
        token(
                "SLACK_WEBHOOK_URL",
                "(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{43,56}",
                "hooks.slack.com")
            .window(8, 80),
        token(
            "STRIPE_SECRET_KEY",
            "\\b(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,99}",
            "sk_live_",
            "sk_test_",
            "rk_live_",
            "rk_test_",
            "sk_prod_",
            "rk_prod_"),
        token("STRIPE_WEBHOOK_SECRET", "\\bwhsec_[A-Za-z0-9+/=]{24,}", "whsec_"),
        NumberDetector.codes(
            "TWILIO_API_KEY",
            HIGH,
            s,
            Policy.ALONE,
            new int[] {34},
            v ->
                Shapes.matches(v, "SK[0-9A-F]{32}")
                    && v.chars().filter(Character::isLetter).count() > 4),
        token("SENDGRID_API_KEY", "\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", "sg."),
        token(
                "OPENAI_API_KEY",
                "\\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}",
                "t3blbkfj")
            .window(260, 260),
        token(
            "ANTHROPIC_API_KEY", "\\bsk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,100}AA", "sk-ant-"),
        token("HUGGINGFACE_TOKEN", "\\b(?:hf_|api_org_)[A-Za-z]{34}\\b", "hf_", "api_org_"));
  }

  private static List<Detector> part3() {
    return List.of(
        token("NPM_TOKEN", "\\bnpm_[A-Za-z0-9]{36}\\b", "npm_"),
        token("PYPI_TOKEN", "\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}", "pypi-ageichlwas5vcmc"),
        token("DOCKER_HUB_PAT", "\\bdckr_pat_[A-Za-z0-9_-]{27,}", "dckr_pat_"),
        token(
            "SHOPIFY_TOKENS",
            "\\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\\b",
            "shpat_",
            "shpss_",
            "shpca_",
            "shppa_"),
        token(
            "DIGITALOCEAN_TOKENS",
            "\\bdo[opr]_v1_[a-f0-9]{64}\\b",
            "dop_v1_",
            "doo_v1_",
            "dor_v1_"),
        token(
            "VAULT_TOKEN",
            "\\bhvs\\.[A-Za-z0-9_-]{90,120}|\\bhvb\\.[A-Za-z0-9_-]{138,300}",
            "hvs.",
            "hvb."),
        // The legacy s. + 24 form is too short a prefix to anchor on: only under a Vault label.
        afterWord(
            "VAULT_TOKEN",
            HIGH,
            s,
            "^[^A-Za-z0-9]{1,8}(s\\.[A-Za-z0-9]{24})\\b",
            v -> true,
            "vault token",
            "x-vault-token"),
        anchored(
                "PRIVATE_KEY_PEM",
                HIGH,
                s,
                "-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----[\\s\\S]{64,}?-----END (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----",
                "-----begin")
            .window(0, 8000),
        token("JWT", "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*", "eyj")
            .window(1, 8000)
            .validated(Jwts::headerHasAlg),
        anchored(
                "BASIC_AUTH_IN_URL",
                HIGH,
                s,
                "\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\\s:@/\"'<>]{1,64}:[^\\s@/\"'<>]{1,128}@[A-Za-z0-9.-]+",
                "://")
            .window(24, 300)
            .validated(v -> Credentials.urlPassword(v) && !Credentials.vendorToken(v)),
        anchored(
                "HTTP_AUTHORIZATION_HEADER",
                HIGH,
                s,
                "(?i)(?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?(?:basic|bearer|token|digest)\\s+[A-Za-z0-9._~+/=-]{8,}",
                "authorization")
            .window(6, 4000)
            .validated(v -> !Credentials.vendorToken(v)),
        anchored(
                "DB_CONNECTION_STRING",
                HIGH,
                s,
                "\\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|mssql|sqlserver|jdbc:[a-z]+)://[^\\s:@/\"']*:[^\\s@/\"']+@[^\\s\"']+",
                "://")
            .window(24, 400)
            .validated(Credentials::placeholderFree),
        anchored(
                "DB_CONNECTION_STRING",
                HIGH,
                s,
                "(?i)(?:jdbc:[a-z]+:[^\\s\"']*?|(?:server|data source|host)=[^;\"]+;[^\"]*?)(?:password|pwd)=[^;\"\\s&]+",
                "password=",
                "pwd=")
            .window(200, 80)
            .validated(Credentials::placeholderFree),
        anchored(
                "KUBERNETES_SECRET_MANIFEST",
                HIGH,
                s,
                "kind\"?\\s*:\\s*\"?Secret\"?[\\s\\S]{0,400}?\"?(?:data|stringData)\"?\\s*:",
                "kind")
            .window(0, 500));
  }

  private static List<Detector> part4() {
    return List.of(new GenericSecretDetector());
  }
}
