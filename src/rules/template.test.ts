import { describe, expect, it } from "vitest";
import { closest } from "../config/did-you-mean.js";
import type { DateValue } from "./date-pattern.js";
import { fieldsOf, parseTemplate, readTemplate, TemplateError } from "./template.js";
import { capped, type RenderFields, renderTemplate } from "./template-render.js";

const timed = (iso: string): DateValue => ({ iso, allDay: false });
const allDay = (iso: string): DateValue => ({ iso, allDay: true });

function render(
  source: string,
  fields: Partial<RenderFields> = {},
  settings: { locale?: string; timeZone?: string } = {},
): string {
  return renderTemplate(parseTemplate(source), {
    text: {},
    dates: {},
    locale: "fr",
    timeZone: "Europe/Paris",
    ...fields,
    ...settings,
  });
}

function problems(source: string): string[] {
  return readTemplate(source, closest).problems;
}

describe("placeholders, fallbacks and caps", () => {
  const text = {
    title: "Visite guidée",
    link: "https://museum.example/v",
    summary: "",
    feed: "Agenda",
  };

  it.each([
    ["{title} {link}", "Visite guidée https://museum.example/v"],
    ["{feed}: {title}", "Agenda: Visite guidée"],
    ["{summary|title}", "Visite guidée"],
    ["{author|summary|feed}", "Agenda"],
    ["{{{title}}}", "{Visite guidée}"],
    ["Braces: {{ and }}", "Braces: { and }"],
    ["{ title }", "Visite guidée"],
  ])("renders %j", (source, expected) => {
    expect(render(source, { text })).toBe(expected);
  });

  it("takes the first alternative that is not empty, each with its own cap", () => {
    const long = { title: "Une visite guidée des collections", summary: "" };
    expect(render("{summary:10|title:20}", { text: long })).toBe("Une visite guidée…");
    expect(render("{summary:10|title:20}", { text: { ...long, summary: "Résumé court" } })).toBe(
      "Résumé…",
    );
  });

  it.each([
    ["Une longue description qui dépasse", 20, "Une longue…"],
    ["Court", 20, "Court"],
    ["exactly twenty chars", 20, "exactly twenty chars"],
    ["Deux mots, puis d'autres", 11, "Deux mots…"],
    ["Anticonstitutionnellement", 10, "Anticonst…"],
    ["🎨🎨🎨🎨🎨🎨", 4, "🎨🎨🎨…"],
  ])("caps %j at %d characters, at a word boundary", (value, cap, expected) => {
    expect(capped(value, cap)).toBe(expected);
    expect([...new Intl.Segmenter().segment(capped(value, cap))].length).toBeLessThanOrEqual(cap);
  });

  it("lists the fields a template names", () => {
    expect(fieldsOf(parseTemplate("{summary|title:80} {start:HH:mm}\n{link}"))).toEqual([
      "summary",
      "title",
      "start",
      "link",
    ]);
  });
});

describe("empty lines", () => {
  it("leaves out a line whose placeholders are all empty, with its text", () => {
    const source = "{title}\nLieu : {location}\n{summary}\n\n{link}";
    expect(render(source, { text: { title: "T", link: "L" } })).toBe("T\n\nL");
    expect(render(source, { text: { title: "T", location: "Salle 3", link: "L" } })).toBe(
      "T\nLieu : Salle 3\n\nL",
    );
  });

  it("keeps a line of plain text, one blank line at most, and tidies spaces", () => {
    expect(
      render("Nouveau !\n\n\n\n{title}  {summary}  {link}", { text: { title: "T", link: "L" } }),
    ).toBe("Nouveau !\n\nT L");
  });

  it("keeps a line when one of its placeholders has a value", () => {
    expect(render("{title} {location}", { text: { title: "T" } })).toBe("T");
  });
});

describe("hashtags are never glued to a word", () => {
  it.each([
    ["Expo{hashtags}", "Expo #art #musée"],
    ["{hashtags}suite", "#art #musée suite"],
    ["({hashtags})", "(#art #musée)"],
  ])("%j", (source, expected) => {
    expect(render(source, { text: { hashtags: "#art #musée" } })).toBe(expected);
  });
});

describe("dates", () => {
  const visit = timed("2026-03-14T15:00:00+01:00");

  it("renders the French museum's example exactly", () => {
    const source = "{start:EEEE d MMMM, HH'h'mm} — {title}, {location} {link}";
    const text = {
      title: "Visite guidée : les impressionnistes",
      location: "Salle 3",
      link: "https://musee.example/visite",
    };
    expect(render(source, { text, dates: { start: visit } })).toBe(
      "samedi 14 mars, 15h00 — Visite guidée : les impressionnistes, Salle 3 https://musee.example/visite",
    );
  });

  it.each([
    ["fr", "Europe/Paris", "{start}", "samedi 14 mars à 15:00"],
    ["en", "Europe/Paris", "{start}", "Saturday, March 14 at 3:00 PM"],
    ["en-GB", "Europe/London", "{start}", "Saturday 14 March at 14:00"],
    ["fr", "America/Montreal", "{start:HH:mm}", "10:00"],
    ["en", "Europe/Paris", "{start:EEEE d MMMM yyyy}", "Saturday 14 March 2026"],
    ["fr", "Europe/Paris", "{start:ccc d LLL}", "sam. 14 mars"],
    ["fr", "Europe/Paris", "{start:DDDD}", "samedi 14 mars 2026"],
  ])("in %s and %s, %s gives %j", (locale, timeZone, source, expected) => {
    expect(render(source, { dates: { start: visit } }, { locale, timeZone })).toBe(expected);
  });

  it("shows Paris times right across the summer-time changes", () => {
    const at = (iso: string) => render("{start:d MMMM HH:mm}", { dates: { start: timed(iso) } });
    // 29 March 2026: 02:00 becomes 03:00; 25 October: 03:00 becomes 02:00.
    expect(at("2026-03-29T00:30:00Z")).toBe("29 mars 01:30");
    expect(at("2026-03-29T01:30:00Z")).toBe("29 mars 03:30");
    expect(at("2026-10-25T00:30:00Z")).toBe("25 octobre 02:30");
    expect(at("2026-10-25T01:30:00Z")).toBe("25 octobre 02:30");
    expect(at("2026-10-25T02:30:00Z")).toBe("25 octobre 03:30");
  });

  it("without a feed time zone, shows an event in its own zone, else at its written offset", () => {
    const start = { iso: "2026-03-14T14:00:00Z", allDay: false, zone: "America/New_York" };
    const fields = { text: {}, dates: { start }, locale: "en" };
    expect(renderTemplate(parseTemplate("{start:HH:mm}"), fields)).toBe("10:00");
    const offset = { text: {}, dates: { start: timed("2026-03-14T15:00:00+01:00") }, locale: "en" };
    expect(renderTemplate(parseTemplate("{start:HH:mm}"), offset)).toBe("15:00");
  });

  it("never invents a time for an all-day event", () => {
    const dates = { start: allDay("2026-07-14") };
    expect(
      render("{start:EEEE d MMMM, HH'h'mm} — {title}", { dates, text: { title: "Fête" } }),
    ).toBe("mardi 14 juillet — Fête");
    expect(render("{start:'Le' EEEE d MMMM 'à' HH:mm}", { dates })).toBe("Le mardi 14 juillet");
    expect(render("{start:HH'h'mm, EEEE d MMMM}", { dates })).toBe("mardi 14 juillet");
    expect(render("{start:fff}", { dates })).toBe("14 juillet 2026");
    expect(render("{start}", { dates })).toBe("mardi 14 juillet");
    // Far west of Paris, the day stays the day.
    expect(render("{start}", { dates }, { timeZone: "Pacific/Honolulu" })).toBe("mardi 14 juillet");
    expect(render("{start:HH:mm}\n{title}", { dates, text: { title: "Fête" } })).toBe("Fête");
  });

  it("shows only the time of an end on the start's day", () => {
    const dates = { start: visit, end: timed("2026-03-14T17:00:00+01:00") };
    expect(render("{start} – {end}", { dates })).toBe("samedi 14 mars à 15:00 – 17:00");
    const later = { start: visit, end: timed("2026-03-15T17:00:00+01:00") };
    expect(render("{start} – {end}", { dates: later })).toBe(
      "samedi 14 mars à 15:00 – dimanche 15 mars à 17:00",
    );
  });

  it("shows {date} as a full date, in the feed's zone", () => {
    const dates = { date: { iso: "2026-12-01T23:30:00.000Z", allDay: false, zone: "UTC" } };
    expect(render("{date}", { dates })).toBe("2 décembre 2026");
    expect(render("{date}", { dates }, { locale: "en", timeZone: "UTC" })).toBe("December 1, 2026");
    expect(render("{date:yyyy-MM-dd}", { dates }, { timeZone: "UTC" })).toBe("2026-12-01");
  });

  it("falls back when an item has no such date", () => {
    const dates = { date: { iso: "2026-12-01T10:00:00.000Z", allDay: false } };
    expect(render("{start:d MMMM|date:d MMMM}", { dates })).toBe("1 décembre");
  });

  it("keeps quoted | and } in a pattern as text", () => {
    expect(render("{start:HH'h'mm' | }'}", { dates: { start: visit } })).toBe("15h00 | }");
  });
});

describe("template errors", () => {
  it.each([
    [
      "{titel} {link}",
      /^unknown placeholder "\{titel\}"; did you mean "\{title\}"\? allowed: \{title\}, \{link\}/,
    ],
    [
      "{summary|titel}",
      /^unknown placeholder "\{titel\}" in \{summary\|titel\}; did you mean "\{title\}"\?/,
    ],
    ["{url}", /^unknown placeholder "\{url\}"; allowed: /],
    ["{summary|}", /^bad fallback \{summary\|\}: an alternative is empty/],
    ["{|title}", /^bad fallback \{\|title\}: an alternative is empty/],
    ["{title|title}", /^bad fallback \{title\|title\}: \{title\} is named twice/],
    ["{}", /^an empty placeholder "\{\}"/],
    [
      "{start:EEEE dd MMMMMM}",
      /^bad date pattern \{start:EEEE dd MMMMMM\}: "MMMMMM" is not a date token; .*luxon.*HH'h'mm$/,
    ],
    ["{start:EEEE d MMMM à HH heures}", /^bad date pattern .*: "heures" is not a date token/],
    ["{start:140}", /^\{start:140\}: \{start\} takes a date pattern .*not a length cap$/],
    ["{end:}", /^\{end:\}: \{end\} takes a date pattern .*not nothing$/],
    ["{title:EEEE}", /^\{title:EEEE\}: \{title\} takes a length cap such as \{title:140\}/],
    ["{summary:0}", /a length cap is a number of characters from 1 to 1000$/],
    ["{link:20}", /the link is never cut/],
    ["{hashtags:20}", /hashtags are dropped whole/],
    ["{title {link}", /^"\{title \{link\}": a placeholder opened with "\{" must close/],
    ["{title", /must close with "\}" on the same line/],
    ["{title} :-}", /^a "\}" without its "\{"; write "\}\}"/],
  ])("%j", (source, message) => {
    const found = problems(source);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it("says where a placeholder is left open over a line break", () => {
    expect(problems("{title\n}")[0]).toMatch(/^"\{title": .*must close with "\}" on the same line/);
  });

  it("reports every problem of a template at once", () => {
    expect(problems("{titel} {start:qqq} {summary|sumary}")).toHaveLength(3);
  });

  it("throws a TemplateError from parseTemplate", () => {
    expect(() => parseTemplate("{titel}")).toThrow(TemplateError);
  });
});
