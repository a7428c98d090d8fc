/**
 * `npm run background`: writes data/background-df.json, the document frequencies of the matcher's
 * terms over every bundled plan (the seeds in data/ and the real plans in data/real/), one
 * document per task. The matcher blends them with the pair's own frequencies, so that words
 * every plan uses (加强, 推进, 企业) weigh little even when a pair happens to use them rarely,
 * and words rare across plans (机器人, 传感器, DCMM) weigh much. Terms seen in fewer than
 * MIN_DF tasks are left out (they weigh as unseen terms do).
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { taskTokens } from "../src/align/task-features.js";
import { termOf } from "../src/align/tfidf.js";
import { parseFile } from "../src/pipeline.js";

const MIN_DF = 2;
const folders = ["data", join("data", "real")];
const files = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => join(dir, f)),
);
const df = new Map<string, number>();
let documents = 0;
for (const file of files) {
  for (const doc of await parseFile(file)) {
    for (const task of doc.tasks) {
      documents++;
      for (const id of new Set(taskTokens(task))) {
        const term = termOf(id);
        df.set(term, (df.get(term) ?? 0) + 1);
      }
    }
  }
}
const kept = [...df]
  .filter(([, n]) => n >= MIN_DF)
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const out = {
  about: `Document frequencies of the matcher's terms over the ${files.length} bundled plans (${documents} tasks), terms in at least ${MIN_DF} tasks; written by npm run background (bench/background.ts).`,
  documents,
  df: Object.fromEntries(kept),
};
writeFileSync("data/background-df.json", `${JSON.stringify(out, null, 0)}\n`);
console.log(`${files.length} files, ${documents} tasks, ${kept.length} terms kept of ${df.size}`);
