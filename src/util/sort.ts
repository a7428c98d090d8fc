/** Ascending numeric order for `Array.prototype.sort` (its default compares as strings). */
export const byNumber = (a: number, b: number): number => a - b;
