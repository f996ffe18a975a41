/**
 * Normalize stage (pure): turns the raw fields a parser found into the values an Item holds —
 * plain text, absolute links, ISO dates in UTC, and identity keys that are unique within a feed
 * and stable from one run to the next. Nothing here does I/O or throws on odd input: a value
 * that cannot be understood becomes `undefined` or empty text.
 */
import { createHash } from "node:crypto";
import { decodeHTML } from "entities";
import { Parser } from "htmlparser2";
import type { Item } from "./item.js";
import { Joiner, replaceEvery } from "./joiner.js";

/** Elements whose text is never shown to a reader. */
const HIDDEN_ELEMENTS = new Set(["script", "style", "noscript", "template", "head", "title"]);

/** Elements that separate words: "<p>a</p><p>b</p>" must read "a b", not "ab". */
const BLOCK_ELEMENTS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "img",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

// Control characters never belong in a post; feeds smuggle them in through CDATA and entities.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/**
 * htmlparser2's work per tag grows with the number of open elements, so text nested deeper than
 * this (as browsers, which stop nesting at 512, would show it flattened) ends there: a hostile
 * summary of a million unclosed <div> would otherwise take hours.
 */
const MAX_HTML_DEPTH = 512;

/**
 * Plain text from HTML or text: tags stripped (script/style content dropped, block elements
 * become spaces), entities decoded, control characters removed, whitespace collapsed, trimmed.
 */
export function toPlainText(htmlOrText: string | undefined): string {
  if (!htmlOrText) return "";
  const chunks = new Joiner();
  let hiddenDepth = 0;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        depth++;
        if (depth > MAX_HTML_DEPTH) parser.pause();
        if (HIDDEN_ELEMENTS.has(name)) hiddenDepth++;
        else if (BLOCK_ELEMENTS.has(name)) chunks.add(" ");
      },
      onclosetag(name) {
        depth--;
        if (HIDDEN_ELEMENTS.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (BLOCK_ELEMENTS.has(name)) chunks.add(" ");
      },
      ontext(text) {
        if (hiddenDepth === 0) chunks.add(text);
      },
    },
    // Entities are decoded below with the `entities` package, once per text run.
    { decodeEntities: false },
  );
  parser.write(htmlOrText);
  parser.end();
  return collapse(decodeHTML(chunks.text()));
}

// Runs of whitespace other than a lone plain space: replacing only these (rather than every /\s+/)
// avoids rebuilding the string at each word, and was a large share of a big run's CPU time.
const WHITESPACE_TO_COLLAPSE = /[^\S ]\s*|\s{2,}/g;
// Testing first is several times faster than a replace that finds nothing, the usual case.
const HAS_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source);

function collapse(text: string): string {
  const clean = HAS_CONTROL_CHARACTER.test(text)
    ? replaceEvery(text, CONTROL_CHARACTERS, "")
    : text;
  return replaceEvery(clean, WHITESPACE_TO_COLLAPSE, " ").trim();
}

// A tag is `<name` then '>', '/>' or a blank and a later '>'. Tested on the text up to its last '>',
// this needs no search for a '>' from every '<' (which took 20 s on a title of 300 kB of "<a ").
const TAG_START = /<\/?[a-z][a-z0-9]*(\s|\/?>)/i;
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

function looksLikeMarkup(text: string): boolean {
  return TAG_START.test(text.slice(0, text.lastIndexOf(">") + 1)) || ENTITY.test(text);
}

/**
 * Plain text for a title. Titles are often escaped twice (markup inside CDATA, "&amp;amp;"), so
 * when one pass still leaves tags or entities, a second pass removes them: a post should read
 * "Item Title", never "<p>Item Title</p>".
 */
export function toPlainTitle(htmlOrText: string | undefined): string {
  const once = toPlainText(htmlOrText);
  return looksLikeMarkup(once) ? toPlainText(once) : once;
}

// Schemes that can never be an item's page or image.
const UNSAFE_SCHEMES = new Set(["javascript:", "data:", "vbscript:", "about:", "blob:"]);

/**
 * An absolute URL from a possibly relative one, resolved against `base` (xml:base or the feed's
 * URL). Undefined when empty, unparseable, or of a scheme a reader cannot open.
 */
export function resolveLink(raw: string | undefined, base: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  if (!trimmed) return undefined;
  const url = parseUrl(trimmed, base) ?? parseUrl(trimmed, undefined);
  if (!url || UNSAFE_SCHEMES.has(url.protocol)) return undefined;
  return url.href;
}

/** The base for an element with `xml:base`: the attribute resolved against its parent's base. */
export function resolveBase(xmlBase: string | undefined, parentBase: string | undefined) {
  return resolveLink(xmlBase, parentBase) ?? parentBase;
}

function parseUrl(raw: string, base: string | undefined): URL | undefined {
  try {
    return new URL(raw, base);
  } catch {
    return undefined;
  }
}

/** Zone abbreviations seen in feeds that `Date.parse` does not know (it knows GMT/UT and US zones). */
const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  UTC: "+0000",
  Z: "+0000",
  WET: "+0000",
  BST: "+0100",
  CET: "+0100",
  MET: "+0100",
  WEST: "+0100",
  CEST: "+0200",
  MEST: "+0200",
  EET: "+0200",
  EEST: "+0300",
  MSK: "+0300",
  IST: "+0530",
  HKT: "+0800",
  SGT: "+0800",
  JST: "+0900",
  KST: "+0900",
  AEST: "+1000",
  AEDT: "+1100",
  NZST: "+1200",
  NZDT: "+1300",
};

/** Month names of European feeds (pt, es, fr, de, it, nl) that `Date.parse` only knows in English. */
const MONTHS: Readonly<Record<string, string>> = {
  janv: "Jan",
  ene: "Jan",
  gen: "Jan",
  jän: "Jan",
  fev: "Feb",
  fév: "Feb",
  févr: "Feb",
  mär: "Mar",
  mrz: "Mar",
  mars: "Mar",
  avr: "Apr",
  abr: "Apr",
  mai: "May",
  mag: "May",
  mei: "May",
  juin: "Jun",
  giu: "Jun",
  juil: "Jul",
  lug: "Jul",
  ago: "Aug",
  août: "Aug",
  set: "Sep",
  sept: "Sep",
  out: "Oct",
  okt: "Oct",
  ott: "Oct",
  déc: "Dec",
  dez: "Dec",
  dic: "Dec",
};

/**
 * ISO 8601 in UTC from the date formats feeds use (RFC 822 with or without weekday, ISO 8601,
 * "03 Apr 02 1500 GMT"). A date without a zone is read as UTC so results never depend on the
 * machine. Undefined when the text is not a date.
 */
const RFC_822_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UTC?|Z|[+-]\d{4})$/;
const ISO_DATE_WITH_ZONE =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export function toIsoDate(raw: string | undefined): string | undefined {
  let text = raw?.trim().replace(/\s+/g, " ");
  // Real dates are short; a huge field is not one, and would make the regexes below slow.
  if (!text || text.length > 100) return undefined;
  // Most feeds write one of these two forms, which need none of the repairs below.
  if (RFC_822_DATE.test(text) || ISO_DATE_WITH_ZONE.test(text)) {
    const time = Date.parse(text);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  // "YYYY-MM-DDTHH:MM[:SS]" without a zone: Date.parse would use the local zone.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text = `${text}Z`;
  // "Seg, 24 Set 2018 19:42:40 -0300": drop the weekday, translate the month.
  text = text.replace(/^\p{L}+\.?,? (?=\d)/u, "");
  text = text.replace(/(?<=^\d{1,2}\.? )(\p{L}+)\.?(?= \d)/u, (month, name: string) => {
    return MONTHS[name.toLowerCase()] ?? month;
  });
  // RSS 0.9x samples write the time as "1500".
  text = text.replace(/^([^:]*\b\d{2,4}) (\d{2})(\d{2})\b(?!:)/, "$1 $2:$3");
  text = text.replace(/ ([A-Z]{1,4})$/, (whole, zone: string) => {
    const offset = ZONE_OFFSETS[zone];
    return offset ? ` ${offset}` : whole;
  });
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString();
}

/** What the parser found for one item, before identity is decided. */
export interface DraftItem extends Omit<Item, "key"> {
  /** guid (RSS), id (Atom, JSON Feed), trimmed; undefined when absent or empty. */
  readonly guid: string | undefined;
}

/** Short stable digest for keys: sha256, first 16 hex digits. */
export function hashKey(...parts: readonly (string | undefined)[]): string {
  const digest = createHash("sha256")
    .update(JSON.stringify(parts.map((part) => part ?? "")))
    .digest("hex");
  return `sha256:${digest.slice(0, 16)}`;
}

export interface KeyedItems {
  readonly items: readonly Item[];
  readonly notes: readonly string[];
  /** Set when one guid was found on several different items (see ParsedFeed.guidsRepeated). */
  readonly guidsRepeated?: true;
}

/**
 * Gives every draft its identity key: guid, else the link, else a hash of title and date.
 *
 * Keys must not change from one run to the next, or an item is posted again. Two fallbacks depend
 * on the rest of the document, so each item also carries the identities it may have had in
 * another document (`keyWithoutGuid`, `altKeys`), and dedupe treats it as known when any is:
 * - a guid that several items share identifies none of them (feeds that repeat one guid on every
 *   item exist): those items fall back to their link, and `guidsRepeated` tells dedupe, which
 *   then stops trusting this feed's guids for good (a lone item would otherwise get the guid);
 * - a link that several items share (an "/agenda" page) identifies none of them: those items get
 *   the fingerprint, a hash of link, title and date — never the summary, which is edited.
 * Identical duplicates collapse to one; items whose fingerprints still collide (same link, title
 * and date) are the same item to a reader, and the first one stands. Document order is kept.
 */
export function assignKeys(allDrafts: readonly DraftItem[]): KeyedItems {
  const notes: string[] = [];
  const contents = new Set<string>();
  const drafts = allDrafts.filter((draft) => {
    const content = JSON.stringify(draft);
    if (contents.has(content)) return false;
    contents.add(content);
    return true;
  });
  const guidCounts = countBy(drafts, (draft) => draft.guid);
  const linkCounts = countBy(drafts, (draft) => draft.link);
  const sharedGuids = drafts.filter((draft) => draft.guid && (guidCounts.get(draft.guid) ?? 0) > 1);
  if (sharedGuids.length > 0) {
    notes.push(
      `${sharedGuids.length} items share a guid with another item; they are identified by their link instead`,
    );
  }
  const candidates = drafts.map((draft) => {
    const print = fingerprint(draft);
    const ownKey = draft.link && linkCounts.get(draft.link) === 1 ? draft.link : print;
    const guid = draft.guid && guidCounts.get(draft.guid) === 1 ? draft.guid : undefined;
    return { draft, print, ownKey, key: guid ?? ownKey };
  });

  // A guid can still equal another item's link (guids are often permalinks).
  const keyCounts = countBy(candidates, (candidate) => candidate.key);
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const { draft, print, ownKey, key: candidate } of candidates) {
    const collides = (keyCounts.get(candidate) ?? 0) > 1;
    const key = collides ? print : candidate;
    // Same identifying fields, different details (e.g. categories): the first one stands.
    if (seen.has(key)) continue;
    seen.add(key);
    const { guid: _guid, ...fields } = draft;
    items.push({
      key,
      ...(!collides && ownKey !== key ? { keyWithoutGuid: ownKey } : {}),
      ...(!collides && ownKey !== print ? { altKeys: [print] } : {}),
      ...fields,
    });
  }
  const collapsed = allDrafts.length - items.length;
  if (collapsed > 0) notes.push(`${collapsed} duplicate items ignored (same as another item)`);
  return { items, notes, ...(sharedGuids.length > 0 ? { guidsRepeated: true } : {}) };
}

/** Identity from the fields a reader recognises an item by: link, title and date. */
function fingerprint(draft: DraftItem): string {
  // Without a link this is the documented "hash of title and date", kept as it always was.
  return draft.link
    ? hashKey(draft.link, draft.title, draft.published)
    : hashKey(draft.title, draft.published);
}

function countBy<T>(values: readonly T[], keyOf: (value: T) => string | undefined) {
  const counts = new Map<string, number>();
  for (const value of values) {
    const key = keyOf(value);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
