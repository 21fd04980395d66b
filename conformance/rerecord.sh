#!/usr/bin/env bash
# Re-records every conformance transcript from its Python twin and fails if one drifted.
#
#   conformance/rerecord.sh            re-record all; exit 1 if any transcript changed
#   conformance/rerecord.sh --check    compare only, write nothing; exit 1 on drift
#   conformance/rerecord.sh NAME...    only these scenarios (file names without .py)
#
# The oracle is CPython 3.13: `PYENV_VERSION=3.13.0 python3` unless $PYTHON names another
# interpreter. Each twin runs twice; a twin whose two runs differ is reported as unstable
# (a timing race in the twin itself), and its transcript is not written.
set -euo pipefail
cd "$(dirname "$0")/src/test/resources/scenarios"

check_only=false
names=()
for arg in "$@"; do
    case "$arg" in
        --check) check_only=true ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) names+=("${arg%.py}") ;;
    esac
done
if [ ${#names[@]} -eq 0 ]; then
    for f in *.py; do names+=("${f%.py}"); done
fi

if [ -n "${PYTHON:-}" ]; then
    py=("$PYTHON")
else
    py=(env PYENV_VERSION=3.13.0 python3)
fi
version=$("${py[@]}" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ "$version" != "3.13" ]; then
    echo "rerecord.sh: need CPython 3.13, got $version (set PYTHON=/path/to/python3.13)" >&2
    exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
drifted=()
unstable=()
for name in "${names[@]}"; do
    if [ ! -f "$name.py" ]; then
        echo "rerecord.sh: no twin $name.py" >&2
        exit 2
    fi
    "${py[@]}" "$name.py" > "$tmp/$name.1"
    "${py[@]}" "$name.py" > "$tmp/$name.2"
    if ! cmp -s "$tmp/$name.1" "$tmp/$name.2"; then
        unstable+=("$name")
        continue
    fi
    if [ -f "$name.txt" ] && cmp -s "$tmp/$name.1" "$name.txt"; then
        continue
    fi
    drifted+=("$name")
    if [ -f "$name.txt" ]; then
        diff -u "$name.txt" "$tmp/$name.1" || true
    else
        echo "new transcript: $name.txt"
    fi
    if ! $check_only; then
        cp "$tmp/$name.1" "$name.txt"
    fi
done

status=0
if [ ${#unstable[@]} -gt 0 ]; then
    echo "unstable twins (two runs differ; transcript left as it was): ${unstable[*]}" >&2
    status=1
fi
if [ ${#drifted[@]} -gt 0 ]; then
    if $check_only; then
        echo "drifted transcripts: ${drifted[*]}" >&2
    else
        echo "re-recorded (review with git diff): ${drifted[*]}" >&2
    fi
    status=1
fi
if [ $status -eq 0 ]; then
    echo "${#names[@]} transcripts match their twins"
fi
exit $status
