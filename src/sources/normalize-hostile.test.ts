/**
 * toPlainText and toPlainTitle on hostile HTML: the same text as before on anything a feed really
 * holds, and work proportional to the input on what no feed holds (deep nesting, floods of '<').
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toPlainText, toPlainTitle } from "./normalize.js";

describe("toPlainText: nesting", () => {
  it("keeps text nested up to 512 elements deep", () => {
    expect(toPlainText(`${"<span>".repeat(511)}kept${"</span>".repeat(511)} after`)).toBe(
      "kept after",
    );
  });

  it("stops at text nested deeper, keeping what came before", () => {
    // htmlparser2's work per tag grows with the open elements: a million took hours.
    const deep = `intro <p>first</p>${"<div>".repeat(1_000_000)}lost`;
    expect(toPlainText(deep)).toBe("intro first");
    expect(toPlainText(`${"<b>".repeat(300_000)}${"</i>".repeat(300_000)}`)).toBe("");
  });
});

/** toPlainTitle as it was, with the markup test whose '>' search made it quadratic. */
function regexPlainTitle(text: string): string {
  const once = toPlainText(text);
  const looksLikeMarkup =
    /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(once);
  return looksLikeMarkup ? toPlainText(once) : once;
}

describe("toPlainTitle", () => {
  it("gives the same titles as the regex it replaced, on escaped markup of all kinds", () => {
    const piece = fc.oneof(
      fc.constantFrom("&lt;", "&gt;", "&amp;", "<", ">", "/", "b", "B1", " ", "\n", "&#33;"),
      fc.constantFrom("&lt;p&gt;", "&lt;/b&gt;", "&lt;a href='x'&gt;", "&amp;amp;", "&nbsp;"),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const title = pieces.join("");
        expect(toPlainTitle(title)).toBe(regexPlainTitle(title));
      }),
      { numRuns: 1000 },
    );
  });

  it("reads a title of many escaped, never closed tags", () => {
    // No '>' anywhere: no tag, so the decoded text is the title (compared by length: it is long).
    const unclosed = toPlainTitle("&lt;a ".repeat(100_000));
    expect([unclosed.length, unclosed.slice(0, 6)]).toEqual([299_999, "<a <a "]);
    expect(toPlainTitle(`Title ${"&lt;a ".repeat(100_000)}&gt; end`)).toBe("Title end");
  });
});
