#!/usr/bin/env bash
# run_openai_client_test.sh: ctest app.server.openai_client: `lectern serve` on a tiny random-weight model, driven by
# the official `openai` npm package (installed from the registry) and by curl, bad requests included.
# Usage: run_openai_client_test.sh LECTERN LECTERN_CLI
# Needs node >= 18, npm, curl and the npm registry; without any of them it fails with a message saying so.
set -uo pipefail

lectern=${1:?usage: run_openai_client_test.sh LECTERN LECTERN_CLI}
lectern_cli=${2:?usage: run_openai_client_test.sh LECTERN LECTERN_CLI}
here=$(cd "$(dirname "$0")" && pwd)

die() { echo "openai_client: $*" >&2; exit 1; }
failures=()
ok() { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failures+=("$*"); }

for tool in node npm curl; do
  command -v "$tool" >/dev/null || die "'$tool' is not installed: run scripts/setup (it installs nodejs, npm and curl)"
done
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || die "node $(node --version) is too old: the openai package needs Node 18 or newer"
[ -x "$lectern" ] || die "no lectern program at $lectern: build the 'lectern' target"
[ -x "$lectern_cli" ] || die "no lectern-cli at $lectern_cli: build the 'lectern-cli' target"

work=$(mktemp -d "${TMPDIR:-/tmp}/lectern-openai-client.XXXXXX") || die "cannot create a temporary folder"
server_pids=()
stop_servers() {
  local pid
  for pid in "${server_pids[@]}"; do
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  done
}
trap 'stop_servers; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# The server never sees the user's settings, database or key.
mkdir -p "$work/home" "$work/config" "$work/data" "$work/cache" "$work/runtime"
chmod 700 "$work/runtime"
server_env=(env -u LECTERN_API_KEY HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
  XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=offscreen)

# --- the tiny models ----------------------------------------------------------------------------------------------
"$lectern_cli" make-test-model --shape tiny --format gguf --type f32 --seed 1 --out "$work/tiny.gguf" >/dev/null ||
  die "lectern-cli make-test-model failed"
mkdir -p "$work/vision"
"$lectern_cli" make-test-model --shape tiny --format gguf --type f32 --seed 1 --vision \
  --out "$work/vision/tiny-vision.gguf" >/dev/null || die "lectern-cli make-test-model --vision failed"

# --- the real client from the registry ----------------------------------------------------------------------------
mkdir -p "$work/client"
echo "installing openai@4 from the npm registry..."
if ! npm install --no-audit --no-fund --no-save --loglevel=error --prefix "$work/client" openai@4 \
    >"$work/npm.log" 2>&1; then
  cat "$work/npm.log" >&2
  die "cannot install the openai npm package (npm install openai@4 failed, output above): this test needs the npm" \
    "registry (registry.npmjs.org, or the one npm is configured for); it does not pass without the real client"
fi
openai_version=$(node -p "require('$work/client/node_modules/openai/package.json').version") ||
  die "npm install reported success but node_modules/openai is missing"
echo "openai npm package $openai_version on node $(node --version)"
cp "$here/openai_client_checks.mjs" "$work/client/"

# --- starting servers ---------------------------------------------------------------------------------------------
# start_server NAME ARGS...: starts `lectern serve ARGS`, waits for the listening line; sets server_url and server_model.
start_server() {
  local name=$1
  shift
  "${server_env[@]}" "$lectern" serve "$@" >"$work/$name.out" 2>"$work/$name.err" &
  local pid=$!
  server_pids+=("$pid")
  eval "${name}_pid=$pid"
  local line="" i
  for ((i = 0; i < 600; i++)); do
    line=$(head -n 1 "$work/$name.out" 2>/dev/null)
    [ -n "$line" ] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$work/$name.err" >&2
      die "lectern serve ($name) exited before listening (stderr above)"
    fi
    sleep 0.1
  done
  [ -n "$line" ] || { cat "$work/$name.err" >&2; die "lectern serve ($name) printed no listening line in 60 s"; }
  local pattern='^Lectern API server listening on (http://127\.0\.0\.1:([0-9]+)) \(model (.+)\)$'
  [[ $line =~ $pattern ]] || die "unexpected listening line from lectern serve ($name): '$line'"
  server_url=${BASH_REMATCH[1]}
  server_model=${BASH_REMATCH[3]}
  [ "${BASH_REMATCH[2]}" -gt 0 ] || die "lectern serve ($name) reports port 0 instead of the port it bound"
  echo "$name server: $server_url, model $server_model"
}

# stop_server NAME: SIGTERM, then the exit status must be 0 within 10 s; checks stdout held only the listening line.
stop_server() {
  local name=$1 pid
  eval "pid=\$${name}_pid"
  kill -TERM "$pid"
  local i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    fail "$name server: SIGTERM stops it within 10 s (still running; killed)"
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null
    return
  fi
  wait "$pid"
  local status=$?
  [ "$status" -eq 0 ] && ok "$name server: SIGTERM stops it with exit status 0" ||
    fail "$name server: SIGTERM stops it with exit status 0 (got $status)"
  local lines
  lines=$(wc -l <"$work/$name.out")
  [ "$lines" -eq 1 ] && ok "$name server: stdout holds exactly the listening line" ||
    fail "$name server: stdout holds exactly the listening line (got $lines lines: $(head -c 300 "$work/$name.out"))"
}

api_key=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
start_server main --model "$work/tiny.gguf" --device cpu --context 4096 --port 0 --api-key "$api_key" \
  --max-body-mb 1
url=$server_url
model=$server_model

# --- the openai package -------------------------------------------------------------------------------------------
# run_client MODE ARGS...: the node checks; each of their FAIL lines becomes one failure here.
run_client() {
  local mode=$1 status line
  shift
  (cd "$work/client" && node openai_client_checks.mjs "$mode" "$@") 2>&1 | tee "$work/client-$mode.log"
  status=${PIPESTATUS[0]}
  [ "$status" -eq 0 ] && return
  while IFS= read -r line; do failures+=("openai ($mode): ${line#FAIL  }"); done < <(grep '^FAIL' "$work/client-$mode.log")
  grep -q '^FAIL' "$work/client-$mode.log" || fail "the openai client checks ($mode) exited with status $status"
}
run_client text "$url" "$api_key" "$model"

# --- curl: bad requests get the right status and a JSON error, and the server keeps serving -------------------------
# request EXPECTED_STATUS WHAT CURL_ARGS...: the body lands in $work/body.
request() {
  local expected=$1 what=$2
  shift 2
  local status
  status=$(curl -s -o "$work/body" -w '%{http_code}' --max-time 60 "$@")
  if [ "$status" = "$expected" ]; then
    ok "curl $what: HTTP $expected"
    return 0
  fi
  fail "curl $what: HTTP $expected (got $status, body: $(head -c 300 "$work/body" 2>/dev/null))"
  return 1
}
# error_json WHAT: the last body is {"error":{"message":"...", "type":"...", ...}}.
error_json() {
  if node -e '
      const body = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const e = body && body.error;
      if (!e || typeof e.message !== "string" || e.message.length === 0 || typeof e.type !== "string") process.exit(1);
    ' "$work/body" 2>/dev/null; then
    ok "curl $1: the body is an OpenAI JSON error"
  else
    fail "curl $1: the body is an OpenAI JSON error {\"error\":{\"message\",\"type\",...}} (got: $(head -c 300 "$work/body"))"
  fi
}
auth=(-H "Authorization: Bearer $api_key")
json=(-H "Content-Type: application/json")
good_body='{"model":"'"$model"'","messages":[{"role":"user","content":"Hi"}],"max_tokens":4,"temperature":0,"seed":1}'

request 400 "malformed JSON" -X POST "${auth[@]}" "${json[@]}" --data-binary '{"messages": [' \
  "$url/v1/chat/completions" && error_json "malformed JSON"
request 400 "messages missing" -X POST "${auth[@]}" "${json[@]}" --data-binary '{"model":"'"$model"'"}' \
  "$url/v1/chat/completions" && error_json "messages missing"
request 400 "a JSON array body" -X POST "${auth[@]}" "${json[@]}" --data-binary '[1,2]' \
  "$url/v1/chat/completions" && error_json "a JSON array body"
{
  printf '{"model":"%s","messages":[{"role":"user","content":"' "$model"
  head -c 2097152 /dev/zero | tr '\0' a
  printf '"}]}'
} >"$work/big.json"
request 413 "a 2 MB body (limit 1 MB)" -X POST "${auth[@]}" "${json[@]}" --data-binary "@$work/big.json" \
  "$url/v1/chat/completions" && error_json "a 2 MB body"
{
  printf '{"model":"%s","max_tokens":4,"messages":[{"role":"user","content":"' "$model"
  for ((i = 0; i < 3000; i++)); do printf 'hello world '; done
  printf '"}]}'
} >"$work/long.json"
if request 400 "messages longer than the context (4096)" -X POST "${auth[@]}" "${json[@]}" \
    --data-binary "@$work/long.json" "$url/v1/chat/completions"; then
  node -e '
      const e = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).error;
      if (!e || e.code !== "context_length_exceeded" || typeof e.message !== "string") process.exit(1);
    ' "$work/body" && ok "curl messages longer than the context: code context_length_exceeded" ||
    fail "curl messages longer than the context: code context_length_exceeded (got: $(head -c 300 "$work/body"))"
fi
request 401 "no API key" -X POST "${json[@]}" --data-binary "$good_body" "$url/v1/chat/completions" &&
  error_json "no API key"
request 401 "a wrong API key" -X POST -H "Authorization: Bearer not-$api_key" "${json[@]}" \
  --data-binary "$good_body" "$url/v1/chat/completions" && error_json "a wrong API key"
request 401 "no API key on /v1/models" "$url/v1/models" && error_json "no API key on /v1/models"
request 404 "an unknown path" "${auth[@]}" "$url/v1/no-such-endpoint" && error_json "an unknown path"
request 405 "GET /v1/chat/completions" "${auth[@]}" "$url/v1/chat/completions" &&
  error_json "GET /v1/chat/completions"
request 404 "an unknown model" -X POST "${auth[@]}" "${json[@]}" \
  --data-binary '{"model":"no-such-model","messages":[{"role":"user","content":"Hi"}]}' \
  "$url/v1/chat/completions" && error_json "an unknown model"
if request 200 "GET /health without a key" "$url/health"; then
  node -e '
      const h = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const counts = ["running", "queued", "served", "cancelled"].every((k) => Number.isInteger(h[k]) && h[k] >= 0);
      if (h.status !== "ok" || h.model !== process.argv[2] || h.busy !== false || !counts) process.exit(1);
    ' "$work/body" "$model" && ok "curl /health: {status ok, model, busy false, counts}" ||
    fail "curl /health: {status ok, model, busy false, counts} (got: $(head -c 300 "$work/body"))"
fi
if request 200 "a normal completion after all the bad requests" -X POST "${auth[@]}" "${json[@]}" \
    --data-binary "$good_body" "$url/v1/chat/completions"; then
  node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      if (r.object !== "chat.completion" || typeof r.choices[0].message.content !== "string") process.exit(1);
    ' "$work/body" && ok "curl: the answer is a chat.completion" ||
    fail "curl: the answer is a chat.completion (got: $(head -c 300 "$work/body"))"
fi
# A streamed answer through curl: server-sent events ending in [DONE].
if request 200 "a streamed completion" -N -X POST "${auth[@]}" "${json[@]}" \
    --data-binary "${good_body%\}}"',"stream":true}' "$url/v1/chat/completions"; then
  if grep -q '^data: {.*"chat.completion.chunk"' "$work/body" && [ "$(grep -v '^$' "$work/body" | tail -n 1)" = "data: [DONE]" ]
  then
    ok "curl: the stream is server-sent chunks ending with data: [DONE]"
  else
    fail "curl: the stream is server-sent chunks ending with data: [DONE] (got: $(head -c 300 "$work/body"))"
  fi
fi
grep -q 'POST /v1/chat/completions' "$work/main.err" && ok "main server: requests are logged on stderr" ||
  fail "main server: requests are logged on stderr (stderr: $(tail -c 300 "$work/main.err"))"

# --- command-line failures: a missing model and a port in use exit 1 with a message -------------------------------
port=${url##*:}
"${server_env[@]}" "$lectern" serve --model "$work/tiny.gguf" --device cpu --port "$port" >"$work/busy.out" \
  2>"$work/busy.err" &
busy_pid=$!
server_pids+=("$busy_pid")
for ((i = 0; i < 300; i++)); do kill -0 "$busy_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$busy_pid" 2>/dev/null; then
  fail "lectern serve on a port in use: exits 1 (still running after 30 s)"
else
  wait "$busy_pid"
  status=$?
  [ "$status" -eq 1 ] && [ -s "$work/busy.err" ] && [ ! -s "$work/busy.out" ] &&
    ok "lectern serve on a port in use: exit 1, a message on stderr, nothing on stdout" ||
    fail "lectern serve on a port in use: exit 1, a message on stderr, nothing on stdout (got $status," \
      "stderr: $(head -c 200 "$work/busy.err"), stdout: $(head -c 200 "$work/busy.out"))"
fi
"${server_env[@]}" timeout 60 "$lectern" serve --model "$work/no-such-model.gguf" --device cpu --port 0 \
  >"$work/missing.out" 2>"$work/missing.err"
status=$?
[ "$status" -eq 1 ] && [ -s "$work/missing.err" ] && [ ! -s "$work/missing.out" ] &&
  ok "lectern serve with a missing model: exit 1, a message on stderr, nothing on stdout" ||
  fail "lectern serve with a missing model: exit 1, a message on stderr, nothing on stdout (got $status," \
    "stderr: $(head -c 200 "$work/missing.err"))"

stop_server main

# --- a vision model: the same picture is answered --------------------------------------------------------------------
start_server vision --model "$work/vision/tiny-vision.gguf" --device cpu --context 4096 --port 0
run_client vision "$server_url" "" "$server_model"
stop_server vision

# --- the same model without local files, the key from the environment ------------------------------------------
env_key=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
server_env+=(LECTERN_API_KEY="$env_key")
start_server nofiles --model "$work/vision/tiny-vision.gguf" --device cpu --context 4096 --port 0 --no-file-paths
run_client nofiles "$server_url" "$env_key" "$server_model"
stop_server nofiles

if [ ${#failures[@]} -gt 0 ]; then
  echo
  echo "openai_client: ${#failures[@]} check(s) failed:"
  printf '  %s\n' "${failures[@]}"
  echo "--- main server stderr (last 40 lines) ---"
  tail -n 40 "$work/main.err"
  exit 1
fi
echo "openai_client: all checks passed"
