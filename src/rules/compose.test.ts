import twitter from "twitter-text";
import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import { DEFAULT_EVENT_TEMPLATE, DEFAULT_TEMPLATE } from "../config/defaults.js";
import type { Item, ItemEvent } from "../sources/item.js";
import { ComposeError, type ComposeSettings, composePost, weightedLength } from "./compose.js";
import { BLUESKY_LENGTH, MASTODON_DEFAULT_LENGTH, postLength } from "./length.js";

function feed(overrides: Partial<ComposeSettings> = {}): ComposeSettings {
  return {
    name: "Agenda",
    template: DEFAULT_TEMPLATE,
    eventTemplate: DEFAULT_EVENT_TEMPLATE,
    locale: "en",
    hashtags: [],
    hashtagMap: {},
    categoriesAsHashtags: false,
    ...overrides,
  };
}

/** The same template for every item. */
const withTemplate = (template: string, overrides: Partial<ComposeSettings> = {}) =>
  feed({ template, eventTemplate: template, ...overrides });

function eventItem(key: string, event: Partial<ItemEvent>, overrides: Partial<Item> = {}): Item {
  return makeItem({
    key,
    title: "Visite guidée",
    link: "https://musee.example/visite",
    event: { start: "2026-03-14T15:00:00+01:00", allDay: false, status: "confirmed", ...event },
    ...overrides,
  });
}

describe("composePost", () => {
  it.each([
    ["{title} {link}", "Night at the museum https://example.org/a #museum #art"],
    ["{feed}: {title}\n{link}", "Agenda: Night at the museum\nhttps://example.org/a #museum #art"],
    ["{title} {summary} {link}", "Night at the museum https://example.org/a #museum #art"],
    ["{title} — {date} {hashtags}", "Night at the museum — December 1, 2026 #museum #art"],
    ["{author} says {title}", "Ada says Night at the museum #museum #art"],
    ["{summary|title}", "Night at the museum #museum #art"],
  ])("renders %j", (template, expected) => {
    const item = makeItem({
      key: "a",
      title: "Night at the museum",
      link: "https://example.org/a",
      published: "2026-12-01T18:00:00.000Z",
      author: "Ada",
    });
    const post = composePost({
      item,
      feed: withTemplate(template, { hashtags: ["museum", "#art"] }),
    });
    expect(post.text).toBe(expected);
    expect(post.shortened).toEqual([]);
  });

  it("counts a long URL as 23, as X does", () => {
    const link = `https://example.org/${"x".repeat(200)}`;
    const post = composePost({ item: makeItem({ key: "a", title: "Hi", link }), feed: feed() });
    expect(post.weightedLength).toBe(2 + 1 + 23);
  });

  it("shortens the summary first, at a word boundary, and never cuts the link", () => {
    const summary = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    const link = `https://example.org/${"long-path/".repeat(20)}`;
    const post = composePost({
      item: makeItem({ key: "a", title: "A title", summary, link }),
      feed: withTemplate("{title}: {summary} {link}"),
    });
    expect(post.shortened).toEqual(["summary"]);
    expect(post.text.endsWith(` ${link}`)).toBe(true);
    expect(post.text).toMatch(/^A title: word0 word1 .*word\d+… https:/);
    expect(post.weightedLength).toBeLessThanOrEqual(280);
    expect(post.weightedLength).toBeGreaterThan(260);
  });

  it("shortens the title when there is no summary to shorten", () => {
    const title = "Très ".repeat(100).trim();
    const post = composePost({ item: makeItem({ key: "a", title }), feed: feed() });
    expect(post.shortened).toEqual(["title"]);
    expect(post.text).toMatch(/^(Très )+Très… https:\/\/example\.org\/a$/);
    expect(post.weightedLength).toBeLessThanOrEqual(280);
  });

  it("weighs emoji and CJK as 2 when shortening", () => {
    const title = "展覧会 ".repeat(100).trim();
    const post = composePost({
      item: makeItem({ key: "a", title }),
      feed: withTemplate("🎨 {title} {link}"),
    });
    expect(weightedLength(post.text)).toBeLessThanOrEqual(280);
    expect(post.text.startsWith("🎨 展覧会 展覧会")).toBe(true);
  });

  it("cuts inside a single word longer than the room left", () => {
    const post = composePost({
      item: makeItem({ key: "a", title: "x".repeat(400) }),
      feed: feed(),
    });
    expect(post.text).toMatch(/^x+… https:\/\/example\.org\/a$/);
    expect(post.weightedLength).toBe(280);
  });

  it("fails clearly when the template alone is too long", () => {
    const template = `${"Visit us! ".repeat(30)}{title} {link}`;
    const compose = () =>
      composePost({ item: makeItem({ key: "a" }), feed: withTemplate(template) });
    expect(compose).toThrow(ComposeError);
    expect(compose).toThrow(
      /is 3\d\d characters as X counts them even with its hashtags removed .*\(limit 280\); shorten the template/,
    );
  });

  it("fails clearly on an empty post", () => {
    const item = makeItem({ key: "a", title: "", link: undefined });
    expect(() => composePost({ item, feed: feed() })).toThrow(/empty post/);
  });
});

describe("hashtags in a post", () => {
  const item = makeItem({
    key: "a",
    title: "Nuit des musées",
    categories: ["Jeune public", "Divers"],
  });

  it("stands at the end when the template has no {hashtags}", () => {
    const settings = feed({
      hashtags: ["musée"],
      categoriesAsHashtags: true,
      hashtagMap: { divers: null },
    });
    expect(composePost({ item, feed: settings }).text).toBe(
      "Nuit des musées https://example.org/a #musée #JeunePublic",
    );
  });

  it("stands where {hashtags} is, and never twice", () => {
    const settings = withTemplate("{hashtags} {title} {link}", {
      hashtags: ["Musée", "musée"],
      categoriesAsHashtags: true,
      hashtagMap: { "Jeune public": "musée", Divers: "Agenda" },
    });
    expect(composePost({ item, feed: settings }).text).toBe(
      "#Musée #Agenda Nuit des musées https://example.org/a",
    );
  });

  it("drops hashtags, last first, before the title is shortened", () => {
    const tags = ["musée", "art", "expo", "patrimoine", "culture"];
    // Room for the title and two hashtags, not three.
    const title = "T".repeat(280 - 23 - 1 - " #musée #art".length);
    const post = composePost({
      item: makeItem({ key: "a", title }),
      feed: feed({ hashtags: tags }),
    });
    expect(post.text).toBe(`${title} https://example.org/a #musée #art`);
    expect(post.droppedHashtags).toEqual(["expo", "patrimoine", "culture"]);
    expect(post.shortened).toEqual([]);
    expect(post.weightedLength).toBe(280);
  });

  it("drops every hashtag, then shortens the summary, then the title", () => {
    const title = `Le titre ${"long ".repeat(60)}`.trim();
    const summary = "Un résumé ".repeat(10).trim();
    const post = composePost({
      item: makeItem({ key: "a", title, summary }),
      feed: withTemplate("{title}\n{summary}\n{link}", { hashtags: ["musée"] }),
    });
    expect(post.droppedHashtags).toEqual(["musée"]);
    expect(post.shortened).toEqual(["summary", "title"]);
    expect(post.text).toMatch(/^Le titre (long )+long…\nhttps:\/\/example\.org\/a$/);
    expect(post.weightedLength).toBeLessThanOrEqual(280);
  });
});

describe("event posts", () => {
  it("use the default event template, with the date in the feed's locale and zone", () => {
    const item = eventItem("v", { location: "Salle 3" });
    expect(composePost({ item, feed: feed({ locale: "fr", timeZone: "Europe/Paris" }) }).text).toBe(
      "Visite guidée — samedi 14 mars à 15:00 https://musee.example/visite",
    );
    expect(composePost({ item, feed: feed() }).text).toBe(
      "Visite guidée — Saturday, March 14 at 3:00 PM https://musee.example/visite",
    );
  });

  it("render the French museum's template exactly", () => {
    const item = eventItem(
      "v",
      { location: "Auditorium", timeZone: "Europe/Paris" },
      { title: "Visite guidée : les impressionnistes" },
    );
    const template = "{start:EEEE d MMMM, HH'h'mm} — {title}, {location} {link}";
    expect(composePost({ item, feed: withTemplate(template, { locale: "fr" }) }).text).toBe(
      "samedi 14 mars, 15h00 — Visite guidée : les impressionnistes, Auditorium https://musee.example/visite",
    );
  });

  it("give two occurrences of a weekly event different default texts", () => {
    const settings = feed({ locale: "fr", timeZone: "Europe/Paris" });
    const first = composePost({
      item: eventItem("w1", { start: "2026-03-14T15:00:00+01:00" }),
      feed: settings,
    });
    const second = composePost({
      item: eventItem("w2", { start: "2026-03-21T15:00:00+01:00" }),
      feed: settings,
    });
    expect(first.text).not.toBe(second.text);
    expect(second.text).toBe("Visite guidée — samedi 21 mars à 15:00 https://musee.example/visite");
  });

  it("show an all-day event's day without a time", () => {
    const item = eventItem("f", { start: "2026-07-14", allDay: true });
    expect(composePost({ item, feed: feed({ locale: "fr", timeZone: "Europe/Paris" }) }).text).toBe(
      "Visite guidée — mardi 14 juillet https://musee.example/visite",
    );
  });

  it.each([
    ["fr", "tentative", "Visite guidée (à confirmer)"],
    ["fr-CA", "rescheduled", "Visite guidée (reprogrammé)"],
    ["en", "tentative", "Visite guidée (to be confirmed)"],
    ["de", "tentative", "Visite guidée (to be confirmed)"],
    ["fr", "confirmed", "Visite guidée"],
  ] as const)("in %s, show the status %s", (locale, status, expected) => {
    const item = eventItem("s", { status });
    const post = composePost({ item, feed: withTemplate("{title}\n({status})", { locale }) });
    expect(post.text.replace("\n", " ")).toBe(expected);
  });

  it("keep a plain item's template for items that are not events", () => {
    const item = makeItem({ key: "p", title: "Billet" });
    expect(composePost({ item, feed: feed() }).text).toBe("Billet https://example.org/p");
  });
});

describe("other networks' lengths", () => {
  it.each([
    ["Mastodon", MASTODON_DEFAULT_LENGTH],
    ["Bluesky", BLUESKY_LENGTH],
  ] as const)("fits a post to %s's count", (_, rules) => {
    const title = "Mot ".repeat(200).trim();
    const post = composePost({ item: makeItem({ key: "a", title }), feed: feed(), length: rules });
    expect(post.weightedLength).toBe(postLength(post.text, rules));
    expect(post.weightedLength).toBeLessThanOrEqual(rules.maxLength);
    expect(post.weightedLength).toBeGreaterThan(rules.maxLength - 6);
  });
});

describe("mentions from the feed", () => {
  it("never mention anyone on X or Mastodon; the template's own @ is kept", () => {
    const item = makeItem({ key: "m", title: "Conférence de @jdupont" });
    const settings = { ...feed(), template: "{title} avec @musee {link}" };
    const forX = composePost({ item, feed: settings }).text;
    expect(twitter.extractMentions(forX)).toEqual(["musee"]);
    const forMastodon = composePost({ item, feed: settings, length: MASTODON_DEFAULT_LENGTH });
    expect(forMastodon.text).toBe(forX);
    const forBluesky = composePost({ item, feed: settings, length: BLUESKY_LENGTH });
    expect(forBluesky.text).toBe("Conférence de @jdupont avec @musee https://example.org/m");
  });
});
