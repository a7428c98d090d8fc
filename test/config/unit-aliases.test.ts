import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { loadUnitAliases } from "../../src/config/unit-aliases.js";
import { SEEDS } from "../helpers/seeds.js";

function workspace(aliases: string): string {
  const dir = mkdtempSync(join(tmpdir(), "plandiff-units-"));
  copyFileSync(SEEDS.province, join(dir, "province.txt"));
  copyFileSync(SEEDS.district, join(dir, "district.txt"));
  writeFileSync(join(dir, "aliases.yaml"), aliases);
  writeFileSync(
    join(dir, "plandiff.config.yaml"),
    "documents:\n  - id: p\n    path: province.txt\n  - id: d\n    path: district.txt\n    parent: p\nunits: aliases.yaml\n",
  );
  return dir;
}

describe("units: the user's unit alias file", () => {
  it("loads name → name pairs, in a stable order", () => {
    const dir = workspace("aliases:\n  省地方金融监管局: 省委金融办\n  区政府研究室: 区府办\n");
    expect(loadUnitAliases(join(dir, "aliases.yaml"))).toEqual({
      ok: true,
      aliases: [
        ["区政府研究室", "区府办"],
        ["省地方金融监管局", "省委金融办"],
      ],
    });
    const loaded = loadConfig(join(dir, "plandiff.config.yaml"));
    expect(loaded.ok && loaded.config.units).toBe("aliases.yaml");
  });

  it("refuses a config whose alias file is not a mapping of names, without quoting it", () => {
    const dir = workspace("aliases:\n  secret-name: [1, 2]\n");
    const loaded = loadConfig(join(dir, "plandiff.config.yaml"));
    expect(loaded.ok).toBe(false);
    const errors = loaded.ok ? [] : loaded.errors;
    expect(errors.join("\n")).toContain('expected a mapping "aliases"');
    expect(errors.join("\n")).not.toContain("secret-name");
  });
});
