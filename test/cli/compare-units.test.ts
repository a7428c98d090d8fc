import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

const dir = mkdtempSync(join(tmpdir(), "plandiff-units-"));
const drifts = (json: string) =>
  (JSON.parse(json) as { findings: { kind: string }[] }).findings.filter(
    (f) => f.kind === "responsibility-drift",
  ).length;

describe("plandiff compare --units", () => {
  it("reads a unit alias file: a renamed unit is no longer a responsibility drift", async () => {
    const aliases = join(dir, "aliases.yaml");
    writeFileSync(aliases, "aliases:\n  省政府研究室: 区府办\n");
    const plain = await runCli(["compare", SEEDS.province, SEEDS.district]);
    const aliased = await runCli(["compare", SEEDS.province, SEEDS.district, "--units", aliases]);
    expect(aliased.code).toBe(0);
    expect(drifts(aliased.stdout)).toBeLessThan(drifts(plain.stdout));
  }, 60_000);

  it("refuses a file that is not an alias file with one line naming it (exit 2)", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "nope: 1\n");
    const r = await runCli(["compare", SEEDS.province, SEEDS.district, "--units", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(bad);
  }, 60_000);
});
