import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PlanDocument } from "../../src/model/document.js";
import { SEEDS, seedDocuments } from "../helpers/seeds.js";

/** The header fields the seeds parse to today (test/fixtures/seed-parse/*.json) must not move. */
const HEADER_FIELDS = [
  "file",
  "index",
  "title",
  "planTitle",
  "docNumber",
  "issuer",
  "level",
  "date",
  "printedDate",
  "references",
  "lines",
] as const;

const header = (doc: PlanDocument) => Object.fromEntries(HEADER_FIELDS.map((k) => [k, doc[k]]));

describe("the seeds' header fields are today's", () => {
  it.each(Object.values(SEEDS))("%s", async (path) => {
    const name = path.replace(/^data\//, "").replace(/\.txt$/, ".json");
    const today = JSON.parse(
      readFileSync(`test/fixtures/seed-parse/${name}`, "utf8"),
    ) as PlanDocument[];
    const docs = await seedDocuments(path);
    expect(docs.map(header)).toEqual(today.map(header));
  });
});
