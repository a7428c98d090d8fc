export {
  type Alignment as DocumentAlignment,
  alignDocuments,
  prepareAppendix,
  prepareBody,
} from "./compare.js";
export { type AlignOptions, AlignOptionsSchema, defaultAlignOptions } from "./options.js";
