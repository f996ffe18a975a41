/**
 * Parse stage: feed text → ParsedFeed. The format is told from the content, never from the URL or
 * content type: RSS 0.9x/1.0 (RDF)/2.0 and Atom 0.3/1.0 (`rss-atom.ts`, through rss-parser), JSON
 * Feed 1.0/1.1 (`json-feed.ts`). Common breakage (junk before the root, bare '&', HTML entities,
 * control characters) is repaired first (`xml-repair.ts`) and reported once in `notes`. `feedUrl`
 * only resolves relative links: this stage does no I/O, and it never throws anything but
 * FeedParseError.
 */
import type { ParsedFeed } from "./item.js";
import { parseJsonFeed } from "./json-feed.js";
import { describe, FeedParseError } from "./parse-error.js";
import { parseXmlFeed } from "./rss-atom.js";

export async function parseFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
  try {
    return await parseAnyFormat(text, feedUrl);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    // rss-parser and xml2js throw plain Errors (or worse) from deep inside: translate them all.
    throw new FeedParseError(feedUrl, `the feed parser failed (${describe(error)}).`);
  }
}

async function parseAnyFormat(text: string, feedUrl: string): Promise<ParsedFeed> {
  const body = text.replace(/^\uFEFF/, "");
  const start = body.trimStart();
  if (start === "") throw new FeedParseError(feedUrl, "the document is empty.");
  if (start.startsWith("{") || start.startsWith("[")) return parseJsonFeed(start, feedUrl);
  return parseXmlFeed(body, feedUrl);
}
