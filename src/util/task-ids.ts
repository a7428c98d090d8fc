/**
 * Orders task ids in document order: B2.10 after B2.9, A10 after A9, B一 before B二 (numbers
 * compare as numbers, other parts as text).
 */
export function compareIds(a: string, b: string): number {
  const ka = idKey(a);
  const kb = idKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const x = ka[i] ?? "";
    const y = kb[i] ?? "";
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (x !== "" && y !== "" && !Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

function idKey(id: string): string[] {
  return id.match(/\d+|[^\d.]+/g) ?? [id];
}
