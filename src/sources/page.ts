/**
 * Agenda web pages → ParsedFeed: the schema.org events a page publishes as JSON-LD
 * (`<script type="application/ld+json">`, see json-ld.ts), the way most museum sites do. The
 * events as written are listed in document order; the items are those not over that start within
 * the horizon. A page without events is not a feed: the error names the feed the page advertises
 * (`<link rel="alternate" type="application/rss+xml" href>`), when it does.
 *
 * Keys: the event's `@id`, else its `url`, when no other event of the page shares it; else a hash
 * of link, name and start (a page listing one show on three dates under one address).
 */
import { Parser } from "htmlparser2";
import { type AgendaOptions, latestFirst, withinHorizon } from "./agenda.js";
import { asArray, asRecord, isRecord, type RawRecord, stringOf } from "./fields.js";
import type { EventStatus, Item, ParsedFeed, SkippedEvent, WrittenEvent } from "./item.js";
import { findEvents, parseJsonLd } from "./json-ld.js";
import { hashKey, resolveLink, toIsoDate, toPlainText, toPlainTitle } from "./normalize.js";
import { FeedParseError } from "./parse-error.js";
import { isoWithOffset, wallTimeToUtc } from "./zone.js";

/** Types of `<link rel="alternate">` that name a feed crieur reads. */
const FEED_LINK_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/json",
  "text/calendar",
]);

/**
 * Whether the document is an HTML page: it starts with markup, and its first element (after any
 * prolog) is html, head or body. (A JSON Feed may hold "<html>" in a string: it starts with "{".)
 */
export function isHtmlDocument(text: string): boolean {
  let at = text.search(/\S/);
  if (text[at] !== "<") return false;
  while (at >= 0) {
    const rest = text.slice(at, at + 20);
    if (/^<!doctype\s+html\b/i.test(rest) || /^<(html|head|body)\b/i.test(rest)) return true;
    if (rest.startsWith("<?")) at = text.indexOf("?>", at);
    else if (rest.startsWith("<!--")) at = text.indexOf("-->", at);
    else return false;
    if (at < 0) return false;
    at = text.indexOf("<", at);
  }
  return false;
}

interface PageParts {
  readonly title: string;
  readonly scripts: readonly string[];
  readonly feedLinks: readonly string[];
  readonly base: string | undefined;
}

function readPage(html: string): PageParts {
  const scripts: string[] = [];
  const feedLinks: string[] = [];
  let base: string | undefined;
  let title: string[] | undefined;
  let titleDone = false;
  let script: string[] | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "script" && /^application\/ld\+json\b/i.test(attrs.type?.trim() ?? "")) {
          script = [];
        }
        const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        const type = (attrs.type ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
        if (
          name === "link" &&
          rel.includes("alternate") &&
          FEED_LINK_TYPES.has(type) &&
          attrs.href
        ) {
          feedLinks.push(attrs.href);
        }
        if (name === "base" && attrs.href && base === undefined) base = attrs.href;
        if (name === "title" && title === undefined) title = [];
      },
      ontext(text) {
        script?.push(text);
        if (title && !titleDone) title.push(text);
      },
      onclosetag(name) {
        if (name === "title") titleDone = true;
        if (name === "script" && script) {
          scripts.push(script.join(""));
          script = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { title: title?.join("") ?? "", scripts, feedLinks, base };
}

/** "got an HTML page" error, naming the feed the page advertises, if any. */
export function notAFeedPage(pageUrl: string, html: string): FeedParseError {
  const { feedLinks, base } = readPage(html);
  const pageBase = resolveLink(base, pageUrl) ?? pageUrl;
  const advertised = feedLinks.map((link) => resolveLink(link, pageBase)).find(Boolean);
  const hint = advertised
    ? ` The page names its feed: ${advertised} — put that address in feeds.yml.`
    : "";
  return new FeedParseError(
    pageUrl,
    `got an HTML page, not a feed — is the URL the feed's address?${hint}`,
  );
}

export function parseAgendaPage(html: string, pageUrl: string, options: AgendaOptions): ParsedFeed {
  const page = readPage(html);
  const base = resolveLink(page.base, pageUrl) ?? pageUrl;
  const notes: string[] = [];
  const values = page.scripts.map(parseJsonLd);
  const invalid = values.filter((value) => value === undefined).length;
  if (invalid > 0)
    notes.push(`${invalid} JSON-LD blocks of the page are not valid JSON and were ignored`);
  const nodes = values.flatMap((value) => findEvents(value));
  if (nodes.length === 0) throw notAFeedPage(pageUrl, html);

  const events = nodes.map((node) => readEvent(node, base, pageUrl, options, notes));
  const written = events.filter((event): event is WrittenEvent => !("skipped" in event));
  const items = keyed(
    written.filter((event) => withinHorizon(event.event, options)),
    pageUrl,
    notes,
  );
  return {
    title: toPlainTitle(page.title),
    items: latestFirst(items),
    notes: [...new Set(notes)],
    events,
  };
}

const STATUSES: Readonly<Record<string, EventStatus>> = {
  EventScheduled: "confirmed",
  EventMovedOnline: "confirmed",
  EventCancelled: "cancelled",
  EventPostponed: "postponed",
  EventRescheduled: "rescheduled",
};

function readEvent(
  node: RawRecord,
  base: string,
  pageUrl: string,
  options: AgendaOptions,
  notes: string[],
): WrittenEvent | SkippedEvent {
  const title = toPlainTitle(textOf(node.name));
  const uid = textOf(node["@id"]).trim() || undefined;
  const start = eventDate(textOf(node.startDate), options, notes);
  if (!start) {
    const problem =
      node.startDate === undefined ? "it has no startDate" : "its startDate is not a date";
    return { title, ...(uid ? { uid } : {}), skipped: problem };
  }
  const end = eventDate(textOf(node.endDate), options, notes);
  const status = textOf(node.eventStatus);
  const location = locationOf(node.location);
  return {
    title,
    link: resolveLink(textOf(node.url), base) ?? pageUrl,
    summary: toPlainText(textOf(node.description)),
    categories: [],
    image: imageOf(node.image, base),
    event: {
      start: start.text,
      ...(end && end.allDay === start.allDay ? { end: end.text } : {}),
      allDay: start.allDay,
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      ...(location ? { location } : {}),
      status:
        STATUSES[status.slice(Math.max(status.lastIndexOf("/"), status.lastIndexOf(":")) + 1)] ??
        "confirmed",
      ...(uid ? { uid } : {}),
    },
  };
}

/** A string, or the first string of a list (schema.org allows both nearly everywhere). */
function textOf(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "number") return String(first);
  return stringOf(first) ?? "";
}

const LOCAL_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A schema.org date: "2026-07-14" (all day), a time with its offset, or a time without one, read
 * in the feed's `timeZone` (else UTC, with a note).
 */
function eventDate(raw: string, options: AgendaOptions, notes: string[]) {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { text, allDay: true };
  const match = LOCAL_TIME.exec(text);
  if (match) {
    const [year, month, day, hour, minute, second] = match
      .slice(1, 7)
      .map((part) => Number(part ?? 0));
    const wall = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? "00"}`;
    const offset = match[7];
    if (offset) {
      const written =
        offset.toUpperCase() === "Z" ? "Z" : offset.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
      return Number.isNaN(Date.parse(`${wall}${written}`))
        ? undefined
        : { text: `${wall}${written}`, allDay: false };
    }
    if (!options.timeZone) {
      notes.push("event times without a time zone were read as UTC: set the feed's timeZone");
      return { text: `${wall}Z`, allDay: false };
    }
    const ms = wallTimeToUtc(
      {
        year: year ?? 0,
        month: month ?? 1,
        day: day ?? 1,
        hour: hour ?? 0,
        minute: minute ?? 0,
        second: second ?? 0,
      },
      options.timeZone,
    );
    return { text: isoWithOffset(ms, options.timeZone), allDay: false };
  }
  const iso = toIsoDate(text);
  return iso ? { text: `${iso.slice(0, 19)}Z`, allDay: false } : undefined;
}

/** "Name, street, town" from a text or a Place (with a PostalAddress or a text address). */
function locationOf(value: unknown): string | undefined {
  const place = Array.isArray(value) ? value[0] : value;
  if (typeof place === "string") return toPlainText(place) || undefined;
  if (!isRecord(place)) return undefined;
  const address = asRecord(asArray(place.address)[0]);
  const parts = [
    textOf(place.name),
    typeof place.address === "string" ? place.address : "",
    textOf(address.streetAddress),
    [textOf(address.postalCode), textOf(address.addressLocality)].filter(Boolean).join(" "),
  ].map((part) => toPlainText(part));
  const unique = [...new Set(parts.filter((part) => part !== ""))];
  return unique.length > 0 ? unique.join(", ") : undefined;
}

function imageOf(value: unknown, base: string): string | undefined {
  for (const entry of asArray(value)) {
    const url = typeof entry === "string" ? entry : textOf(asRecord(entry).url);
    const link = resolveLink(url, base);
    if (link && /^https?:/i.test(link)) return link;
  }
  return undefined;
}

/** Items with their keys (see the file's comment); of two identical events, the first stands. */
function keyed(events: readonly WrittenEvent[], pageUrl: string, notes: string[]): Item[] {
  const count = (values: (string | undefined)[]) => {
    const counts = new Map<string, number>();
    for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const ids = count(events.map((event) => event.event.uid));
  const links = count(events.map((event) => (event.link === pageUrl ? undefined : event.link)));
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const event of events) {
    const print = hashKey(event.link, event.title, event.event.start);
    const uid = event.event.uid;
    const link = event.link;
    const key = uid && ids.get(uid) === 1 ? uid : link && links.get(link) === 1 ? link : print;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      key,
      ...(key !== print ? { altKeys: [print] } : {}),
      title: event.title,
      link: event.link,
      published: undefined,
      summary: event.summary,
      author: undefined,
      categories: event.categories,
      image: event.image,
      event: event.event,
    });
  }
  if (items.length < events.length) {
    notes.push(`${events.length - items.length} events listed twice on the page were ignored`);
  }
  return items;
}
