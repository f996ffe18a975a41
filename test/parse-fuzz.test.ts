/**
 * Fuzz test of the parse path: whatever the text, parseFeed resolves to a ParsedFeed or rejects
 * with a FeedParseError — never another error, never a promise that stays pending. Hostile
 * floods are here too, at a size that keeps the test quick; their cost per MB is in the bench.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, it } from "vitest";
import { parseFeed } from "../src/sources/parse.js";
import { FeedParseError } from "../src/sources/parse-error.js";

const FIXTURES = new URL("./fixtures/feeds/", import.meta.url);
const fixtures = readdirSync(FIXTURES).map((name) => readFileSync(new URL(name, FIXTURES), "utf8"));

/** Throws unless the outcome is a well-formed ParsedFeed or a FeedParseError. */
async function parsesOrRejectsCleanly(text: string): Promise<void> {
  let feed: Awaited<ReturnType<typeof parseFeed>>;
  try {
    feed = await parseFeed(text, "https://fuzz.example/feed.xml", { now: new Date(0) });
  } catch (error) {
    if (error instanceof FeedParseError) return;
    throw error;
  }
  const keys = new Set(feed.items.map((item) => item.key));
  if (keys.size !== feed.items.length) throw new Error("duplicate keys");
  for (const item of feed.items) {
    if (typeof item.title !== "string" || typeof item.summary !== "string") {
      throw new Error(`item fields are not text: ${JSON.stringify(item)}`);
    }
    if (item.published !== undefined && Number.isNaN(Date.parse(item.published))) {
      throw new Error(`bad date ${item.published}`);
    }
  }
}

// Snippets that break XML parsers in practice.
const junk = fc.constantFrom(
  "&",
  "&nbsp;",
  "&#1;",
  "&#xD800;",
  "&bogus;",
  "<",
  ">",
  "]]>",
  "<![CDATA[",
  "<!--",
  "\u0000",
  "\u0008",
  "\uFFFF",
  "\uFEFF",
  '"',
  "<item>",
  "</channel>",
  "<entry>",
  "{",
  "<html>",
  "<?xml version='1.0'?>",
);

const mutated = fc
  .tuple(
    fc.constantFrom(...fixtures),
    fc.array(
      fc.record({
        kind: fc.constantFrom("truncate", "flip", "insert", "delete"),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        text: fc.oneof(
          junk,
          fc.string({ maxLength: 8 }),
          fc.string({ unit: "binary", maxLength: 4 }),
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([source, edits]) =>
    edits.reduce((text, { kind, at, text: snippet }) => {
      const index = Math.floor(at * text.length);
      switch (kind) {
        case "truncate":
          return text.slice(0, index);
        case "flip":
          return text.slice(0, index) + snippet.slice(0, 1) + text.slice(index + 1);
        case "insert":
          return text.slice(0, index) + snippet + text.slice(index);
        default:
          return text.slice(0, index) + text.slice(index + 1 + snippet.length);
      }
    }, source),
  );

describe("parseFeed fuzz", () => {
  it("handles random strings", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 200 }), parsesOrRejectsCleanly),
      { numRuns: 300 },
    );
  });

  it("handles random bytes decoded as UTF-8 and Latin-1", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        await parsesOrRejectsCleanly(Buffer.from(bytes).toString("utf8"));
        await parsesOrRejectsCleanly(Buffer.from(bytes).toString("latin1"));
      }),
      { numRuns: 200 },
    );
  });

  it("handles strings shaped like feeds", async () => {
    const start = fc.constantFrom(
      "<rss>",
      '<rss version="2.0"><channel>',
      "<feed>",
      "<rdf:RDF>",
      "{",
    );
    await fc.assert(
      fc.asyncProperty(
        start,
        fc.array(fc.oneof(junk, fc.string({ maxLength: 6 }))),
        (head, parts) => parsesOrRejectsCleanly(head + parts.join("")),
      ),
      { numRuns: 300 },
    );
  });

  it("handles mutated fixture feeds (truncation, flips, junk)", async () => {
    await fc.assert(fc.asyncProperty(mutated, parsesOrRejectsCleanly), { numRuns: 600 });
  });

  it("handles floods of hostile markup (repeated snippets, tens of kB)", async () => {
    // Unclosed sections, bare '&', deep nesting, '<!' declarations, one huge line: the shapes
    // that once made the repair scan, the prolog regex, sax or htmlparser2 super-linear.
    const hostile = fc.oneof(
      junk,
      fc.constantFrom(
        "<b>",
        "</i>",
        "<!x",
        "< !y",
        '"',
        "[a]",
        "&lt;a ",
        "&lt;div&gt;",
        "<![CDATA[&lt;p ",
        "<!DOCTYPE rss [",
        "x".repeat(50),
      ),
    );
    const start = fc.constantFrom(
      '<rss version="2.0"><channel><item><title>',
      '<rss version="2.0"><channel><item><description>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">',
      "<!DOCTYPE rss [",
      '{"version": "1.1", "items": [',
    );
    await fc.assert(
      fc.asyncProperty(
        start,
        fc.array(hostile, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 500, max: 5_000 }),
        (head, parts, times) => parsesOrRejectsCleanly(head + parts.join("").repeat(times)),
      ),
      { numRuns: 60 },
    );
  });

  it("handles JSON values", async () => {
    const feedLike = fc.record({
      version: fc.oneof(fc.constant("https://jsonfeed.org/version/1.1"), fc.jsonValue()),
      items: fc.oneof(
        fc.array(
          fc.dictionary(
            fc.constantFrom("id", "url", "title", "image", "date_published", "tags", "authors"),
            fc.jsonValue(),
          ),
        ),
        fc.jsonValue(),
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), feedLike), (value) =>
        parsesOrRejectsCleanly(JSON.stringify(value) ?? ""),
      ),
      { numRuns: 300 },
    );
  });
});
