import { z } from "zod";

/** Language of messages and reports: Chinese by default. */
export const LangSchema = z.enum(["zh", "en"]);
export type Lang = z.infer<typeof LangSchema>;
