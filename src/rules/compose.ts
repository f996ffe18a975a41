/**
 * Compose stage (pure): item + feed settings → the exact text of a post.
 *
 * Length follows X's rules through the official twitter-text library (every URL weighs 23, emoji
 * and CJK weigh 2). When the text is too long the summary is shortened first, then the title, at
 * a word boundary with an ellipsis; the link is never cut.
 */
// twitter-text is CommonJS: only its default export works under plain Node.
import twitter from "twitter-text";
import { CrieurError } from "../errors.js";
import type { Item } from "../sources/item.js";

export const MAX_WEIGHTED_LENGTH = 280;
const ELLIPSIS = "…";

export interface ComposeInput {
  readonly item: Item;
  readonly feedName: string;
  readonly template: string;
  readonly hashtags: readonly string[];
}

export interface ComposedPost {
  readonly text: string;
  /** Length as X counts it. */
  readonly weightedLength: number;
  /** Which fields had to be shortened to fit. */
  readonly shortened: readonly ("summary" | "title")[];
}

export class ComposeError extends CrieurError {
  override name = "ComposeError";
}

type Fields = Record<string, string>;

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

function fits(text: string): boolean {
  return twitter.parseTweet(text).valid;
}

export function composePost(input: ComposeInput): ComposedPost {
  const fields: Fields = {
    title: input.item.title,
    link: input.item.link ?? "",
    summary: input.item.summary,
    author: input.item.author ?? "",
    date: input.item.published?.slice(0, 10) ?? "",
    feed: input.feedName,
    hashtags: input.hashtags.map((tag) => `#${tag.replace(/^#/, "")}`).join(" "),
  };
  const shortened: ("summary" | "title")[] = [];
  let text = render(input.template, fields);
  for (const field of ["summary", "title"] as const) {
    if (fits(text)) break;
    fields[field] = shortenToFit(input.template, fields, field);
    shortened.push(field);
    text = render(input.template, fields);
  }
  if (text.length === 0) {
    throw new ComposeError(
      `The template "${input.template}" gave an empty post for "${input.item.title || input.item.key}".`,
    );
  }
  if (!fits(text)) {
    throw new ComposeError(
      `The post for "${input.item.title || input.item.key}" is ${weightedLength(text)} characters ` +
        `as X counts them even with its title and summary removed (limit ${MAX_WEIGHTED_LENGTH}); ` +
        "shorten the template or the hashtags in feeds.yml.",
    );
  }
  return { text, weightedLength: weightedLength(text), shortened };
}

/** Fills placeholders, then tidies the gaps that empty fields leave behind. */
export function render(template: string, fields: Fields): string {
  const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(fields, name) ? (fields[name] ?? "") : whole,
  );
  return filled
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The longest prefix of `fields[field]` (plus an ellipsis) for which the whole post fits. */
function shortenToFit(template: string, fields: Fields, field: "summary" | "title"): string {
  const value = fields[field] ?? "";
  const attempt = (cut: number) =>
    cut === 0 ? "" : `${value.slice(0, cut).replace(/[\s.,;:!?–—-]+$/u, "")}${ELLIPSIS}`;
  const fitsWith = (cut: number) => fits(render(template, { ...fields, [field]: attempt(cut) }));

  const best = longestFitting(wordBoundaries(value), fitsWith);
  if (best > 0) return attempt(best);
  // A single word longer than the room left: cut inside it rather than drop the field.
  return attempt(longestFitting(codePointBoundaries(value), fitsWith));
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
