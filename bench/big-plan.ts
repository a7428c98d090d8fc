/**
 * A plan of any size for the bounded-cost tests and benchmarks (docs/performance.md, "Bounded
 * cost"): the province seed's header and closing, and `count` body tasks numbered 1…count without
 * restarting, spread over ten sections. Each task is one of the seed's tasks varied by its number
 * (a numbered pilot place and year), so that no two tasks are identical and the tf-idf model sees
 * a realistic vocabulary. Deterministic: the same count gives the same text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..");
const PROVINCE = join(ROOT, "data", "002_2cdac00586eece9b.txt");

const SECTIONS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** The text of a plan with `count` body tasks numbered 1…count. */
export function bigPlanText(count: number, title = "政府“两强三提高”建设行动计划"): string {
  const lines = readFileSync(PROVINCE, "utf8").split("\n");
  const start = lines.findIndex((l) => l.trim() === "二、主要任务");
  const end = lines.findIndex((l) => l.trim() === "三、保障措施");
  const tasks = lines
    .slice(start + 1, end)
    .filter((l) => /^\d{1,3}\.\s*\S/.test(l.trim()))
    .map((l) => l.trim().replace(/^\d{1,3}\.\s*/, ""));
  const head = lines
    .slice(0, start + 1)
    .map((l) => l.replace("政府“两强三提高”建设行动计划", title));
  const out = [...head, ""];
  const perSection = Math.ceil(count / SECTIONS.length);
  for (let n = 1; n <= count; n++) {
    if ((n - 1) % perSection === 0) {
      const s = SECTIONS[Math.floor((n - 1) / perSection)] as string;
      out.push(`(${s}) 大力实施第${s}类建设工程。`, "");
    }
    out.push(`${n}. ${vary(tasks[(n - 1) % tasks.length] as string, n)}`, "");
  }
  out.push(...lines.slice(end));
  return out.join("\n");
}

/** A task varied by its number: a pilot place and a year after its first sentence. */
function vary(task: string, n: number): string {
  const cut = task.indexOf("。");
  const place = `第${n}试点区`;
  const year = 2018 + (n % 5);
  if (cut < 0) return `${task}在${place}先行。`;
  return `${task.slice(0, cut + 1)}在${place}先行,${year}年底前完成。${task.slice(cut + 1)}`;
}
