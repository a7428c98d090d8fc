#!/usr/bin/env bash
# Rebuilds the PDF fixtures of test/ingest/pdf.test.ts with LibreOffice (needs `soffice` and a CJK
# font such as fonts-noto-cjk):
#   test/fixtures/formats/000.pdf        the seed data/000_e50bc25d11ad62e1.txt as a text-layer PDF
#   test/fixtures/formats/encrypted.pdf  a one-line PDF with the open password "secret"
#   test/fixtures/formats/table.pdf      the held-out web page t-hen-2022-712-feijiu-wuzi.html
#                                        printed to PDF: a plan with a ruled task table
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/test/fixtures/formats"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# soffice names its output after the input file, so copy the inputs under the wanted names.
cp "$root/data/000_e50bc25d11ad62e1.txt" "$work/000.txt"
printf '加密测试文件\n' >"$work/encrypted.txt"

# A private profile keeps a running LibreOffice instance of the user out of the way.
profile="-env:UserInstallation=file://$work/profile"
soffice "$profile" --headless --convert-to pdf --outdir "$out" "$work/000.txt"
soffice "$profile" --headless \
  --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
  --outdir "$out" "$work/encrypted.txt"
cp "$root/test/fixtures/authored/t-hen-2022-712-feijiu-wuzi.html" "$work/table.html"
soffice "$profile" --headless --convert-to pdf:writer_web_pdf_Export --outdir "$out" "$work/table.html"
ls -l "$out/000.pdf" "$out/encrypted.pdf" "$out/table.pdf"
