/** Image bytes for tests: the PNG signature and an IHDR chunk, then filler, `size` bytes in all. */
export function pngBytes(size: number, fill = 7): Uint8Array {
  const head = [
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    0,
    0,
    0,
    13,
    ...Buffer.from("IHDR"),
  ];
  const bytes = new Uint8Array(Math.max(size, head.length)).fill(fill);
  bytes.set(head);
  return bytes;
}
