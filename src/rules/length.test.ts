import { describe, expect, it } from "vitest";
import {
  BLUESKY_LENGTH,
  fitsLength,
  graphemeCount,
  MASTODON_DEFAULT_LENGTH,
  postLength,
  utf8Length,
  withContentWarning,
  X_LENGTH,
} from "./length.js";

const mastodon = MASTODON_DEFAULT_LENGTH;
const family = "👨‍👩‍👧‍👦"; // one grapheme, 7 code points, 11 UTF-16 units, 25 UTF-8 bytes
const flag = "🇫🇷"; // one grapheme, 2 code points

describe("postLength", () => {
  it.each([
    { text: "plain text", x: 10, mastodon: 10, bluesky: 10 },
    { text: "café crème", x: 10, mastodon: 10, bluesky: 10 },
    // Combining accent: two code points, one grapheme.
    { text: "cafe\u0301", x: 4, mastodon: 5, bluesky: 4 },
    { text: family, x: 2, mastodon: 7, bluesky: 1 },
    { text: flag, x: 2, mastodon: 2, bluesky: 1 },
    { text: "日本語のニュース", x: 16, mastodon: 8, bluesky: 8 },
    { text: "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", x: 14, mastodon: 7, bluesky: 7 },
  ])("$text: X $x, Mastodon $mastodon, Bluesky $bluesky", (row) => {
    expect(postLength(row.text, X_LENGTH)).toBe(row.x);
    expect(postLength(row.text, mastodon)).toBe(row.mastodon);
    expect(postLength(row.text, BLUESKY_LENGTH)).toBe(row.bluesky);
  });

  it("counts a URL as the instance says on Mastodon, in full on Bluesky", () => {
    const long = `https://example.com/${"a".repeat(80)}`;
    const short = "https://a.io";
    expect(postLength(`Read ${long} now`, mastodon)).toBe(5 + 23 + 4);
    expect(postLength(`Read ${short} now`, mastodon)).toBe(5 + 23 + 4);
    expect(postLength(`Read ${long} now`, { ...mastodon, urlLength: 30 })).toBe(5 + 30 + 4);
    expect(postLength(`Read ${long} now`, BLUESKY_LENGTH)).toBe(5 + long.length + 4);
    expect(postLength(`Read ${long} now`, X_LENGTH)).toBe(5 + 23 + 4);
  });

  it("counts two URLs and the text between them on Mastodon", () => {
    const text = "a https://one.example.org/x b https://two.example.net/y/z c";
    expect(postLength(text, mastodon)).toBe(2 + 23 + 3 + 23 + 2);
  });

  it("counts in full what twitter-text does not take for a link (never less than Mastodon)", () => {
    expect(postLength("a https://host.invalidtld/x", mastodon)).toBe(27);
  });

  it("does not give a bare domain the URL price on Mastodon (it needs a scheme there)", () => {
    expect(postLength("see example.com", mastodon)).toBe(15);
    expect(postLength("see example.com", X_LENGTH)).toBe(4 + 23);
  });

  it("adds the content warning on Mastodon only", () => {
    const rules = withContentWarning(mastodon, "Spoilers ⚠");
    expect(postLength("abc", rules)).toBe(3 + 10);
    expect(withContentWarning(BLUESKY_LENGTH, "Spoilers")).toBe(BLUESKY_LENGTH);
    expect(withContentWarning(mastodon, "")).toBe(mastodon);
  });
});

describe("fitsLength", () => {
  it("accepts exactly the limit and refuses one more, in each network's unit", () => {
    expect(fitsLength("é".repeat(300), BLUESKY_LENGTH)).toBe(true);
    expect(fitsLength("é".repeat(301), BLUESKY_LENGTH)).toBe(false);
    expect(fitsLength("é".repeat(500), mastodon)).toBe(true);
    expect(fitsLength("é".repeat(501), mastodon)).toBe(false);
    expect(fitsLength("日".repeat(140), X_LENGTH)).toBe(true);
    expect(fitsLength("日".repeat(141), X_LENGTH)).toBe(false);
  });

  it("lets Bluesky hold 300 emoji graphemes but not more than 3,000 bytes", () => {
    expect(graphemeCount(flag.repeat(300))).toBe(300);
    expect(utf8Length(flag.repeat(300))).toBe(2400);
    expect(fitsLength(flag.repeat(300), BLUESKY_LENGTH)).toBe(true);
    expect(utf8Length(family.repeat(200))).toBe(5000);
    expect(fitsLength(family.repeat(200), BLUESKY_LENGTH)).toBe(false);
  });

  it("uses the instance's own limit, content warning included", () => {
    const instance = { network: "mastodon", maxLength: 5000, urlLength: 25 } as const;
    expect(fitsLength("a".repeat(5000), instance)).toBe(true);
    expect(fitsLength("a".repeat(4990), withContentWarning(instance, "0123456789"))).toBe(true);
    expect(fitsLength("a".repeat(4991), withContentWarning(instance, "0123456789"))).toBe(false);
  });

  it.each([X_LENGTH, mastodon, BLUESKY_LENGTH])("refuses empty text on $network", (rules) => {
    expect(fitsLength("", rules)).toBe(false);
    expect(fitsLength(" \n ", rules)).toBe(false);
  });
});
