export { compareDocuments, prepareAppendix, prepareBody } from "./compare.js";
export { type AlignOptions, AlignOptionsSchema, defaultAlignOptions } from "./options.js";
