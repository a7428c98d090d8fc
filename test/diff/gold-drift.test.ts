import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { driftAgreement } from "../../bench/eval/drift.js";
import { driftOf } from "../../src/diff/deadline-drift-label.js";
import type { PlanDocument } from "../../src/model/document.js";
import { parseDeadline } from "../../src/parse/parse-deadline.js";
import { parseDocument } from "../../src/pipeline.js";

const GOLD = "test/fixtures/gold/002-000.appendix.json";
/** The gold's catch-all label is a judgement call ("explain in note"); the others are rules. */
const SCORED = (drift: string): boolean => drift !== "different";
const MIN_AGREEMENT = 0.95;

interface GoldLink {
  parent: string;
  child: string;
  deadline?: { parent: string; child: string; drift: string };
}

const goldLinks = (JSON.parse(readFileSync(GOLD, "utf8")) as { links: GoldLink[] }).links.flatMap(
  (link) =>
    link.deadline && SCORED(link.deadline.drift) ? [{ ...link, deadline: link.deadline }] : [],
);

const listed = (rows: { parent: string; child: string; gold: string; ours: string }[]): string =>
  rows.map((r) => `${r.parent} → ${r.child}: gold ${r.gold}, ours ${r.ours}`).join("\n");

describe("deadline drift against the gold (002 → 000 appendix)", () => {
  it("scores every labelled link", () => {
    expect(goldLinks.length).toBeGreaterThanOrEqual(20);
  });

  it(`agrees with the gold on the raw 时间要求 cells (≥ ${MIN_AGREEMENT * 100}%)`, () => {
    const rows = goldLinks.map(({ parent, child, deadline }) => ({
      parent: `${parent}「${deadline.parent}」`,
      child: `${child}「${deadline.child}」`,
      gold: deadline.drift,
      ours: driftOf(
        parseDeadline(deadline.parent, { year: 2018 }),
        parseDeadline(deadline.child, { year: 2018 }),
      ).label,
    }));
    const disagreements = rows.filter((r) => r.gold !== r.ours);
    const agreement = 1 - disagreements.length / rows.length;
    expect(agreement, `disagreements:\n${listed(disagreements)}`).toBeGreaterThanOrEqual(
      MIN_AGREEMENT,
    );
  });

  describe("on the parsed documents", () => {
    let parent: PlanDocument;
    let child: PlanDocument;
    beforeAll(async () => {
      parent = await parseDocument("data/002_2cdac00586eece9b.txt");
      child = await parseDocument("data/000_e50bc25d11ad62e1.txt");
    });

    it(`agrees with the gold on the parsed tasks' deadlines (≥ ${MIN_AGREEMENT * 100}%)`, () => {
      const result = driftAgreement(GOLD, parent, child, { skip: ["different"] });
      expect(result.scored).toBe(goldLinks.length);
      expect(
        result.agree / result.scored,
        `disagreements:\n${listed(result.disagreements)}`,
      ).toBeGreaterThanOrEqual(MIN_AGREEMENT);
    });

    it("also reproduces the gold's `different` links (period → recurrence)", () => {
      const all = driftAgreement(GOLD, parent, child);
      expect(all.scored).toBeGreaterThan(goldLinks.length);
      expect(all.disagreements.filter((d) => d.gold === "different")).toEqual([]);
    });
  });
});
