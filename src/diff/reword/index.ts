/**
 * The word-level diff of a reworded task and what the rewording does (the `reworded` rule).
 */
export { commitmentLexicon } from "../../text/lexicons.js";
export { placeNames } from "../../text/places.js";
export {
  type ChangeDetail,
  type ClassifyOptions,
  classifyChange,
  classifyOptionsFor,
  describeChanges,
} from "./classify.js";
export { type ClauseWords, clauseWords } from "./clauses.js";
export { sideOf, taskWordDiff, wordDiff, wordingOf } from "./word-diff.js";
