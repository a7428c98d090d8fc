import { z } from "zod";
import { LevelSchema } from "../model/document.js";
import { SeveritySchema } from "../model/finding.js";
import { LangSchema } from "../model/lang.js";
import { RUN_FORMAT_IDS } from "../report/index.js";

/** One configured document: a file (or a simple glob), optionally `#N`, with its place in the hierarchy. */
export const DocumentEntrySchema = z
  .object({
    /** Stable name used in reports, run history and review files. */
    id: z.string().regex(/^[\w.-]+$/, "use letters, digits, '.', '_' or '-'"),
    /** A path relative to the config file, `FILE#N`, or a glob such as `plans/*.txt`. */
    path: z.string().min(1),
    /** Overrides the level read from the document. */
    level: LevelSchema.optional(),
    /** The id of the parent document, `auto` (cited 文号 / title, then content), or none. */
    parent: z.string().optional(),
  })
  .strict();
export type DocumentEntry = z.infer<typeof DocumentEntrySchema>;

/** A threshold a scheduled run must stay within: `required-missing>0`, `high>0`… */
export const FailOnSchema = z
  .string()
  .regex(
    /^(required-missing|missing|high|medium|low|findings|new-findings|doubtful-pairs)>\d+$/,
    "expected e.g. required-missing>0",
  );

/** plandiff.config.yaml (or .json), validated at the edge. */
export const RunConfigSchema = z
  .object({
    documents: z.array(DocumentEntrySchema).min(1),
    /** Output directory, relative to the config file. */
    output: z.string().default("reports"),
    /** Report files per pair: the compare formats of `report/index.ts` but the terminal table. */
    formats: z.array(z.enum(RUN_FORMAT_IDS)).default(["json", "md", "html"]),
    lang: LangSchema.default("zh"),
    minSeverity: SeveritySchema.default("info"),
    thresholds: z
      .object({
        failOn: z.array(FailOnSchema).default([]),
        /** Minimum per child: coverage (body), requiredCoverage, fidelity. */
        failUnder: z
          .object({
            coverage: z.number().min(0).max(1).optional(),
            requiredCoverage: z.number().min(0).max(1).optional(),
            fidelity: z.number().min(0).max(1).optional(),
          })
          .strict()
          .default({}),
      })
      .strict()
      .default({ failOn: [], failUnder: {} }),
    rules: z
      .object({ disable: z.array(z.string()).default([]) })
      .strict()
      .default({ disable: [] }),
    /** Documents may live outside the config file's folder tree (off by default). */
    allowOutside: z.boolean().default(false),
    /** Larger input files are refused (bytes). */
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(50 * 1024 * 1024),
    /** Worker threads comparing children (default: one per core once files × cores ≥ 600). */
    jobs: z.number().int().min(1).max(64).optional(),
    /** Review decisions (YAML), relative to the config file. */
    review: z.string().optional(),
    /** Unit aliases (YAML or JSON, `aliases: { old name: new name }`), relative to the config file. */
    units: z.string().optional(),
  })
  .strict();
export type RunConfig = z.infer<typeof RunConfigSchema>;
