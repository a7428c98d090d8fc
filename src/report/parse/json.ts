import { jsonText } from "../shared/json.js";
import type { ParseFormatter } from "./formatter.js";

/** `{ "schemaVersion": 1, "documents": [...] }`, keys sorted, two-space indent. */
export const parseJson: ParseFormatter = (result) => jsonText(result);
