/**
 * Compose stage (pure): item + feed settings → the exact text of a post, through the template
 * engine (template.ts). An event item uses the feed's event template: the owner's template when
 * they set one, else a default that contains the event's date, so two occurrences of a weekly
 * event never compose the same text (X refuses exact repeats).
 *
 * Hashtags stand where {hashtags} is, else at the end of the post. Length is counted as the target
 * network counts it (length.ts; X's rules unless told otherwise). When the post is too long, in
 * this order until it fits:
 * 1. hashtags are dropped, one at a time from the last (categories before the feed's words);
 * 2. the summary is shortened, at a word boundary with an ellipsis;
 * 3. then the title.
 * The link is never cut. An "@name" from the feed's text is kept from mentioning anyone
 * (mentions.ts).
 */
// twitter-text is CommonJS: only its default export works under plain Node.
import twitter from "twitter-text";
import { CrieurError } from "../errors.js";
import type { Item } from "../sources/item.js";
import { type HashtagSettings, hashtagText, postHashtags } from "./hashtags.js";
import { fitsLength, type LengthRules, lengthUnit, postLength, X_LENGTH } from "./length.js";
import { quietMentions } from "./mentions.js";
import { type FieldSettings, fieldsOfItem } from "./post-fields.js";
import { fieldsOf, parseTemplate, type Template } from "./template.js";
import { type RenderFields, renderTemplate } from "./template-render.js";

export const MAX_WEIGHTED_LENGTH = 280;
const ELLIPSIS = "…";

/** What a feed says about its posts' text (FeedConfig has these). */
export interface ComposeSettings extends FieldSettings, HashtagSettings {
  readonly template: string;
  /** The template of event items (calendars, agenda pages). */
  readonly eventTemplate: string;
}

export interface ComposeInput {
  readonly item: Item;
  readonly feed: ComposeSettings;
  /** How the target network counts length; X's by default. */
  readonly length?: LengthRules;
}

export interface ComposedPost {
  readonly text: string;
  /** Length as the target network counts it (X: weighted characters). */
  readonly weightedLength: number;
  /** Which fields had to be shortened to fit. */
  readonly shortened: readonly ("summary" | "title")[];
  /** Hashtags left out to fit, in the order they were written. */
  readonly droppedHashtags: readonly string[];
}

export class ComposeError extends CrieurError {
  override name = "ComposeError";
}

export function weightedLength(text: string): number {
  return twitter.parseTweet(text).weightedLength;
}

/**
 * X counts any URL, even a bare "example.com", as a link: twitter-text finds what X finds. An
 * explicit http(s):// address counts too even when twitter-text does not link it (an unknown
 * top-level domain), so cost estimates err on the side of the higher price.
 */
export function containsUrl(text: string): boolean {
  return /\bhttps?:\/\/\S/i.test(text) || twitter.extractUrls(text).length > 0;
}

// Templates were checked when feeds.yml was read; each is parsed once per process.
const parsed = new Map<string, Template>();
function templateOf(source: string): Template {
  let template = parsed.get(source);
  if (template === undefined) {
    try {
      template = parseTemplate(source);
    } catch (error) {
      throw new ComposeError(error instanceof Error ? error.message : String(error));
    }
    parsed.set(source, template);
  }
  return template;
}

type Texts = RenderFields["text"];
/** Fields written by the feed, not by the owner: they must not mention anyone (mentions.ts). */
const FEED_TEXTS = ["title", "summary", "author", "location"] as const;

export function composePost(input: ComposeInput): ComposedPost {
  const { item, feed } = input;
  const rules = input.length ?? X_LENGTH;
  const template = templateOf(item.event === undefined ? feed.template : feed.eventTemplate);
  const fields = fieldsOfItem(item, feed);
  const used = fieldsOf(template);
  const tagsAtEnd = !used.includes("hashtags");
  const tags = postHashtags(item.categories, feed);
  const build = (text: Texts, kept: readonly string[]) => {
    const hashtags = hashtagText(kept);
    const body = renderTemplate(template, { ...fields, text: { ...text, hashtags } });
    return tagsAtEnd && hashtags !== "" ? `${body} ${hashtags}`.trim() : body;
  };
  const fits = (text: string) => fitsLength(text, rules);

  const texts: Record<string, string> = { ...fields.text };
  for (const field of FEED_TEXTS) {
    const value = texts[field];
    if (value) texts[field] = quietMentions(value, rules.network);
  }
  let kept = tags;
  let text = build(texts, kept);
  if (text === "") {
    throw new ComposeError(
      `The template "${template.source}" gave an empty post for "${item.title || item.key}".`,
    );
  }
  while (!fits(text) && kept.length > 0) {
    kept = kept.slice(0, -1);
    text = build(texts, kept);
  }
  const shortened: ("summary" | "title")[] = [];
  for (const field of (["summary", "title"] as const).filter((f) => used.includes(f))) {
    if (fits(text)) break;
    texts[field] = shortenToFit(texts[field] ?? "", (value) =>
      fits(build({ ...texts, [field]: value }, kept)),
    );
    shortened.push(field);
    text = build(texts, kept);
  }
  if (!fits(text)) {
    throw new ComposeError(
      `The post for "${item.title || item.key}" is ${postLength(text, rules)} ${lengthUnit(rules)} ` +
        "even with its hashtags removed and its title and summary shortened " +
        `(limit ${rules.maxLength}); shorten the template in feeds.yml.`,
    );
  }
  return {
    text,
    weightedLength: postLength(text, rules),
    shortened,
    droppedHashtags: tags.slice(kept.length),
  };
}

/** The longest prefix of `value` (plus an ellipsis) with which the whole post fits. */
function shortenToFit(value: string, fitsWith: (value: string) => boolean): string {
  const attempt = (cut: number) =>
    cut === 0 ? "" : `${value.slice(0, cut).replace(/[\s.,;:!?–—-]+$/u, "")}${ELLIPSIS}`;
  const fitsAt = (cut: number) => fitsWith(attempt(cut));
  const best = longestFitting(wordBoundaries(value), fitsAt);
  if (best > 0) return attempt(best);
  // A single word longer than the room left: cut inside it rather than drop the field.
  return attempt(longestFitting(codePointBoundaries(value), fitsAt));
}

/** Binary search over ascending cut positions; shorter text never fits worse. */
function longestFitting(cuts: readonly number[], fitsWith: (cut: number) => boolean): number {
  let low = 0;
  let high = cuts.length - 1;
  let best = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const cut = cuts[middle] ?? 0;
    if (fitsWith(cut)) {
      best = cut;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

function wordBoundaries(value: string): number[] {
  const cuts: number[] = [];
  for (const match of value.matchAll(/\s+/g)) {
    if (match.index > 0) cuts.push(match.index);
  }
  return cuts;
}

function codePointBoundaries(value: string): number[] {
  const cuts: number[] = [];
  let index = 0;
  for (const character of value) {
    index += character.length;
    cuts.push(index);
  }
  return cuts;
}
