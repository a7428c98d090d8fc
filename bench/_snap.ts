import { readdirSync, writeFileSync } from "node:fs";
import { parseFile } from "../src/pipeline.js";
const files = readdirSync("data").filter((f) => /^\d{3}_.*\.txt$/.test(f));
for (const f of files) {
  const docs = await parseFile(`data/${f}`);
  writeFileSync(`test/fixtures/seed-parse/${f.replace(/\.txt$/, ".json")}`, `${JSON.stringify(docs, null, 1)}\n`);
  console.log(f, docs.map((d) => `${d.tasks.filter(t=>t.source==="body").length}/${d.tasks.filter(t=>t.source==="appendix").length}`).join(" "));
}
