import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CrieurError } from "../errors.js";
import type { Item } from "./item.js";
import { parseFeed } from "./parse.js";
import { FeedParseError } from "./parse-error.js";

const FEED_URL = "https://feeds.example/dir/feed.xml";
const OPTIONS = { now: new Date("2026-11-25T12:00:00Z") };

function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/feeds/${name}`, import.meta.url), "utf8");
}

async function parseFixture(name: string) {
  return parseFeed(fixture(name), FEED_URL, OPTIONS);
}

describe("parseFeed: formats", () => {
  it.each([
    ["rss2.xml", "Musée du Quai & Co", 3],
    ["rss091-noversion.xml", "Café des arts", 2],
    ["rss092.xml", "Town library", 1],
    ["rss1.rdf", "Lab notes", 2],
    ["atom.xml", "Gallery journal", 2],
    ["atom03.xml", "Old weblog", 1],
    ["jsonfeed-1.0.json", "Theatre bills", 2],
    ["jsonfeed-1.1.json", "Concert hall", 1],
  ])("%s: title %j, %i items", async (name, title, count) => {
    const feed = await parseFixture(name);
    expect(feed.title).toBe(title);
    expect(feed.items).toHaveLength(count);
  });
});

/** The first items of each fixture, field by field (undefined fields are absent or undefined). */
const EXPECTED_ITEMS: [string, number, Partial<Item>][] = [
  [
    "rss2.xml",
    0,
    {
      key: "https://musee.example/events/night",
      title: "Night at the museum",
      link: "https://musee.example/events/night", // permalink guid, no <link>
      published: "2024-03-05T17:30:00.000Z",
      summary: "Open late every Friday.", // description, not the longer content:encoded
      author: "Ada Martin",
      categories: ["Events", "Late openings"],
      image: "https://feeds.example/img/night.jpg", // relative enclosure, resolved on the feed URL
    },
  ],
  [
    "rss2.xml",
    1,
    {
      key: "news-42",
      link: "https://musee.example/news/closed",
      author: "Press office",
      image: undefined, // audio enclosure
    },
  ],
  ["rss2.xml", 2, { key: "https://musee.example/internal/7", link: undefined }],
  [
    "rss091-noversion.xml",
    0,
    { title: "Soirée jazz — vendredi", summary: "Entrée libre.", published: undefined },
  ],
  ["rss091-noversion.xml", 1, { link: "https://feeds.example/dir/poesie.html" }],
  ["rss092.xml", 0, { image: "http://library.example/cover.png" }],
  [
    "rss1.rdf",
    0,
    {
      key: "http://lab.example/n/1",
      published: "2023-11-02T15:15:00.000Z",
      author: "R. Hooke",
      categories: ["Biology"],
      summary: "",
    },
  ],
  ["rss1.rdf", 1, { title: "Rent $950 for 30m2" }],
  [
    "atom.xml",
    0,
    {
      key: "tag:gallery.example,2024:1",
      link: "https://gallery.example/blog/2024/new-wing", // rel=alternate html, feed xml:base
      published: "2024-02-10T10:00:00.000Z", // bad <published>, falls back to <updated>
      summary: "A short summary.",
      author: "Lou Reed",
      categories: ["Architecture", "news"],
      image: "https://gallery.example/media/wing.webp",
    },
  ],
  [
    "atom.xml",
    1,
    {
      title: "Old masters",
      link: "https://gallery.example/archive/masters.html", // entry xml:base
      summary: "Only content here.",
      image: "https://gallery.example/archive/thumbs/masters.jpg",
    },
  ],
  [
    "atom03.xml",
    0,
    {
      key: "tag:old.example,2004:first",
      link: "http://old.example/2004/05/first",
      published: "2004-05-01T14:00:00.000Z",
      summary: "Hello world",
    },
  ],
  [
    "jsonfeed-1.0.json",
    0,
    {
      key: "17",
      title: "Hamlet & friends",
      link: "https://theatre.example/plays/hamlet",
      published: "2024-04-01T18:00:00.000Z",
      summary: "Tonight at eight.",
      author: "Box office",
      categories: ["drama", "classic"],
      image: "https://theatre.example/img/hamlet.jpg",
    },
  ],
  ["jsonfeed-1.0.json", 1, { key: "18", title: "", link: "https://elsewhere.example/rehearsal" }],
  [
    "jsonfeed-1.1.json",
    0,
    {
      summary: "Bach and more.",
      author: "Clara",
      published: "2024-05-02T10:00:00.000Z",
      image: "https://hall.example/banner.png",
    },
  ],
  ["media.xml", 0, { image: "https://media.example/big.jpg", link: undefined }],
  ["media.xml", 1, { image: "https://media.example/thumb.png" }],
  ["media.xml", 2, { image: "https://media.example/ep.jpg" }],
  ["media.xml", 3, { image: "https://media.example/group.gif" }],
  ["media.xml", 4, { image: undefined }],
  ["media.xml", 3, { imageAlt: "The group's title" }],
  ["media.xml", 5, { image: "https://media.example/hall.jpg", imageAlt: "The great hall at dawn" }],
  [
    "media.xml",
    6,
    { image: "https://feeds.example/img/vase.png?w=800&h=600", imageAlt: "A blue vase" },
  ],
];

describe("parseFeed: item fields", () => {
  it.each(EXPECTED_ITEMS)("%s item %i", async (name, index, expected) => {
    const item = (await parseFixture(name)).items[index];
    expect(item).toBeDefined();
    for (const [field, value] of Object.entries(expected)) {
      expect(item?.[field as keyof Item], field).toEqual(value);
    }
  });
});

describe("parseFeed: identity", () => {
  it("keys items that share a guid by link and collapses identical duplicates", async () => {
    const feed = await parseFixture("repeated-guid.xml");
    expect(feed.items.map((item) => [item.title, item.key])).toEqual([
      ["Otter", "https://zoo.example/otter"],
      ["Lynx", "https://zoo.example/lynx"],
      ["Owl", "owl-1"],
      ["Bear", "https://zoo.example/"],
    ]);
    expect(feed.notes).toEqual([
      "3 items share a guid with another item; they are identified by their link instead",
      "1 duplicate items ignored (same as another item)",
    ]);
    expect(feed.guidsRepeated).toBe(true);
    expect((await parseFixture("rss2.xml")).guidsRepeated).toBeUndefined();
  });

  it("hashes title and date when there is neither guid nor link, stably", async () => {
    const first = await parseFixture("no-guid-no-link.xml");
    const again = await parseFixture("no-guid-no-link.xml");
    const keys = first.items.map((item) => item.key);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(new Set(keys).size).toBe(2);
    expect(again.items.map((item) => item.key)).toEqual(keys);
  });

  it.each(["rss2.xml", "atom.xml", "repeated-guid.xml", "media.xml", "jsonfeed-1.0.json"])(
    "%s: keys are unique",
    async (name) => {
      const keys = (await parseFixture(name)).items.map((item) => item.key);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );
});

describe("parseFeed: repairs", () => {
  it.each([
    ["bare-ampersand.xml", "Fish & Chips & more", "bare '&' escaped"],
    ["html-entities.xml", "Café news", "HTML entities (like '&nbsp;') converted for XML"],
    ["control-chars.xml", "Control", "illegal control characters removed"],
    ["junk-before-declaration.xml", "Junk first", "text before the first XML tag removed"],
    ["rss091-noversion.xml", "Café des arts", "HTML entities (like '&nbsp;') converted for XML"],
  ])("%s parses, with a note", async (name, title, note) => {
    const feed = await parseFixture(name);
    expect(feed.title).toBe(title);
    expect(feed.notes).toEqual([note]);
    expect(feed.items).toHaveLength(1 + Number(name === "rss091-noversion.xml"));
  });

  it.each([
    ["bare-ampersand.xml", "Salt & vinegar", "https://chips.example/a?x=1&y=2"],
    ["html-entities.xml", "Crème brûlée…", "https://cafe.example/creme"],
    ["control-chars.xml", "abcde", "https://ctl.example/1"],
  ])("%s: item reads %j", async (name, title, link) => {
    const [item] = (await parseFixture(name)).items;
    expect(item?.title).toBe(title);
    expect(item?.link).toBe(link);
  });

  it("leaves CDATA alone while repairing around it", async () => {
    const [item] = (await parseFixture("bare-ampersand.xml")).items;
    expect(item?.summary).toBe("Keep & as is");
  });

  it.each([
    ["a BOM", "\uFEFF"],
    ["a blank line", "\n"],
  ])("accepts %s before the declaration", async (_case, prefix) => {
    const feed = await parseFeed(`${prefix}${fixture("rss092.xml")}`, FEED_URL, OPTIONS);
    expect(feed.items).toHaveLength(1);
  });

  it("reports nothing for a clean feed", async () => {
    expect((await parseFixture("rss2.xml")).notes).toEqual([]);
  });
});

describe("parseFeed: rejections", () => {
  it.each([
    ["an HTML page", fixture("html-page.html"), /got an HTML page, not a feed/],
    ["HTML without doctype", "<html><body>hi</body></html>", /got an HTML page/],
    ["a truncated feed", fixture("truncated.xml"), /XML is broken.*Unclosed root tag at line 11/],
    ["an empty body", "", /the document is empty/],
    ["a blank body", " \n\t ", /the document is empty/],
    [
      "plain text",
      "Service unavailable",
      /not a feed: the document starts with "Service unavailable"/,
    ],
    ["another XML document", '<?xml version="1.0"?><svg></svg>', /root element is <svg>/],
    ["a declaration only", '<?xml version="1.0"?>', /ends before its first element/],
    ["broken JSON", '{"version": ', /looks like JSON but is not valid JSON/],
    ["JSON that is not a feed", '{"status": "ok"}', /JSON that is not a JSON Feed/],
    ["a JSON array", "[1, 2]", /JSON that is not a JSON Feed/],
    [
      "a JSON Feed without items",
      '{"version": "https://jsonfeed.org/version/1.1"}',
      /JSON that is not a JSON Feed/,
    ],
    [
      "a mismatched tag",
      '<rss version="2.0"><channel><title>x</channel></rss>',
      /XML is broken.*close tag/i,
    ],
  ])("rejects %s", async (_case, text, message) => {
    const failure = parseFeed(text, FEED_URL, OPTIONS);
    await expect(failure).rejects.toThrow(FeedParseError);
    await expect(failure).rejects.toThrow(message);
  });

  it("names the feed and stays in the crieur error family", async () => {
    const error = await parseFeed("nope", FEED_URL, OPTIONS).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CrieurError);
    expect(error).toMatchObject({ name: "FeedParseError", feedUrl: FEED_URL });
    expect((error as Error).message).toMatch(/^Cannot read the feed https:\/\/feeds\.example/);
  });

  it("keeps working after a rejection (the rss-parser instance is shared)", async () => {
    await expect(parseFeed(fixture("truncated.xml"), FEED_URL, OPTIONS)).rejects.toThrow(
      FeedParseError,
    );
    await expect(parseFixture("rss092.xml")).resolves.toMatchObject({ title: "Town library" });
  });
});
