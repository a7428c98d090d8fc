import { readFileSync } from "node:fs";
import { deflateRawSync, constants as zlibConstants } from "node:zlib";

/** A valid one-page PDF that only paints a grey rectangle: no text layer (a scan, in effect). */
export function imageOnlyPdf(): Uint8Array {
  const content = "0.5 g 72 72 451 698 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/**
 * A zip bomb made from a real .docx: every central-directory entry declares a 4 GiB unpacked size
 * (what a bomb's directory says), so the reader must refuse before unpacking anything.
 */
export function docxBomb(docx: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(docx));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 46 <= bytes.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true);
  }
  return bytes;
}

/**
 * A zip bomb that lies: one `word/document.xml` entry whose local and central headers declare
 * 4 KiB unpacked, but whose deflate stream inflates to `mib` MiB of zeros (~1 KB of deflate per
 * MiB, built in milliseconds from one compressed MiB repeated: each piece ends on a byte boundary
 * with a sync flush, and a final empty block closes the stream).
 */
export function lyingDocxBomb(mib = 1024): Uint8Array {
  const piece = deflateRawSync(Buffer.alloc(1024 * 1024), {
    level: 9,
    finishFlush: zlibConstants.Z_SYNC_FLUSH,
  });
  const data = Buffer.concat([
    ...Array.from({ length: mib }, () => piece),
    deflateRawSync(Buffer.alloc(0)),
  ]);
  return oneEntryZip("word/document.xml", data, 8, 4096);
}

/**
 * A zip of one entry: `data` as it is, compressed with `method` (0 stored, 8 deflate), its local
 * and central headers declaring `declared` uncompressed bytes (true or not).
 */
export function oneEntryZip(
  entry: string,
  data: Uint8Array,
  method: number,
  declared: number,
): Uint8Array {
  const name = Buffer.from(entry);
  const header = (size: number, signature: number, at: number) => {
    const bytes = Buffer.alloc(size);
    bytes.writeUInt32LE(signature, 0);
    bytes.writeUInt16LE(20, at);
    bytes.writeUInt16LE(method, at + 4);
    bytes.writeUInt32LE(data.length, at + 14);
    bytes.writeUInt32LE(declared, at + 18);
    bytes.writeUInt16LE(name.length, at + 22);
    return bytes;
  };
  // The same fields, 4 bytes further on in the central header (after "version made by").
  const local = header(30, 0x04034b50, 4);
  const central = header(46, 0x02014b50, 6);
  central.writeUInt16LE(20, 4);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}
