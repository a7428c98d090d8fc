export { levelOf } from "./level.js";
export { findDeadline, parseDeadline } from "./parse-deadline.js";
export { parsePlan } from "./parse-plan.js";
