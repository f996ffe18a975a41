import { describe, expect, it } from "vitest";
import { canonicalOf, canonicalUrl } from "./canonical-url.js";
import { parseFeed } from "./parse.js";

const OPTIONS = { now: new Date("2026-11-25T12:00:00Z") };

describe("canonicalUrl", () => {
  it.each([
    ["https://News.Example:443/a/b/?utm_source=rss&utm_medium=feed#top", "//news.example/a/b"],
    ["http://www.news.example/a/b", "//news.example/a/b"],
    ["https://news.example/a?fbclid=1&id=7&gclid=2&mc_cid=3&ref=home", "//news.example/a?id=7"],
    ["https://news.example/a?b=2&a=1", "//news.example/a?a=1&b=2"],
    ["https://news.example:8080/", "//news.example:8080"],
    ["https://news.example/A", "//news.example/A"],
  ])("%s → %s", (address, canonical) => {
    expect(canonicalUrl(address)).toBe(canonical);
  });

  it("is undefined for what is not an http(s) address", () => {
    expect(canonicalUrl("tag:museum,2026:1")).toBeUndefined();
    expect(canonicalUrl("mailto:a@b.example")).toBeUndefined();
    expect(canonicalUrl(undefined)).toBeUndefined();
  });

  it("prefers the canonical link a feed gives over a redirecting one", () => {
    expect(
      canonicalOf({ link: "https://feeds.example/~r/x/1", canonical: "https://news.example/a" }),
    ).toBe("//news.example/a");
    expect(canonicalOf({ link: "https://news.example/a?utm_campaign=x" })).toBe("//news.example/a");
  });
});

describe("the canonical link feeds give", () => {
  it("reads Atom's rel=canonical and FeedBurner's origLink, and only when it differs", async () => {
    const atom = await parseFeed(
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>f</id>
      <updated>2026-11-25T00:00:00Z</updated>
      <entry><id>e1</id><title>A</title><updated>2026-11-25T00:00:00Z</updated>
        <link rel="alternate" href="https://blog.example/a?utm_source=atom"/>
        <link rel="canonical" href="/articles/a"/></entry>
      <entry><id>e2</id><title>B</title><updated>2026-11-25T00:00:00Z</updated>
        <link href="https://blog.example/b"/></entry></feed>`,
      "https://blog.example/feed.atom",
      OPTIONS,
    );
    expect(atom.items.map((item) => item.canonical)).toEqual([
      "https://blog.example/articles/a",
      undefined,
    ]);
    const rss = await parseFeed(
      `<?xml version="1.0"?><rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
      <channel><title>T</title><link>https://news.example/</link><description>d</description>
      <item><title>A</title><link>https://feeds.example/~r/news/~3/abc/</link>
        <feedburner:origLink>https://news.example/a</feedburner:origLink></item>
      </channel></rss>`,
      "https://feeds.example/news",
      OPTIONS,
    );
    expect(rss.items[0]?.canonical).toBe("https://news.example/a");
  });
});
