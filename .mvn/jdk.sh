# Finds a JDK 21 or newer for ./mvnw, ./leadstream and .ci/run (POSIX sh, sourced, not run).
# Order: JAVA_HOME, then the java on the PATH, then the usual install places. Each candidate
# must be a JDK (bin/java and bin/javac), since Maven compiles in process.
#   leadstream_jdk_home   prints the JDK's home, or one line naming what to install and fails

leadstream_jdk_major() {
  # "25.0.1", "21", "17.0.15" or the old "1.8.0_412": the major version is 25, 21, 17, 8
  _v=""
  if [ -f "$1/release" ]; then
    _v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null)
  fi
  if [ -z "$_v" ]; then
    _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$_v" in
  1.*) _v=${_v#1.} ;;
  esac
  _v=${_v%%[!0-9]*}
  echo "${_v:-0}"
}

leadstream_is_jdk21() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(leadstream_jdk_major "$1")" -ge 21 ] 2>/dev/null
}

leadstream_jdk_home() {
  if leadstream_is_jdk21 "${JAVA_HOME:-}"; then
    echo "$JAVA_HOME"
    return 0
  fi
  _java=$(command -v java 2>/dev/null || true)
  if [ -n "$_java" ]; then
    _home=$(dirname "$(dirname "$(readlink -f "$_java" 2>/dev/null || echo "$_java")")")
    if leadstream_is_jdk21 "$_home"; then
      echo "$_home"
      return 0
    fi
  fi
  if [ -x /usr/libexec/java_home ]; then
    _home=$(/usr/libexec/java_home -v 21+ 2>/dev/null || true)
    if leadstream_is_jdk21 "$_home"; then
      echo "$_home"
      return 0
    fi
  fi
  # newest first: sort by the directory name's version, highest last, then take the last that works
  _found=""
  _noglob=$(set +o | grep noglob)
  set +f
  for _home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* \
    "${HOME:-/nonexistent}"/.jdks/* "${HOME:-/nonexistent}"/.asdf/installs/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if leadstream_is_jdk21 "$_home"; then
      if [ -z "$_found" ] || [ "$(leadstream_jdk_major "$_home")" -gt "$(leadstream_jdk_major "$_found")" ]; then
        _found="$_home"
      fi
    fi
  done
  eval "$_noglob"
  if [ -n "$_found" ]; then
    echo "$_found"
    return 0
  fi
  echo "LeadStream needs a JDK 21 or newer and found none (JAVA_HOME, java on the PATH, /usr/lib/jvm, /opt, ~/.sdkman): install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21 from https://adoptium.net, or set JAVA_HOME to it." >&2
  return 1
}
