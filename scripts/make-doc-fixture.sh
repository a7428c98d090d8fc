#!/usr/bin/env bash
# Rebuilds test/fixtures/formats/000.doc: the Jiaxing plan (data/000_e50bc25d11ad62e1.txt, via the
# .docx fixture that scripts/make-format-fixtures.sh builds from it, so that the task table is a
# real table) saved by LibreOffice as Word 97–2003. Needs `soffice`:
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui
# The OFD fixture is built by scripts/make-ofd.ts (no LibreOffice needed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/test/fixtures/formats"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$out/000.docx" "$work/000.docx"
# A private profile keeps a running LibreOffice instance of the user out of the way.
soffice "-env:UserInstallation=file://$work/profile" --headless \
  --convert-to doc:"MS Word 97" --outdir "$work" "$work/000.docx" >/dev/null
cp "$work/000.doc" "$out/000.doc"
ls -l "$out/000.doc"
