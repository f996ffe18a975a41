import { describe, expect, it } from "vitest";
import { type HashtagSettings, hashtagOf, hashtagText, postHashtags } from "./hashtags.js";

const settings = (overrides: Partial<HashtagSettings> = {}): HashtagSettings => ({
  hashtags: [],
  hashtagMap: {},
  categoriesAsHashtags: true,
  ...overrides,
});

describe("hashtagOf", () => {
  it.each([
    ["musée", "musée"],
    ["Design UX", "DesignUX"],
    ["design ux", "DesignUx"],
    ["jeune public", "JeunePublic"],
    ["arts-plastiques", "ArtsPlastiques"],
    ["Musée d'Orsay", "MuséeDOrsay"],
    ["été_2025", "été_2025"],
    ["#art", "art"],
    ["C++", "C"],
    ["  Expo  ", "Expo"],
    ["展覧会", "展覧会"],
    ["e\u0301te\u0301", "été"],
  ])("%j → %j", (text, tag) => {
    expect(hashtagOf(text)).toBe(tag);
  });

  it.each(["2026", "___", "!!", ""])("makes no hashtag of %j", (text) => {
    expect(hashtagOf(text)).toBeUndefined();
  });
});

describe("postHashtags", () => {
  it("puts the feed's words first, then the categories", () => {
    expect(postHashtags(["Peinture", "Jeune public"], settings({ hashtags: ["musée"] }))).toEqual([
      "musée",
      "Peinture",
      "JeunePublic",
    ]);
  });

  it("leaves categories out unless categoriesAsHashtags is on", () => {
    const off = settings({ hashtags: ["musée"], categoriesAsHashtags: false });
    expect(postHashtags(["Peinture"], off)).toEqual(["musée"]);
  });

  it("maps categories, whatever their capitals and spacing, and drops those mapped to null", () => {
    const mapped = settings({ hashtagMap: { "Design UX": "UX", Divers: null } });
    expect(postHashtags(["design  ux", "DIVERS", "Atelier"], mapped)).toEqual(["UX", "Atelier"]);
  });

  it("never repeats a hashtag, capitals aside", () => {
    const tags = postHashtags(
      ["Musée", "UX design", "ux", "Ux"],
      settings({ hashtags: ["musée"], hashtagMap: { "UX design": "UX" } }),
    );
    expect(tags).toEqual(["musée", "UX"]);
  });

  it("skips categories that make no hashtag", () => {
    expect(postHashtags(["2026", "!!!", "Expo"], settings())).toEqual(["Expo"]);
  });

  it("writes them with '#', separated by spaces", () => {
    expect(hashtagText(["musée", "DesignUX"])).toBe("#musée #DesignUX");
    expect(hashtagText([])).toBe("");
  });
});
