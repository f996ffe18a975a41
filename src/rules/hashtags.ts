/**
 * Hashtags of a post (pure): the feed's own words first, then (with categoriesAsHashtags) the
 * item's categories, rewritten by hashtagMap ("Design UX": UX; null drops one). Words of a
 * multi-word tag are joined in CamelCase, keeping their capitals ("Design UX" → DesignUX,
 * "jeune public" → JeunePublic); accents stay; characters X does not link are removed; a tag
 * left without a letter is dropped; no tag appears twice (capitals aside). The compose step
 * drops them from the end first when a post is too long, so categories go before the feed's words.
 */

export interface HashtagSettings {
  /** The feed's words, without "#". */
  readonly hashtags: readonly string[];
  /** Category → hashtag word, or null to leave the category out. */
  readonly hashtagMap: Readonly<Record<string, string | null>>;
  readonly categoriesAsHashtags: boolean;
}

/** The post's hashtags, without "#", in the order they are written (and kept). */
export function postHashtags(categories: readonly string[], settings: HashtagSettings): string[] {
  const map = new Map(
    Object.entries(settings.hashtagMap).map(([category, tag]) => [categoryKey(category), tag]),
  );
  const fromCategories = settings.categoriesAsHashtags
    ? categories.flatMap((category) => {
        const mapped = map.get(categoryKey(category));
        return mapped === null ? [] : [mapped ?? category];
      })
    : [];
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const written of [...settings.hashtags, ...fromCategories]) {
    const tag = hashtagOf(written);
    if (tag === undefined) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** One category or word as a hashtag word (without "#"), or undefined when none can be made. */
export function hashtagOf(text: string): string | undefined {
  const words = text
    .normalize("NFC")
    .split(/[^\p{L}\p{M}\p{N}_]+/u)
    .filter(Boolean);
  const tag =
    words.length === 1
      ? (words[0] ?? "")
      : words.map(([first = "", ...rest]) => first.toUpperCase() + rest.join("")).join("");
  // X links no hashtag made only of digits and "_".
  return /[\p{L}\p{M}]/u.test(tag) ? tag : undefined;
}

/** Categories match map keys whatever their capitals and spacing. */
function categoryKey(category: string): string {
  return category.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Hashtags as they are written in a post. */
export function hashtagText(tags: readonly string[]): string {
  return tags.map((tag) => `#${tag}`).join(" ");
}
