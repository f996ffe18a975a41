/**
 * Parse stage: feed text → ParsedFeed. The format is told from the content (or the feed's `type`),
 * never from the URL or content type: RSS 0.9x/1.0 (RDF)/2.0 and Atom 0.3/1.0 (`rss-atom.ts`,
 * through rss-parser), JSON Feed 1.0/1.1 (`json-feed.ts`), iCalendar (`ics.ts`, through ical.js)
 * and HTML agenda pages with schema.org events (`page.ts`). Common breakage (junk before the root,
 * bare '&', HTML entities, control characters) is repaired first (`xml-repair.ts`) and reported
 * once in `notes`. `feedUrl` only resolves relative links, and the clock comes in `options`: this
 * stage does no I/O, and it never throws anything but FeedParseError.
 */
import { type AgendaOptions, DEFAULT_HORIZON_MS } from "./agenda.js";
import type { ParsedFeed } from "./item.js";
import { parseJsonFeed } from "./json-feed.js";
import { isHtmlDocument, parseAgendaPage } from "./page.js";
import { describe, FeedParseError } from "./parse-error.js";
import { parseXmlFeed } from "./rss-atom.js";

/** A feed's `type` in feeds.yml: what its address serves, when telling it from the content is not wanted. */
export type FeedType = "rss" | "ics" | "page";

export interface ParseOptions {
  /** The run's clock: calendars and pages list the events not over yet at this time. */
  readonly now: Date;
  /** How far ahead events are considered (default 90 days). */
  readonly horizonMs?: number;
  /** IANA zone of event times written without one. */
  readonly timeZone?: string;
  readonly type?: FeedType;
}

export async function parseFeed(
  text: string,
  feedUrl: string,
  options: ParseOptions,
): Promise<ParsedFeed> {
  try {
    return await parseAnyFormat(text, feedUrl, options);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    // rss-parser and xml2js throw plain Errors (or worse) from deep inside: translate them all.
    throw new FeedParseError(feedUrl, `the feed parser failed (${describe(error)}).`);
  }
}

async function parseAnyFormat(
  text: string,
  feedUrl: string,
  options: ParseOptions,
): Promise<ParsedFeed> {
  const body = text.replace(/^\uFEFF/, "");
  const start = body.trimStart();
  if (start === "") throw new FeedParseError(feedUrl, "the document is empty.");
  const agenda: AgendaOptions = {
    now: options.now,
    horizonMs: options.horizonMs ?? DEFAULT_HORIZON_MS,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
  if (options.type === "ics" || (options.type === undefined && /^BEGIN:VCALENDAR/i.test(start))) {
    // ical.js is loaded only for calendars: most runs never read one.
    const { parseCalendar } = await import("./ics.js");
    return parseCalendar(body, feedUrl, agenda);
  }
  if (options.type === "page" || (options.type === undefined && isHtmlDocument(body))) {
    return parseAgendaPage(body, feedUrl, agenda);
  }
  if (start.startsWith("{") || start.startsWith("[")) return parseJsonFeed(start, feedUrl);
  return parseXmlFeed(body, feedUrl);
}
