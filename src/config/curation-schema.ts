/** feeds.yml keys of curation: filters, one story once, and the owner's overrides (README "Curation"). */
import * as z from "zod";
import { DEFAULT_FILTER_FIELDS, FILTER_FIELDS, parseTerm } from "../rules/filter.js";
import { DURATION, expecting, shown, wholeNumber } from "./schema-parts.js";

const filterTerm = z
  .string(expecting(`a word, a phrase or a /pattern/`))
  .superRefine((entry, ctx) => {
    const term = parseTerm(entry);
    if ("error" in term) {
      ctx.addIssue({ code: "custom", input: entry, message: `${shown(entry)}: ${term.error}` });
    }
  });
const filterTerms = z.array(filterTerm, expecting("a list of words, such as [ergonom*, posture]"));
const FIELDS_EXPECTED = `one of ${FILTER_FIELDS.join(", ")}`;
const filterFields = z
  .array(
    z.enum(FILTER_FIELDS, expecting(FIELDS_EXPECTED)),
    expecting(`a list of fields, such as [title, summary]`),
  )
  .min(1, expecting(`at least one field (${FIELDS_EXPECTED})`));
const TERMS_HELP =
  'Whole words, without regard to capitals or accents; "ergonom*" for words that start so; several words for a phrase; "/…/i" for a regular expression.';

/** The curation keys of `defaults:` and of each feed; a feed's own value replaces the default. */
export function curationKeys(scope: "defaults" | "feed") {
  const instead = (key: string) => (scope === "feed" ? ` Instead of defaults.${key}.` : "");
  return {
    include: filterTerms
      .describe(`Only items containing one of these are posted. ${TERMS_HELP}${instead("include")}`)
      .optional(),
    exclude: filterTerms
      .describe(`Items containing any of these are not posted. ${TERMS_HELP}${instead("exclude")}`)
      .optional(),
    fields: filterFields
      .describe(
        `Where include and exclude look (default: ${DEFAULT_FILTER_FIELDS.join(", ")}).${instead("fields")}`,
      )
      .optional(),
    categories: filterTerms
      .describe(
        `Only items with a category containing one of these are posted.${instead("categories")}`,
      )
      .optional(),
    minLength: wholeNumber(0, 10_000)
      .describe(
        `Items whose summary has fewer characters are not posted (empty teasers).${instead("minLength")}`,
      )
      .optional(),
    image: z
      .boolean(expecting("true or false"))
      .describe(
        `true: a post carries the item's image (enclosure, media:content or media:thumbnail, the first <img> of its content, JSON Feed image, an event's image), downloaded and uploaded with alt text; an image that fails is left out with a warning. Default: false.${instead("image")}`,
      )
      .optional(),
    sameStoryWithin: z
      .string(expecting(`a duration such as "3d" or "36h"`))
      .regex(DURATION, expecting(`a duration such as "3d" or "36h" (hours or days)`))
      .describe(
        `An item whose title tells the same story as one posted or queued by any feed this recently is not posted, e.g. "3d".${instead("sameStoryWithin")}`,
      )
      .optional(),
  };
}

const itemRefs = (what: string) =>
  z.array(
    z.string(expecting("an item's key or link")).trim().min(1, expecting("an item's key or link")),
    expecting(`a list of item keys or links ${what}`),
  );
export const overrideKeys = {
  skip: itemRefs("never to post")
    .describe("Items never to post: their keys (see state/ID.json) or links.")
    .optional(),
  pause: z
    .boolean(expecting("true or false"))
    .describe("true: the feed is read and its new items recorded, but nothing is posted.")
    .optional(),
  repost: itemRefs("to post once more")
    .describe(
      "Keys of items to post once more, once, while the key stays here. The item must still be in the feed.",
    )
    .optional(),
};
