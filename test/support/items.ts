import type { Item } from "../../src/sources/item.js";
import type { DraftItem } from "../../src/sources/normalize.js";

/** A plain Item for tests; override what the test is about. */
export function makeItem(overrides: Partial<Item> & { key: string }): Item {
  return {
    title: `Title of ${overrides.key}`,
    link: `https://example.org/${overrides.key}`,
    published: undefined,
    summary: "",
    author: undefined,
    categories: [],
    image: undefined,
    ...overrides,
  };
}

/** A parser draft (before keys are assigned) for tests; override what the test is about. */
export function makeDraft(fields: Partial<DraftItem>): DraftItem {
  return {
    guid: undefined,
    title: "",
    link: undefined,
    published: undefined,
    summary: "",
    author: undefined,
    categories: [],
    image: undefined,
    ...fields,
  };
}
