/** Colour on a terminal only, and never with NO_COLOR set (https://no-color.org). */
export function colorEnabled(): boolean {
  return Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env);
}

export function writeOut(text: string | Uint8Array): void {
  process.stdout.write(text);
}
