/**
 * Broken and hostile feeds of a chosen size, each the shape that once made a part of the parse
 * stage super-linear (issue 9): the repair scan, the prolog regex, sax, rss-parser's snippets,
 * htmlparser2. Used by the CLI test next to good feeds, and by `npm run bench` for ms per MB.
 * Pure: the same arguments give the same text.
 */

interface Shape {
  readonly before: string;
  /** Repeated to fill the size; "$" becomes the repetition's number. */
  readonly unit: string;
  readonly after: string;
}

const RSS = '<rss version="2.0"><channel><title>Hostile</title>';
const END = "</channel></rss>\n";
const ITEM = "<item><title>t</title><guid>g</guid>";

export const HOSTILE_SHAPES = {
  /** The feed: bare '&' and never-closed CDATA sections and comments, line after line. */
  unclosed: {
    before: RSS,
    unit: "<item><title>a & b <![CDATA[ x <!-- y</title></item>\n",
    after: END,
  },
  /** Valid once repaired: items whose text is full of bare '&'. */
  ampersands: {
    before: RSS,
    unit: `<item><title>Fish & chips</title><guid>$</guid><description>${"Fish & chips ".repeat(80)}</description></item>\n`,
    after: END,
  },
  /** Elements opened and never closed, far deeper than any feed. */
  nesting: {
    before: `${RSS}${ITEM}<description>`,
    unit: "<b>",
    after: `</description></item>${END}`,
  },
  /** HTML nested deeper than any page, inside CDATA, as htmlparser2 reads it. */
  "html-nesting": {
    before: `${RSS}${ITEM}<description><![CDATA[`,
    unit: "<div>",
    after: `]]></description></item>${END}`,
  },
  /** Escaped tags that never close, as rss-parser's snippet regexes read them. */
  "escaped-tags": {
    before: `${RSS}${ITEM}<description>`,
    unit: "&lt;a ",
    after: `</description></item>${END}`,
  },
  /** `<!` declarations that are no comment, CDATA or doctype, as sax reads them. */
  declarations: { before: `${RSS}${ITEM}</item>`, unit: "<!x ", after: END },
  /** A doctype whose internal subset never ends, and nothing after it. */
  doctype: { before: "<!DOCTYPE rss ", unit: "[a]", after: "" },
  /** Markup written into a description without escaping, which rss-parser rebuilds as text. */
  "inline-markup": {
    before: `${RSS}${ITEM}<description>`,
    unit: "<br/>\n",
    after: `</description></item>${END}`,
  },
  /** One line of text as long as the feed. */
  "long-line": {
    before: `${RSS}${ITEM}<description>`,
    unit: "word ",
    after: `</description></item>${END}`,
  },
} as const satisfies Record<string, Shape>;

export type HostileShape = keyof typeof HOSTILE_SHAPES;

/** A document of about `bytes` characters in the given shape. */
export function hostileFeed(shape: HostileShape, bytes: number): string {
  const { before, unit, after }: Shape = HOSTILE_SHAPES[shape];
  const count = Math.ceil(bytes / unit.length);
  const body = unit.includes("$")
    ? Array.from({ length: count }, (_, i) => unit.replace("$", String(i))).join("")
    : unit.repeat(count);
  return before + body + after;
}
