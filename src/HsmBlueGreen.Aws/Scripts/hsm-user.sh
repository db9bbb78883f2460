# Runs on a slot's admin host through SSM (AWS-RunShellScript), as: bash -c "<this>" hsm-user <op> <cluster-id> <secret-id> <user> [selectors]
#   change-password <current-version-id|-> <current-stage|-> <next-version-id|-> <next-stage|->
#   login <version-id|-> <stage|->
#   list-users
#   key-sharing <version-id|-> <stage|-> <label>
# The host's cloudhsm-cli is configured for its slot's one cluster (configure-cli -a), so no call names a
# --cluster-id, which selects among clusters added with configure-cli add-cluster; <cluster-id> only labels the command.
# Reads the credential versions from Secrets Manager itself, so no password is in the command text, SSM
# history or output; cloudhsm-cli gets the login through CLOUDHSM_ROLE/CLOUDHSM_PIN. Prints exactly one
# JSON line {"hsmRotate":1,"op","step","outcome","detail"[,"users"|,"keys"]} and never retries a login.
set -u
op="$1"; secret="$3"; user="$4"; shift 4

cli=/opt/cloudhsm/bin/cloudhsm-cli
[ -x "$cli" ] || cli=cloudhsm-cli

read -r -d '' REPORT <<'PY'
import json, os, re, sys
op, step, user, outcome = sys.argv[1:5]
text = sys.stdin.read()
for secret in os.environ.get("HSM_REDACT", "").split("\n"):
    if secret:
        text = text.replace(secret, "***")

def emit(outcome, detail="", **extra):
    print(json.dumps({"hsmRotate": 1, "op": op, "step": step, "outcome": outcome, "detail": detail.strip()[:300], **extra}))
    sys.exit(0)

# cloudhsm-cli prints an indented envelope over many lines, and stderr (warnings) is merged in: the envelope is
# the last JSON object that starts a line and has an error_code (inner objects of "data" start lines too).
def envelope(text):
    decoder = json.JSONDecoder()
    for start in reversed([m.end() - 1 for m in re.finditer(r"(?m)^[ \t]*\{", text)]):
        try:
            value, _ = decoder.raw_decode(text, start)
        except ValueError:
            continue
        if isinstance(value, dict) and "error_code" in value:
            return value
    return None

# Only an error envelope that says a login failed is a login failure (it marks the secret and needs an
# acknowledgement); "password" or "pin" elsewhere, e.g. in a warning or a rejected new password, is not.
LOGIN_FAILED = re.compile(r"(log ?in|authenticat|credential)\w*\W+(\w+\W+){0,3}?(fail|invalid|incorrect|denied|rejected)"
                          r"|(fail|invalid|incorrect|denied|rejected)\w*\W+(\w+\W+){0,3}?(log ?in|authenticat|credential)", re.I)

def classify(message, from_envelope):
    m = message.lower()
    if from_envelope:
        for words, kind in ((("quorum",), "quorum_required"), (("inconsistent",), "user_inconsistent"), (("locked",), "user_locked")):
            if any(w in m for w in words):
                return kind
        if LOGIN_FAILED.search(message):
            return "bad_credentials"
    if any(w in m for w in ("connect", "unreachable", "timed out", "no route", "no hsm")):
        return "cluster_unreachable"
    return "failed"

if outcome != "cli":
    emit(outcome, text)

found = envelope(text)
if found is None:
    emit(classify(text, False), "cloudhsm-cli gave no JSON envelope: " + text.strip()[-200:])
data = found.get("data")
if found["error_code"] != 0:
    message = data if isinstance(data, str) else json.dumps(data)
    emit(classify(message, True), message)
if step == "list":
    rows = [u for u in (data or {}).get("users", []) if str(u.get("username", "")).lower() == user.lower()]
    emit("succeeded", users=[{"username": u.get("username"), "role": u.get("role"), "locked": str(u.get("locked")),
                              "coverage": str(u.get("cluster-coverage")), "mfa": bool(u.get("mfa"))} for u in rows])
if step == "keys":
    def names(entries):
        return [e.get("username") if isinstance(e, dict) else str(e) for e in (entries or [])]
    keys = [{"reference": k.get("key-reference"), "owners": names(k.get("key-info", {}).get("key-owners")),
             "shared": names(k.get("key-info", {}).get("shared-users")), "class": (k.get("attributes") or {}).get("class")}
            for k in (data or {}).get("matched_keys", [])]
    emit("succeeded", "more keys than listed" if (data or {}).get("next_token") else "", keys=keys)
emit("succeeded")
PY

report() { # step outcome(cli = parse cloudhsm-cli output on stdin)
  python3 -c "$REPORT" "$op" "$1" "$user" "$2"
}

# Prints "<username>\n<password>" of one version of the secret; the JSON travels only through env and pipes.
fetch() {
  local args=(secretsmanager get-secret-value --secret-id "$secret" --query SecretString --output text)
  [ "$1" != "-" ] && args+=(--version-id "$1")
  [ "$2" != "-" ] && args+=(--version-stage "$2")
  HSM_JSON="$(aws "${args[@]}" 2>/dev/null)" || return 1
  HSM_JSON="$HSM_JSON" python3 -c 'import json, os; c = json.loads(os.environ["HSM_JSON"]); print(c["username"]); print(c["password"])' 2>/dev/null
}

# Sets cred_user and cred_pass from a version, or reports and exits.
load() {
  local both
  if ! both="$(fetch "$1" "$2")"; then
    echo "could not read version ${1}/${2} of the secret" | report secret secret_unavailable
    exit 0
  fi
  cred_user="${both%%$'\n'*}"; cred_pass="${both#*$'\n'}"
  if [ "${cred_user,,}" != "${user,,}" ]; then
    echo "the secret holds user ${cred_user}, expected ${user}" | report secret failed
    exit 0
  fi
}

as_user() { # password, then cloudhsm-cli arguments; the PIN goes through the environment only
  CLOUDHSM_ROLE=crypto-user CLOUDHSM_PIN="$user:$1" "$cli" "${@:2}" 2>&1
}

case "$op" in
  list-users)
    "$cli" user list 2>&1 | report list cli
    ;;
  login)
    load "$1" "$2"
    export HSM_REDACT="$cred_pass"
    as_user "$cred_pass" key list --max-items 1 | report login cli
    ;;
  key-sharing)
    load "$1" "$2"
    export HSM_REDACT="$cred_pass"
    as_user "$cred_pass" key list --filter "attr.label=$3" --verbose --max-items 100 | report keys cli
    ;;
  change-password)
    load "$1" "$2"; current="$cred_pass"
    load "$3" "$4"; next="$cred_pass"
    export HSM_REDACT="$current"$'\n'"$next"
    as_user "$current" user change-password --username "$user" --role crypto-user --password "$next" | report change cli
    ;;
  *)
    echo "unknown operation $op" | report args failed
    ;;
esac
