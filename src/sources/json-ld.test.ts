import { describe, expect, it } from "vitest";
import { findEvents, parseJsonLd } from "./json-ld.js";

describe("parseJsonLd", () => {
  it.each([
    [
      "valid JSON, untouched (a // inside a string)",
      '{"url": "https://a.example/x"}',
      { url: "https://a.example/x" },
    ],
    ["a CDATA wrapper", '//<![CDATA[\n{"a": 1}\n//]]>', { a: 1 }],
    ["an HTML comment wrapper", '<!-- {"a": [1, 2]} -->', { a: [1, 2] }],
    ["line and block comments", '{ // one\n "a": /* two */ 1 }', { a: 1 }],
    ["trailing commas", '{"a": [1, 2,], "b": {"c": 3,},}', { a: [1, 2], b: { c: 3 } }],
    ["a raw line break and a tab in a string", '{"a": "x\ny\tz"}', { a: "x y z" }],
    ["an escaped quote before a comma", '{"a": "say \\"hi\\",", }', { a: 'say "hi",' }],
  ])("reads %s", (_case, text, value) => {
    expect(parseJsonLd(text)).toEqual(value);
  });

  it("gives up on what is not JSON at all", () => {
    expect(parseJsonLd("{ name: 'single quotes' }")).toBeUndefined();
  });
});

describe("findEvents", () => {
  it("finds events by any spelling of their type, nested or in lists, and nothing else", () => {
    const festival = {
      "@type": ["Festival", "Thing"],
      name: "F",
      subEvent: [{ "@type": "schema:DanceEvent", name: "D" }],
      location: { "@type": "Place", name: "P" },
    };
    const found = findEvents([{ "@type": "https://schema.org/Event", name: "E" }, festival]);
    expect(found.map((event) => event.name)).toEqual(["E", "F", "D"]);
  });
});
