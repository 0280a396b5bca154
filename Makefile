# Spotter: the two commands are `make run` and `make test`. Both install what is missing.
.PHONY: run build dev test test-unit test-e2e test-llm check bench scale-demo clean

run: ## Build everything (release) and serve http://127.0.0.1:3000 (SQLite + offline coach).
	@scripts/ensure-tools.sh build
	@scripts/build.sh release
	@exec target/release/spotter serve

build: ## Build client and server (release) without serving.
	@scripts/ensure-tools.sh build
	@scripts/build.sh release

dev: ## Debug build, then serve (rebuild and rerun after edits).
	@scripts/ensure-tools.sh build
	@scripts/build.sh debug
	@exec target/debug/spotter serve

test: ## Everything: unit, integration (SQLite + PostgreSQL, a real local LLM), Playwright (JS off and on).
	@scripts/test.sh all

test-unit: ## Unit and integration tests on SQLite only (fast loop).
	@cargo test --features ssr

test-e2e: ## Playwright only (builds the site in debug).
	@scripts/test.sh e2e

test-llm: ## The real-LLM tests only (llama.cpp + SmolLM2-135M; the first run compiles it, 6-10 min).
	@scripts/test.sh llm

bench: ## Criterion (import, scoring, matcher, sandbox, NL parse, 100k-set aggregates on SQLite + PostgreSQL, whole-history pages up to 50k sets), then HTTP req/s vs the seed_fastapi peer and wasm size; ratios, never pass/fail.
	@scripts/bench.sh

check: ## Formatting and lints.
	cargo fmt --check
	cargo clippy --all-targets --features bench -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings

scale-demo: ## Two instances on one PostgreSQL behind nginx on loopback, with the demo account; Ctrl-C stops all.
	@scripts/ensure-tools.sh test
	@scripts/build.sh debug
	@scripts/scale-demo.sh demo

clean:
	cargo clean
	rm -rf tools/node_modules tools/cargo tools/llm-venv tools/llm-venv.install.log tools/api-fuzz-venv
