import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { RunConfigSchema } from "../../src/config/schema.js";
import type { DocumentCard } from "../../src/run/jobs.js";
import { resolveParents } from "../../src/run/resolve-inputs.js";
import { runCli } from "../helpers/run-cli.js";
import { SEEDS } from "../helpers/seeds.js";

// Every path a configuration names stays in its folder tree, symbolic links resolved, unless
// `allowOutside: true`; and no message quotes a file the configuration points at.

/** Content no message may ever show (a stand-in for /etc/shadow). */
const SECRET = "root:$6$salt$hash:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\n";

/** A folder outside every workspace, holding the secret. */
const elsewhere = mkdtempSync(join(tmpdir(), "plandiff-elsewhere-"));
const secret = join(elsewhere, "shadow");
writeFileSync(secret, SECRET);

/** A workspace with the province and city plans and the given config. */
function workspace(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), "plandiff-paths-"));
  copyFileSync(SEEDS.province, join(dir, "province.txt"));
  copyFileSync(SEEDS.city, join(dir, "city.txt"));
  writeFileSync(join(dir, "plandiff.config.yaml"), config);
  return dir;
}

const DOCS =
  "documents:\n  - id: p\n    path: province.txt\n  - id: c\n    path: city.txt\n    parent: p\n";

/** Runs the CLI in `dir`: exit 2, one line on stderr, no trace of the secret, no run stored. */
async function refused(dir: string): Promise<string> {
  const { code, stdout, stderr } = await runCli(["run", "--quiet"], { cwd: dir });
  expect(code).toBe(2);
  expect(stdout).toBe("");
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/root|daemon|hash|99999/);
  expect(stderr).not.toContain("internal error");
  expect(
    existsSync(join(dir, "reports", "runs")) && readdirSync(join(dir, "reports", "runs")),
  ).not.toEqual(expect.arrayContaining([expect.stringMatching(/^\d/)]));
  return stderr;
}

describe("allowOutside: symbolic links are followed before the check", () => {
  it("refuses a document that is a link out of the folder", async () => {
    const dir = workspace(`${DOCS}  - id: x\n    path: plans/outside.txt\n    parent: p\n`);
    mkdirSync(join(dir, "plans"));
    symlinkSync(secret, join(dir, "plans", "outside.txt"));
    const stderr = await refused(dir);
    expect(stderr).toMatch(
      /plans\/outside\.txt: document "x" is outside the configuration's folder once symbolic links are resolved .*allowOutside: true/,
    );
  });

  it("refuses a link out of the folder among the files a pattern matches", async () => {
    const dir = workspace(`${DOCS}  - id: many\n    path: plans/*.txt\n    parent: p\n`);
    mkdirSync(join(dir, "plans"));
    copyFileSync(SEEDS.district, join(dir, "plans", "a.txt"));
    symlinkSync(secret, join(dir, "plans", "b.txt"));
    expect(await refused(dir)).toMatch(/b\.txt: document "many" is outside/);
  });

  it("refuses a folder of the path that is a link out of it", async () => {
    const dir = workspace(`${DOCS}  - id: x\n    path: linked/shadow\n    parent: p\n`);
    symlinkSync(elsewhere, join(dir, "linked"));
    expect(await refused(dir)).toMatch(/document "x" is outside/);
  });

  it("refuses review: and output: out of the folder, as written or through a link", () => {
    const dir = workspace(`${DOCS}review: ${secret}\n`);
    const config = join(dir, "plandiff.config.yaml");
    expect(loadConfig(config)).toEqual({
      ok: false,
      errors: [
        `${config}: review: ${secret} is outside the configuration's folder; set allowOutside: true to allow it`,
      ],
    });
    symlinkSync(secret, join(dir, "review.yaml"));
    writeFileSync(config, `${DOCS}review: review.yaml\n`);
    expect(
      loadConfig(config).ok ? [] : (loadConfig(config) as { errors: string[] }).errors,
    ).toEqual([
      `${config}: review: review.yaml is outside the configuration's folder once symbolic links are resolved; set allowOutside: true to allow it`,
    ]);
    symlinkSync(elsewhere, join(dir, "out"));
    writeFileSync(config, `${DOCS}output: out/reports\n`);
    expect(
      loadConfig(config).ok ? [] : (loadConfig(config) as { errors: string[] }).errors,
    ).toEqual([
      `${config}: output: out/reports is outside the configuration's folder once symbolic links are resolved; set allowOutside: true to allow it`,
    ]);
    writeFileSync(config, `${DOCS}output: ../reports\n`);
    expect(loadConfig(config).ok).toBe(false);
  });

  it("refuses review: /etc/shadow-like files on one line without showing them", async () => {
    const dir = workspace(`${DOCS}review: ${secret}\n`);
    expect(await refused(dir)).toMatch(/review: .*shadow is outside the configuration's folder/);
  });

  it("lets the links through with allowOutside: true", async () => {
    const dir = workspace(
      `${DOCS}  - id: x\n    path: plans/outside.txt\n    parent: p\nallowOutside: true\nformats: [json]\n`,
    );
    mkdirSync(join(dir, "plans"));
    symlinkSync(join(process.cwd(), SEEDS.district), join(dir, "plans", "outside.txt"));
    const { code, stderr } = await runCli(["run", "--quiet"], { cwd: dir });
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe("messages never quote the files a configuration names", () => {
  it("a review file that is not one: named, with the problem, not its content", async () => {
    const dir = workspace(`${DOCS}review: ${secret}\nallowOutside: true\n`);
    const stderr = await refused(dir);
    expect(stderr).toBe(
      `plandiff: ${secret}: not a review file: expected a mapping with "decisions"\n`,
    );
  });

  it("keys that are not identifier-like are 'unexpected content'", () => {
    const dir = workspace(`${DOCS}review: review.yaml\n`);
    const review = join(dir, "review.yaml");
    writeFileSync(review, `decisions: []\n${SECRET}`);
    const result = loadConfig(join(dir, "plandiff.config.yaml"));
    expect(result.ok ? [] : result.errors).toEqual([
      `${review}: (top level): unexpected content (a review file holds only "decisions")`,
    ]);
    writeFileSync(review, "decisions: []\nnotes: x\n");
    const named = loadConfig(join(dir, "plandiff.config.yaml"));
    expect(named.ok ? [] : named.errors).toEqual([
      `${review}: (top level): unexpected key "notes" (a review file holds only "decisions")`,
    ]);
  });

  it("a config that is not one, or broken JSON, is named without its content", async () => {
    const dir = workspace("");
    const { code, stderr } = await runCli(["run", "--config", secret], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `plandiff: ${secret}: not a run configuration: expected a mapping with "documents"\n`,
    );
    const json = join(dir, "bad.json");
    writeFileSync(json, `{"documents": ${SECRET}`);
    expect(loadConfig(json)).toEqual({ ok: false, errors: [`${json}: not valid JSON`] });
    const yaml = join(dir, "bad.yaml");
    writeFileSync(yaml, `documents: [\n${SECRET}`);
    const broken = loadConfig(yaml);
    expect(broken.ok ? [] : broken.errors).toEqual([
      expect.stringMatching(/^.*bad\.yaml: not valid YAML \([A-Z_]+ at line \d+, column \d+\)$/),
    ]);
  });
  it("YAML warnings (an unknown tag) are not printed with an excerpt of the file", () => {
    const dir = workspace(`${DOCS}review: review.yaml\n`);
    writeFileSync(join(dir, "review.yaml"), "decisions: !root-secret []\n");
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      expect(loadConfig(join(dir, "plandiff.config.yaml")).ok).toBe(true);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe("parent cycles", () => {
  it("a ↔ b is a configuration error naming the cycle", async () => {
    const dir = workspace(
      "documents:\n  - id: a\n    path: province.txt\n    parent: b\n  - id: b\n    path: city.txt\n    parent: a\n",
    );
    const { code, stderr } = await runCli(["run", "--quiet"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `plandiff: ${join(dir, "plandiff.config.yaml")}: documents: parent cycle a → b → a\n`,
    );
  });

  it("a → c → b → a, with a document outside the cycle", () => {
    const dir = workspace(
      "documents:\n  - id: root\n    path: province.txt\n  - id: a\n    path: a.txt\n    parent: c\n  - id: b\n    path: b.txt\n    parent: a\n  - id: c\n    path: c.txt\n    parent: b\n  - id: d\n    path: city.txt\n    parent: a\n",
    );
    const config = join(dir, "plandiff.config.yaml");
    const result = loadConfig(config);
    expect(result.ok ? [] : result.errors).toEqual([
      `${config}: documents: parent cycle a → c → b → a`,
    ]);
  });
  it("resolved parents that go round are refused too (a config that skipped the loader)", () => {
    const config = RunConfigSchema.parse({
      documents: [
        { id: "a", path: "a.txt", parent: "b" },
        { id: "b", path: "b.txt", parent: "a" },
      ],
    });
    const card = (id: string): DocumentCard => ({
      id,
      file: `${id}.txt`,
      index: 1,
      sha256: "",
      level: "city",
      title: null,
      planTitle: null,
      docNumber: null,
      issuer: null,
      date: null,
      references: [],
      opening: "",
      tasks: [],
    });
    const files = ["a", "b"].map((id) => ({ spec: `${id}.txt`, entryId: id, k: 0, files: 1 }));
    expect(() => resolveParents(files, [[card("a")], [card("b")]], config)).toThrow(
      "documents: parent cycle a → b → a",
    );
  });
});

describe("review decisions naming documents the configuration does not have", () => {
  const decision = (parentDoc: string, childDoc: string) =>
    [
      "  - action: waive",
      `    parentDoc: ${parentDoc}`,
      `    childDoc: ${childDoc}`,
      "    parent: { title: 加强制度供给 }",
      "    kind: missing",
      "    reason: 已部署",
      "    by: 张三",
      "    date: 2026-11-20",
    ].join("\n");

  it("are configuration errors with their key path, exit 2", async () => {
    const dir = workspace(`${DOCS}review: review.yaml\n`);
    const review = join(dir, "review.yaml");
    writeFileSync(
      review,
      `decisions:\n${decision("p", "c")}\n${decision("p", "c-2")}\n${decision("q", "c")}\n${decision("p", "x")}\n`,
    );
    const { code, stderr } = await runCli(["run", "--quiet"], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([
      `plandiff: ${review}: decisions.2.parentDoc: no document has the id "q"`,
      `plandiff: ${review}: decisions.3.childDoc: no document has the id "x"`,
    ]);
  });
});
