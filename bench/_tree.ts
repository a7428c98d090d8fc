import { normalizeText, readSource, splitBundle } from "../src/ingest/index.js";
import { buildOutline, type OutlineNode } from "../src/parse/outline.js";
import { readHeader } from "../src/parse/header.js";
const path = process.argv[2] as string;
const src = await readSource(path);
for (const doc of splitBundle(path, normalizeText(src.text))) {
  const h = readHeader(doc.lines);
  const { roots } = buildOutline(doc.lines.slice(h.bodyStart, h.contentEnd));
  const walk = (ns: OutlineNode[], d: number) => { for (const n of ns) { console.log(`${"  ".repeat(d)}${n.marker[0]}${n.label} ${n.head.text.slice(0, 30)} [${n.content.length}]`); walk(n.children, d + 1); } };
  console.log("--- doc", doc.index); walk(roots, 0);
}
