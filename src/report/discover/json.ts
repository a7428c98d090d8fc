import { jsonText } from "../shared/json.js";
import type { DiscoverFormatter } from "./formatter.js";

/** JSON, keys sorted: same pile → same bytes. */
export const discoverJson: DiscoverFormatter = (result) => jsonText(result);
