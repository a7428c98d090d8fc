import { writeFileSync } from "node:fs";
import { jsonSchemaText, OUTPUT_SCHEMAS } from "../src/model/json-schema.js";

for (const name of Object.keys(OUTPUT_SCHEMAS) as (keyof typeof OUTPUT_SCHEMAS)[]) {
  writeFileSync(`schema/${name}`, jsonSchemaText(name));
  console.log(`schema/${name}`);
}
