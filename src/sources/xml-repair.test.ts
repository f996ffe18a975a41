import { decodeHTMLStrict } from "entities";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairXml } from "./xml-repair.js";

/**
 * The regex scan repairXml had until it was found quadratic on unclosed CDATA and comments, kept
 * as the reference: the linear scan must give the same text and notes on any input.
 */
function regexRepair(xml: string, notes: Set<string>): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  const withoutControls = xml.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
  if (withoutControls.length !== xml.length) notes.add("illegal control characters removed");
  if (!/&(?!(?:amp|lt|gt|quot|apos);)/.test(withoutControls)) return withoutControls;
  const repair = (text: string) =>
    text.replace(
      /&(?:#(\d+);|#[xX]([0-9a-fA-F]+);|([A-Za-z][A-Za-z0-9]*);)?/g,
      (whole, decimal?: string, hex?: string, name?: string) => {
        if (decimal !== undefined || hex !== undefined) {
          const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? "", 16);
          const legal =
            [0x9, 0xa, 0xd].includes(code) ||
            (code >= 0x20 && code <= 0xd7ff) ||
            (code >= 0xe000 && code <= 0xfffd) ||
            (code >= 0x10000 && code <= 0x10ffff);
          if (legal) return whole;
          notes.add("illegal control characters removed");
          return "";
        }
        if (name !== undefined) {
          if (["amp", "lt", "gt", "quot", "apos"].includes(name)) return whole;
          const decoded = decodeHTMLStrict(whole);
          if (decoded !== whole) {
            notes.add("HTML entities (like '&nbsp;') converted for XML");
            return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join("");
          }
        }
        notes.add("bare '&' escaped");
        return `&amp;${whole.slice(1)}`;
      },
    );
  const parts: string[] = [];
  let from = 0;
  for (const literal of withoutControls.matchAll(/<!(?:\[CDATA\[[\s\S]*?\]\]>|--[\s\S]*?-->)/g)) {
    parts.push(repair(withoutControls.slice(from, literal.index)), literal[0]);
    from = literal.index + literal[0].length;
  }
  parts.push(repair(withoutControls.slice(from)));
  return parts.join("");
}

function repaired(xml: string): { text: string; notes: string[] } {
  const notes = new Set<string>();
  return { text: repairXml(xml, notes), notes: [...notes].sort() };
}

// Pieces whose combinations exercise sections, openers without closers and every entity kind.
const piece = fc.oneof(
  fc.constantFrom(
    "<![CDATA[",
    "]]>",
    "]]]>",
    "<!--",
    "-->",
    "--->",
    "<!-->",
    "<!",
    "<",
    "!",
    "-",
    "]",
    "&",
    "&amp;",
    "&lt;",
    "&nbsp;",
    "&eacute;",
    "&bogus;",
    "&#65;",
    "&#1;",
    "&#x1F600;",
    "&#xD800;",
    "&#99999999999;",
    "&#",
    "&x",
    "\u0000",
    "\u000B",
    "\uFFFF",
    "<title>",
    " ",
  ),
  fc.string({ maxLength: 3 }),
);

describe("repairXml", () => {
  it("gives the same text and notes as the regex scan it replaced, on any mix of pieces", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const xml = pieces.join("");
        const notes = new Set<string>();
        const expected = { text: regexRepair(xml, notes), notes: [...notes].sort() };
        expect(repaired(xml)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["a CDATA section", "a & <![CDATA[b & c]]> & d", "a &amp; <![CDATA[b & c]]> &amp; d"],
    ["a comment", "<!-- & -->&", "<!-- & -->&amp;"],
    ["an unclosed CDATA section", "<![CDATA[ & <x>", "<![CDATA[ &amp; <x>"],
    ["an unclosed comment", "<!-- & ", "<!-- &amp; "],
    [
      "an unclosed comment, then a CDATA section holding another opener",
      "<!-- & <![CDATA[ & <![CDATA[ & ]]> &",
      "<!-- &amp; <![CDATA[ & <![CDATA[ & ]]> &amp;",
    ],
    [
      "an unclosed CDATA section after the last closer",
      "<![CDATA[ & ]]> & <![CDATA[ & <!-- & -->",
      "<![CDATA[ & ]]> &amp; <![CDATA[ &amp; <!-- & -->",
    ],
    ["a comment closer inside CDATA", "<![CDATA[ --> & ]]>", "<![CDATA[ --> & ]]>"],
    ["a closer that overlaps the opener", "<!--->&-->", "<!--->&-->"],
  ])("repairs around %s", (_case, xml, expected) => {
    expect(repaired(xml).text).toBe(expected);
  });

  it("repairs a flood of unclosed openers and bare '&' in one pass", () => {
    const unit = "<item><title>a & b <![CDATA[ x <!-- y</title></item>\n";
    const { text, notes } = repaired(unit.repeat(20_000));
    expect(text).toBe(unit.replaceAll("&", "&amp;").repeat(20_000));
    expect(notes).toEqual(["bare '&' escaped"]);
  });

  it("removes runs of control characters", () => {
    expect(repaired("a\u0000\u0001b\uFFFFc&#2;d")).toEqual({
      text: "abcd",
      notes: ["illegal control characters removed"],
    });
  });
});
