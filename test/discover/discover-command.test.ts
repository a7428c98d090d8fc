import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { DiscoverResultSchema } from "../../src/model/discover.js";
import { runBatch } from "../../src/run/run-batch.js";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

/** A folder `plans/` with copies of the given seeds (and optional extra files). */
function pile(seeds: string[], extra: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "plandiff-cli-discover-"));
  mkdirSync(join(dir, "plans"));
  for (const seed of seeds) copyFileSync(seed, join(dir, "plans", basename(seed)));
  for (const [name, data] of Object.entries(extra)) writeFileSync(join(dir, "plans", name), data);
  return dir;
}

const idOf = (seed: string) => basename(seed, ".txt");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

describe("plandiff discover", () => {
  it("prints the proposals as JSON, skips an unreadable file with a warning, writes a config", async () => {
    const dir = pile([SEEDS.province, SEEDS.city, SEEDS.district, SEEDS.gazette], {
      "broken.txt": PNG,
      "notes.csv": "not a plan",
    });
    const { code, stdout, stderr } = await runCli(
      ["discover", "plans", "--config", "plandiff.config.yaml"],
      { cwd: dir },
    );
    expect(code).toBe(0);
    const result = DiscoverResultSchema.parse(JSON.parse(stdout));
    const byId = new Map(result.documents.map((d) => [d.id, d]));
    expect(byId.get(idOf(SEEDS.city))).toMatchObject({
      parent: idOf(SEEDS.province),
      method: "cited",
      file: `plans/${basename(SEEDS.city)}`,
    });
    expect(byId.get(idOf(SEEDS.district))?.parent).toBe(idOf(SEEDS.province));
    expect(byId.get(idOf(SEEDS.province))).toMatchObject({ parent: null, method: "none" });
    const gazette = result.documents.filter((d) => d.file === `plans/${basename(SEEDS.gazette)}`);
    // Members 2 and 8 (工作规则: articles that implement nothing) are not plans: listed, never candidates.
    expect(gazette.map((d) => d.index)).toEqual([1, 3, 4, 5, 6, 7, 9, 10]);
    expect(gazette.every((d) => d.bundled)).toBe(true);
    const notPlan = "不是方案：没有任务，也没有任务提纲（不作为候选）";
    expect(result.skipped).toEqual([
      { file: `plans/${basename(SEEDS.gazette)}#2`, message: notPlan },
      { file: `plans/${basename(SEEDS.gazette)}#8`, message: notPlan },
      { file: "plans/broken.txt", message: "not a text file (binary data)" },
    ]);
    expect(stderr.trim().split("\n")).toEqual([
      "plandiff: warning: plans/broken.txt: not a text file (binary data) (skipped)",
    ]);
    // Same pile → same bytes.
    expect((await runCli(["discover", "plans"], { cwd: dir })).stdout).toBe(stdout);

    const config = loadConfig(join(dir, "plandiff.config.yaml"));
    if (!config.ok) throw new Error(config.errors.join("\n"));
    expect(config.config.allowOutside).toBe(false);
    const entries = new Map(config.config.documents.map((d) => [d.id, d]));
    expect(entries.get(idOf(SEEDS.city))).toEqual({
      id: idOf(SEEDS.city),
      path: `plans/${basename(SEEDS.city)}`,
      parent: idOf(SEEDS.province),
    });
    expect(entries.get(`${idOf(SEEDS.gazette)}-5`)?.path).toBe(
      `plans/${basename(SEEDS.gazette)}#5`,
    );
    const text = readFileSync(join(dir, "plandiff.config.yaml"), "utf8");
    expect(text).toContain("# cited，置信度 0.99：引用浙政发〔2018〕16号");
  });

  it("writes a table to --out, and a config outside the documents' folder allows it", async () => {
    const dir = pile([SEEDS.province, SEEDS.city]);
    const { code, stdout } = await runCli(
      ["discover", "plans/*.txt", "-f", "table", "-o", "out/table.txt", "-c", "conf/run.yaml"],
      { cwd: dir },
    );
    expect(code).toBe(0);
    expect(stdout).toBe("");
    const table = readFileSync(join(dir, "out", "table.txt"), "utf8");
    expect(table).toContain(idOf(SEEDS.city));
    expect(table).toContain("引用浙政发〔2018〕16号");
    expect(table.split("\n")[0]).toMatch(/^文件\s+层级\s+上级\s+依据/);
    const config = loadConfig(join(dir, "conf", "run.yaml"));
    if (!config.ok) throw new Error(config.errors.join("\n"));
    expect(config.config.allowOutside).toBe(true);
    expect(config.config.documents[0]?.path).toBe(`../plans/${basename(SEEDS.city)}`);
  });

  it("speaks English with --lang en: evidence, table and config comments", async () => {
    const dir = pile([SEEDS.province, SEEDS.city]);
    const { code, stdout } = await runCli(
      ["discover", "plans", "-f", "table", "--lang", "en", "-c", "run.yaml"],
      { cwd: dir },
    );
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^document\s+level\s+parent\s+method/);
    expect(stdout).toContain("cites 浙政发〔2018〕16号");
    expect(readFileSync(join(dir, "run.yaml"), "utf8")).toContain(
      "# cited, confidence 0.99: cites 浙政发〔2018〕16号",
    );
  });

  it("exit 2 with one line naming a missing path or a pattern that matches nothing", async () => {
    const dir = pile([SEEDS.province]);
    for (const arg of ["nowhere.txt", "plans/*.docx"]) {
      const { code, stdout, stderr } = await runCli(["discover", "plans", arg], { cwd: dir });
      expect(code, arg).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trim().split("\n"), arg).toHaveLength(1);
      expect(stderr, arg).toMatch(
        /^plandiff: .*(nowhere\.txt: no such file|no file matches plans\/\*\.docx)/,
      );
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(dir, "plandiff.config.yaml"))).toBe(false);
  });

  it("writes a config that plandiff run accepts, with the proposed parents", async () => {
    const dir = pile([SEEDS.province, SEEDS.city, SEEDS.district]);
    const { code } = await runCli(["discover", "plans", "--config", "plandiff.config.yaml"], {
      cwd: dir,
    });
    expect(code).toBe(0);
    const loaded = loadConfig(join(dir, "plandiff.config.yaml"));
    expect(loaded.ok).toBe(true);
    const text = readFileSync(join(dir, "plandiff.config.yaml"), "utf8");
    writeFileSync(join(dir, "plandiff.config.yaml"), `${text}formats: [json]\n`);
    const { record } = await runBatch({ configPath: join(dir, "plandiff.config.yaml") });
    expect(record.complete).toBe(true);
    const parents = Object.fromEntries(record.inputs.map((i) => [i.id, i.parent]));
    expect(parents).toEqual({
      [idOf(SEEDS.province)]: null,
      [idOf(SEEDS.city)]: idOf(SEEDS.province),
      [idOf(SEEDS.district)]: idOf(SEEDS.province),
    });
    expect(record.pairs.map((p) => `${p.parent}→${p.child}`).sort()).toEqual(
      [
        `${idOf(SEEDS.province)}→${idOf(SEEDS.city)}`,
        `${idOf(SEEDS.province)}→${idOf(SEEDS.district)}`,
      ].sort(),
    );
  });
});
