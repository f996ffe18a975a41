/**
 * Feed text that would mention someone (pure). A feed's "@name" (X) or "@name@instance.social"
 * (Mastodon) copied into a post would notify that person: an unsolicited automated mention, which
 * X's automation rules forbid and Mastodon users report. A word joiner after the "@" keeps the text
 * as readers see it but stops either network from linking it. Bluesky only mentions through facets,
 * which crieur makes for links and hashtags alone. Only the feed's fields are quieted: an "@" the
 * owner wrote in the template is meant.
 *
 * Where a mention is: X's own extractor (twitter-text) says, and Mastodon's rule (an "@" not after
 * a letter, digit, "_", "/" or "="); both networks' readings are quieted on both, since a word
 * joiner where there was no mention changes nothing. An "@" inside a link is left alone: a joiner
 * there would cut the link.
 */
// twitter-text is CommonJS: only its default export works under plain Node.
import twitter from "twitter-text";
import type { LengthRules } from "./length.js";

const WORD_JOINER = "\u2060";
// Mastodon's mention pattern (app/models/account.rb), reduced to where its "@" may stand.
const MASTODON_AT = /(?<=^|[^=/\p{L}\p{M}\p{N}_])[@＠](?=[\p{L}\p{N}_])/gu;

export function quietMentions(text: string, network: LengthRules["network"]): string {
  if (network === "bluesky" || (!text.includes("@") && !text.includes("＠"))) return text;
  const links = twitter.extractUrlsWithIndices(text).map((url) => url.indices);
  const inLink = (at: number) => links.some(([from, to]) => at >= from && at < to);
  const ats = new Set<number>();
  for (const mention of twitter.extractMentionsWithIndices(text)) ats.add(mention.indices[0]);
  for (const match of text.matchAll(MASTODON_AT)) ats.add(match.index);
  let out = "";
  let from = 0;
  for (const at of [...ats].filter((at) => !inLink(at)).sort((a, b) => a - b)) {
    out += `${text.slice(from, at + 1)}${WORD_JOINER}`;
    from = at + 1;
  }
  return out + text.slice(from);
}
