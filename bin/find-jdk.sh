# Sourced by ./mvnw and ./warden. Sets WARDEN_JAVA_HOME to a JDK whose feature version is at least
# WARDEN_JDK_MIN (default 25), preferring JAVA_HOME, then `java` on PATH, then the usual install
# folders. Leaves it empty when none is found. POSIX sh, no dependencies.
WARDEN_JDK_MIN="${WARDEN_JDK_MIN:-25}"
WARDEN_JAVA_HOME=""

warden_jdk_feature() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or 0.
  _rel="$1/release"
  if [ -f "$_rel" ]; then
    _v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$_rel" | head -n 1)
    [ -n "$_v" ] && { echo "$_v"; return; }
  fi
  echo 0
}

warden_jdk_try() {
  [ -n "$WARDEN_JAVA_HOME" ] && return 0
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  if [ "$(warden_jdk_feature "$1")" -ge "$WARDEN_JDK_MIN" ] 2>/dev/null; then
    WARDEN_JAVA_HOME="$1"
  fi
}

warden_jdk_try "${JAVA_HOME:-}" || true
if [ -z "$WARDEN_JAVA_HOME" ] && command -v java >/dev/null 2>&1; then
  _java=$(command -v java)
  _java=$(readlink -f "$_java" 2>/dev/null || echo "$_java")
  warden_jdk_try "${_java%/bin/java}" || true
fi
case $- in *f*) _noglob=1; set +f ;; *) _noglob= ;; esac
for _d in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.jdks/* \
  "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  if [ -d "$_d" ]; then warden_jdk_try "$_d" || true; fi
done
[ -z "$_noglob" ] || set -f
unset _rel _v _java _d _noglob
