/**
 * rss-parser (with xml2js and sax) as crieur uses it: loaded on first use, one instance per feed,
 * with bounds that turn a hostile document into that feed's FeedParseError instead of a run that
 * stalls or runs out of memory, and with its quadratic HTML snippets (which crieur never reads)
 * left out.
 */
import type Parser from "rss-parser";
import { linesBefore, MAX_DEPTH, MAX_ELEMENTS, nestedTooDeep, tooManyElements } from "./bounds.js";
import { asArray, asRecord, type RawRecord } from "./fields.js";
import { describe, FeedParseError } from "./parse-error.js";

/**
 * sax reads a `<!…>` declaration that is neither a comment, CDATA nor a doctype in time quadratic
 * in its length (it re-tests the whole text read so far at every character): ~10 ns × length².
 * This budget, a fifth of a second, is far above the few short ones broken feeds contain.
 */
const DECLARATION_BUDGET = 2 ** 24;

/** The xml2js tree of `xml`, as rss-parser shapes it. `linesRemoved` corrects line numbers. */
export async function parseXmlTree(
  xml: string,
  feedUrl: string,
  linesRemoved: number,
): Promise<RawRecord> {
  checkDeclarations(xml, feedUrl, linesRemoved);
  const { default: RssParser } = await loadRssParser();
  const rss = createRssParser(RssParser, feedUrl, linesRemoved);
  let parsing: Promise<unknown>;
  try {
    parsing = rss.parseString(xml);
  } catch (error) {
    parsing = Promise.reject(error);
  }
  // xml2js parses synchronously, so the promise is settled by now; should a future version
  // leave it pending, race() would otherwise wait forever. An already settled promise wins the
  // race because its reaction is queued first.
  let result: unknown;
  try {
    result = await Promise.race([parsing, Promise.resolve(STALLED)]);
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    throw new FeedParseError(
      feedUrl,
      `the XML is broken and could not be repaired (${saxMessage(error, linesRemoved)}).`,
    );
  }
  if (result === STALLED) {
    throw new FeedParseError(feedUrl, "the feed parser stopped without an answer.");
  }
  return asRecord(result);
}

/** Sentinel for "rss-parser did not answer synchronously". */
const STALLED = Symbol("stalled");

/**
 * rss-parser (with xml2js) is loaded on the first XML feed: a run whose feeds all answer 304 never
 * needs it, and loading it is a noticeable part of such a run's start-up.
 */
let rssParserModule: Promise<{ default: typeof Parser }> | undefined;

function loadRssParser() {
  rssParserModule ??= import("rss-parser");
  return rssParserModule;
}

/** What of rss-parser's and xml2js's insides this file relies on (tested through parseFeed). */
interface RssParserInsides {
  parseItemRss(item: RawRecord, fields: readonly unknown[]): Record<string, unknown>;
  parseItemAtom(entry: RawRecord): Record<string, unknown>;
  readonly xmlParser?: {
    readonly saxParser?: { readonly tags?: unknown[]; readonly line?: number };
  };
}

function createRssParser(RssParser: typeof Parser, feedUrl: string, linesRemoved: number) {
  let nodes = 0;
  const line = () => (insides.xmlParser?.saxParser?.line ?? 0) + 1 + linesRemoved;
  const count = (name: string) => {
    nodes++;
    if (nodes > MAX_ELEMENTS) throw tooManyElements(feedUrl, "XML elements and attributes", line());
    return name;
  };
  const rss = new RssParser({
    // `<rss>` without a version attribute (RSS 0.9x in the wild) is otherwise refused.
    defaultRSS: 2,
    // xml2js calls these for every attribute and element it reads: the one place to stop a
    // hostile document before its tree fills the memory.
    xml2js: {
      attrNameProcessors: [count],
      tagNameProcessors: [
        (name: string) => {
          if ((insides.xmlParser?.saxParser?.tags?.length ?? 0) > MAX_DEPTH) {
            throw nestedTooDeep(feedUrl, line());
          }
          return count(name);
        },
      ],
    },
    customFields: {
      feed: [["$", "feedAttrs", { keepArray: true }]] as never,
      item: [
        ["$", "attrs", { keepArray: true }],
        ["link", "rawLinks", { keepArray: true }],
        ["guid", "rawGuids", { keepArray: true }],
        ["category", "rawCategories", { keepArray: true }],
        ["dc:subject", "dcSubjects", { keepArray: true }],
        ["media:content", "mediaContent", { keepArray: true }],
        ["media:thumbnail", "mediaThumbnail", { keepArray: true }],
        ["media:group", "mediaGroup", { keepArray: true }],
        ["itunes:image", "itunesImage", { keepArray: true }],
        ["itunes:summary", "itunesSummary"],
        ["itunes:subtitle", "itunesSubtitle"],
        ["itunes:author", "itunesAuthor"],
        ["enc:enclosure", "encEnclosure", { keepArray: true }],
        ["feedburner:origLink", "origLink"],
        "issued",
        "modified",
        "created",
      ],
    },
  });
  const insides = rss as unknown as RssParserInsides;

  // rss-parser adds a `contentSnippet` to every item, made with regexes that take time quadratic
  // in the text's unclosed '<' (20 s for 300 kB of "&lt;a "). crieur reads `content` only, so
  // the fields that feed snippets are handed to rss-parser on their own, where it builds the
  // content (an XHTML node becomes markup) and the snippet of a short, well-formed text.
  const parseItemRss = insides.parseItemRss.bind(rss);
  let fieldsSeen: readonly unknown[] | undefined;
  let withoutSnippets: readonly unknown[] = [];
  insides.parseItemRss = (item, fields) => {
    if (fields !== fieldsSeen) {
      fieldsSeen = fields;
      withoutSnippets = fields.map((field) =>
        Array.isArray(field) && asRecord(field[2]).includeSnippet ? field.slice(0, 2) : field,
      );
    }
    const { description, ...rest } = item;
    const parsed = parseItemRss(rest, withoutSnippets);
    if (description !== undefined) {
      parsed.content = contentOf(description, (nodes) => parseItemRss({ description: nodes }, []));
    }
    return parsed;
  };

  // rss-parser 3.13 runs `new Date(published).toISOString()` on Atom entries, which throws on an
  // unparseable date and loses the whole feed. Dates are taken out before and read by toIsoDate.
  const parseItemAtom = insides.parseItemAtom.bind(rss);
  insides.parseItemAtom = (entry) => {
    const { published, updated, content, ...rest } = entry;
    const parsed = parseItemAtom(rest);
    if (content !== undefined) {
      parsed.content = contentOf(content, (nodes) => parseItemAtom({ content: nodes }));
    }
    return Object.assign(parsed, { atomPublished: published, atomUpdated: updated });
  };
  return rss;
}

/**
 * rss-parser's `content` for an item's description (RSS) or content (Atom) nodes: their text, or
 * for XHTML the markup that `rebuild` (rss-parser on those nodes alone) makes of them.
 */
function contentOf(nodes: unknown, rebuild: (nodes: unknown) => Record<string, unknown>): unknown {
  const first = asArray(nodes)[0];
  if (typeof first === "string") return first;
  if (typeof asRecord(first)._ === "string") return asRecord(first)._;
  return rebuild(nodes).content;
}

/** sax says "Unexpected close tag\nLine: 4\nColumn: 3\nChar: >" with 0-based lines. */
function saxMessage(error: unknown, linesRemoved: number): string {
  const match = /^([^\n]*)\nLine: (\d+)\nColumn: (\d+)/.exec(
    error instanceof Error ? error.message : "",
  );
  if (!match) return describe(error);
  const line = Number(match[2]) + 1 + linesRemoved;
  return `${match[1]?.replace(/\.$/, "")} at line ${line}, column ${match[3]}`;
}

/** Where sax starts reading a `<!`: after '<', blanks are skipped. */
const DECLARATION_START = /<\s*!/g;
const DECLARATION_STOP = /[>"']/g;

/**
 * Refuses a document whose `<!…>` declarations (neither comments, CDATA nor doctypes) would take
 * sax too long to read. Comments, CDATA sections and doctypes are skipped as sax skips them.
 */
function checkDeclarations(xml: string, feedUrl: string, linesRemoved: number): void {
  let cost = 0;
  DECLARATION_START.lastIndex = 0;
  for (let start = DECLARATION_START.exec(xml); start; start = DECLARATION_START.exec(xml)) {
    const body = start.index + start[0].length;
    const head = xml.slice(body, body + 7).toUpperCase();
    let end: number;
    if (head.startsWith("--")) end = endOf(xml, "-->", body + 2);
    else if (head === "[CDATA[") end = endOf(xml, "]]>", body + 7);
    else if (head === "DOCTYPE") end = doctypeEnd(xml, body + 7);
    else {
      end = declarationEnd(xml, body);
      cost += (end - body) ** 2;
      if (cost > DECLARATION_BUDGET) {
        const line = linesBefore(xml, start.index) + 1 + linesRemoved;
        throw new FeedParseError(
          feedUrl,
          `the XML is broken: it has more '<!…>' markup that is no comment, CDATA section or doctype than can be read (too much by line ${line}).`,
        );
      }
    }
    if (end < 0) return;
    DECLARATION_START.lastIndex = end;
  }
}

/** Index just past the first `closer` at or after `from`, or -1. */
function endOf(xml: string, closer: string, from: number): number {
  const at = xml.indexOf(closer, from);
  return at < 0 ? -1 : at + closer.length;
}

/** Where a declaration's text from `from` ends: its first '>' outside quotes, or the text's end. */
function declarationEnd(xml: string, from: number): number {
  DECLARATION_STOP.lastIndex = from;
  for (let stop = DECLARATION_STOP.exec(xml); stop; stop = DECLARATION_STOP.exec(xml)) {
    if (stop[0] === ">") return stop.index;
    const closingQuote = xml.indexOf(stop[0], stop.index + 1);
    if (closingQuote < 0) break;
    DECLARATION_STOP.lastIndex = closingQuote + 1;
  }
  return xml.length;
}

/**
 * Index just past the doctype whose text after `<!DOCTYPE` starts at `from`, or -1 when it never
 * ends: its first '>' outside the internal subset, which ends at the subset's first ']'.
 */
export function doctypeEnd(xml: string, from: number): number {
  let close = xml.indexOf(">", from);
  for (let open = xml.indexOf("[", from); open >= 0 && (open < close || close < 0); ) {
    const subsetEnd = xml.indexOf("]", open + 1);
    if (subsetEnd < 0) return -1;
    if (close >= 0 && close < subsetEnd) close = xml.indexOf(">", subsetEnd + 1);
    open = xml.indexOf("[", subsetEnd + 1);
  }
  return close < 0 ? -1 : close + 1;
}
