#!/usr/bin/env bash
# Builds the format fixtures under test/fixtures/formats/ from the Jiaxing city plan seed
# (data/000_e50bc25d11ad62e1.txt): the same document as HTML (UTF-8 and GBK), as .docx (converted
# by LibreOffice from the HTML) and in traditional characters (.txt, by opencc-js cn2t).
# Usage: scripts/make-format-fixtures.sh   (from anywhere; needs node, soffice and iconv)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seed="$root/data/000_e50bc25d11ad62e1.txt"
out="$root/test/fixtures/formats"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$root"
SEED="$seed" OUT="$out" TMP="$tmp" node --input-type=module -e '
import { readFileSync, writeFileSync } from "node:fs";
import * as OpenCC from "opencc-js";

const seed = readFileSync(process.env.SEED, "utf8");
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const lines = seed.split(/\r?\n/);

// The task table: tab-indented cells, one per line, rows separated by blank lines, from the
// "序号" header to the last numbered row.
const start = lines.findIndex((l) => l === "\t序号");
const groups = [];
let i = start;
for (;;) {
  const group = [];
  while (i < lines.length && lines[i].startsWith("\t") && lines[i].trim() !== "") group.push(lines[i++].trim());
  if (group.length === 0 || (groups.length > 0 && !/^\d+$/.test(group[0]))) { i -= group.length; break; }
  groups.push(group);
  while (i < lines.length && lines[i].trim() === "") i++;
}
const [header, ...rows] = groups;
const table = [
  "<table border=\"1\">",
  `<tr>${header.map((c) => `<th>${esc(c)}</th>`).join("")}</tr>`,
  ...rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`),
  "</table>",
].join("\n");
const para = (ls) => ls.map((l) => l.trim()).filter((l) => l !== "").map((l) => `<p>${esc(l)}</p>`);
const body = [...para(lines.slice(0, start)), table, ...para(lines.slice(i))].join("\n");
const page = (head, extra) => `<!DOCTYPE html>\n<html><head>${head}<title>嘉兴市人民政府</title></head>\n<body>\n${extra.before}${body}\n${extra.after}</body></html>\n`;

// For LibreOffice: the document only.
writeFileSync(`${process.env.TMP}/000.html`, page("<meta charset=\"utf-8\">", { before: "", after: "" }));
// As a web page: site furniture around the document that the reader must drop.
const furniture = {
  before: "<header><div class=\"logo\">嘉兴市人民政府门户网站</div></header>\n<nav><a href=\"/\">首页</a> <a href=\"/zwgk\">政务公开</a></nav>\n<div class=\"breadcrumb\">当前位置：首页 &gt; 政府文件</div>\n<style>p { margin: 0 }</style>\n<script>var tracker = \"统计代码不应出现\";</script>\n<div id=\"content\">\n",
  after: "</div>\n<footer>主办单位：嘉兴市人民政府办公室 版权所有</footer>\n",
};
writeFileSync(`${process.env.OUT}/000.html`, page("<meta charset=\"utf-8\">", furniture));
writeFileSync(`${process.env.TMP}/000.gbk.html`, page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">", furniture));

const cn2t = OpenCC.Converter({ from: "cn", to: "t" });
writeFileSync(`${process.env.OUT}/000.traditional.txt`, cn2t(seed));
'
iconv -f UTF-8 -t GBK "$tmp/000.gbk.html" >"$out/000.gbk.html"
soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$tmp/000.html" >/dev/null
cp "$tmp/000.docx" "$out/000.docx"
ls -l "$out"

# The whole plan as GB18030 text (compared against the province plan like the UTF-8 original).
iconv -f UTF-8 -t GB18030 "$seed" >"$out/000.gb18030.txt"

# The traditional text as Big5 (opencc's variant forms 啓爲着羣衆 have no Big5 code: use 啟為著群眾).
python3 -c "
import sys
s = open(sys.argv[1], encoding='utf-8').read()
for a, b in [('啓', '啟'), ('爲', '為'), ('着', '著'), ('羣', '群'), ('衆', '眾')]:
    s = s.replace(a, b)
open(sys.argv[2], 'wb').write(s.encode('big5'))
" "$out/000.traditional.txt" "$out/000.big5.txt"
