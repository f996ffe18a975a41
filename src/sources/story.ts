/**
 * An item's story: what a reader recognises it by, whatever guid or link the feed gives it — its
 * title (letter case, accents, spacing and punctuation aside) and its date, to the minute. Dedupe
 * compares stories to tell an item that changed identity (new CMS, new site) from a new one.
 * Light on purpose (no HTML parser): the state's transitions record it with every post.
 */
import { createHash } from "node:crypto";
import type { Item } from "./item.js";

/** Short digest of the item's story, or undefined when its title has no letter or digit. */
export function storyOf(item: Pick<Item, "title" | "published">): string | undefined {
  const title = item.title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  // Without a title, a date alone would make every item of a day one story.
  if (title === "") return undefined;
  // Feeds that move to another CMS may gain or lose the seconds of their dates, rarely more.
  const minute = item.published?.slice(0, 16);
  const parts = minute === undefined ? [title] : [title, minute];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 12);
}

/** The item's story as a field of its record in the state, when it has one. */
export function storyRecord(item: Pick<Item, "title" | "published">): { readonly story?: string } {
  const story = storyOf(item);
  return story === undefined ? {} : { story };
}
