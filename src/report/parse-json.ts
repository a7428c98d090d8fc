import type { ParseResult } from "../model/document.js";
import { stableStringify } from "../util/stable-json.js";
import type { ParseFormatter } from "./parse-formatter.js";

/** `{ "schemaVersion": 1, "documents": [...] }`, keys sorted, two-space indent. */
export const parseJson: ParseFormatter = (result: ParseResult) => `${stableStringify(result)}\n`;
