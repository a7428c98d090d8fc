import type { Formatter } from "./formatter.js";
import { jsonText } from "./shared/json.js";

/** Contract v1 of `plandiff compare`, keys sorted, two-space indent: same inputs, same bytes. */
export const json: Formatter = (result) => jsonText(result);
