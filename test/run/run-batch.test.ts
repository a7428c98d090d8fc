import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { runBatch } from "../../src/run/run-batch.js";
import { isPlandiffError } from "../../src/util/errors.js";
import { SEEDS } from "../helpers/seeds.js";

/** A fresh folder with copies of the province and city plans and a config over them. */
function workspace(extra = ""): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), "plandiff-run-"));
  copyFileSync(SEEDS.province, join(dir, "province.txt"));
  copyFileSync(SEEDS.city, join(dir, "city.txt"));
  const config = join(dir, "plandiff.config.yaml");
  writeFileSync(
    config,
    `documents:\n  - id: province\n    path: province.txt\n  - id: city\n    path: city.txt\n    parent: auto\noutput: out\nformats: [json]\n${extra}`,
  );
  return { dir, config };
}

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));

describe("configuration errors", () => {
  it("gives one line per problem with its key path", () => {
    const { config } = workspace();
    writeFileSync(
      config,
      "documents:\n  - id: a b\n    path: x.txt\n  - id: c\n    path: y.txt\n    parent: nowhere\n    colour: red\nformats: [pdf]\n",
    );
    const result = loadConfig(config);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.length).toBeGreaterThanOrEqual(3);
    for (const line of errors) {
      expect(line.split("\n")).toHaveLength(1);
      expect(line.startsWith(`${config}: `)).toBe(true);
    }
    expect(errors.some((e) => e.includes("documents.0.id"))).toBe(true);
    expect(errors.some((e) => e.includes("formats.0"))).toBe(true);
    expect(errors.some((e) => e.includes("documents.1") && e.includes("colour"))).toBe(true);
  });

  it("reports a parent id that names no document", () => {
    const { config } = workspace();
    writeFileSync(config, "documents:\n  - id: a\n    path: a.txt\n    parent: b\n");
    const result = loadConfig(config);
    expect(result.ok ? [] : result.errors).toEqual([
      `${config}: documents.0.parent: no document has the id "b"`,
    ]);
  });
});

describe("runs and history", async () => {
  const { dir, config } = workspace();
  const first = await runBatch({ configPath: config, now: clock });

  it("stores the run, resolves the parent from the citation and points latest at it", () => {
    expect(first.record.complete).toBe(true);
    expect(first.record.inputs.find((i) => i.id === "city")?.parentResolution.method).toBe("cited");
    expect(existsSync(join(first.runDir, "pairs", "city.json"))).toBe(true);
    expect(readFileSync(join(first.runDir, "overview.md"), "utf8")).toContain("city");
    expect(existsSync(join(first.runDir, "overview.html"))).toBe(true);
    expect(readlinkSync(join(dir, "out", "latest"))).toBe(join("runs", first.record.id));
    expect(first.record.changes.previous).toBeNull();
  });

  it("reports exactly the new and resolved findings after one child is edited", async () => {
    const cityPath = join(dir, "city.txt");
    // The city drops the deadline of row 14 (全面应用政务钉钉系统): 2018年底前全覆盖 → 持续推进.
    writeFileSync(cityPath, readFileSync(cityPath, "utf8").replace("2018年底前全覆盖", "持续推进"));
    const second = await runBatch({ configPath: config, now: clock });
    expect(second.record.changes.previous).toBe(first.record.id);
    const describe = (fs: { kind: string; parent: string | null; child: string | null }[]) =>
      fs.map((f) => `${f.kind} ${f.parent} ${f.child}`).sort();
    expect(describe(second.record.changes.newFindings)).toEqual(["deadline-drift A18 A14"]);
    expect(describe(second.record.changes.resolvedFindings)).toEqual([]);
  });

  it("leaves the previous run intact when a run fails halfway", async () => {
    const before = readdirSync(join(dir, "out", "runs")).sort();
    const latest = readlinkSync(join(dir, "out", "latest"));
    await expect(runBatch({ configPath: config, now: clock, failAfterPairs: 0 })).rejects.toThrow(
      /injected/,
    );
    expect(readdirSync(join(dir, "out", "runs")).sort()).toEqual(before);
    expect(readlinkSync(join(dir, "out", "latest"))).toBe(latest);
    expect(existsSync(join(dir, "out", ".plandiff.lock"))).toBe(false);
  });

  it("refuses to interleave with a run that holds the lock", async () => {
    writeFileSync(join(dir, "out", ".plandiff.lock"), String(process.pid));
    const error = await runBatch({ configPath: config, now: clock }).catch((e: unknown) => e);
    expect(isPlandiffError(error) && error.code).toBe("locked");
    expect(String((error as Error).message)).toMatch(
      /another plandiff run \(pid \d+\) is writing here/,
    );
  });

  it("takes over a lock left by a process that is gone", async () => {
    writeFileSync(join(dir, "out", ".plandiff.lock"), "999999999");
    const run = await runBatch({ configPath: config, now: clock });
    expect(run.record.complete).toBe(true);
  });
});

describe("thresholds", async () => {
  it("crosses required-missing>0 and a coverage floor", async () => {
    const { config } = workspace(
      "thresholds:\n  failOn: [required-missing>0]\n  failUnder: { coverage: 0.99 }\n",
    );
    const { crossed } = await runBatch({ configPath: config, now: clock });
    expect(crossed.some((c) => c.startsWith("required-missing"))).toBe(true);
    expect(crossed.some((c) => c.startsWith("city: coverage"))).toBe(true);
  });
});

describe("review decisions across runs", async () => {
  it("a waiver suppresses its finding in the next run, which lists it as waived", async () => {
    const { dir, config } = workspace("review: review.yaml\n");
    writeFileSync(join(dir, "review.yaml"), "decisions: []\n");
    const before = await runBatch({ configPath: config, now: clock });
    const missing = before.record.pairs[0]?.findings.find(
      (f) => f.kind === "missing" && f.parent === "B4.3",
    );
    expect(missing?.waived).toBe(false);

    writeFileSync(
      join(dir, "review.yaml"),
      [
        "decisions:",
        "  - action: waive",
        "    parentDoc: province",
        "    childDoc: city",
        "    parent: { id: B4.3, title: 加强制度供给 }",
        "    kind: missing",
        "    reason: 已在市政府规章工作计划中部署",
        "    by: 张三",
        "    date: 2026-11-20",
        "  - action: reject",
        "    parentDoc: province",
        "    childDoc: city",
        "    parent: { id: B9.9, title: 不存在的任务 }",
        "    child: { id: B9.99, title: 不存在的任务 }",
        "    reason: 示例",
        "    by: 张三",
        "    date: 2026-11-20",
        "",
      ].join("\n"),
    );
    const after = await runBatch({ configPath: config, now: clock });
    const pair = after.record.pairs[0];
    expect(pair?.findings.find((f) => f.kind === "missing" && f.parent === "B4.3")?.waived).toBe(
      true,
    );
    expect(pair?.summary.findings.waived).toBe(1);
    expect(after.record.review.applied).toBe(1);
    expect(after.record.review.stale.map((s) => s.index)).toEqual([1]);
    // Waived findings are not new and not "resolved": they drop out of the comparison.
    expect(after.record.changes.newFindings).toEqual([]);
    const report = readFileSync(join(after.runDir, "pairs", "city.json"), "utf8");
    expect(
      JSON.parse(report).findings.find(
        (f: { parent: string; kind: string }) => f.kind === "missing" && f.parent === "B4.3",
      ).waiver.by,
    ).toBe("张三");
  });

  it("a broken review file is a configuration error, one line per problem", async () => {
    const { dir, config } = workspace("review: review.yaml\n");
    writeFileSync(join(dir, "review.yaml"), "decisions:\n  - action: approve\n    by: 张三\n");
    const error = await runBatch({ configPath: config, now: clock }).catch((e: unknown) => e);
    expect(isPlandiffError(error) && error.code).toBe("config");
    expect(
      (error as { lines: string[] }).lines.every((l) => l.includes("review.yaml: decisions.0")),
    ).toBe(true);
  });
});

describe("chains", () => {
  it("traces every province task through the city to the district", async () => {
    const { dir, config } = workspace();
    copyFileSync(SEEDS.district, join(dir, "district.txt"));
    writeFileSync(
      config,
      "documents:\n  - id: province\n    path: province.txt\n  - id: city\n    path: city.txt\n    parent: province\n  - id: district\n    path: district.txt\n    parent: city\noutput: out\nformats: [json]\n",
    );
    const { record } = await runBatch({ configPath: config, now: clock });
    expect(record.chains).toHaveLength(1);
    const [chain] = record.chains;
    expect(chain?.documents).toEqual(["province", "city", "district"]);
    expect(chain?.traces).toHaveLength(41);
    // B4.3 加强制度供给 is missing from the city plan: lost at the city, not carried below.
    const b43 = chain?.traces.find((t) => t.task === "B4.3");
    expect(b43).toMatchObject({
      lostAt: "city",
      steps: [
        { document: "city", tasks: [] },
        { document: "district", tasks: [] },
      ],
    });
    const b11 = chain?.traces.find((t) => t.task === "B1.1");
    expect(b11?.lostAt).toBeNull();
    expect(b11?.steps.map((s) => s.tasks)).toEqual([["B1.1"], ["B1.1"]]);
    expect(readFileSync(join(dir, "out", "latest", "overview.md"), "utf8")).toContain("B4.3");
  });
});

describe("parent: auto for a cover-less parent", () => {
  it("fits the cited title to the opening the run keeps of each document, not another edition", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plandiff-run-opening-"));
    for (const [from, to] of [
      ["data/real/sd-2019-shuzi-shandong-2019.txt", "p2019.txt"],
      ["data/real/sd-2021-shuzi-shandong-2021.txt", "p2021.txt"],
      ["test/fixtures/authored/authored-shuzi-city-2019.txt", "yantai.txt"],
    ] as const)
      copyFileSync(from, join(dir, to));
    const config = join(dir, "plandiff.yaml");
    writeFileSync(
      config,
      "documents:\n  - id: p2019\n    path: p2019.txt\n  - id: p2021\n    path: p2021.txt\n  - id: yantai\n    path: yantai.txt\n    parent: auto\noutput: out\nformats: [json]\n",
    );
    const run = await runBatch({ configPath: config, now: clock });
    const yantai = run.record.inputs.find((i) => i.id === "yantai");
    // 数字山东2019行动方案 has no cover: the run sees its opening (…制定本行动方案), not its text.
    expect(yantai?.parent).toBe("p2019");
    expect(yantai?.parentResolution.method).toBe("cited");
    expect(yantai?.parentResolution.detail).toContain("《数字山东2019行动方案》");
  });
});
