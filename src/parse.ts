/**
 * Parse stage: feed text → ParsedFeed. The format is told from the content, never from the URL or
 * content type: RSS 0.9x/1.0 (RDF)/2.0 and Atom 0.3/1.0 go through rss-parser, JSON Feed 1.0/1.1
 * is read here. Common breakage (junk before the root, bare '&', HTML entities, control
 * characters) is repaired first and reported once in `notes`. `feedUrl` only resolves relative
 * links: this stage does no I/O, and it never throws anything but FeedParseError.
 */
import { decodeHTMLStrict } from "entities";
import type Parser from "rss-parser";
import { CrieurError } from "./errors.js";
import type { ParsedFeed } from "./item.js";
import {
  assignKeys,
  type DraftItem,
  resolveBase,
  resolveLink,
  toIsoDate,
  toPlainText,
  toPlainTitle,
} from "./normalize.js";

/** The text could not be read as a feed; the message says what was found instead. */
export class FeedParseError extends CrieurError {
  override name = "FeedParseError";
  constructor(
    readonly feedUrl: string,
    problem: string,
  ) {
    super(`Cannot read the feed ${feedUrl}: ${problem}`);
  }
}

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

// ---------------------------------------------------------------------------------------------
// XML: detection and repairs

const FEED_ROOTS = new Set(["rss", "rdf", "feed"]);
const HTML_ROOTS = new Set(["html", "head", "body"]);
const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
// Characters XML 1.0 forbids anywhere, even in CDATA (https://www.w3.org/TR/xml/#charsets).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const XML_ILLEGAL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

async function parseXmlFeed(body: string, feedUrl: string): Promise<ParsedFeed> {
  const notes = new Set<string>();
  const firstMarkup = body.search(/<[?!a-zA-Z]/);
  if (firstMarkup < 0) throw notAFeed(feedUrl, body);
  const skipped = body.slice(0, firstMarkup);
  let xml = body.slice(firstMarkup);
  if (skipped.trim() !== "") notes.add("text before the first XML tag removed");
  else if (skipped !== "" && xml.startsWith("<?xml")) {
    notes.add("blank space before the XML declaration removed");
  }

  const root = rootElement(xml);
  if (root === "doctype-html" || HTML_ROOTS.has(root?.toLowerCase() ?? "")) {
    throw new FeedParseError(
      feedUrl,
      "got an HTML page, not a feed — is the URL the feed's address?",
    );
  }
  if (root === undefined) {
    throw new FeedParseError(
      feedUrl,
      "the document ends before its first element (truncated download?).",
    );
  }
  if (!FEED_ROOTS.has(localName(root).toLowerCase())) {
    throw new FeedParseError(
      feedUrl,
      `not a feed: the document's root element is <${root}>, expected <rss>, <feed> or <rdf:RDF>.`,
    );
  }

  xml = repairXml(xml, notes);
  const raw = await runRssParser(xml, feedUrl, lineCount(skipped));
  const feedBase = resolveBase(attribute(raw.feedAttrs, "xml:base"), feedUrl);
  const atom = localName(root) === "feed";
  const drafts = asArray(raw.items).map((item) => draftFromXml(asRecord(item), feedBase, atom));
  const keyed = assignKeys(drafts);
  return {
    title: toPlainTitle(textOf(raw.title)),
    items: keyed.items,
    ...(keyed.guidsRepeated ? { guidsRepeated: true } : {}),
    notes: [...notes, ...keyed.notes],
  };
}

/** Name of the root element, "doctype-html" for an HTML doctype, undefined when there is none. */
function rootElement(xml: string): string | undefined {
  let rest = xml;
  for (;;) {
    rest = rest.trimStart();
    const prolog = /^(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE\b(\[[\s\S]*?\]|[^>[])*>)/i.exec(
      rest,
    );
    if (!prolog) break;
    if (/^<!DOCTYPE\s+html\b/i.test(prolog[0])) return "doctype-html";
    rest = rest.slice(prolog[0].length);
  }
  return /^<([A-Za-z_][\w:.-]*)/.exec(rest)?.[1];
}

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function notAFeed(feedUrl: string, body: string): FeedParseError {
  const excerpt = body.trim().slice(0, 40).replace(/\s+/g, " ");
  return new FeedParseError(feedUrl, `not a feed: the document starts with "${excerpt}".`);
}

/**
 * Repairs what strict XML parsers reject but feeds commonly contain. CDATA sections and comments
 * are left alone: their text is literal, so an '&' there is not an error.
 */
function repairXml(xml: string, notes: Set<string>): string {
  const withoutControls = xml.replace(XML_ILLEGAL_CHARACTERS, "");
  if (withoutControls.length !== xml.length) notes.add("illegal control characters removed");
  // Most feeds use only XML's own five entities: nothing to repair, and no need to scan sections.
  if (!NEEDS_ENTITY_REPAIR.test(withoutControls)) return withoutControls;
  // A matchAll loop, not split(regex): V8's split with a capturing regex retries the regex at
  // every position and cost ~2 ms per 100 kB feed, most of a 1000-feed run's parse time.
  const parts: string[] = [];
  let from = 0;
  for (const literal of withoutControls.matchAll(LITERAL_SECTIONS)) {
    parts.push(repairEntities(withoutControls.slice(from, literal.index), notes), literal[0]);
    from = literal.index + literal[0].length;
  }
  parts.push(repairEntities(withoutControls.slice(from), notes));
  return parts.join("");
}

/** An '&' that is not one of XML's five named entities: bare, numeric or HTML-named. */
const NEEDS_ENTITY_REPAIR = /&(?!(?:amp|lt|gt|quot|apos);)/;

/** CDATA sections and comments, whose text is literal. */
const LITERAL_SECTIONS = /<!(?:\[CDATA\[[\s\S]*?\]\]>|--[\s\S]*?-->)/g;

function repairEntities(text: string, notes: Set<string>): string {
  return text.replace(
    /&(?:#(\d+);|#[xX]([0-9a-fA-F]+);|([A-Za-z][A-Za-z0-9]*);)?/g,
    (whole, decimal?: string, hex?: string, name?: string) => {
      if (decimal !== undefined || hex !== undefined) {
        const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? "", 16);
        if (isXmlChar(codePoint)) return whole;
        notes.add("illegal control characters removed");
        return "";
      }
      if (name !== undefined) {
        if (XML_ENTITIES.has(name)) return whole;
        const decoded = decodeHTMLStrict(whole);
        if (decoded !== whole) {
          notes.add("HTML entities (like '&nbsp;') converted for XML");
          return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join("");
        }
      }
      notes.add("bare '&' escaped");
      return `&amp;${whole.slice(1)}`;
    },
  );
}

function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

function lineCount(text: string): number {
  return text.split("\n").length - 1;
}

// ---------------------------------------------------------------------------------------------
// XML: rss-parser

type RawRecord = Readonly<Record<string, unknown>>;

/**
 * rss-parser (with xml2js) is loaded on the first XML feed: a run whose feeds all answer 304 never
 * needs it, and loading it is a noticeable part of such a run's start-up.
 */
let rssParser: Promise<Parser> | undefined;

function loadRssParser(): Promise<Parser> {
  rssParser ??= import("rss-parser").then(({ default: RssParser }) => createRssParser(RssParser));
  return rssParser;
}

function createRssParser(RssParser: typeof Parser): Parser {
  const rss = new RssParser({
    // `<rss>` without a version attribute (RSS 0.9x in the wild) is otherwise refused.
    defaultRSS: 2,
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
        "issued",
        "modified",
        "created",
      ],
    },
  });

  // rss-parser 3.13 runs `new Date(published).toISOString()` on Atom entries, which throws on an
  // unparseable date and loses the whole feed. Dates are taken out before and read by toIsoDate.
  const atomParser = rss as unknown as { parseItemAtom(entry: RawRecord): RawRecord };
  const parseItemAtom = atomParser.parseItemAtom.bind(rss);
  atomParser.parseItemAtom = (entry) => {
    const { published, updated, ...rest } = entry;
    return { ...parseItemAtom(rest), atomPublished: published, atomUpdated: updated };
  };
  return rss;
}

/** Sentinel for "rss-parser did not answer synchronously". */
const STALLED = Symbol("stalled");

async function runRssParser(xml: string, feedUrl: string, linesRemoved: number) {
  const rss = await loadRssParser();
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

/** sax says "Unexpected close tag\nLine: 4\nColumn: 3\nChar: >" with 0-based lines. */
function saxMessage(error: unknown, linesRemoved: number): string {
  const match = /^([^\n]*)\nLine: (\d+)\nColumn: (\d+)/.exec(
    error instanceof Error ? error.message : "",
  );
  if (!match) return describe(error);
  const line = Number(match[2]) + 1 + linesRemoved;
  return `${match[1]?.replace(/\.$/, "")} at line ${line}, column ${match[3]}`;
}

function draftFromXml(item: RawRecord, feedBase: string | undefined, atom: boolean): DraftItem {
  const base = resolveBase(attribute(item.attrs, "xml:base"), feedBase);
  const guid = textOf(item.guid ?? item.id).trim() || undefined;
  const link = itemLink(item, base, guid);
  // rss-parser names an RSS description `content`; in Atom, `content` is the full text.
  const description = textOf(item.content);
  return {
    guid,
    title: toPlainTitle(textOf(item.title)),
    link,
    published: firstDate(
      item.atomPublished,
      item.pubDate,
      item.date,
      item.issued,
      item.created,
      item.atomUpdated,
      item.modified,
    ),
    summary: chooseSummary(
      [
        atom ? undefined : description,
        textOf(item.summary),
        textOf(item.itunesSummary),
        textOf(item.itunesSubtitle),
      ],
      [textOf(item["content:encoded"]), atom ? description : undefined],
    ),
    author: authorName(textOf(item.creator ?? item.author ?? item.itunesAuthor)),
    categories: unique(
      [...asArray(item.rawCategories), ...asArray(item.dcSubjects)].map((category) =>
        toPlainText(
          attribute(category, "label") ?? attribute(category, "term") ?? textOf(category),
        ),
      ),
    ),
    image: itemImage(item, base),
  };
}

/** RSS 2.0 `<author>` is "email (Name)": the name is what readers know. */
function authorName(raw: string): string | undefined {
  const plain = toPlainText(raw);
  return /^\S+@\S+ \((.+)\)$/.exec(plain)?.[1] ?? (plain || undefined);
}

function itemLink(item: RawRecord, base: string | undefined, guid: string | undefined) {
  const links = asArray(item.rawLinks);
  const atomLinks = links.filter((link) => attribute(link, "href") !== undefined);
  if (atomLinks.length > 0) {
    // Atom: the alternate (or rel-less) link, preferring an HTML one.
    const alternates = atomLinks.filter((link) =>
      ["alternate", undefined].includes(attribute(link, "rel")),
    );
    const html = alternates.find((link) => /html/i.test(attribute(link, "type") ?? "html"));
    return resolveLink(attribute(html ?? alternates[0], "href"), base);
  }
  const text = links.map(textOf).find((link) => link.trim() !== "");
  if (text !== undefined) return resolveLink(text, base);
  // RSS 2.0: a guid is the item's permalink unless isPermaLink="false".
  const permalink = attribute(asArray(item.rawGuids)[0], "isPermaLink") !== "false";
  if (guid && permalink && /^https?:\/\//i.test(guid)) return resolveLink(guid, undefined);
  return undefined;
}

function itemImage(item: RawRecord, base: string | undefined): string | undefined {
  const enclosure = asRecord(item.enclosure);
  const group = asArray(item.mediaGroup).map(asRecord);
  const candidates: { url: unknown; type?: unknown; medium?: unknown }[] = [
    { url: enclosure.url, type: enclosure.type ?? "" },
    ...asArray(item.encEnclosure).map((node) => ({
      url: attribute(node, "rdf:resource") ?? attribute(node, "resource"),
      type: attribute(node, "type") ?? "",
    })),
    ...[...asArray(item.mediaContent), ...group.flatMap((g) => asArray(g["media:content"]))].map(
      (node) => ({
        url: attribute(node, "url"),
        type: attribute(node, "type"),
        medium: attribute(node, "medium"),
      }),
    ),
    ...[
      ...asArray(item.mediaThumbnail),
      ...group.flatMap((g) => asArray(g["media:thumbnail"])),
    ].map((node) => ({ url: attribute(node, "url"), medium: "image" })),
    ...asArray(item.itunesImage).map((node) => ({
      url: attribute(node, "href") ?? textOf(node),
      medium: "image",
    })),
    ...asArray(item.rawLinks)
      .filter((link) => attribute(link, "rel") === "enclosure")
      .map((link) => ({ url: attribute(link, "href"), type: attribute(link, "type") ?? "" })),
  ];
  for (const { url, type, medium } of candidates) {
    if (typeof url !== "string" || !isImage(url, type, medium)) continue;
    const resolved = resolveLink(url, base);
    if (resolved) return resolved;
  }
  return undefined;
}

function isImage(url: string, type: unknown, medium: unknown): boolean {
  if (medium === "image") return true;
  if (typeof type === "string" && type !== "") return type.toLowerCase().startsWith("image/");
  if (typeof medium === "string") return false;
  return /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i.test(url);
}

// ---------------------------------------------------------------------------------------------
// JSON Feed (https://www.jsonfeed.org/version/1.1/)

function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(
      feedUrl,
      `the document looks like JSON but is not valid JSON (${describe(error)}).`,
    );
  }
  const feed = asRecord(document);
  const version = typeof feed.version === "string" ? feed.version : "";
  // Some generators write "1.1" instead of the spec's version URL.
  const isJsonFeed = /jsonfeed\.org\/version\/|^\d+(\.\d+)?$/.test(version);
  if (!isJsonFeed || !Array.isArray(feed.items)) {
    throw new FeedParseError(
      feedUrl,
      'got JSON that is not a JSON Feed (it needs a "version" such as "https://jsonfeed.org/version/1.1" and an "items" list).',
    );
  }
  const notes: string[] = [];
  const objects = feed.items.filter(isRecord);
  if (objects.length < feed.items.length) {
    notes.push(
      `ignored ${feed.items.length - objects.length} entries of "items" that are not objects`,
    );
  }
  const base = resolveBase(stringOf(feed.feed_url), feedUrl);
  const feedAuthor = jsonAuthor(feed);
  const keyed = assignKeys(
    objects.map((item): DraftItem => {
      const id = typeof item.id === "number" ? String(item.id) : stringOf(item.id);
      return {
        guid: id?.trim() || undefined,
        title: toPlainTitle(stringOf(item.title)),
        link: resolveLink(stringOf(item.url) ?? stringOf(item.external_url), base),
        published: firstDate(item.date_published, item.date_modified),
        summary: chooseSummary(
          [stringOf(item.summary)],
          [stringOf(item.content_text), stringOf(item.content_html)],
        ),
        author: jsonAuthor(item) ?? feedAuthor,
        categories: unique(asArray(item.tags).map((tag) => toPlainText(stringOf(tag)))),
        image:
          resolveLink(stringOf(item.image), base) ?? resolveLink(stringOf(item.banner_image), base),
      };
    }),
  );
  return {
    title: toPlainTitle(stringOf(feed.title)),
    items: keyed.items,
    ...(keyed.guidsRepeated ? { guidsRepeated: true } : {}),
    notes: [...notes, ...keyed.notes],
  };
}

/** JSON Feed 1.1 `authors` list, or 1.0 `author` object. */
function jsonAuthor(holder: RawRecord): string | undefined {
  const author = asRecord(asArray(holder.authors)[0] ?? holder.author);
  return toPlainText(stringOf(author.name)) || undefined;
}

// ---------------------------------------------------------------------------------------------
// Field helpers shared by both formats

/**
 * The summary a reader sees: the shortest meaningful text among the short fields (description,
 * summary, subtitle), else the full content.
 */
function chooseSummary(
  shortFields: readonly (string | undefined)[],
  fullFields: readonly (string | undefined)[],
): string {
  const meaningful = (fields: readonly (string | undefined)[]) =>
    fields.map(toPlainText).filter((text) => /[\p{L}\p{N}]/u.test(text));
  const short = meaningful(shortFields).sort((a, b) => a.length - b.length)[0];
  return short ?? meaningful(fullFields)[0] ?? "";
}

function firstDate(...candidates: readonly unknown[]): string | undefined {
  for (const candidate of candidates) {
    const date = toIsoDate(textOf(candidate));
    if (date) return date;
  }
  return undefined;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ""))];
}

/**
 * Text of an xml2js node: a string, `{_: text, $: attrs}`, an array (its first element), or for
 * mixed content (e.g. Atom type="xhtml") the text of its children.
 */
function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  if (typeof node === "number") return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (!isRecord(node)) return "";
  if (
    typeof node._ === "string" &&
    Object.keys(node).every((name) => name === "_" || name === "$")
  ) {
    return node._;
  }
  // xml2js keeps mixed content as text plus children by name: word order across them is lost.
  return Object.entries(node)
    .filter(([name]) => name !== "$")
    .map(([, child]) => (Array.isArray(child) ? child.map(textOf).join(" ") : textOf(child)))
    .join(" ");
}

/** An attribute of an xml2js node (`node.$[name]`), or of an attribute map itself. */
function attribute(node: unknown, name: string): string | undefined {
  const record = asRecord(node);
  const attrs = isRecord(record.$) ? record.$ : record;
  const value = attrs[name];
  return typeof value === "string" ? value : undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function isRecord(value: unknown): value is RawRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): RawRecord {
  return isRecord(value) ? value : {};
}

function asArray(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/\s+/g, " ").trim();
  return String(error);
}
