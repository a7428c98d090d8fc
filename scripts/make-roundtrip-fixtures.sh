#!/usr/bin/env bash
# Converts the province (002) and district (001) seeds to .pdf, .docx and .html with LibreOffice,
# for the round-trip test (test/ingest/roundtrip.test.ts). Needs soffice (Debian libreoffice-writer-nogui).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/test/fixtures/formats"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$root/data/002_2cdac00586eece9b.txt" "$tmp/002.txt"
cp "$root/data/001_1edcfceb20138e7f.txt" "$tmp/001.txt"
for format in pdf docx html; do
  (cd "$tmp" && soffice --headless --convert-to "$format" 002.txt 001.txt >/dev/null)
  cp "$tmp/002.$format" "$tmp/001.$format" "$out/"
done
