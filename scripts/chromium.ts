/** Debian's Chromium and the flags it needs here (no sandbox as root, no background network). */
export const CHROMIUM = process.env.PLANDIFF_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
