import { describe, expect, it } from "vitest";
import { makeDraft } from "../../test/support/items.js";
import {
  assignKeys,
  type DraftItem,
  hashKey,
  resolveBase,
  resolveLink,
  toIsoDate,
  toPlainText,
  toPlainTitle,
} from "./normalize.js";

describe("toPlainText", () => {
  it.each([
    [undefined, ""],
    ["", ""],
    ["plain words", "plain words"],
    ["<p>One</p><p>Two</p>", "One Two"],
    ["line<br>break<br/>again", "line break again"],
    ["<b>bold</b>face", "boldface"],
    ["a<script>alert(1)</script>b<style>p{}</style>c", "abc"],
    ["Fish &amp; Chips &eacute;t&eacute; &#x24;5 &#36;6", "Fish & Chips été $5 $6"],
    ["&lt;p&gt;escaped&lt;/p&gt;", "<p>escaped</p>"],
    ["  lots \n\t of \u00a0 space  ", "lots of space"],
    ["bell\u0007 and\u0000 null", "bell and null"],
    ["love <3 and a < b", "love <3 and a < b"],
  ])("%j → %j", (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });
});

describe("toPlainTitle", () => {
  it.each([
    ["&lt;p&gt;Item Title&lt;/p&gt;", "Item Title"],
    ["Rent &#x0024;950 for 30m<sup>2</sup>", "Rent $950 for 30m2"],
    ["Tom &amp;amp; Jerry", "Tom & Jerry"],
    ["Fish & Chips", "Fish & Chips"],
    ["love <3", "love <3"],
  ])("%j → %j", (input, expected) => {
    expect(toPlainTitle(input)).toBe(expected);
  });
});

describe("resolveLink", () => {
  it.each([
    ["/a/b", "https://site.example/feed.xml", "https://site.example/a/b"],
    ["c.html", "https://site.example/dir/feed.xml", "https://site.example/dir/c.html"],
    ["  https://other.example/x  ", "https://site.example/", "https://other.example/x"],
    ["https://other.example/x", undefined, "https://other.example/x"],
    ["https://other.example/x", "not a url", "https://other.example/x"],
    ["relative", undefined, undefined],
    ["", "https://site.example/", undefined],
    [undefined, "https://site.example/", undefined],
    ["javascript:alert(1)", "https://site.example/", undefined],
    ["data:text/html,hi", "https://site.example/", undefined],
    ["/blog/x", "file:///tmp/feed.atom", "file:///blog/x"],
  ])("%j against %j → %j", (raw, base, expected) => {
    expect(resolveLink(raw, base)).toBe(expected);
  });

  it("resolves a relative xml:base against its parent's base", () => {
    const feedBase = resolveBase("https://site.example/blog/", "https://feeds.example/feed");
    const entryBase = resolveBase("../archive/", feedBase);
    expect(entryBase).toBe("https://site.example/archive/");
    expect(resolveBase(undefined, entryBase)).toBe(entryBase);
  });
});

describe("toIsoDate", () => {
  it.each([
    ["Tue, 05 Mar 2024 18:30:00 +0100", "2024-03-05T17:30:00.000Z"],
    ["Thu, 19 Jun 2014 06:00:00 GMT", "2014-06-19T06:00:00.000Z"],
    ["Wed, 02 Oct 2002 13:00:00 EST", "2002-10-02T18:00:00.000Z"],
    ["Mon, 01 Jan 2018 10:00:00 CEST", "2018-01-01T08:00:00.000Z"],
    ["2017-06-21T10:33:10-07:00", "2017-06-21T17:33:10.000Z"],
    ["2019-10-12T07:20:50.52Z", "2019-10-12T07:20:50.520Z"],
    ["2018-01-01T10:00:00", "2018-01-01T10:00:00.000Z"],
    ["03 Apr 02 1500 GMT", "2002-04-03T15:00:00.000Z"],
    ["Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40.000Z"],
    ["lun., 5 févr. 2018 08:00:00 +0100", "2018-02-05T07:00:00.000Z"],
    ["  Sat,  01 Jun 2024\n10:00:00 GMT ", "2024-06-01T10:00:00.000Z"],
    ["not a date", undefined],
    [`${"1".repeat(5000)} 1500`, undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%j → %j", (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});

const draft = makeDraft;

describe("assignKeys", () => {
  it.each([
    ["guid first", draft({ guid: "g1", link: "https://x.example/1" }), "g1"],
    ["else the link", draft({ link: "https://x.example/1" }), "https://x.example/1"],
    [
      "else a hash of title and date",
      draft({ title: "T", published: "2024-01-01T00:00:00.000Z" }),
      hashKey("T", "2024-01-01T00:00:00.000Z"),
    ],
  ])("%s", (_case, input, expected) => {
    expect(assignKeys([input]).items.map((item) => item.key)).toEqual([expected]);
  });

  it("makes short stable hashes", () => {
    expect(hashKey("T", undefined)).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(hashKey("T", undefined)).toBe(hashKey("T", ""));
    expect(hashKey("T", "a")).not.toBe(hashKey("T", "b"));
  });

  it("identifies items that share a guid by their link, whatever their order", () => {
    const items = [
      draft({ guid: "same", title: "A", link: "https://x.example/a" }),
      draft({ guid: "same", title: "B", link: "https://x.example/b" }),
      draft({ guid: "own", title: "C", link: "https://x.example/c" }),
    ];
    const keyed = assignKeys(items);
    expect(keyed.items.map((item) => item.key)).toEqual([
      "https://x.example/a",
      "https://x.example/b",
      "own",
    ]);
    expect(keyed.notes).toEqual([expect.stringContaining("2 items share a guid")]);
    const reversed = assignKeys([...items].reverse()).items.map((item) => item.key);
    expect(reversed).toEqual(["own", "https://x.example/b", "https://x.example/a"]);
  });

  it("collapses identical duplicates and keeps their guid", () => {
    const owl = draft({ guid: "owl", title: "Owl" });
    const keyed = assignKeys([owl, owl, draft({ guid: "cat" })]);
    expect(keyed.items.map((item) => item.key)).toEqual(["owl", "cat"]);
    expect(keyed.notes).toEqual(["1 duplicate items ignored (same as another item)"]);
  });

  it("gives different items with the same fallback key distinct hashes", () => {
    const keyed = assignKeys([
      draft({ guid: "g", title: "One", link: "https://x.example/" }),
      draft({ guid: "g", title: "Two", link: "https://x.example/" }),
      draft({ title: "Three", link: "https://x.example/" }),
    ]);
    const keys = keyed.items.map((item) => item.key);
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) expect(key).toMatch(/^sha256:/);
  });

  it("keys items sharing a link by link, title and date, never by their summary", () => {
    const expo = draft({ title: "Expo", link: "https://x.example/agenda", summary: "3 to 5" });
    const talk = draft({ title: "Talk", link: "https://x.example/agenda" });
    const keys = (drafts: DraftItem[]) => assignKeys(drafts).items.map((item) => item.key);
    expect(keys([expo, talk])).toEqual([
      hashKey("https://x.example/agenda", "Expo", undefined),
      hashKey("https://x.example/agenda", "Talk", undefined),
    ]);
    expect(keys([{ ...expo, summary: "3 to 6 (extended)" }, talk])).toEqual(keys([expo, talk]));
  });

  it.each([
    [
      "a guid item carries its link and fingerprint",
      draft({ guid: "g", title: "A", link: "https://x.example/a" }),
      {
        key: "g",
        keyWithoutGuid: "https://x.example/a",
        altKeys: [hashKey("https://x.example/a", "A", undefined)],
      },
    ],
    [
      "a permalink guid needs no key without guid",
      draft({ guid: "https://x.example/a", title: "A", link: "https://x.example/a" }),
      { key: "https://x.example/a", altKeys: [hashKey("https://x.example/a", "A", undefined)] },
    ],
    [
      "an item without link has only its hash",
      draft({ title: "A" }),
      { key: hashKey("A", undefined), keyWithoutGuid: undefined, altKeys: undefined },
    ],
  ])("%s", (_case, input, expected) => {
    const [item] = assignKeys([input]).items;
    expect({
      key: item?.key,
      keyWithoutGuid: item?.keyWithoutGuid,
      altKeys: item?.altKeys,
    }).toEqual(expected);
  });

  it("reports guids repeated on different items", () => {
    const a = draft({ guid: "same", title: "A", link: "https://x.example/a" });
    expect(assignKeys([a, { ...a, title: "B" }]).guidsRepeated).toBe(true);
    expect(assignKeys([a, a]).guidsRepeated).toBeUndefined();
  });

  it("never returns the guid field on an Item", () => {
    expect(assignKeys([draft({ guid: "g" })]).items[0]).not.toHaveProperty("guid");
  });
});
