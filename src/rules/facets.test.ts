import { describe, expect, it } from "vitest";
import { detectFacets, type Facet } from "./facets.js";

/** The text a facet covers, cut by its UTF-8 byte offsets as Bluesky does. */
function covered(text: string, facet: Facet): string {
  const bytes = new TextEncoder().encode(text);
  return new TextDecoder().decode(bytes.slice(facet.index.byteStart, facet.index.byteEnd));
}

const link = (uri: string) => ({ $type: "app.bsky.richtext.facet#link", uri });
const tag = (name: string) => ({ $type: "app.bsky.richtext.facet#tag", tag: name });

describe("detectFacets", () => {
  it("marks a link and a hashtag by byte offsets in ASCII text", () => {
    const text = "New post https://example.com/a?b=1 #news";
    expect(detectFacets(text)).toEqual([
      { index: { byteStart: 9, byteEnd: 34 }, features: [link("https://example.com/a?b=1")] },
      { index: { byteStart: 35, byteEnd: 40 }, features: [tag("news")] },
    ]);
  });

  it.each([
    { name: "accents", before: "Café à la crème: " },
    { name: "emoji", before: "🎉👨‍👩‍👧‍👦 New! " },
    { name: "CJK", before: "日本語のニュース：" },
    { name: "a flag and a combining accent", before: "🇫🇷 cafe\u0301 " },
  ])("counts bytes, not UTF-16 units, after $name", ({ before }) => {
    const text = `${before}https://example.com/été #日本 #Zoë`;
    const facets = detectFacets(text);
    expect(facets.map((facet) => covered(text, facet))).toEqual([
      "https://example.com/été",
      "#日本",
      "#Zoë",
    ]);
    expect(facets.map((facet) => facet.features[0])).toEqual([
      link("https://example.com/été"),
      tag("日本"),
      tag("Zoë"),
    ]);
    expect(facets[0]?.index.byteStart).toBe(new TextEncoder().encode(before).length);
  });

  it("leaves sentence punctuation and an unmatched parenthesis out of a link", () => {
    const text =
      "See https://example.com/a. Or (https://example.com/b). And https://en.wikipedia.org/wiki/Foo_(bar)!";
    expect(detectFacets(text).map((facet) => facet.features[0])).toEqual([
      link("https://example.com/a"),
      link("https://example.com/b"),
      link("https://en.wikipedia.org/wiki/Foo_(bar)"),
    ]);
  });

  it("takes a # inside a link as part of the link", () => {
    const text = "https://example.com/page#section";
    expect(detectFacets(text)).toEqual([
      { index: { byteStart: 0, byteEnd: text.length }, features: [link(text)] },
    ]);
  });

  it("finds tags only at a word start, without trailing punctuation, not all digits", () => {
    const text = "#first, issue#2 #2024 #v2 (#paren) #end.";
    expect(detectFacets(text).map((facet) => facet.features[0])).toEqual([
      tag("first"),
      tag("v2"),
      tag("end"),
    ]);
  });

  it("skips a tag over 64 characters", () => {
    expect(detectFacets(`#${"a".repeat(64)}`)).toHaveLength(1);
    expect(detectFacets(`#${"a".repeat(65)}`)).toEqual([]);
  });

  it("finds nothing in plain text, and no link without a scheme", () => {
    expect(detectFacets("Just words, example.com and mail@example.com.")).toEqual([]);
  });
});
