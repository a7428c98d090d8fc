import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StableJsonWriter, stableStringify, writeStableJson } from "../../src/util/stable-json.js";
import { SEEDS, seedDocument } from "../helpers/seeds.js";

/**
 * The reference: keys sorted by a copy, then the platform's JSON.stringify (valid for values
 * without integer-like keys, which a JS object would put first whatever the insertion order).
 */
function reference(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === "object")
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, sort(x)]),
      );
    return v;
  };
  return JSON.stringify(sort(value), null, 2);
}

describe("stableStringify", () => {
  it("writes what JSON.stringify writes for the key-sorted value", () => {
    const integerKeys = (v: unknown): boolean =>
      v !== null &&
      typeof v === "object" &&
      Object.entries(v).some(([k, x]) => /^(0|[1-9]\d*)$/.test(k) || integerKeys(x));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // Any value: the same data, keys in code-unit order at every level.
        const out = stableStringify(value);
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(value) ?? "null"));
        if (!integerKeys(value)) expect(out).toBe(reference(value));
      }),
      { numRuns: 300 },
    );
    const odd = { b: [1, { z: undefined, y: [] }], a: 'é\n"\\ \u0001 \ud800 😀', c: null, d: -0 };
    // A key that a plain object literal would take as its prototype.
    const proto = JSON.parse('{"b":1,"__proto__":{"x":2},"a":[{"__proto__":0}]}');
    expect(stableStringify(proto)).toBe(reference(proto));
    expect(JSON.parse(stableStringify(proto))).toEqual(proto);
    expect(stableStringify(odd)).toBe(reference(odd));
  });

  it("writes a parsed plan exactly, the same way every time", async () => {
    const plan = structuredClone(await seedDocument(SEEDS.province));
    const expected = reference({ parent: plan, n: 1 });
    expect(stableStringify({ parent: plan, n: 1 })).toBe(expected);
    expect(stableStringify({ parent: plan, n: 1 })).toBe(expected);
  });
});

describe("stableStringify on objects with integer-like keys", () => {
  it("keeps code-unit order there too, at any depth and next to a reused value", () => {
    const shared = { b: 1, a: [2, { "10": 3, "9": 4 }] };
    const value = { z: { "10": "a", "9": { y: 1, x: 2 }, k: shared }, a: shared, n: [shared] };
    // Registered with a writer (not kept: it holds integer-like keys), written by both.
    const writer = new StableJsonWriter();
    writer.reuse(shared);
    const dir = mkdtempSync(join(tmpdir(), "plandiff-stable-json-"));
    const file = join(dir, "value.json");
    writer.writeFile(file, value);
    const written = readFileSync(file, "utf8");
    rmSync(dir, { recursive: true, force: true });
    expect(written).toBe(`${stableStringify(value)}\n`);
    expect(stableStringify(value)).toBe(
      [
        "{",
        '  "a": {',
        '    "a": [',
        "      2,",
        "      {",
        '        "10": 3,',
        '        "9": 4',
        "      }",
        "    ],",
        '    "b": 1',
        "  },",
        '  "n": [',
        "    {",
        '      "a": [',
        "        2,",
        "        {",
        '          "10": 3,',
        '          "9": 4',
        "        }",
        "      ],",
        '      "b": 1',
        "    }",
        "  ],",
        '  "z": {',
        '    "10": "a",',
        '    "9": {',
        '      "x": 2,',
        '      "y": 1',
        "    },",
        '    "k": {',
        '      "a": [',
        "        2,",
        "        {",
        '          "10": 3,',
        '          "9": 4',
        "        }",
        "      ],",
        '      "b": 1',
        "    }",
        "  }",
        "}",
      ].join("\n"),
    );
  });
});

describe("writeStableJson", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "plandiff-stable-json-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The bytes a file written from `value` holds. */
  const stableJsonBytes = (value: unknown, writer?: StableJsonWriter): Buffer => {
    const file = join(dir, "value.json");
    if (writer) writer.writeFile(file, value);
    else writeStableJson(file, value);
    return readFileSync(file);
  };
  /** What a file written from `stableStringify` holds. */
  const expected = (value: unknown) => Buffer.from(`${stableStringify(value)}\n`);
  const same = (actual: Uint8Array, wanted: Buffer) => {
    expect(Buffer.from(actual).toString()).toBe(wanted.toString());
    expect(Buffer.from(actual).equals(wanted)).toBe(true);
  };

  it("holds the UTF-8 bytes of stableStringify and a newline, for any value", () => {
    const deep = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(
          fc.oneof(fc.string(), fc.constantFrom("10", "9", "0", "__proto__", "a b")),
          tie("value"),
          { maxKeys: 4 },
        ),
        fc.constantFrom(undefined, 'é\n"\\ \u0001 \ud800 😀 中文'),
      ),
    })).value;
    fc.assert(
      fc.property(deep, (value) => {
        same(stableJsonBytes(value), expected(value));
      }),
      { numRuns: 500 },
    );
    for (const odd of [undefined, null, [], {}, [undefined, () => 1], { a: undefined }, "x"])
      same(stableJsonBytes(odd), expected(odd));
  });

  it("writes a report with a reused parent the same at every indent, every time", async () => {
    const plan = structuredClone(await seedDocument(SEEDS.province));
    const child = structuredClone(await seedDocument(SEEDS.city));
    const value = { parent: plan, child, deeper: [{ plans: [plan] }], n: { "1": plan } };
    const before = expected(value);
    same(stableJsonBytes(value), before);
    const writer = new StableJsonWriter();
    writer.reuse(plan);
    for (let i = 0; i < 3; i++) same(stableJsonBytes(value, writer), before);
  });

  it("writes a reused value as it was registered, in that writer only", async () => {
    const plan = structuredClone(await seedDocument(SEEDS.province));
    const value = { parent: plan, n: 1 };
    const before = expected(value);
    const writer = new StableJsonWriter();
    writer.reuse(plan);
    same(stableJsonBytes(value, writer), before);
    // A change after registering: that writer keeps its snapshot; any other writer sees the change.
    plan.title = "改过的标题";
    (plan.tasks[0] as { title: string }).title = "改过的任务";
    const after = expected(value);
    expect(after.equals(before)).toBe(false);
    same(stableJsonBytes(value, writer), before);
    same(stableJsonBytes(value), after);
    same(stableJsonBytes(value, new StableJsonWriter()), after);
  });

  it("streams a value larger than its buffer (a run record) in several writes, byte for byte", async () => {
    const plan = await seedDocument(SEEDS.province);
    const value = { pairs: Array.from({ length: 40 }, (_, n) => ({ n, plan })) };
    const bytes = stableJsonBytes(value);
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    same(bytes, expected(value));
  });

  it("writes atomically: the file is whole or absent, and no temporary file is left", () => {
    const file = join(dir, "atomic", "run.json");
    writeStableJson(file, { a: [1, 2] }, { atomic: true });
    same(readFileSync(file), expected({ a: [1, 2] }));
    const broken = {
      b: {
        toJSON() {
          throw new Error("cannot write this");
        },
      },
    };
    expect(() => writeStableJson(file, broken, { atomic: true })).toThrow("cannot write this");
    same(readFileSync(file), expected({ a: [1, 2] }));
    expect(readdirSync(join(dir, "atomic"))).toEqual(["run.json"]);
  });
});
