/**
 * `npm run bench`: speed figures, measured here rather than in timed unit tests: parsing the five
 * bundled documents (read, decode, normalise, split, parse), comparing one child with its parent,
 * and the scale benchmark (bench/scale.ts): one parent × N synthetic children end to end.
 *
 * Options: `--sizes 100,1000,3000` (the N of the scale benchmark; `--sizes 0` skips it).
 */
import { readdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { compareDocuments } from "../src/compare.js";
import { parseDocument, parseFile } from "../src/pipeline.js";
import { scaleBenchmark, scaleTable } from "./scale.js";

const sizesArg = process.argv.indexOf("--sizes");
const sizes = (sizesArg >= 0 ? (process.argv[sizesArg + 1] ?? "") : "100,1000,3000")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);

const ROUNDS = 20;
const files = readdirSync("data")
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => join("data", f));

async function parseAll(): Promise<number> {
  let tasks = 0;
  for (const file of files) for (const doc of await parseFile(file)) tasks += doc.tasks.length;
  return tasks;
}

const coldStart = performance.now();
const tasks = await parseAll();
const cold = performance.now() - coldStart;

const times: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const start = performance.now();
  await parseAll();
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;

const province = await parseDocument("data/002_2cdac00586eece9b.txt");
const city = await parseDocument("data/000_e50bc25d11ad62e1.txt");
const firstCompareStart = performance.now();
compareDocuments(province, city);
const firstCompare = performance.now() - firstCompareStart;
const compareTimes: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const start = performance.now();
  compareDocuments(province, city);
  compareTimes.push(performance.now() - start);
}
compareTimes.sort((a, b) => a - b);
const compareMedian = compareTimes[Math.floor(compareTimes.length / 2)] ?? 0;

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log("");
console.log("| benchmark | figure |");
console.log("|---|---|");
console.log(
  `| parse all ${files.length} seeds, first run (incl. lexicon loading) | ${cold.toFixed(1)} ms |`,
);
console.log(
  `| parse all ${files.length} seeds, median of ${ROUNDS} runs | ${median.toFixed(1)} ms |`,
);
console.log(`| tasks found | ${tasks} |`);
console.log(
  `| compare 002 → 000, first run (incl. loading the jieba dictionary) | ${firstCompare.toFixed(1)} ms |`,
);
console.log(
  `| compare 002 → 000 (41+49 × 37+31 tasks), median of ${ROUNDS} runs | ${compareMedian.toFixed(1)} ms |`,
);
console.log(`| peak RSS | ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB |`);

if (sizes.length > 0) {
  console.log("");
  console.log(
    "Scale: one parent (浙政发〔2018〕16号, 41 tasks + 49 rows) × N synthetic children (realistic profile, city and district), `plandiff run` end to end (parse, align, diff, a JSON report per child, run.json and the overview):",
  );
  console.log("");
  console.log(scaleTable(scaleBenchmark(sizes, (line) => console.error(line))));
}
