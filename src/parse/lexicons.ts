import { z } from "zod";
import { loadLexicon } from "../util/lexicon.js";

const words = z.array(z.string());

const StructureSchema = z.object({
  taskPartHeadings: words,
  nonTaskHeadings: words,
  noticeTitleWords: words,
  documentTypeEndings: words,
  mastheadEnding: z.string(),
  publicationNotes: words,
  closingBlockStart: words,
  printedSuffix: z.string(),
  attachmentHeadings: words,
  bundleEndings: words,
  tocHeadings: words,
  tableColumns: z.object({ label: words, title: words, units: words, deadline: words }),
  citingVerbs: words,
  ownPlanMarkers: words,
});
export type StructureLexicon = z.infer<typeof StructureSchema>;

const LevelsSchema = z.object({
  national: words,
  suffixLevels: z.array(z.tuple([z.string(), z.string()])),
  organSuffixes: words,
  municipalities: words,
  levelWords: z.record(z.string(), z.string()),
  /** [pattern, replacement] applied to folded text before matching (省/市/区 → one form). */
  analysisRewrites: z.array(z.tuple([z.string(), z.string()])),
  /** Level characters that open a unit name (省法制办 → 法制办 when comparing units). */
  unitPrefixes: words,
});
export type LevelsLexicon = z.infer<typeof LevelsSchema>;

const UnitsSchema = z.object({
  labels: z.object({ lead: words, responsible: words, support: words }),
  leadVerbs: words,
  supportVerbs: words,
  leadPrefix: z.string(),
  fillerPhrases: words,
  leadMarker: z.string(),
  organSuffixes: words,
  conjunctions: words,
  etcMarker: z.string(),
  levelOnlyPattern: z.string(),
  /** 各 + a place word + an organ: the units that make a task binding on lower governments. */
  lowerGovernment: z.object({ prefix: z.string(), places: words, organs: words }),
});
export type UnitsLexicon = z.infer<typeof UnitsSchema>;

/** Headings, title shapes, table columns: data/lexicon/structure.json. */
export const structureLexicon = (): StructureLexicon => loadLexicon("structure", StructureSchema);
/** Administrative level words: data/lexicon/levels.json. */
export const levelsLexicon = (): LevelsLexicon => loadLexicon("levels", LevelsSchema);
/** Responsibility labels and unit-name shapes: data/lexicon/units.json. */
export const unitsLexicon = (): UnitsLexicon => loadLexicon("units", UnitsSchema);
