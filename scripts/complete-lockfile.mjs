// The npm registry reachable from this workplace serves native binaries (Biome, jieba) for linux
// only, so `npm install` writes a lockfile without the other platforms' optional packages and
// `npm ci` then refuses it ("Missing: …-darwin-arm64@ from lock file"). This adds the missing
// entries with the platform read from the package name; npm skips them on other platforms.
// Run after every `npm install`.
import { readFileSync, writeFileSync } from "node:fs";

const OS = ["linux", "darwin", "win32", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix"];
const CPU = ["x64", "arm64", "arm", "ia32", "wasm32", "riscv64", "s390x", "ppc64", "loong64"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  const platform = {};
  if (os) platform.os = [os];
  if (cpu) platform.cpu = [cpu];
  if (os === "linux") platform.libc = [parts.includes("musl") ? "musl" : "glibc"];
  return platform;
}

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
let added = 0;
for (const pkg of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    lock.packages[key] = {
      version,
      ...(pkg.dev ? { dev: true } : {}),
      license: pkg.license,
      optional: true,
      ...platformOf(name),
    };
    added++;
  }
}
const sorted = Object.entries(lock.packages).sort(([a], [b]) =>
  a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1,
);
lock.packages = Object.fromEntries(sorted);
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
