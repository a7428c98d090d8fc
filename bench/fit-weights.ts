/**
 * `npm run fit`: fits the matcher's logistic models on the synthetic TUNE set (never on the
 * held-out seeds or the public gold) and writes data/align-weights.json.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { prepareAppendix, prepareBody } from "../src/align/compare.js";
import { type CandidateMatrix, primaryLinks, scopeAlignments } from "../src/align/match.js";
import { type AlignOptions, defaultAlignOptions, type ScopeOptions } from "../src/align/options.js";
import type { PlanDocument } from "../src/model/document.js";
import { parseDocument } from "../src/pipeline.js";
import { PARENT, PROFILES, syntheticChildren, TUNE_SEEDS } from "./eval/datasets.js";
import { fitLogistic } from "./fit/logistic.js";

const BODY_PRIMARY = [
  "title",
  "text",
  "parentCover",
  "childCover",
  "bestSentence",
  "anchors",
  "units",
  "deadline",
  "section",
  "ratioParent",
  "ratioChild",
  "mutual",
];
const BODY_PARTIAL = [
  "title",
  "text",
  "parentCover",
  "childCover",
  "bestSentence",
  "anchors",
  "section",
  "ratioParent",
  "ratioChild",
  "mutual",
  "parentLinked",
  "childLinked",
];
const ROW_PRIMARY = [
  "title",
  "dice",
  "parentContained",
  "childContained",
  "anchors",
  "units",
  "deadline",
  "body",
  "inChildBody",
  "summary",
  "ratioParent",
  "ratioChild",
  "mutual",
];
const ROW_PARTIAL = [
  "title",
  "dice",
  "parentContained",
  "childContained",
  "body",
  "inChildBody",
  "summary",
  "ratioParent",
  "ratioChild",
  "mutual",
  "parentLinked",
  "childLinked",
];

interface Truth {
  links: { parent: string; child: string; relation: string }[];
}

interface Example {
  matrix: CandidateMatrix;
  truth: Truth;
}

const keyOf = (m: CandidateMatrix, i: number, j: number) =>
  `${m.parents[i]?.task.id} ${m.children[j]?.task.id}`;

function primaryRows(examples: Example[]) {
  const rows: Record<string, number>[] = [];
  const labels: number[] = [];
  for (const { matrix, truth } of examples) {
    const gold = new Set(
      truth.links.filter((l) => l.relation !== "partial").map((l) => `${l.parent} ${l.child}`),
    );
    matrix.signals.forEach((row, i) => {
      row.forEach((s, j) => {
        if (!s) return;
        rows.push(s);
        labels.push(gold.has(keyOf(matrix, i, j)) ? 1 : 0);
      });
    });
  }
  return { rows, labels };
}

function partialRows(examples: Example[], scope: ScopeOptions) {
  const rows: Record<string, number>[] = [];
  const labels: number[] = [];
  for (const { matrix, truth } of examples) {
    const gold = new Set(truth.links.map((l) => `${l.parent} ${l.child}`));
    const primary = primaryLinks(matrix, scope);
    const childLinked = new Set(primary.filter((j) => j >= 0));
    matrix.signals.forEach((row, i) => {
      row.forEach((s, j) => {
        if (!s || primary[i] === j) return;
        rows.push({
          ...s,
          parentLinked: primary[i] !== -1 ? 1 : 0,
          childLinked: childLinked.has(j) ? 1 : 0,
        });
        labels.push(gold.has(keyOf(matrix, i, j)) ? 1 : 0);
      });
    });
  }
  return { rows, labels };
}

/** The share of truth's equivalent/reworded labels a text-cosine cut reproduces, best cut. */
function fitEquivalent(examples: Example[], scope: ScopeOptions): number {
  let best = { cut: scope.equivalentText, correct: -1 };
  for (let cut = 0.7; cut <= 0.995; cut += 0.01) {
    let correct = 0;
    for (const { matrix, truth } of examples) {
      const rel = new Map(truth.links.map((l) => [`${l.parent} ${l.child}`, l.relation]));
      for (const a of scopeAlignments(matrix, { ...scope, equivalentText: cut })) {
        if (a.relation !== "partial" && rel.get(`${a.parent} ${a.child}`) === a.relation) correct++;
      }
    }
    if (correct > best.correct) best = { cut: Math.round(cut * 100) / 100, correct };
  }
  return best.cut;
}

function fitScope(
  examples: Example[],
  base: ScopeOptions,
  primaryNames: string[],
  partialNames: string[],
): ScopeOptions {
  const p = primaryRows(examples);
  const primary = fitLogistic(p.rows, p.labels, primaryNames, { lambda: 1, positiveWeight: 3 });
  const withPrimary = { ...base, primary };
  const q = partialRows(examples, withPrimary);
  const partial = fitLogistic(q.rows, q.labels, partialNames, { lambda: 1, positiveWeight: 2 });
  const fitted = { ...withPrimary, partial };
  return { ...fitted, equivalentText: fitEquivalent(examples, fitted) };
}

const started = performance.now();
const ALL_PAIRS = { ...defaultAlignOptions().candidates, mode: "all" as const };
const parent: PlanDocument = await parseDocument(PARENT);
const children = await syntheticChildren(PROFILES, TUNE_SEEDS);
const prepared = await Promise.all(
  children.map(async (c) => {
    const child = await parseDocument(c.text);
    return {
      child,
      // Fitted on every pair (the reference); the index only leaves out pairs far below a link.
      body: prepareBody(parent, child, ALL_PAIRS),
      truthBody: JSON.parse(readFileSync(c.body, "utf8")) as Truth,
      truthRows: JSON.parse(readFileSync(c.appendix, "utf8")) as Truth,
    };
  }),
);

const base = defaultAlignOptions();
const body = fitScope(
  prepared.map((x) => ({ matrix: x.body.body, truth: x.truthBody })),
  base.body,
  BODY_PRIMARY,
  BODY_PARTIAL,
);
const rowExamples = prepared.map((x) => {
  for (const link of scopeAlignments(x.body.body, body))
    x.body.context.bodyLinks.add(`${link.parent} ${link.child}`);
  return {
    matrix: prepareAppendix(parent, x.child, x.body.model, x.body.context, ALL_PAIRS),
    truth: x.truthRows,
  };
});
const appendix = fitScope(rowExamples, base.appendix, ROW_PRIMARY, ROW_PARTIAL);

const options: AlignOptions & { about: string } = {
  about: `Weights of the matcher's logistic models (score = sigmoid(bias + Σ weight × signal)), fitted by \`npm run fit\` on ${children.length} synthetic children (profiles realistic and hard, seeds ${TUNE_SEEDS.join(", ")}); see README § Alignment.`,
  body,
  appendix,
  candidates: base.candidates,
};
writeFileSync("data/align-weights.json", `${JSON.stringify(options, null, 2)}\n`);
console.log(JSON.stringify(options, null, 2));
console.log(
  `fitted on ${children.length} children in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
