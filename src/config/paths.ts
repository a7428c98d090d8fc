import { lstatSync, readlinkSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * Whether `path` lies in the folder tree of `dir`: as written (no `..` out of it, not elsewhere
 * when absolute) and once symbolic links are resolved (a link inside the folder to /etc/shadow
 * is outside). A path that does not exist yet is judged by its nearest existing ancestor.
 * Returns null when inside, else how it gets out: "the path" or "a symbolic link".
 */
export function outsideFolder(dir: string, path: string): "the path" | "a symbolic link" | null {
  if (!within(dir, path)) return "the path";
  return within(realPath(dir), realPath(path)) ? null : "a symbolic link";
}

/** True when `path` is `dir` or below it (both absolute, compared as written). */
function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || !(rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/**
 * realpath, or for a path that does not exist, the realpath of its nearest existing ancestor
 * joined with the rest (a dangling link is followed to where it points).
 */
function realPath(path: string, links = 0): string {
  const rest: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...rest);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== "ENOENT" && code !== "ENOTDIR") || dirname(at) === at) return path;
      if (links < 40 && isLink(at)) {
        return join(realPath(resolve(dirname(at), readlinkSync(at)), links + 1), ...rest);
      }
      rest.unshift(basename(at));
    }
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
