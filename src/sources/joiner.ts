/**
 * Concatenation of many pieces with bounded overhead: they are joined every few thousand. Holding
 * millions of tiny strings (one per '&' of an '&'-flooded feed), or letting a global replace()
 * record millions of matches, costs about 100 bytes each: 340 MB for a 3 MB feed.
 */
export class Joiner {
  private readonly joined: string[] = [];
  private pieces: string[] = [];

  add(piece: string): void {
    this.pieces.push(piece);
    if (this.pieces.length < 4096) return;
    this.joined.push(this.pieces.join(""));
    this.pieces = [];
  }

  text(): string {
    if (this.joined.length === 0) return this.pieces.join("");
    return this.joined.concat(this.pieces).join("");
  }
}

/** Below this length a native replace() is fastest, and its record of matches stays small. */
const SMALL_TEXT = 65_536;

/** `text.replace(pattern, replacement)` for a global `pattern`, in bounded memory at any size. */
export function replaceEvery(text: string, pattern: RegExp, replacement: string): string {
  if (text.length < SMALL_TEXT) return text.replace(pattern, replacement);
  pattern.lastIndex = 0;
  let match = pattern.exec(text);
  if (match === null) return text;
  const out = new Joiner();
  let from = 0;
  for (; match; match = pattern.exec(text)) {
    out.add(text.slice(from, match.index));
    out.add(replacement);
    from = pattern.lastIndex;
  }
  out.add(text.slice(from));
  return out.text();
}
