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
  const name = Buffer.from("word/document.xml");
  const declared = 4096;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}
