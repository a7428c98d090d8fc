/**
 * The `plandiff run` configuration of a discovered pile: every document with its id and path
 * (relative to the config file's folder; `FILE#N` for bundle members) and its proposed parent,
 * the method, confidence and first evidence as YAML comments.
 */
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { Document, isMap, isScalar, isSeq } from "yaml";
import type { DiscoveredDocument, DiscoverResult } from "../../model/discover.js";
import type { Lang } from "../../model/lang.js";

const oneLine = (s: string) => ` ${s.replace(/\s+/g, " ").trim()}`;

/** YAML text that `plandiff run --config` accepts, for a config file written at `configPath`. */
export function discoverConfigText(
  result: DiscoverResult,
  configPath: string,
  cwd: string,
  lang: Lang = "zh",
): string {
  const folder = dirname(resolve(cwd, configPath));
  let outside = false;
  const entries = result.documents.map((d) => {
    let rel = relative(folder, resolve(cwd, d.file));
    if (rel.startsWith("..") || isAbsolute(rel)) outside = true;
    rel = rel.split(sep).join("/");
    return {
      id: d.id,
      path: d.bundled ? `${rel}#${d.index}` : rel,
      ...(d.parent ? { parent: d.parent } : {}),
    };
  });
  const doc = new Document({
    documents: entries,
    ...(outside ? { allowOutside: true } : {}),
  });
  const { summary } = result;
  doc.commentBefore = (
    lang === "zh"
      ? [
          ` 由 plandiff discover 生成：共 ${summary.documents} 份文件，按引用确定上级 ${summary.cited} 份，`,
          ` 按内容确定 ${summary.similarity} 份，未找到上级 ${summary.none} 份。使用前请核对建议的上级`,
          "（依据、置信度和首条证据见注释；全部证据和备选见 discover 的 JSON 输出）。",
        ]
      : [
          ` Written by plandiff discover: ${summary.documents} documents, parents proposed by`,
          ` citation for ${summary.cited} and by content for ${summary.similarity}, none for ${summary.none}.`,
          " Check the proposals (method, confidence and first evidence in the comments; all of the",
          " evidence and the alternatives are in the discover JSON) before relying on the runs.",
        ]
  ).join("\n");
  const seq = doc.get("documents", true);
  if (isSeq(seq)) {
    seq.items.forEach((item, k) => {
      const d = result.documents[k] as DiscoveredDocument;
      if (!isMap(item)) return;
      const path = item.get("path", true);
      if (isScalar(path)) path.comment = oneLine(describe(d));
      const parent = item.get("parent", true);
      const why = d.evidence[0] ?? "";
      if (isScalar(parent)) {
        parent.comment = oneLine(
          lang === "zh"
            ? `${d.method}，置信度 ${d.confidence}：${why}`
            : `${d.method}, confidence ${d.confidence}: ${why}`,
        );
      } else {
        const id = item.get("id", true);
        if (isScalar(id))
          id.comment = oneLine(lang === "zh" ? `未建议上级：${why}` : `no parent proposed: ${why}`);
      }
    });
  }
  return doc.toString({ lineWidth: 0 });
}

function describe(d: DiscoveredDocument): string {
  return [d.level, d.docNumber, d.title].filter((x) => x).join(" · ");
}
