#!/usr/bin/env bash
# Runs the bench as plain JavaScript compiled by tsc, not under ts-node: ts-node's compiler and the
# transpiled sources add some 100 MB to the process before a service starts, which would swamp the
# services' RSS figures (the service phases run their service in this process). Same arguments as
# `npm run bench --`. The repo is copied (without node_modules, .git, .nx) to a temporary folder and
# compiled there, so nothing is written into the work tree; results go where --out says, from here.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
build="$(mktemp -d "${TMPDIR:-/tmp}/ecris-bench-compiled.XXXXXX")"
trap 'rm -rf "$build"' EXIT

(cd "$repo" && tar --exclude=./node_modules --exclude=./.git --exclude=./.nx -cf - .) | (cd "$build" && tar xf -)
ln -s "$repo/node_modules" "$build/node_modules"

# Emit .js beside each .ts of the copy (migrations, schemas and data stay where the code expects them),
# and map the @ecris/* aliases to those files at run time (the same aliases without their .ts).
(cd "$build" && node -e '
  const fs = require("fs");
  const base = JSON.parse(fs.readFileSync("tsconfig.base.json", "utf8"));
  const paths = Object.fromEntries(Object.entries(base.compilerOptions.paths).map(([alias, [target]]) => [alias, [target.replace(/\.ts$/, "")]]));
  fs.writeFileSync("tsconfig.compile.json", JSON.stringify({ extends: "./tsconfig.base.json",
    compilerOptions: { noEmit: false, outDir: ".", rootDir: ".", sourceMap: false, types: ["node"] }, files: ["bench/src/run.ts", "bench/src/services/prepare-inputs.ts"] }));
  fs.writeFileSync("tsconfig.runtime.json", JSON.stringify({ compilerOptions: { baseUrl: ".", paths } }));
') 
# Type errors (say, in code someone is editing) still emit: measure what is there, but say so.
(cd "$build" && "$repo/node_modules/.bin/tsc" -p tsconfig.compile.json) || echo "bench: tsc reported errors (above); running what it emitted" >&2

# The service phases run their service in this process, so it gets the heap flags a service process is
# deployed with (README, "Memory"); BENCH_NODE_FLAGS adds or overrides flags (e.g. --cpu-prof).
TS_NODE_PROJECT="$build/tsconfig.runtime.json" node --max-old-space-size=128 --max-semi-space-size=8 ${BENCH_NODE_FLAGS:-} -r tsconfig-paths/register "$build/bench/src/run.js" "$@"
