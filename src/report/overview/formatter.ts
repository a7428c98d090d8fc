import type { Lang } from "../../model/lang.js";
import type { RunOverview } from "../../model/overview.js";

/** A pure function from a run's overview to the text of `overview.<format id>`; `run/` writes it. */
export type OverviewFormatter = (run: RunOverview, lang: Lang) => string;
