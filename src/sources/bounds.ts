/**
 * How much structure crieur reads in one feed. A document beyond these bounds is that feed's
 * FeedParseError: parsers keep a few hundred bytes per element, so a hostile feed within
 * fetch.maxBytes could otherwise exhaust the whole run's memory, and deep nesting its stack.
 */
import { FeedParseError } from "./parse-error.js";

/**
 * XML elements and attributes, or JSON objects and arrays: far more than feeds hold (a 5 MB feed
 * of 5,000 items has ~40,000); the worst document within the bound (500,000 empty items) parses
 * in about 10 s and 500 MB.
 */
export const MAX_ELEMENTS = 1_000_000;
/** Feeds nest a few levels, XHTML or JSON content a few dozen. */
export const MAX_DEPTH = 512;

export function tooManyElements(feedUrl: string, what: string, line: number): FeedParseError {
  return new FeedParseError(
    feedUrl,
    `the document has more than ${MAX_ELEMENTS} ${what} (at line ${line}), more than crieur reads in one feed.`,
  );
}

export function nestedTooDeep(feedUrl: string, line: number): FeedParseError {
  return new FeedParseError(
    feedUrl,
    `the document nests more than ${MAX_DEPTH} levels deep (at line ${line}), which no feed does.`,
  );
}

/** JSON's structural characters; strings are skipped whole. */
const JSON_STRUCTURE = /["[\]{}]/g;

/** Refuses JSON with more objects and arrays, or deeper nesting, than the bounds. Linear. */
export function checkJsonShape(text: string, feedUrl: string): void {
  let containers = 0;
  let depth = 0;
  JSON_STRUCTURE.lastIndex = 0;
  for (let token = JSON_STRUCTURE.exec(text); token; token = JSON_STRUCTURE.exec(text)) {
    const char = token[0];
    if (char === '"') {
      const end = stringEnd(text, token.index + 1);
      if (end < 0) return; // JSON.parse will say what is wrong
      JSON_STRUCTURE.lastIndex = end + 1;
    } else if (char === "]" || char === "}") depth--;
    else {
      containers++;
      depth++;
      if (containers > MAX_ELEMENTS) {
        throw tooManyElements(
          feedUrl,
          "JSON objects and arrays",
          linesBefore(text, token.index) + 1,
        );
      }
      if (depth > MAX_DEPTH) throw nestedTooDeep(feedUrl, linesBefore(text, token.index) + 1);
    }
  }
}

/** Index of the quote that ends a JSON string whose text starts at `from`, or -1. */
function stringEnd(text: string, from: number): number {
  for (let quote = text.indexOf('"', from); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === "\\") backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return -1;
}

/** How many line breaks `text` has before `index`. */
export function linesBefore(text: string, index: number): number {
  let lines = 0;
  for (let at = text.indexOf("\n"); at >= 0 && at < index; at = text.indexOf("\n", at + 1)) {
    lines++;
  }
  return lines;
}
