/** JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/) → ParsedFeed. */
import { checkJsonShape } from "./bounds.js";
import {
  asArray,
  asRecord,
  chooseSummary,
  firstDate,
  isRecord,
  type RawRecord,
  stringOf,
  unique,
} from "./fields.js";
import type { ParsedFeed } from "./item.js";
import { firstImg, type ItemImage } from "./item-image.js";
import {
  assignKeys,
  type DraftItem,
  resolveBase,
  resolveLink,
  toPlainText,
  toPlainTitle,
} from "./normalize.js";
import { describe, FeedParseError } from "./parse-error.js";

export function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  checkJsonShape(text, feedUrl);
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
        ...jsonImage(item, base),
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

/** `image`, else `banner_image`, else the first <img> of `content_html`. */
function jsonImage(item: RawRecord, base: string | undefined): ItemImage {
  const image =
    resolveLink(stringOf(item.image), base) ?? resolveLink(stringOf(item.banner_image), base);
  if (image !== undefined) return { image };
  return firstImg(stringOf(item.content_html) ?? "", base) ?? { image: undefined };
}

/** JSON Feed 1.1 `authors` list, or 1.0 `author` object. */
function jsonAuthor(holder: RawRecord): string | undefined {
  const author = asRecord(asArray(holder.authors)[0] ?? holder.author);
  return toPlainText(stringOf(author.name)) || undefined;
}
