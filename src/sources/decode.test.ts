import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFeedBytes } from "./decode.js";

/** Builds bytes from ASCII strings and raw byte values, so fixtures show exactly what is sent. */
function bytes(...parts: readonly (string | readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === "string") {
      for (const ch of part) out.push(ch.charCodeAt(0));
    } else {
      out.push(...part);
    }
  }
  return Uint8Array.from(out);
}

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const utf16le = (s: string): number[] => [...Buffer.from(s, "utf16le")];
const utf16be = (s: string): number[] => [...Buffer.from(s, "utf16le").swap16()];

describe("decodeFeedBytes", () => {
  it.each([
    {
      name: "UTF-8 BOM wins over a contradicting header, and is stripped",
      input: bytes([0xef, 0xbb, 0xbf], utf8("<a>café €</a>")),
      contentType: "text/xml; charset=iso-8859-1",
      text: "<a>café €</a>",
      encoding: "utf-8",
    },
    {
      name: "UTF-16LE BOM",
      input: bytes([0xff, 0xfe], utf16le("<a>Ελλάδα €</a>")),
      contentType: undefined,
      text: "<a>Ελλάδα €</a>",
      encoding: "utf-16le",
    },
    {
      name: "UTF-16BE BOM",
      input: bytes([0xfe, 0xff], utf16be("<a>日本 €</a>")),
      contentType: "application/xml",
      text: "<a>日本 €</a>",
      encoding: "utf-16be",
    },
    {
      name: "header charset wins over the XML declaration (0xA4 is € in ISO-8859-15, ¤ in 1252)",
      input: bytes('<?xml version="1.0" encoding="windows-1252"?><a>', [0xa4], "</a>"),
      contentType: 'application/rss+xml; charset="ISO-8859-15"',
      text: '<?xml version="1.0" encoding="windows-1252"?><a>€</a>',
      encoding: "iso-8859-15",
    },
    {
      name: "header charset windows-1251",
      input: bytes("<a>", [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2], "</a>"),
      contentType: "text/xml;charset=windows-1251",
      text: "<a>Привет</a>",
      encoding: "windows-1251",
    },
    {
      name: "XML declaration windows-1252 with bytes 0x80–0x9F",
      input: bytes(
        "<?xml version='1.0' encoding='windows-1252'?><a>",
        [0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x85, 0x96],
        "</a>",
      ),
      contentType: "application/xml",
      text: "<?xml version='1.0' encoding='windows-1252'?><a>€ “ok”…–</a>",
      encoding: "windows-1252",
    },
    {
      name: "declared ISO-8859-1 is read as windows-1252, as browsers do",
      input: bytes(
        '<?xml version="1.0" encoding="ISO-8859-1"?><a>',
        [0xe9, 0x20, 0x93, 0x94],
        "</a>",
      ),
      contentType: undefined,
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>é “”</a>',
      encoding: "windows-1252",
    },
    {
      name: "XML declaration ISO-8859-7 (Greek)",
      input: bytes(
        '<?xml version="1.0" encoding="ISO-8859-7"?><a>',
        [0xca, 0xe1, 0xeb, 0xe7],
        "</a>",
      ),
      contentType: "text/xml",
      text: '<?xml version="1.0" encoding="ISO-8859-7"?><a>Καλη</a>',
      encoding: "iso-8859-7",
    },
    {
      name: "header charset KOI8-R",
      input: bytes("<a>", [0xed, 0xc9, 0xd2], "</a>"),
      contentType: "application/rss+xml; charset=KOI8-R",
      text: "<a>Мир</a>",
      encoding: "koi8-r",
    },
    {
      name: "HTML <meta charset>",
      input: bytes('<html><head><meta charset="windows-1252"><title>', [0x80], "</title>"),
      contentType: "text/html",
      text: '<html><head><meta charset="windows-1252"><title>€</title>',
      encoding: "windows-1252",
    },
    {
      name: "nothing declared: UTF-8",
      input: bytes(utf8("<rss><title>Zoë – “x”</title></rss>")),
      contentType: "application/rss+xml",
      text: "<rss><title>Zoë – “x”</title></rss>",
      encoding: "utf-8",
    },
    {
      name: "declared ASCII and really ASCII: no note",
      input: bytes('<?xml version="1.0" encoding="us-ascii"?><a>plain</a>'),
      contentType: undefined,
      text: '<?xml version="1.0" encoding="us-ascii"?><a>plain</a>',
      encoding: "windows-1252",
    },
  ])("$name", async ({ input, contentType, text, encoding }) => {
    expect(await decodeFeedBytes(input, contentType)).toEqual({ text, encoding, notes: [] });
  });

  it.each([
    {
      name: "declared ISO-8859-1 but valid UTF-8 is read as UTF-8",
      input: bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>', utf8("café €"), "</a>"),
      contentType: undefined,
      text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>café €</a>',
      encoding: "utf-8",
      note: "declared ISO-8859-1 but is UTF-8; read as UTF-8",
    },
    {
      name: "header latin1 but valid UTF-8 is read as UTF-8",
      input: bytes(utf8("<a>naïve</a>")),
      contentType: "text/xml; charset=latin1",
      text: "<a>naïve</a>",
      encoding: "utf-8",
      note: "declared latin1 but is UTF-8; read as UTF-8",
    },
    {
      name: "unknown charset falls back to UTF-8",
      input: bytes(utf8("<a>été</a>")),
      contentType: "application/xml; charset=x-klingon",
      text: "<a>été</a>",
      encoding: "utf-8",
      note: 'unknown charset "x-klingon" declared in the HTTP Content-Type header; read as UTF-8',
    },
    {
      name: "undeclared and not UTF-8 is read as windows-1252",
      input: bytes("<a>", [0x93, 0x65, 0x94], "</a>"),
      contentType: "application/rss+xml",
      text: "<a>“e”</a>",
      encoding: "windows-1252",
      note: "no charset declared and not valid UTF-8; read as windows-1252",
    },
    {
      name: "declared UTF-8 but invalid keeps UTF-8 with replacement characters",
      input: bytes('<?xml version="1.0" encoding="UTF-8"?><a>', [0xe9], "</a>"),
      contentType: undefined,
      text: '<?xml version="1.0" encoding="UTF-8"?><a>\uFFFD</a>',
      encoding: "utf-8",
      note: "some bytes are not valid UTF-8; they were replaced with �",
    },
  ])("$name, with a note", async ({ input, contentType, text, encoding, note }) => {
    expect(await decodeFeedBytes(input, contentType)).toEqual({ text, encoding, notes: [note] });
  });

  it("never throws, whatever the bytes and the header", async () => {
    const contentTypes = fc.constantFrom(
      undefined,
      "text/xml",
      "text/xml; charset=",
      "text/xml; charset=utf-16",
      "text/xml; charset=shift_jis",
      "text/xml; charset=nonsense",
      "text/xml; charset=iso-8859-1",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        contentTypes,
        async (input, contentType) => {
          const decoded = await decodeFeedBytes(input, contentType);
          expect(typeof decoded.text).toBe("string");
          expect(decoded.encoding).not.toBe("");
        },
      ),
    );
  });
});

// Real feeds from /work/shared/corpus, read in place (never copied into the repo).
const corpus = process.env.FEED_CORPUS_DIR;

describe.skipIf(corpus === undefined)("decodeFeedBytes on the feed corpus", () => {
  const read = (name: string): Uint8Array => readFileSync(join(corpus ?? "", name));

  it.each([
    {
      file: "rssparser_jn-iso8859.rss",
      encoding: "windows-1252",
      excerpt: "Mãe de utente é a nova presidente da Raríssimas",
      notes: [],
    },
    {
      file: "rssparser_uol-noticias-latin1-nodecl.rss",
      encoding: "windows-1252",
      excerpt: "simulações de 2º turno",
      notes: ["no charset declared and not valid UTF-8; read as windows-1252"],
    },
    {
      file: "nodefeedparser_oren-windows1251-ns.rss",
      encoding: "windows-1251",
      excerpt: "В Бузулуке главные стройплощадки",
      notes: [],
    },
    {
      file: "nodefeedparser_dailymail-mediacontent-dupes.rss",
      encoding: "utf-8",
      excerpt: "Could the infamous Black Dahlia case be about to be solved?",
      notes: ["declared ISO-8859-1 but is UTF-8; read as UTF-8"],
    },
    {
      file: "gofeed_rss-bom.xml",
      encoding: "utf-8",
      excerpt: "<title>Feed Title</title>",
      notes: [],
    },
  ])("$file", async ({ file, encoding, excerpt, notes }) => {
    const decoded = await decodeFeedBytes(read(file), undefined);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.notes).toEqual(notes);
    expect(decoded.text).toContain(excerpt);
    expect(decoded.text.startsWith("\uFEFF")).toBe(false);
  });

  it("reads every corpus feed without replacement characters", async () => {
    // Answer keys (*.expected.json) and the manifest are not feeds.
    const files = readdirSync(corpus ?? "").filter(
      (name) => !name.endsWith(".tsv") && !name.endsWith(".expected.json"),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect((await decodeFeedBytes(read(file), undefined)).text, file).not.toContain("\uFFFD");
    }
  });
});
