/** RSS 0.9x/1.0/2.0 and Atom: the root element, rss-parser (xml-parser.ts), items as drafts. */
import { linesBefore } from "./bounds.js";
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
import { itemImage } from "./item-image.js";
import {
  assignKeys,
  type DraftItem,
  resolveBase,
  resolveLink,
  toPlainText,
  toPlainTitle,
} from "./normalize.js";
import { notAFeedPage } from "./page.js";
import { FeedParseError } from "./parse-error.js";
import { doctypeEnd, parseXmlTree } from "./xml-parser.js";
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
  const raw = await parseXmlTree(xml, feedUrl, linesBefore(skipped, skipped.length));
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
  let at = 0;
  for (;;) {
    BLANKS.lastIndex = at;
    at += BLANKS.exec(xml)?.[0].length ?? 0;
    const end = prologEnd(xml, at);
    if (end < 0) break;
    if (/^<!DOCTYPE\s+html\b/i.test(xml.slice(at, end))) return "doctype-html";
    at = end;
  }
  return /^<([A-Za-z_][\w:.-]*)/.exec(xml.slice(at))?.[1];
}

const BLANKS = /\s*/y;

/**
 * Index just past the processing instruction, comment or doctype at `at`, or -1 when there is
 * none or it never ends. Scanned, not matched with one regex: a doctype regex backtracks
 * exponentially on a long unclosed "[a][a]…".
 */
function prologEnd(xml: string, at: number): number {
  for (const [opener, closer] of PROLOG_SECTIONS) {
    if (!xml.startsWith(opener, at)) continue;
    const close = xml.indexOf(closer, at + opener.length);
    return close < 0 ? -1 : close + closer.length;
  }
  return /^<!DOCTYPE\b/i.test(xml.slice(at, at + 10)) ? doctypeEnd(xml, at + 9) : -1;
}

const PROLOG_SECTIONS = [
  ["<?", "?>"],
  ["<!--", "-->"],
] as const;

function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function notAFeed(feedUrl: string, body: string): FeedParseError {
  const excerpt = body.trim().slice(0, 40).replace(/\s+/g, " ");
  return new FeedParseError(feedUrl, `not a feed: the document starts with "${excerpt}".`);
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
    ...itemImage(item, base, [textOf(item["content:encoded"]), description]),
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
