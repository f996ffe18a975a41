/**
 * Decode stage: the raw bytes of a feed and its HTTP Content-Type → text.
 * Charset precedence: byte order mark, then the Content-Type charset, then the XML declaration
 * (or an HTML <meta charset>), else UTF-8 — or windows-1252 when nothing is declared and the
 * bytes are not UTF-8. Pure (async only to load iconv-lite when needed); never rejects: every guess it has to make is returned as a note the
 * owner can read.
 */
import { isUtf8 } from "node:buffer";
import type Iconv from "iconv-lite";

/** The text of a feed, the encoding it was read with, and one note per guess that was needed. */
export interface DecodedText {
  readonly text: string;
  /** Lower-case encoding name actually used, e.g. "utf-8", "windows-1252", "koi8-r". */
  readonly encoding: string;
  readonly notes: readonly string[];
}

const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/**
 * Labels browsers read as windows-1252 (WHATWG Encoding Standard): real "ISO-8859-1" feeds use
 * 0x80–0x9F for € and curly quotes, which strict Latin-1 would turn into control characters.
 * Keys are lower-case with punctuation removed.
 */
const WINDOWS_1252_LABELS = new Set([
  "iso88591",
  "iso885911987",
  "latin1",
  "l1",
  "cp819",
  "ibm819",
  "isoir100",
  "csisolatin1",
  "usascii",
  "ascii",
  "ansix341968",
  "windows1252",
  "cp1252",
  "xcp1252",
]);

const UTF8_LABELS = new Set(["utf8", "unicode11utf8", "unicode20utf8", "xunicode20utf8"]);

/** How far into the document to look for an XML declaration or <meta charset> (HTML prescan). */
const SNIFF_BYTES = 1024;

/** iconv-lite (550 kB of code, mostly tables) is loaded only when a feed is not UTF-8. */
let iconvLoaded: Promise<typeof Iconv> | undefined;
function legacyCharsets(): Promise<typeof Iconv> {
  iconvLoaded ??= import("iconv-lite").then((module) => module.default);
  return iconvLoaded;
}

interface Declared {
  readonly label: string;
  readonly where: string;
}

/** Bytes of a feed → text. Never throws; unknown or wrong declarations fall back with a note. */
export async function decodeFeedBytes(
  bytes: Uint8Array,
  contentType: string | undefined,
): Promise<DecodedText> {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom !== undefined) {
    const body = bytes.subarray(bom.bytes.length);
    if (bom.encoding === "utf-8") return decodeUtf8(body, [], false);
    const iconv = await legacyCharsets();
    return {
      text: iconv.decode(body, bom.encoding, { stripBOM: false }),
      encoding: bom.encoding,
      notes: [],
    };
  }

  const declared = charsetFromContentType(contentType) ?? charsetFromDocument(bytes);
  if (declared === undefined) return decodeUtf8(bytes, [], true);

  const key = labelKey(declared.label);
  if (UTF8_LABELS.has(key)) return decodeUtf8(bytes, [], false);
  if (WINDOWS_1252_LABELS.has(key)) {
    const utf8 = hasNonAscii(bytes) ? strictUtf8(bytes) : undefined;
    if (utf8 !== undefined) {
      const notes = [`declared ${declared.label} but is UTF-8; read as UTF-8`];
      return { text: utf8, encoding: "utf-8", notes };
    }
    const iconv = await legacyCharsets();
    return { text: iconv.decode(bytes, "windows-1252"), encoding: "windows-1252", notes: [] };
  }
  const iconv = await legacyCharsets();
  if (iconv.encodingExists(declared.label)) {
    const text = iconv.decode(bytes, declared.label, { stripBOM: false });
    return { text, encoding: declared.label.toLowerCase(), notes: [] };
  }
  return decodeUtf8(
    bytes,
    [`unknown charset "${declared.label}" declared ${declared.where}; read as UTF-8`],
    false,
  );
}

/**
 * UTF-8, the default. When nothing was declared and the bytes are not UTF-8, the feed is almost
 * always an undeclared windows-1252 one (old CMSes), so read it that way rather than show �.
 */
async function decodeUtf8(
  bytes: Uint8Array,
  notes: readonly string[],
  guessLegacy: boolean,
): Promise<DecodedText> {
  const text = strictUtf8(bytes);
  if (text !== undefined) return { text, encoding: "utf-8", notes };
  if (guessLegacy) {
    const iconv = await legacyCharsets();
    return {
      text: iconv.decode(bytes, "windows-1252"),
      encoding: "windows-1252",
      notes: [...notes, "no charset declared and not valid UTF-8; read as windows-1252"],
    };
  }
  return {
    text: new TextDecoder("utf-8").decode(bytes),
    encoding: "utf-8",
    notes: [...notes, "some bytes are not valid UTF-8; they were replaced with �"],
  };
}

function charsetFromContentType(contentType: string | undefined): Declared | undefined {
  if (contentType === undefined) return undefined;
  for (const param of contentType.split(";").slice(1)) {
    const eq = param.indexOf("=");
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== "charset") continue;
    const label = unquote(param.slice(eq + 1).trim());
    if (label !== "") return { label, where: "in the HTTP Content-Type header" };
  }
  return undefined;
}

function charsetFromDocument(bytes: Uint8Array): Declared | undefined {
  // Every encoding a declaration can name is ASCII-compatible here (UTF-16 has a BOM), so a
  // byte-per-character view is enough to read it.
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.length, SNIFF_BYTES),
  ).toString("latin1");
  const xml = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([^"'\s]+)\s*["']/i.exec(head);
  if (xml?.[1] !== undefined) return { label: xml[1], where: "in the XML declaration" };
  if (/^\s*<\?xml\s/i.test(head)) return undefined;
  const meta = /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(head);
  if (meta?.[1] !== undefined) return { label: meta[1], where: "in the HTML <meta> tag" };
  return undefined;
}

function unquote(value: string): string {
  return value.replace(/^["']|["']$/g, "").trim();
}

function labelKey(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

/** The bytes as UTF-8, or undefined when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  // isUtf8 + Buffer decoding is faster than a fatal TextDecoder (and throws nothing).
  if (!isUtf8(bytes)) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}
