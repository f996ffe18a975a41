import twitter from "twitter-text";
import { describe, expect, it } from "vitest";
import { quietMentions } from "./mentions.js";

// Mastodon's own pattern for a mention (app/models/account.rb MENTION_RE, rewritten here).
const MASTODON_MENTION =
  /(?<=^|[^/\p{L}\p{N}_])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@[\p{L}\p{N}_.-]+[\p{L}\p{N}_]+)?/iu;

describe("quietMentions", () => {
  it.each([
    "Rencontre avec @jdupont au musée",
    "@museelouvre ouvre ses portes",
    "Suivez (@musee_fr) et @curator@mastodon.social",
    "Merci ＠artiste",
    ".@jdupont a parlé",
    "Merci à l'équipe-@musee",
    "Art+@musee",
    "Photo/@photographe",
    "東京@jdupont",
    "café@jdupont",
    "@@musee",
  ])("stops X and Mastodon from mentioning anyone in %j", (text) => {
    expect(
      twitter.extractMentions(text).length + Number(MASTODON_MENTION.test(text)),
    ).toBeGreaterThan(0);
    const forX = quietMentions(text, "x");
    expect(twitter.extractMentions(forX)).toEqual([]);
    const forMastodon = quietMentions(text, "mastodon");
    expect(MASTODON_MENTION.test(forMastodon)).toBe(false);
    // Readers see the same words.
    expect(forX.replaceAll("\u2060", "")).toBe(text);
  });

  it("leaves email addresses, links and Bluesky's text alone", () => {
    for (const text of [
      "Écrire à contact@musee.fr",
      "https://example.org/@curator/123",
      "Partager https://musee.fr/share?via=@musee&x=1",
      "https://musee.fr/#@musee",
      "https://musee.fr/~@musee/page",
      "musee.fr/share?via=@musee",
    ]) {
      expect(quietMentions(text, "x")).toBe(text);
      expect(quietMentions(text, "mastodon")).toBe(text);
    }
    expect(quietMentions("Avec @jdupont", "bluesky")).toBe("Avec @jdupont");
  });
});
