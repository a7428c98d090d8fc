/**
 * `npx tsx bench/synth-parse.ts [--profile regrouped] [--seed 1] [--count 12]`: checks that plandiff's
 * parser reads a synthetic batch the way its truth says (bench/synth writes the text; nothing in the
 * generator may import src/, so this check lives here). For every child whose body truth lists
 * safeguards (S ids), the parsed body tasks and safeguards must have exactly the truth's child ids and
 * titles, and the parsed parent's safeguards the truth's parent S ids and titles. For the other
 * profiles (no S tasks in the truth) only the body task ids are compared. Exit code 1 on a mismatch.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "../src/pipeline.js";
import { ensureSynthBatch, PARENT, type Profile, readGold } from "./eval/datasets.js";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const profile = opt("profile", "regrouped") as Profile;
const seed = Number(opt("seed", "1"));
const count = Number(opt("count", "12"));

// A private cache, so the eval cache is never touched.
const cache = mkdtempSync(join(tmpdir(), "synth-parse-"));
process.env.PLANDIFF_SYNTH_CACHE = cache;
const dir = ensureSynthBatch(profile, seed, count);
const parent = await parseDocument(PARENT);
const pair = (ts: readonly { id: string; title: string }[]) =>
  JSON.stringify(ts.map((t) => [t.id, t.title]));
let bad = 0;
let safeguards = 0;
for (let i = 0; i < count; i++) {
  const name = `child-${seed}-${i}`;
  const truth = readGold(join(dir, `${name}.body.json`));
  const withS = truth.childTasks.some((t) => t.id.startsWith("S"));
  const child = await parseDocument(join(dir, `${name}.txt`));
  const keep = (source: string) => source === "body" || (withS && source === "safeguards");
  const got = child.tasks.filter((t) => keep(t.source));
  const want = truth.childTasks;
  const same = withS
    ? pair(got) === pair(want)
    : got.map((t) => t.id).join() === want.map((t) => t.id).join();
  if (!same) {
    bad++;
    console.log(`${name}: parsed ≠ truth\n  parsed ${pair(got)}\n  truth  ${pair(want)}`);
  }
  if (withS) {
    safeguards += want.filter((t) => t.id.startsWith("S")).length;
    const ps = parent.tasks.filter((t) => t.source === "safeguards");
    const pw = truth.parentTasks.filter((t) => t.id.startsWith("S"));
    if (pair(ps) !== pair(pw)) {
      bad++;
      console.log(`${name}: parent safeguards parsed ${pair(ps)}\n  truth ${pair(pw)}`);
    }
  }
}
console.log(
  `${profile} seed ${seed}: ${count - bad}/${count} children parsed as their truth says (${safeguards} child safeguards)`,
);
rmSync(cache, { recursive: true, force: true });
process.exitCode = bad ? 1 : 0;
