import { existsSync } from "node:fs";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.js";

/** Whether the browser tests can run here, and their titles when they cannot (a visible skip). */
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_NOTICE = `skipped: chromium not installed (${CHROMIUM})`;
export const named = (title: string) => (hasChromium ? title : `${SKIP_NOTICE} — ${title}`);

/**
 * A headless Chromium page with a profile of its own that loads nothing from the network: every
 * request but file: and about: (and data:, when allowed) is aborted and recorded, as are the
 * page's script errors.
 */
export async function offlinePage(
  profile: string,
  options: { downloads?: boolean; dataUrls?: boolean } = {},
): Promise<{
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  outsideRequests: string[];
}> {
  const pageErrors: string[] = [];
  const outsideRequests: string[] = [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    ...(options.downloads ? { acceptDownloads: true } : {}),
  });
  const local = ["file:", "about:", ...(options.dataUrls ? ["data:"] : [])];
  await context.route("**/*", (route) => {
    const target = route.request().url();
    if (local.some((scheme) => target.startsWith(scheme))) return route.continue();
    outsideRequests.push(target);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return { context, page, pageErrors, outsideRequests };
}
