/** RSS 0.9x/1.0/2.0 and Atom: detection of the root element, rss-parser, and items as drafts. */
import type Parser from "rss-parser";
import {
  asArray,
  asRecord,
  attribute,
  chooseSummary,
  firstDate,
  type RawRecord,
  textOf,
  unique,
} from "./fields.js";
import type { ParsedFeed } from "./item.js";
import {
  assignKeys,
  type DraftItem,
  resolveBase,
  resolveLink,
  toPlainText,
  toPlainTitle,
} from "./normalize.js";
import { notAFeedPage } from "./page.js";
import { describe, FeedParseError } from "./parse-error.js";
import { repairXml } from "./xml-repair.js";

const FEED_ROOTS = new Set(["rss", "rdf", "feed"]);
const HTML_ROOTS = new Set(["html", "head", "body"]);

export async function parseXmlFeed(body: string, feedUrl: string): Promise<ParsedFeed> {
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
    throw notAFeedPage(feedUrl, xml);
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

function lineCount(text: string): number {
  return text.split("\n").length - 1;
}

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
        ["feedburner:origLink", "origLink"],
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
  const canonical = itemCanonical(item, base);
  // rss-parser names an RSS description `content`; in Atom, `content` is the full text.
  const description = textOf(item.content);
  return {
    guid,
    title: toPlainTitle(textOf(item.title)),
    link,
    ...(canonical !== undefined && canonical !== link ? { canonical } : {}),
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

/** The article's own address, when the feed names one besides the link. */
function itemCanonical(item: RawRecord, base: string | undefined): string | undefined {
  const rel = asArray(item.rawLinks).find((link) => attribute(link, "rel") === "canonical");
  return resolveLink(attribute(rel, "href") ?? textOf(item.origLink), base);
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
