#!/usr/bin/env bash
# The long crash-consistency run (issue #15 §3; docs/integrity.md, "Crash consistency").
#
# Starts each writing command of Thicket (import of a folder, autocode with and without a new
# coder, project merge, code merge, participant merge, code delete, a memo by a new coder, and
# a deletion followed by its undo), kills it with SIGKILL after a random delay within the
# command's measured duration, and checks that the project opens, passes `thicket check`, holds
# all of the command or none of it, and that a copy saved at once holds the same. The harness is
# tests/crash/mod.rs, the same one the test suite runs for 36 kills.
#
# Usage: scripts/crash-harness.sh [KILLS] [SEED] [SCALE]
#   KILLS  how many kills (default 300)
#   SEED   the seed of the delays and the order (default: from the clock; printed at the end)
#   SCALE  corpus size factor (default 1: the sample study plus 24 transcripts, 3,672 codings)
# The table of results is printed and written to target/crash-harness-last.md. Exit status 0
# when no kill left a project that fails a check.
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-300}"
seed="${2:-$(date +%s%N)}"
scale="${3:-1}"
report="$PWD/target/crash-harness-last.md"
mkdir -p target
started=$(date +%s)
CRASH_KILLS="$kills" CRASH_SEED="$seed" CRASH_SCALE="$scale" CRASH_REPORT="$report" \
    cargo test --test crash_consistency long_run -- --ignored --exact --nocapture
{
    echo
    echo "Command line: scripts/crash-harness.sh $kills $seed $scale ($(( $(date +%s) - started )) s with the build, $(nproc) cores, $(date -u +%Y-%m-%d))"
} >> "$report"
echo "written to $report"
