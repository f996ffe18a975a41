/**
 * How long a post is, as each network counts it (pure). The compose step asks `fitsLength` with
 * the target's rules, so one template gives each network the text that fits it:
 * - X: twitter-text weights (any URL weighs 23, emoji and CJK weigh 2), at most 280.
 * - Mastodon: characters, each http(s) URL counted as the instance's `characters_reserved_per_url`,
 *   at most the instance's `max_characters`, content warning included. Mastodon counts grapheme
 *   clusters and GoToSocial code points; code points are never fewer, so a text counted here is
 *   accepted by both.
 * - Bluesky: graphemes, URLs in full, at most 300 (and at most 3,000 UTF-8 bytes).
 */
// twitter-text is CommonJS: only its default export works under plain Node.
import twitter from "twitter-text";

export type LengthRules =
  | { readonly network: "x"; readonly maxLength: 280 }
  | {
      readonly network: "mastodon";
      readonly maxLength: number;
      /** What one URL counts for, whatever its real length (characters_reserved_per_url). */
      readonly urlLength: number;
      /** Characters the content warning uses: Mastodon counts it against the same limit. */
      readonly reserved?: number;
    }
  | {
      readonly network: "bluesky";
      readonly maxLength: number;
      readonly maxBytes: number;
    };

export const X_LENGTH = { network: "x", maxLength: 280 } as const satisfies LengthRules;
/** Mastodon's defaults, used only until the instance says otherwise. */
export const MASTODON_DEFAULT_LENGTH = {
  network: "mastodon",
  maxLength: 500,
  urlLength: 23,
} as const satisfies LengthRules;
export const BLUESKY_LENGTH = {
  network: "bluesky",
  maxLength: 300,
  maxBytes: 3000,
} as const satisfies LengthRules;

/** The length of `text` as the network counts it, in the unit `maxLength` is given in. */
export function postLength(text: string, rules: LengthRules): number {
  switch (rules.network) {
    case "x":
      return twitter.parseTweet(text).weightedLength;
    case "mastodon":
      return mastodonLength(text, rules.urlLength) + (rules.reserved ?? 0);
    case "bluesky":
      return graphemeCount(text);
  }
}

/** Whether the network accepts `text` as a post's text: not empty, and within every limit. */
export function fitsLength(text: string, rules: LengthRules): boolean {
  if (text.trim() === "") return false;
  if (rules.network === "x") return twitter.parseTweet(text).valid;
  if (rules.network === "bluesky" && utf8Length(text) > rules.maxBytes) return false;
  return postLength(text, rules) <= rules.maxLength;
}

/** The words a message uses for the unit, e.g. "characters as X counts them". */
export function lengthUnit(rules: LengthRules): string {
  switch (rules.network) {
    case "x":
      return "characters as X counts them";
    case "mastodon":
      return `characters as Mastodon counts them (a link counts ${rules.urlLength})`;
    case "bluesky":
      return "characters (graphemes) as Bluesky counts them";
  }
}

/** Rules for a post with a content warning, which Mastodon counts against the same limit. */
export function withContentWarning(rules: LengthRules, contentWarning: string): LengthRules {
  if (rules.network !== "mastodon" || contentWarning === "") return rules;
  return { ...rules, reserved: (rules.reserved ?? 0) + codePointCount(contentWarning) };
}

function mastodonLength(text: string, urlLength: number): number {
  // Mastodon finds links with twitter-text too, but only those with a scheme.
  const urls = twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let length = 0;
  let from = 0;
  for (const { indices } of urls) {
    length += codePointCount(text.slice(from, indices[0])) + urlLength;
    from = indices[1];
  }
  return length + codePointCount(text.slice(from));
}

export function codePointCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
