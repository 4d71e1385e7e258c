#!/usr/bin/env bash
# Record what real CPython prints for the asyncio fixture corpus in src/engine/fixtures/.
#
# Usage:
#   scripts/record-fixtures.sh                 # record every fixture (run twice, must match)
#   scripts/record-fixtures.sh 04 18_task      # record only fixtures whose name starts with these
#   scripts/record-fixtures.sh --check [..]    # re-run and compare with the recorded files, write nothing
#   scripts/record-fixtures.sh --compare PY [..]  # like --check but with another interpreter (e.g. 3.12)
#
# Environment: PYTHON overrides the recording interpreter (default: pyenv CPython 3.13.0).
#
# For each NN_topic.py it writes:
#   NN_topic.stdout       exact stdout
#   NN_topic.exit         exit code, one line
#   NN_topic.stderr-tail  last non-empty line of stderr (empty file if none). If the fixture has a
#                         "# stderr-key: PHRASE" header line, PHRASE is written instead (after checking
#                         that stderr really contains it), for cases whose last stderr line is noise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="$ROOT/src/engine/fixtures"
PYTHON="${PYTHON:-$HOME/.pyenv/versions/3.13.0/bin/python3}"
TIMEOUT_S=30

mode=record
if [[ "${1:-}" == "--check" ]]; then
  mode=check
  shift
elif [[ "${1:-}" == "--compare" ]]; then
  mode=check
  PYTHON="${2:?--compare needs an interpreter path}"
  shift 2
fi
filters=("$@")

[[ -x "$PYTHON" ]] || { echo "interpreter not found: $PYTHON" >&2; exit 2; }
echo "interpreter: $("$PYTHON" -c 'import sys; print(sys.version.split()[0])') ($PYTHON)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# run_one FIXTURE.py OUTPREFIX -> writes OUTPREFIX.{stdout,stderr,exit,stderr-tail}
run_one() {
  local py="$1" out="$2" rc=0
  (
    cd "$FIXTURES"
    PYTHONHASHSEED=0 timeout "$TIMEOUT_S" "$PYTHON" -X utf8 "$py" >"$out.stdout" 2>"$out.stderr" </dev/null
  ) || rc=$?
  echo "$rc" >"$out.exit"
  local key
  key="$(sed -n 's/^# stderr-key: //p' "$FIXTURES/$py" | head -n 1)"
  if [[ -n "$key" ]]; then
    if ! grep -qF -- "$key" "$out.stderr"; then
      echo "  !! stderr of $py does not contain its stderr-key: $key" >&2
      return 1
    fi
    printf '%s\n' "$key" >"$out.stderr-tail"
  else
    local tail_line
    tail_line="$(grep -v '^[[:space:]]*$' "$out.stderr" | tail -n 1 || true)"
    if [[ -n "$tail_line" ]]; then
      printf '%s\n' "$tail_line" >"$out.stderr-tail"
    else
      : >"$out.stderr-tail"
    fi
  fi
  if [[ "$rc" == 124 ]]; then
    echo "  !! $py timed out after ${TIMEOUT_S}s" >&2
    return 1
  fi
}

same() { cmp -s "$1" "$2"; }

status=0
count=0
shopt -s nullglob
for path in "$FIXTURES"/[0-9][0-9]_*.py; do
  py="$(basename "$path")"
  name="${py%.py}"
  if ((${#filters[@]})); then
    keep=0
    for f in "${filters[@]}"; do [[ "$name" == "$f"* ]] && keep=1; done
    ((keep)) || continue
  fi
  count=$((count + 1))

  if ! run_one "$py" "$work/a"; then status=1; continue; fi

  if [[ "$mode" == check ]]; then
    bad=""
    for ext in stdout exit stderr-tail; do
      [[ -f "$FIXTURES/$name.$ext" ]] || { bad+=" $ext(missing)"; continue; }
      same "$work/a.$ext" "$FIXTURES/$name.$ext" || bad+=" $ext"
    done
    if [[ -n "$bad" ]]; then
      echo "DIFF $name:$bad"
      diff -u "$FIXTURES/$name.stdout" "$work/a.stdout" | sed 's/^/    /' || true
      for ext in exit stderr-tail; do
        same "$work/a.$ext" "$FIXTURES/$name.$ext" ||
          echo "    $ext: recorded=[$(cat "$FIXTURES/$name.$ext" 2>/dev/null)] got=[$(cat "$work/a.$ext")]"
      done
      status=1
    else
      echo "ok   $name"
    fi
    continue
  fi

  # record mode: second run must agree exactly with the first
  if ! run_one "$py" "$work/b"; then status=1; continue; fi
  bad=""
  for ext in stdout exit stderr-tail; do
    same "$work/a.$ext" "$work/b.$ext" || bad+=" $ext"
  done
  if [[ -n "$bad" ]]; then
    echo "NONDETERMINISTIC $name:$bad (not written)"
    diff -u "$work/a.stdout" "$work/b.stdout" | sed 's/^/    /' || true
    status=1
    continue
  fi
  for ext in stdout exit stderr-tail; do
    cp "$work/a.$ext" "$FIXTURES/$name.$ext"
  done
  echo "recorded $name (exit $(cat "$work/a.exit"))"
done

echo "$count fixture(s) processed in $mode mode"
exit "$status"
