/**
 * A real PNG for tests, of about `size` bytes: a grey square (pixels of value `fill`) stored
 * uncompressed, so its size follows its width. Servers that read images (a Bluesky PDS sniffs
 * each chunk) take it as the image it is.
 */
import { crc32, deflateSync } from "node:zlib";

export function pngBytes(size: number, fill = 7): Uint8Array {
  const side = Math.max(1, Math.floor(Math.sqrt(Math.max(0, size - 80) / 3)));
  const row = Buffer.alloc(1 + side * 3, fill);
  row[0] = 0; // no filter
  const raw = Buffer.concat(Array.from({ length: side }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 0 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
