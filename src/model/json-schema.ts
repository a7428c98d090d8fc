import { z } from "zod";
import { stableStringify } from "../util/stable-json.js";
import { CompareResultSchema } from "./compare.js";
import { DiscoverResultSchema } from "./discover.js";
import { ParseResultSchema } from "./document.js";
import { RunRecordSchema } from "./run.js";

/** The committed JSON Schemas of the outputs, generated from the zod schemas (`npm run schema`). */
export const OUTPUT_SCHEMAS = {
  "parse-result.schema.json": ParseResultSchema,
  "compare-result.schema.json": CompareResultSchema,
  "discover-result.schema.json": DiscoverResultSchema,
  "run-record.schema.json": RunRecordSchema,
} as const;

/** The JSON Schema text of one output, as committed under schema/. */
export function jsonSchemaText(name: keyof typeof OUTPUT_SCHEMAS): string {
  const schema = z.toJSONSchema(OUTPUT_SCHEMAS[name], { target: "draft-2020-12" });
  return `${stableStringify({ ...schema, $id: `https://plandiff.dev/schema/${name}` })}\n`;
}
