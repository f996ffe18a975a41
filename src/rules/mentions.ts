/**
 * Feed text that would mention someone (pure). A feed's "@name" (X) or "@name@instance.social"
 * (Mastodon) copied into a post would notify that person: an unsolicited automated mention, which
 * X's automation rules forbid and Mastodon users report. A word joiner after the "@" keeps the text
 * as readers see it but stops either network from linking it. Bluesky only mentions through facets,
 * which crieur makes for links and hashtags alone, and an email address is left as it is.
 * Only the feed's fields are quieted: an "@" the owner wrote in the template is meant.
 */
import type { LengthRules } from "./length.js";

const WORD_JOINER = "\u2060";
// An "@" that starts a word and is followed by a handle's first character, as both networks read it.
const MENTION = /(^|[^\p{L}\p{M}\p{N}_@/.+-])([@＠])(?=[A-Za-z0-9_])/gu;

export function quietMentions(text: string, network: LengthRules["network"]): string {
  if (network === "bluesky" || (!text.includes("@") && !text.includes("＠"))) return text;
  return text.replace(MENTION, `$1$2${WORD_JOINER}`);
}
