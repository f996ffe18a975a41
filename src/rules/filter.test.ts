import { describe, expect, it } from "vitest";
import { makeItem } from "../../test/support/items.js";
import type { Item } from "../sources/item.js";
import { compileFilter, type FilterSpec, parseTerm } from "./filter.js";

async function reason(spec: FilterSpec, fields: Partial<Item>) {
  return (await compileFilter(spec))(makeItem({ key: "k", title: "", summary: "", ...fields }));
}

describe("include and exclude", () => {
  it("matches whole words, without capitals or accents", async () => {
    const spec = { include: ["ergonomie"] };
    expect(await reason(spec, { title: "L'Ergonomie au bureau" })).toBeUndefined();
    expect(await reason(spec, { title: "ERGONOMIE" })).toBeUndefined();
    expect(await reason(spec, { title: "Ergonomié" })).toBeUndefined();
    expect(await reason(spec, { title: "Ergonomiedesign" })).toBe(
      "not included: none of ergonomie",
    );
  });

  it("never matches a word inside another: UX is not in luxe", async () => {
    const spec = { exclude: ["UX"] };
    expect(await reason(spec, { title: "Un bureau de luxe" })).toBeUndefined();
    expect(await reason(spec, { title: "Le design UX/UI" })).toBe(
      'excluded: matched "UX" in title',
    );
  });

  it("takes a final * as a prefix", async () => {
    const spec = { include: ["ergonom*", "posture"] };
    expect(await reason(spec, { summary: "Un siège ergonomique" })).toBeUndefined();
    expect(await reason(spec, { summary: "Des ergonomes" })).toBeUndefined();
    expect(await reason(spec, { summary: "Économie" })).toBe(
      "not included: none of ergonom*, posture",
    );
  });

  it("matches accented terms on text without accents, and the other way round", async () => {
    const spec = { exclude: ["annulé"] };
    expect(await reason(spec, { title: "Concert ANNULE" })).toBe(
      'excluded: matched "annulé" in title',
    );
    expect(await reason({ exclude: ["annule"] }, { title: "Atelier annulé" })).toBe(
      'excluded: matched "annule" in title',
    );
    expect(await reason(spec, { title: "Annulée" })).toBeUndefined();
  });

  it("matches a phrase in order, with or without quotes, across punctuation", async () => {
    const spec = { include: ['"troubles musculo-squelettiques"', "travail assis"] };
    expect(await reason(spec, { title: "Les troubles musculo squelettiques" })).toBeUndefined();
    expect(await reason(spec, { title: "Le travail, assis !" })).toBeUndefined();
    expect(await reason(spec, { title: "Assis au travail" })).toBe(
      'not included: none of "troubles musculo-squelettiques", travail assis',
    );
  });

  it("says which field matched, and looks only at the chosen fields", async () => {
    expect(await reason({ exclude: ["sponsorisé"] }, { summary: "Contenu sponsorisé" })).toBe(
      'excluded: matched "sponsorisé" in summary',
    );
    expect(await reason({ exclude: ["promo"] }, { categories: ["Promo"] })).toBe(
      'excluded: matched "promo" in categories',
    );
    const titleOnly: FilterSpec = { exclude: ["promo"], fields: ["title"] };
    expect(await reason(titleOnly, { summary: "promo" })).toBeUndefined();
    const byLink: FilterSpec = { exclude: ["partenaires"], fields: ["link"] };
    expect(await reason(byLink, { link: "https://m.example/partenaires/offre" })).toBe(
      'excluded: matched "partenaires" in link',
    );
    const byAuthor: FilterSpec = { include: ["dupont"], fields: ["author"] };
    expect(await reason(byAuthor, { author: "Marie Dupont" })).toBeUndefined();
  });

  it("runs regular expressions on the text as the feed gives it", async () => {
    const spec = { exclude: ["/webinaires?\\s+gratuits?/i"] };
    expect(await reason(spec, { summary: "Inscrivez-vous au WEBINAIRE gratuit" })).toBe(
      "excluded: matched /webinaires?\\s+gratuits?/i in summary",
    );
    expect(await reason({ exclude: ["/Webinaire/"] }, { title: "webinaire" })).toBeUndefined();
  });

  it("exclusion wins over inclusion, and lists are cut in reasons", async () => {
    const spec = { include: ["a1", "a2", "a3", "a4", "a5", "a6"], exclude: ["b"] };
    expect(await reason(spec, { title: "a1 b" })).toBe('excluded: matched "b" in title');
    expect(await reason(spec, { title: "c" })).toBe("not included: none of a1, a2, a3, a4, a5, …");
  });
});

describe("categories and minLength", () => {
  it("keeps items with one of the categories", async () => {
    const spec = { categories: ["santé au travail", "ergonom*"] };
    expect(await reason(spec, { categories: ["Santé au travail"] })).toBeUndefined();
    expect(await reason(spec, { categories: ["Sport", "Ergonomie"] })).toBeUndefined();
    expect(await reason(spec, { categories: ["Sport"] })).toBe(
      "not in categories: santé au travail, ergonom* (its categories: Sport)",
    );
    expect(await reason(spec, { categories: [] })).toBe(
      "not in categories: santé au travail, ergonom* (it has none)",
    );
  });

  it("skips empty teasers", async () => {
    expect(await reason({ minLength: 20 }, { summary: "Lire la suite" })).toBe(
      "too short: the summary has 13 characters, minLength is 20",
    );
    expect(await reason({ minLength: 20 }, { summary: "Un vrai résumé de l'article." })).toBe(
      undefined,
    );
  });
});

describe("parseTerm", () => {
  it.each([
    ["ergonom*", { kind: "words", words: ["ergonom"], prefix: true }],
    ['"posture assise"', { kind: "words", words: ["posture", "assise"], prefix: false }],
    ["l'ergonomie", { kind: "words", words: ["l", "ergonomie"], prefix: false }],
    ["/annul(é|e)/i", { kind: "regex", source: "annul(é|e)", flags: "i" }],
  ])("reads %s", (entry, expected) => {
    expect(parseTerm(entry)).toMatchObject(expected);
  });

  it.each([
    ["er*go", 'a "*" may only end the entry'],
    ["***", 'a "*" may only end the entry'],
    ["--", "expected a word"],
    ["/x/g", 'unknown flag "g"'],
  ])("refuses %s", (entry, message) => {
    expect(parseTerm(entry)).toEqual({ error: expect.stringContaining(message) });
  });
});
