/**
 * Concatenation of many pieces with bounded overhead: they are joined every few thousand. Holding
 * millions of tiny strings (one per '&' of an '&'-flooded feed), or letting a global replace()
 * record millions of matches, costs about 100 bytes each: 340 MB for a 3 MB feed.
 */
export interface Joiner {
  add(piece: string): void;
  text(): string;
}

export function joiner(): Joiner {
  const joined: string[] = [];
  let pieces: string[] = [];
  return {
    add(piece) {
      if (piece === "") return;
      pieces.push(piece);
      if (pieces.length < 4096) return;
      joined.push(pieces.join(""));
      pieces = [];
    },
    text: () => joined.concat(pieces).join(""),
  };
}

/** Below this length a native replace() is fastest, and its record of matches stays small. */
const SMALL_TEXT = 65_536;

/** `text.replace(pattern, replacement)` for a global `pattern`, in bounded memory at any size. */
export function replaceEvery(text: string, pattern: RegExp, replacement: string): string {
  if (text.length < SMALL_TEXT) return text.replace(pattern, replacement);
  const out = joiner();
  let from = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    out.add(text.slice(from, match.index));
    out.add(replacement);
    from = pattern.lastIndex;
  }
  out.add(text.slice(from));
  return out.text();
}
