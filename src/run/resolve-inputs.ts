import { relative } from "node:path";
import { cyclesOf } from "../config/load-config.js";
import { outsideFolder } from "../config/paths.js";
import type { RunConfig } from "../config/schema.js";
import { expandPath } from "../discover/inputs.js";
import { proposeParents } from "../discover/resolve.js";
import type { RunInput } from "../model/run.js";
import { parseDocumentSpec } from "../pipeline.js";
import { escapeControl, PlandiffError } from "../util/errors.js";
import type { DocumentCard, FileJob } from "./jobs.js";

/** The configured entries as files to read (patterns expanded, folders checked). */
export function expandEntries(configDir: string, config: RunConfig): FileJob[] {
  return config.documents.flatMap((entry) => {
    const specs = expandPath(configDir, entry.path);
    if (!config.allowOutside) for (const spec of specs) assertInside(configDir, spec, entry.id);
    return specs.map((spec, k) => ({
      spec,
      entryId: entry.id,
      ...(entry.level ? { level: entry.level } : {}),
      k,
      files: specs.length,
    }));
  });
}

/**
 * Refuses a document outside the config's folder tree unless the config allows it: as written,
 * and once symbolic links are resolved (`plans/x.txt` linking to /etc/shadow is outside).
 */
export function assertInside(configDir: string, spec: string, id: string): void {
  const { file } = parseDocumentSpec(spec);
  const how = outsideFolder(configDir, file);
  if (how === null) return;
  const rel = relative(configDir, file);
  const via = how === "a symbolic link" ? " once symbolic links are resolved" : "";
  throw new PlandiffError(
    "outside",
    `document "${id}" is outside the configuration's folder${via} (${escapeControl(rel)}); set allowOutside: true to allow it`,
    file,
  );
}

/** The resolution details a run records, in the run's language. */
export const RESOLUTION_WORDS = {
  zh: { noParent: "未配置上级", parent: "上级：", noneFound: "没有已配置的文件被引用或足够相似" },
  en: {
    noParent: "no parent configured",
    parent: "parent: ",
    noneFound: "no configured document is cited or similar enough",
  },
} as const;

/**
 * The first described document of each entry: the document a configured `parent: <entry>` means
 * (an entry may expand to several files or documents).
 */
export function firstDocuments(
  files: FileJob[],
  cards: (DocumentCard[] | null)[],
): Map<string, DocumentCard> {
  const first = new Map<string, DocumentCard>();
  files.forEach((f, k) => {
    const card = cards[k]?.[0];
    if (card && !first.has(f.entryId)) first.set(f.entryId, card);
  });
  return first;
}

/** A document's parent as resolved, and how. */
export interface ResolvedParent {
  parent: string | null;
  resolution: RunInput["parentResolution"];
}

/**
 * Parents of the described documents (`cards[k]`: the documents of `files[k]`, null when not
 * described): configured ones as given (the first document of the parent entry), `parent: auto`
 * by the shared rules of `plandiff discover` (src/discover/resolve.ts: cited 文号 or title among
 * the documents of a higher level, then content), no parent when none is configured.
 */
export function resolveParents(
  files: FileJob[],
  cards: (DocumentCard[] | null)[],
  config: RunConfig,
): Map<string, ResolvedParent> {
  const wantedOf = new Map(config.documents.map((e) => [e.id, e.parent]));
  const words = RESOLUTION_WORDS[config.lang];
  const loaded = files.flatMap((f, k) =>
    (cards[k] ?? []).map((card) => ({ card, wanted: wantedOf.get(f.entryId) })),
  );
  const first = firstDocuments(files, cards);
  const firstOf = (entryId: string) => first.get(entryId)?.id;
  const fixed = loaded.map(({ wanted }) =>
    wanted === undefined || wanted === "auto" ? (wanted ?? null) : (firstOf(wanted) ?? wanted),
  );
  const proposals = fixed.includes("auto")
    ? proposeParents(
        loaded.map(({ card }, k) => {
          const parent = fixed[k];
          return parent === "auto"
            ? { id: card.id, document: card }
            : { id: card.id, document: card, parent: parent ?? null };
        }),
      )
    : new Map();
  const resolved = new Map(
    loaded.map(({ card, wanted }, k): [string, ResolvedParent] => {
      if (wanted === undefined)
        return [card.id, { parent: null, resolution: { method: "none", detail: words.noParent } }];
      if (wanted !== "auto") {
        return [
          card.id,
          {
            parent: fixed[k] ?? wanted,
            resolution: { method: "configured", detail: `${words.parent}${wanted}` },
          },
        ];
      }
      const p = proposals.get(card.id);
      if (!p || p.parent === null || p.method === "none") {
        return [
          card.id,
          {
            parent: null,
            resolution: {
              method: "none",
              detail: p?.evidence[0] ?? words.noneFound,
            },
          },
        ];
      }
      return [
        card.id,
        { parent: p.parent, resolution: { method: p.method, detail: p.evidence[0] ?? p.method } },
      ];
    }),
  );
  assertNoCycle(resolved);
  return resolved;
}

/**
 * Refuses parents that go round (a → b → a): the config loader refuses cycles of configured
 * links and `auto` refuses links that would close one, so this only guards the two together.
 */
function assertNoCycle(resolved: Map<string, ResolvedParent>): void {
  const [cycle] = cyclesOf(resolved.keys(), (id) => resolved.get(id)?.parent);
  if (cycle) throw new PlandiffError("config", `documents: parent cycle ${cycle.join(" → ")}`);
}
