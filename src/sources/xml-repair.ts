/**
 * Repairs of feed XML that strict parsers reject but feeds commonly contain: control characters,
 * bare '&', HTML-named entities. Pure, and linear in the text whatever it holds: a broken feed of
 * a few MB must cost milliseconds, not the run.
 */
import { decodeHTMLStrict } from "entities";
import { Joiner, replaceEvery } from "./joiner.js";

const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
// Characters XML 1.0 forbids anywhere, even in CDATA (https://www.w3.org/TR/xml/#charsets).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const XML_ILLEGAL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]+/g;

/**
 * Repairs what strict XML parsers reject but feeds commonly contain. CDATA sections and comments
 * are left alone: their text is literal, so an '&' there is not an error.
 */
export function repairXml(xml: string, notes: Set<string>): string {
  const withoutControls = replaceEvery(xml, XML_ILLEGAL_CHARACTERS, "");
  if (withoutControls.length !== xml.length) notes.add("illegal control characters removed");
  // Most feeds use only XML's own five entities: nothing to repair, and no need to scan sections.
  if (!NEEDS_ENTITY_REPAIR.test(withoutControls)) return withoutControls;
  const out = new Joiner();
  let from = 0;
  for (const [start, end] of literalSections(withoutControls)) {
    repairEntities(withoutControls.slice(from, start), out, notes);
    out.add(withoutControls.slice(start, end));
    from = end;
  }
  repairEntities(withoutControls.slice(from), out, notes);
  return out.text();
}

/** An '&' that is not one of XML's five named entities: bare, numeric or HTML-named. */
const NEEDS_ENTITY_REPAIR = /&(?!(?:amp|lt|gt|quot|apos);)/;

const LITERAL_KINDS = [
  { opener: "<![CDATA[", closer: "]]>" },
  { opener: "<!--", closer: "-->" },
] as const;

/**
 * Where the CDATA sections and comments are, as [start, end) in document order. An opener with no
 * closer after it is no section: its text is repaired like the rest. Each kind's last closer is
 * found once, so a text full of unclosed openers is not searched to its end from every one of them
 * (the regex this replaces took 17 s on such a 3 MB feed).
 */
function* literalSections(text: string): Generator<readonly [number, number]> {
  const kinds = LITERAL_KINDS.map((kind) => ({
    ...kind,
    lastCloser: text.lastIndexOf(kind.closer),
  }));
  let at = 0;
  for (let start = text.indexOf("<!"); start >= 0; start = text.indexOf("<!", at)) {
    at = start + 2;
    const kind = kinds.find(({ opener }) => text.startsWith(opener, start));
    const bodyStart = start + (kind?.opener.length ?? 0);
    if (kind === undefined || kind.lastCloser < bodyStart) continue;
    at = text.indexOf(kind.closer, bodyStart) + kind.closer.length;
    yield [start, at];
  }
}

/** What may follow an '&': a decimal or hexadecimal character reference, or a name. */
const ENTITY_TAIL = /#(\d+);|#[xX]([0-9a-fA-F]+);|([A-Za-z][A-Za-z0-9]*);/y;

/** Adds `text` to `out` with every '&' made valid XML. */
function repairEntities(text: string, out: Joiner, notes: Set<string>): void {
  let from = 0;
  for (let amp = text.indexOf("&"); amp >= 0; amp = text.indexOf("&", amp + 1)) {
    ENTITY_TAIL.lastIndex = amp + 1;
    const tail = ENTITY_TAIL.exec(text);
    const whole = `&${tail?.[0] ?? ""}`;
    const repaired = repairEntity(whole, tail?.[1], tail?.[2], tail?.[3], notes);
    if (repaired === whole) continue;
    out.add(text.slice(from, amp));
    out.add(repaired);
    from = amp + whole.length;
  }
  out.add(text.slice(from));
}

function repairEntity(
  whole: string,
  decimal: string | undefined,
  hex: string | undefined,
  name: string | undefined,
  notes: Set<string>,
): string {
  if (decimal !== undefined || hex !== undefined) {
    const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? "", 16);
    if (isXmlChar(codePoint)) return whole;
    notes.add("illegal control characters removed");
    return "";
  }
  if (name !== undefined) {
    if (XML_ENTITIES.has(name)) return whole;
    const decoded = decodeHTMLStrict(whole);
    if (decoded !== whole) {
      notes.add("HTML entities (like '&nbsp;') converted for XML");
      return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join("");
    }
  }
  notes.add("bare '&' escaped");
  return `&amp;${whole.slice(1)}`;
}

function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}
