import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchemaText, OUTPUT_SCHEMAS } from "../../src/model/json-schema.js";

describe("committed JSON Schemas", () => {
  it.each(Object.keys(OUTPUT_SCHEMAS) as (keyof typeof OUTPUT_SCHEMAS)[])(
    "schema/%s is generated from the zod schemas (run npm run schema)",
    (name) => {
      expect(readFileSync(`schema/${name}`, "utf8")).toBe(jsonSchemaText(name));
    },
  );
});
