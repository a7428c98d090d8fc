import { z } from "zod";

/** Something the parser could not read; it travels with the document instead of being thrown. */
export const ParseWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().positive().nullable(),
});
export type ParseWarning = z.infer<typeof ParseWarningSchema>;
