# The commands people type. CMake does the building (see CMakeLists.txt).
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: eval-seeds all deps deps-test build run e2e test asan valgrind fuzz bench bench-build bench-serve model lint clean

all: build

deps:
	@sh scripts/deps.sh build

deps-test:
	@sh scripts/deps.sh test

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The main job on the embedded defaults: the service with the moderator
# page, the SQLite store in ./decorum.db and the built-in lexicons and model.
# It prints its address and, unless DECORUM_MODERATOR_TOKEN is set, the
# moderator token it generated. Ctrl-C stops it cleanly.
run: build
	./$(BUILD)/decorum serve --listen 127.0.0.1:8080 --db decorum.db

# The moderator page in headless Chromium (tests/e2e/moderator.py); the
# screenshot lands in tests/e2e/out/moderator.png.
e2e: build
	@sh scripts/deps.sh e2e
	bash tests/e2e/run.sh ./$(BUILD)/decorum

test: deps-test $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

asan: deps-test
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DDECORUM_SANITIZE=ON -DDECORUM_BENCH=OFF
	cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir build-asan --output-on-failure -j $(JOBS)

# The unit tests under valgrind memcheck (scripts/valgrind.sh): errors and
# definite/indirect leaks in any test process fail. Same build as `test`.
valgrind: deps-test $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	bash scripts/valgrind.sh $(BUILD)

# Benchmarks (bench/README.md, docs/BENCHMARKS.md): the engine in process,
# each stage alone, `decorum score` end to end and the npm peers, on a
# corpus made from ../shared/data. Release flags, its own build directory.
BENCH_BUILD ?= build-bench
bench-build: deps
	@sh scripts/deps.sh bench
	cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DDECORUM_TESTS=OFF -DDECORUM_BENCH=ON
	cmake --build $(BENCH_BUILD) -j $(JOBS)

bench: bench-build
	bash bench/run.sh $(BENCH_BUILD)

# The service under wrk, on loopback (bench/serve.sh).
bench-serve: bench-build
	bash bench/serve.sh $(BENCH_BUILD)

# Retrains the built-in model (data/model/decorum.model) from the shared
# datasets whose licences allow it (docs/MODEL_CARD.md); dynahate and olid
# are evaluation only and never appear here. Deterministic for the seed.
# The build and tests never need ../shared/data: only this target does.
DATA ?= ../shared/data
# ATTACK=1 also trains on the rows of tools/attack.sh (data/train/attack.txt:
# our own hate templates, their non-protected pairs and same-frame clean
# rows; ATTACK_ARGS are its per-template counts). Off by default: measured
# with `make eval-seeds ATTACK=1`, they raised dev hate F1 but cost more
# benign probe lines than the rule allows (docs/MODEL_CARD.md, "Attack
# templates"), so the built-in model is trained without them.
ATTACK ?=
ATTACK_ARGS ?= 24 6 48
# PROBES=1 also trains on our own labelled lines: every probe file of
# tests/data/probes and the blind red-team rounds (tools/probe_rows.py
# --rounds; held-out files never). Off by default: measured by
# cross-validation (tools/round_cv.py), they gain hate lines on rounds the
# model never read only by reading a named group as hate, and fail ~45
# benign golden cases ("Every trans woman is a woman.") (docs/MODEL_CARD.md,
# "Our own lines and the blind rounds as training rows"). Their rows are
# fitted and never calibrated on (--fit-only probe, session 54: golden
# failing 61 -> 41, "Benign twins of the rounds' hate lines").
PROBES ?=
comma := ,
TRAIN_ARGS = --epochs 4 --buckets 2^17 --ngrams word,bigram,char4 \
  --data $(DATA)/davidson/train.jsonl,$(DATA)/hatexplain/train.jsonl,$(DATA)/implicit_hate/train.jsonl,$(DATA)/ethos/train.jsonl,$(DATA)/stormfront/train.jsonl,$(DATA)/hatemoji_build/train.jsonl,$(DATA)/jigsaw_toxic_slice/train.jsonl,$(BUILD)/train/contrast.jsonl$(if $(ATTACK),$(comma)$(BUILD)/train/attack.jsonl)$(if $(PROBES),$(comma)$(BUILD)/train/probes.jsonl --fit-only probe)
TRAIN_ROWS = mkdir -p $(BUILD)/train && \
	sh tools/contrast.sh > $(BUILD)/train/contrast.jsonl \
	$(if $(ATTACK),&& sh tools/attack.sh $(ATTACK_ARGS) > $(BUILD)/train/attack.jsonl) \
	$(if $(PROBES),&& python3 tools/probe_rows.py --rounds > $(BUILD)/train/probes.jsonl)
model: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target decorum_cli
	$(TRAIN_ROWS)
	./$(BUILD)/decorum train --seed 1 $(TRAIN_ARGS) --name decorum-default \
	  --out data/model/decorum.model
	cmake --build $(BUILD) -j $(JOBS)

# The whole engine's dev quality with models of SEEDS seeds trained as
# `make model` trains (the committed model is not touched): one seed's
# figures move by a point or two, so a rule, lexicon or training change is
# judged on the mean (tools/eval_seeds.sh). EXTRA adds training options.
SEEDS ?= 1 2 3
eval-seeds: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target decorum_cli
	mkdir -p $(BUILD)/seeds
	$(TRAIN_ROWS)
	for s in $(SEEDS); do \
	  ./$(BUILD)/decorum train --quiet --seed $$s $(TRAIN_ARGS) $(EXTRA) \
	    --name seed-$$s --out $(BUILD)/seeds/seed-$$s.model || exit 1; \
	done
	sh tools/eval_seeds.sh ./$(BUILD)/decorum $(DATA) $(foreach s,$(SEEDS),$(BUILD)/seeds/seed-$(s).model)

# libFuzzer (docs/FUZZING.md): clang, the library instrumented with
# ASan+UBSan+coverage in build-fuzz, every harness for FUZZ_SECONDS each;
# fails on any crash. FUZZ_SECONDS=0 replays the corpora only.
# FUZZ_TARGETS="fuzz_jsonl fuzz_model" picks some. Warnings are not errors
# for the library here (clang and gcc disagree on a few); they are for the
# harnesses.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz: deps-test
	cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDECORUM_FUZZ=ON \
	  -DDECORUM_TESTS=OFF -DDECORUM_BENCH=OFF -DDECORUM_WERROR=OFF
	cmake --build build-fuzz --target fuzzers -j $(JOBS)
	bash tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

lint:
	@sh scripts/lint.sh

clean:
	rm -rf $(BUILD) build-asan build-fuzz build-bench
