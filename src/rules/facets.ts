/**
 * Bluesky rich-text facets (pure). Bluesky shows a post's text as plain text: a link or a hashtag
 * is clickable only when a facet marks it, by UTF-8 byte offsets (start inclusive, end exclusive).
 * Links are http(s) URLs, as the compose step writes them; trailing punctuation and an unmatched
 * closing parenthesis are left out of the link, as readers expect. Hashtags start at the start of
 * the text or after white space, are not all digits and are at most 64 characters; the facet holds
 * the tag without its "#".
 */
import { graphemeCount } from "./length.js";

export type FacetFeature =
  | { readonly $type: "app.bsky.richtext.facet#link"; readonly uri: string }
  | { readonly $type: "app.bsky.richtext.facet#tag"; readonly tag: string };

export interface Facet {
  readonly index: { readonly byteStart: number; readonly byteEnd: number };
  readonly features: readonly FacetFeature[];
}

const MAX_TAG_GRAPHEMES = 64;
const LINK = /\bhttps?:\/\/[^\s<>"]+/giu;
const TAG = /(?<=^|\s)[#＃]([^\s#＃]+)/gu;
const TRAILING_PUNCTUATION = /\p{P}+$/u;
const TRAILING_LINK_PUNCTUATION = /[.,;:!?'"’”…]+$/u;

/** Facets for every link and hashtag in `text`, in text order. */
export function detectFacets(text: string): Facet[] {
  const found: { start: number; end: number; feature: FacetFeature }[] = [];
  for (const match of text.matchAll(LINK)) {
    const uri = trimLink(match[0]);
    if (!isHttpUrl(uri)) continue;
    found.push({
      start: match.index,
      end: match.index + uri.length,
      feature: { $type: "app.bsky.richtext.facet#link", uri },
    });
  }
  for (const match of text.matchAll(TAG)) {
    const tag = (match[1] ?? "").replace(TRAILING_PUNCTUATION, "");
    if (tag === "" || /^\d+$/u.test(tag) || graphemeCount(tag) > MAX_TAG_GRAPHEMES) continue;
    const start = match.index;
    const end = start + 1 + tag.length;
    // A "#" inside a link (a fragment) is part of the link, not a tag.
    if (found.some((link) => start < link.end && end > link.start)) continue;
    found.push({ start, end, feature: { $type: "app.bsky.richtext.facet#tag", tag } });
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, feature }) => ({
      index: { byteStart: byteOffset(text, start), byteEnd: byteOffset(text, end) },
      features: [feature],
    }));
}

function trimLink(candidate: string): string {
  let link = candidate.replace(TRAILING_LINK_PUNCTUATION, "");
  // "(see https://example.com/a)": the closing parenthesis belongs to the sentence.
  while (link.endsWith(")") && count(link, "(") < count(link, ")")) {
    link = link.slice(0, -1).replace(TRAILING_LINK_PUNCTUATION, "");
  }
  return link;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const encoder = new TextEncoder();

/** The UTF-8 byte offset of a UTF-16 index. */
function byteOffset(text: string, index: number): number {
  return encoder.encode(text.slice(0, index)).length;
}
