#!/usr/bin/env bash
# Instructions per request of an HTTP server, counted by valgrind's callgrind on the server's main
# thread: unlike requests/s or CPU time, the count repeats to within a fraction of a percent from run
# to run whatever else the machine does, so a change of a few percent on the hot path can be judged
# on a shared machine (docs/benchmarks.md, "bench:http", has the figures and how they were used).
# Kernel time (the socket writes) is not counted; compare servers that write alike.
#
#   tools/bench/http-instructions.sh <ready-url> <load-url> [autocannon options…] -- <node arguments…>
#
# e.g. the companies service on the images' Node (after `node tools/build.mjs`, with a token from
# `node dist/libs/auth/src/cli/token.js --role staff`):
#   PORT=4711 RATE_LIMIT_MAX=100000000 tools/bench/http-instructions.sh http://127.0.0.1:4711/health/ready \
#     http://127.0.0.1:4711/api/whoami -H "authorization=Bearer $TOKEN" -- dist/apps/companies/src/main.js
#
# WARM (default 6000) requests warm the server up uncounted (the JIT settles), then REQUESTS (default
# 8000) are counted, 10 connections. NODE_BIN defaults to the images' Node (tools/image-node.mjs).
# Run a variant twice: a run now and then lands in a slower JIT state (a run 10–20 % above the other);
# the lower of two agreeing runs is the figure.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
ready=$1 url=$2; shift 2
load=(); while [ "$1" != "--" ]; do load+=("$1"); shift; done; shift
node_bin=${NODE_BIN:-$(node --input-type=module -e "import { imageNodeRuntime } from '$root/tools/image-node.mjs'; const r = imageNodeRuntime(); if (!r.node) throw new Error(r.unavailable); console.log(r.node)")}
out=$(mktemp -d)
trap 'kill -INT $server 2>/dev/null || true; sleep 2; kill -KILL $server 2>/dev/null || true; rm -rf "$out"' EXIT
if curl -sf -o /dev/null "$ready"; then echo "something already answers $ready" >&2; exit 1; fi
valgrind --tool=callgrind --instr-atstart=no --separate-threads=yes --callgrind-out-file="$out/cg.%p" "$node_bin" "$@" > "$out/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do curl -sf -o /dev/null "$ready" && break; sleep 1; done
autocannon=("$root/node_modules/.bin/autocannon" -c 10 "${load[@]}")
"${autocannon[@]}" -a "${WARM:-6000}" "$url" > /dev/null 2>&1
callgrind_control -i on $server > /dev/null 2>&1
"${autocannon[@]}" -a "${REQUESTS:-8000}" "$url" > "$out/load.txt" 2>&1
callgrind_control -d $server > /dev/null 2>&1
callgrind_control -i off $server > /dev/null 2>&1
main=$(ls "$out"/cg.*.1-01)
total=$(grep -m1 '^summary:' "$main" | awk '{print $2}')
grep -q ' 2xx\|requests in' "$out/load.txt" || { cat "$out/load.txt" >&2; exit 1; }
if grep -q 'non 2xx' "$out/load.txt"; then grep 'non 2xx' "$out/load.txt" >&2; fi
echo "$(( total / ${REQUESTS:-8000} )) instructions per request on the main thread ($(basename "$node_bin") $("$node_bin" --version); ${REQUESTS:-8000} requests after ${WARM:-6000})"
