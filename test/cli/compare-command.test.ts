import { describe, expect, it } from "vitest";
import { CompareResultSchema } from "../../src/model/compare.js";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

describe("plandiff compare", async () => {
  const first = await runCli(["compare", SEEDS.province, SEEDS.city]);

  it("prints contract v1 JSON", async () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const result = CompareResultSchema.parse(JSON.parse(first.stdout));
    expect(result.parent.docNumber).toBe("浙政发〔2018〕16号");
    expect(result.child.docNumber).toBe("嘉政发〔2018〕23号");
    expect(result.sectionAlignments).toHaveLength(10);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);
    expect(result.summary.body.parentTasks).toBe(41);
  });

  it("gives the same bytes for the same inputs", async () => {
    expect((await runCli(["compare", SEEDS.province, SEEDS.city])).stdout).toBe(first.stdout);
  });

  it("takes FILE#N and fails cleanly on a bundle without #N", async () => {
    const picked = await runCli(["compare", SEEDS.province, `${SEEDS.gazette}#5`]);
    expect(picked.code).toBe(0);
    const bundle = await runCli(["compare", SEEDS.province, SEEDS.gazette]);
    expect(bundle.code).toBe(2);
    expect(bundle.stderr.trim()).toMatch(/holds 10 documents; pick one with .*#N/);
  });
});

describe("compare options", () => {
  it("--lang en writes English messages", async () => {
    const { stdout } = await runCli(["compare", SEEDS.province, SEEDS.city, "--lang", "en"]);
    const result = CompareResultSchema.parse(JSON.parse(stdout));
    expect(result.findings.some((f) => f.message.includes("is not carried"))).toBe(true);
  });

  it("--fail-on high exits 1 when a high finding exists; --min-severity filters", async () => {
    const failing = await runCli(["compare", SEEDS.province, SEEDS.city, "--fail-on", "high"]);
    expect(failing.code).toBe(1);
    const filtered = CompareResultSchema.parse(
      JSON.parse(
        (await runCli(["compare", SEEDS.province, SEEDS.city, "--min-severity", "high"])).stdout,
      ),
    );
    expect(filtered.findings.every((f) => f.severity === "high")).toBe(true);
  });

  it("--disable switches rules off", async () => {
    const { stdout } = await runCli([
      "compare",
      SEEDS.province,
      SEEDS.city,
      "--disable",
      "missing",
      "added",
    ]);
    const kinds = new Set(
      CompareResultSchema.parse(JSON.parse(stdout)).findings.map((f) => f.kind),
    );
    expect(kinds.has("missing") || kinds.has("added")).toBe(false);
  });
});
