#!/usr/bin/env bash
# Seeds the spec_bytes corpus with every spec and fixture of the repository (JSON files only).
set -euo pipefail
cd "$(dirname "$0")"
corpus=corpus/spec_bytes
mkdir -p "$corpus"
find ../specs ../tests/fixtures ../codegen/tests/fixtures -name '*.json' -type f 2>/dev/null | sort |
    while read -r file; do
        name=$(printf '%s' "${file#../}" | tr '/' '_')
        cp "$file" "$corpus/seed-$name"
    done
echo "$(ls "$corpus" | wc -l) files in $corpus"
