#!/usr/bin/env bash
# System calls and context switches the gateway makes per call, counted with the kernel's syscall
# tracepoints while the load benchmark drives it (needs perf and permission to trace the process).
#
#   bench/syscalls.sh JAR PAYLOAD [bench/run.sh options]     e.g. bench/syscalls.sh warden/target/warden.jar 64k
#
# Starts bench/run.sh with a long pre-warm, records the gateway's syscalls for 15 s of its pre-warm
# load, and divides by the calls the gateway's /metrics counted in the same window.
set -eu
jar=$1
payload=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=$(mktemp -d)
BENCH_SKIP_BUILD=${BENCH_SKIP_BUILD:-1} bench/run.sh --warden-jar "$jar" --payloads "$payload" \
  --concurrency 16 --prewarm 120s --audit off --inspection off "$@" --out "$out/report.md" \
  >"$out/bench.log" 2>&1 &
bench=$!
sleep 75 # the pre-warm's gateway half of its second round
gw=$(pgrep -f "$(basename "$jar") serve" | head -1)
calls() { curl -s "127.0.0.1:$1/metrics" | awk '/^warden_calls_total/ {s += $2} END {printf "%d", s}'; }
admin=
for p in $(ss -ltnp | grep "pid=$gw," | awk '{print $4}' | sed 's/.*://'); do
  if curl -s "127.0.0.1:$p/metrics" | grep -q '^warden_calls_total'; then admin=$p; fi
done
before=$(calls "$admin")
perf record -q -p "$gw" -e raw_syscalls:sys_enter,context-switches -o "$out/perf.data" -- sleep 15 2>/dev/null
after=$(calls "$admin")
perf script -i "$out/perf.data" -F event,trace 2>/dev/null |
  awk -v n=$((after - before)) '
    { if ($1 ~ /context/) cs++; else { for (i = 1; i <= NF; i++) if ($i == "NR") id = $(i + 1); c[id]++; t++ } }
    END {
      split("0 read 1 write 232 epoll_wait 233 epoll_ctl 202 futex", names, " ")
      for (i = 1; i < 10; i += 2) name[names[i]] = names[i + 1]
      printf "gateway calls in the window: %d\nsystem calls per call: %.2f, context switches per call: %.2f\n", n, t / n, cs / n
      for (k in c) if (c[k] / n >= 0.02) printf "  %-12s %.2f\n", (k in name ? name[k] : "nr " k), c[k] / n
    }'
kill "$bench" 2>/dev/null || true
pkill -f LoadBenchmark || true
pkill -f "$(basename "$jar") serve" || true
pkill -f FastUpstream || true
