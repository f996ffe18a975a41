/**
 * Hostile and pathological documents: each is read or refused with a FeedParseError that says
 * why, and none costs more than its size (the figures are in `npm run bench`, "parse: hostile").
 * Before these bounds, several of these inputs took minutes, hours or all the memory.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_DEPTH, MAX_ELEMENTS } from "./bounds.js";
import { parseFeed } from "./parse.js";
import { FeedParseError } from "./parse-error.js";
import { doctypeEnd } from "./xml-parser.js";

const FEED_URL = "https://feeds.example/feed.xml";
const OPTIONS = { now: new Date("2026-11-25T12:00:00Z") };

function rss(items: string, head = ""): string {
  return `${head}<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;
}

async function failure(text: string): Promise<FeedParseError> {
  const error = await parseFeed(text, FEED_URL, OPTIONS).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FeedParseError);
  return error as FeedParseError;
}

describe("parseFeed: bounds", () => {
  it("refuses elements nested deeper than the bound, closed or not", async () => {
    const deep = (depth: number, close: boolean) =>
      rss(
        `<item><title>t</title><description>${"<b>".repeat(depth)}x${close ? "</b>".repeat(depth) : ""}</description></item>`,
      );
    // rss, channel, item and description are four levels.
    await expect(parseFeed(deep(MAX_DEPTH - 4, true), FEED_URL, OPTIONS)).resolves.toMatchObject({
      items: [{ title: "t" }],
    });
    for (const close of [true, false]) {
      expect((await failure(deep(MAX_DEPTH, close))).message).toMatch(
        /nests more than 512 levels deep \(at line 1\), which no feed does/,
      );
    }
  });

  it("refuses a document of more elements than the bound, and counts lines", async () => {
    const text = rss(`<item><title>t</title>\n${"<x/>".repeat(MAX_ELEMENTS)}</item>`);
    expect((await failure(text)).message).toMatch(
      /has more than 1000000 XML elements and attributes \(at line 2\), more than crieur reads in one feed/,
    );
  });

  it("counts attributes with the elements", async () => {
    const attributes = Array.from({ length: MAX_ELEMENTS }, (_, i) => `a${i}=""`).join(" ");
    const text = rss(`<item ${attributes}><title>t</title></item>`);
    expect((await failure(text)).message).toMatch(/more than 1000000 XML elements and attributes/);
  });

  it.each([
    ["nested deeper than the bound", `${"[".repeat(MAX_DEPTH + 1)}`, /nests more than 512/],
    ["of more arrays than the bound", `${"[],".repeat(MAX_ELEMENTS)}[]`, /more than 1000000 JSON/],
  ])("refuses JSON %s", async (_case, items, message) => {
    const text = `{"version": "https://jsonfeed.org/version/1.1",\n"items": [${items}]}`;
    expect((await failure(text)).message).toMatch(message);
  });

  it("does not count brackets inside JSON strings", async () => {
    const title = `a \\"${"[".repeat(MAX_DEPTH + 1)}\\\\`;
    const text = `{"version": "1.1", "items": [{"id": "1", "title": "${title}"}]}`;
    const feed = await parseFeed(text, FEED_URL, OPTIONS);
    expect(feed.items[0]?.title).toBe(`a "${"[".repeat(MAX_DEPTH + 1)}\\`);
  });
});

describe("parseFeed: hostile text", () => {
  it("reads a doctype whose internal subset never ends, quickly, as truncated", async () => {
    // A single doctype regex took exponential time here.
    const text = `<!DOCTYPE rss ${"[a]".repeat(50_000)}`;
    expect((await failure(text)).message).toMatch(/ends before its first element/);
  });

  it("finds a doctype's end where the regex it replaced did", () => {
    const regex = /^<!DOCTYPE\b(\[[\s\S]*?\]|[^>[])*>/i;
    const text = fc.array(fc.constantFrom("[", "]", ">", "a", " ", '"', "<"), { maxLength: 16 });
    fc.assert(
      fc.property(text, (chars) => {
        const doctype = `<!DOCTYPE ${chars.join("")}`;
        expect(doctypeEnd(doctype, 9)).toBe(regex.exec(doctype)?.[0].length ?? -1);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['<!DOCTYPE rss [<!ENTITY x "]">]>', /ends before its first element/],
    ['<!DOCTYPE rss [<!ENTITY a "b">]>\n', undefined],
    ["<?xml version='1.0'?><!-- c --><!doctype rss>", undefined],
    ["<!DOCTYPE html>", /got an HTML page/],
  ])("reads the prolog %j as before", async (prolog, message) => {
    const outcome = parseFeed(rss("", prolog), FEED_URL, OPTIONS);
    if (message === undefined) await expect(outcome).resolves.toMatchObject({ title: "T" });
    else await expect(outcome).rejects.toThrow(message);
  });

  it("refuses long '<!' declarations sax would read in quadratic time, naming the line", async () => {
    const text = rss(`<item><title>a</title></item>\n<!${"x".repeat(10_000)}>`);
    expect((await failure(text)).message).toMatch(
      /no comment, CDATA section or doctype than can be read \(too much by line 2\)/,
    );
  });

  it("still reads the short '<!' declarations broken feeds contain (sax skips them)", async () => {
    const text = rss(`<item><title>a<![if !vml]>b<![endif]></title></item>`);
    expect((await parseFeed(text, FEED_URL, OPTIONS)).items[0]?.title).toBe("ab");
  });

  it("reads descriptions full of unclosed '<' (rss-parser's snippets were quadratic)", async () => {
    const item = (text: string) =>
      `<item><title>t</title><description>${text}</description></item>`;
    const feed = await parseFeed(rss(item("&lt;a ".repeat(100_000))), FEED_URL, OPTIONS);
    expect(feed.items[0]?.summary).toBe("");
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><title>t</title><content type="html">${"&lt;p ".repeat(100_000)}</content></entry></feed>`;
    expect((await parseFeed(atom, FEED_URL, OPTIONS)).items[0]?.summary).toBe("");
  });

  it("keeps inline XHTML in an RSS description and Atom content, rebuilt by rss-parser", async () => {
    const feed = await parseFeed(
      rss("<item><title>t</title><description><p>Hello <b>you</b></p></description></item>"),
      FEED_URL,
      OPTIONS,
    );
    expect(feed.items[0]?.summary).toBe("Hello you");
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><title>t</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <em>there</em></p></div></content></entry></feed>`;
    expect((await parseFeed(atom, FEED_URL, OPTIONS)).items[0]?.summary).toBe("Hi there");
  });

  it("gives a broken feed the same message every time (no state left from the last feed)", async () => {
    // With one rss-parser instance for every feed, every other parse of this said "Unable to
    // parse XML.": the previous failure's parser had not finished.
    const truncated = rss("<item><title>a</title></item>").slice(0, -20);
    const messages = new Set<string>();
    for (let i = 0; i < 3; i++) messages.add((await failure(truncated)).message);
    expect([...messages]).toEqual([expect.stringMatching(/Unclosed root tag at line 1/)]);
  });

  it("reads a flood of bare '&' and unclosed CDATA and comments, or says where it breaks", async () => {
    const item = "<item><title>a & b <![CDATA[ x</title></item>\n";
    expect((await failure(rss(item.repeat(20_000)))).message).toMatch(
      /XML is broken and could not be repaired \(Unclosed root tag at line 20001,/,
    );
    const repairable = rss("<item><title>a & b</title><guid>1</guid></item>\n".repeat(20_000));
    expect((await parseFeed(repairable, FEED_URL, OPTIONS)).notes).toContain("bare '&' escaped");
  });

  it("counts lines of text removed before the document", async () => {
    const text = `${"junk\n".repeat(30_000)}${rss("<item><title>a</title>")}`;
    expect((await failure(text)).message).toMatch(/at line 30001/);
  });
});
