export { fold } from "../text/fold.js";
export { normalizeText } from "./normalize-text.js";
export { DEFAULT_MAX_BYTES, type ReadSourceOptions, readSource } from "./read-source.js";
export { type Reader, supportedExtensions } from "./readers/index.js";
export { splitBundle } from "./split-bundle.js";
