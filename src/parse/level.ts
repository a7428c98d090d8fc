import type { Level } from "../model/document.js";
import { LevelSchema } from "../model/document.js";
import { levelsLexicon } from "../text/lexicons.js";
import { beforeOrgan } from "../text/places.js";

/**
 * The administrative level of an issuer or title: 浙江省人民政府 → province, 嘉兴市 → city,
 * 绍兴市越城区人民政府 → district (the most local place word wins).
 */
export function levelOf(name: string | null): Level {
  if (!name) return "unknown";
  const lex = levelsLexicon();
  // 城乡, 市场, 社区… are words of a department's name or a topic, not places (of 乡, 市, 区…).
  const place = lex.notPlaceWords.reduce(
    (text, word) => text.replaceAll(word, "\u3000".repeat(word.length)),
    placePart(name),
  );
  if (lex.national.some((w) => place.startsWith(w))) return "national";
  if (lex.municipalities.some((w) => place.startsWith(w)) && !/[区县]/.test(place.slice(3))) {
    return "province";
  }
  let best: { at: number; level: string } | null = null;
  for (const [suffix, level] of lex.suffixLevels) {
    const at = place.lastIndexOf(suffix);
    if (at < 0) continue;
    const end = at + suffix.length;
    if (!best || end > best.at) best = { at: end, level };
  }
  const parsed = LevelSchema.safeParse(best?.level);
  return parsed.success ? parsed.data : "unknown";
}

/** The place name in front of the organ: 绍兴市越城区人民政府 → 绍兴市越城区. */
function placePart(name: string): string {
  return beforeOrgan(name.split("关于")[0] ?? name);
}
