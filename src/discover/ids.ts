import { createHash } from "node:crypto";
import { basename, extname } from "node:path";

/**
 * A stable id from a file name, valid in a run config (/^[\w.-]+$/): the name without its
 * extension, other characters replaced by '-' and, when any were replaced (Chinese names), a
 * short hash of the name so that two such names stay apart. Bundle members get `-N`. Ids already
 * taken get `-2`, `-3`… in the order given (callers pass documents sorted by path).
 */
export function assignIds(
  documents: readonly { path: string; index: number; bundled: boolean }[],
): string[] {
  const used = new Set<string>();
  return documents.map(({ path, index, bundled }) => {
    const stem = basename(path, extname(path));
    let base = stem.replace(/[^\w.-]+/g, "-").replace(/^[-.]+|-+$/g, "");
    if (base !== stem) {
      const hash = createHash("sha256").update(stem).digest("hex").slice(0, 6);
      base = base ? `${base}-${hash}` : `doc-${hash}`;
    }
    const wanted = bundled ? `${base}-${index}` : base;
    let id = wanted;
    for (let k = 2; used.has(id); k++) id = `${wanted}-${k}`;
    used.add(id);
    return id;
  });
}
