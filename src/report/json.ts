import { stableStringify } from "../util/stable-json.js";
import type { Formatter } from "./formatter.js";

/** Contract v1 of `plandiff compare`, keys sorted, two-space indent: same inputs, same bytes. */
export const json: Formatter = (result) => `${stableStringify(result)}\n`;
