export * from "./alignment.js";
export * from "./compare.js";
export * from "./deadline.js";
export * from "./document.js";
export * from "./finding.js";
export type * from "./source.js";
export type * from "./stages.js";
export * from "./task.js";
export * from "./warning.js";
