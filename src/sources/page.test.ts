import { describe, expect, it } from "vitest";
import type { AgendaOptions } from "./agenda.js";
import type { SkippedEvent, WrittenEvent } from "./item.js";
import { isHtmlDocument, parseAgendaPage } from "./page.js";
import { parseFeed } from "./parse.js";

const PAGE = "https://musee.example/agenda/";
const OPTIONS: AgendaOptions = {
  now: new Date("2026-03-01T00:00:00Z"),
  horizonMs: 90 * 86_400_000,
  timeZone: "Europe/Paris",
};

function page(head: string, body = "<h1>Agenda</h1>"): string {
  return `<!DOCTYPE html>\n<html lang="fr"><head><title>Agenda &amp; expositions</title>${head}</head><body>${body}</body></html>`;
}

function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${typeof value === "string" ? value : JSON.stringify(value)}</script>`;
}

const CONCERT = {
  "@context": "https://schema.org",
  "@type": "MusicEvent",
  "@id": "https://musee.example/agenda/concert#event",
  name: "Quatuor &amp; piano",
  startDate: "2026-03-20T20:00:00+01:00",
  endDate: "2026-03-20T22:00:00+01:00",
  url: "/agenda/concert",
  image: ["/img/quatuor.jpg"],
  description: "<p>Un concert <b>exceptionnel</b>.</p>",
  location: {
    "@type": "Place",
    name: "Auditorium",
    address: { "@type": "PostalAddress", streetAddress: "1 rue du Musée", addressLocality: "Lyon" },
  },
};

const EXHIBITION = {
  "@context": "https://schema.org",
  "@type": "ExhibitionEvent",
  name: "Les couleurs du Nord",
  startDate: "2026-02-01",
  endDate: "2026-05-31",
  url: "https://musee.example/expositions/nord",
  eventStatus: "https://schema.org/EventScheduled",
};

describe("parseAgendaPage: schema.org events in JSON-LD", () => {
  it("reads an event's fields: name with entities, dates, relative url and image, place", () => {
    const feed = parseAgendaPage(page(jsonLd(CONCERT)), PAGE, OPTIONS);
    expect(feed.title).toBe("Agenda & expositions");
    expect(feed.items).toEqual([
      {
        key: "https://musee.example/agenda/concert#event",
        altKeys: [expect.stringMatching(/^sha256:/)],
        title: "Quatuor & piano",
        link: "https://musee.example/agenda/concert",
        published: undefined,
        summary: "Un concert exceptionnel.",
        author: undefined,
        categories: [],
        image: "https://musee.example/img/quatuor.jpg",
        event: {
          start: "2026-03-20T20:00:00+01:00",
          end: "2026-03-20T22:00:00+01:00",
          allDay: false,
          timeZone: "Europe/Paris",
          location: "Auditorium, 1 rue du Musée, Lyon",
          status: "confirmed",
          uid: "https://musee.example/agenda/concert#event",
        },
      },
    ]);
  });

  it("finds events in @graph, in lists and nested in an ItemList, across several blocks", () => {
    const graph = { "@context": "https://schema.org", "@graph": [{ "@type": "WebPage" }, CONCERT] };
    const list = {
      "@type": "ItemList",
      itemListElement: [{ "@type": "ListItem", position: 1, item: EXHIBITION }],
    };
    const html = page(jsonLd(graph) + jsonLd([list]) + jsonLd({ "@type": "Organization" }));
    const feed = parseAgendaPage(html, PAGE, OPTIONS);
    expect(feed.events?.map((event) => event.title)).toEqual([
      "Quatuor & piano",
      "Les couleurs du Nord",
    ]);
    // Latest start first, like a feed's newest first.
    expect(feed.items.map((item) => item.title)).toEqual([
      "Quatuor & piano",
      "Les couleurs du Nord",
    ]);
    expect(feed.items[1]?.event).toMatchObject({
      start: "2026-02-01",
      end: "2026-05-31",
      allDay: true,
    });
  });

  it.each([
    ["https://schema.org/EventCancelled", "cancelled"],
    ["EventPostponed", "postponed"],
    ["schema:EventRescheduled", "rescheduled"],
    ["http://schema.org/EventMovedOnline", "confirmed"],
  ])("reads eventStatus %s as %s", (eventStatus, status) => {
    const feed = parseAgendaPage(page(jsonLd({ ...CONCERT, eventStatus })), PAGE, OPTIONS);
    expect(feed.items[0]?.event?.status).toBe(status);
  });

  it("tolerates an invalid block, comments, control characters and trailing commas", () => {
    const messy = `<!--
      // the agenda
      { "@context": "https://schema.org", /* generated */ "@type": "Event",
        "name": "Visite\tguidée", "description": "Ligne 1
Ligne 2", "startDate": "2026-03-10T14:00", "url": "/visite", }
    -->`;
    const html = page(jsonLd("{ not json at all") + jsonLd(messy));
    const feed = parseAgendaPage(html, PAGE, OPTIONS);
    expect(feed.items.map((item) => [item.title, item.summary, item.event?.start])).toEqual([
      ["Visite guidée", "Ligne 1 Ligne 2", "2026-03-10T14:00:00+01:00"],
    ]);
    expect(feed.notes).toEqual([
      "1 JSON-LD blocks of the page are not valid JSON and were ignored",
    ]);
  });

  it("reads times without an offset as UTC, with a note, when the feed has no timeZone", () => {
    const { timeZone: _zone, ...utc } = OPTIONS;
    const event = { ...CONCERT, startDate: "2026-03-20T20:00" };
    const feed = parseAgendaPage(page(jsonLd(event)), PAGE, utc);
    expect(feed.items[0]?.event?.start).toBe("2026-03-20T20:00:00Z");
    expect(feed.notes.join()).toMatch(/read as UTC: set the feed's timeZone/);
  });

  it("keys events by url, or by a hash when several dates share one address", () => {
    const show = { "@type": "TheaterEvent", name: "Molière", url: "/moliere" };
    const html = page(
      jsonLd([
        { ...show, startDate: "2026-03-05T20:00:00+01:00" },
        { ...show, startDate: "2026-03-06T20:00:00+01:00" },
        { "@type": "Event", name: "Seul", url: "/seul", startDate: "2026-03-07" },
        { "@type": "Event", name: "Sans lien", startDate: "2026-03-08" },
      ]),
    );
    const keys = parseAgendaPage(html, PAGE, OPTIONS).items.map((item) => [item.title, item.key]);
    expect(keys).toEqual([
      ["Sans lien", expect.stringMatching(/^sha256:/)],
      ["Seul", "https://musee.example/seul"],
      ["Molière", expect.stringMatching(/^sha256:/)],
      ["Molière", expect.stringMatching(/^sha256:/)],
    ]);
    expect(new Set(keys.map(([, key]) => key)).size).toBe(4);
  });

  it("lists an event without a usable startDate as skipped, and leaves out past and far events", () => {
    const html = page(
      jsonLd([
        { "@type": "Event", name: "Sans date" },
        { "@type": "Event", name: "Date illisible", startDate: "bientôt" },
        { "@type": "Event", name: "Passé", startDate: "2026-01-10" },
        { "@type": "Event", name: "Dans un an", startDate: "2027-03-01" },
        EXHIBITION,
      ]),
    );
    const feed = parseAgendaPage(html, PAGE, OPTIONS);
    expect(feed.items.map((item) => item.title)).toEqual(["Les couleurs du Nord"]);
    const skipped = feed.events?.filter((event): event is SkippedEvent => "skipped" in event);
    expect(skipped).toEqual([
      { title: "Sans date", skipped: "it has no startDate" },
      { title: "Date illisible", skipped: "its startDate is not a date" },
    ]);
    expect((feed.events?.[2] as WrittenEvent | undefined)?.event.start).toBe("2026-01-10");
  });
});

describe("agenda pages through parseFeed", () => {
  const parse = (html: string, type?: "page" | "rss") =>
    parseFeed(html, PAGE, { now: OPTIONS.now, ...(type ? { type } : {}) });

  it("tells an HTML page from its content, with a doctype, a prolog or a comment first", () => {
    expect(isHtmlDocument(page(""))).toBe(true);
    expect(isHtmlDocument('<?xml version="1.0"?>\n<!-- x --><html xmlns="x">')).toBe(true);
    expect(isHtmlDocument('<?xml version="1.0"?><rss version="2.0">')).toBe(false);
    expect(isHtmlDocument("BEGIN:VCALENDAR")).toBe(false);
    expect(isHtmlDocument('{"version": "1.1", "items": [{"content_html": "<html>"}]}')).toBe(false);
  });

  it("reads a page with events as a feed", async () => {
    await expect(parse(page(jsonLd(CONCERT)))).resolves.toMatchObject({
      items: [{ title: "Quatuor & piano" }],
    });
  });

  it("keeps the not-a-feed error for a page without events, naming the feed it advertises", async () => {
    const advertised = page(
      '<link rel="alternate" type="application/rss+xml" title="Actualités" href="/feed.xml?lang=fr&amp;v=2">',
    );
    await expect(parse(advertised)).rejects.toThrow(
      "Cannot read the feed https://musee.example/agenda/: got an HTML page, not a feed — is the URL the feed's address? The page names its feed: https://musee.example/feed.xml?lang=fr&v=2 — put that address in feeds.yml.",
    );
    await expect(parse(advertised, "rss")).rejects.toThrow(/The page names its feed: https:\/\//);
    await expect(parse(page(jsonLd({ "@type": "Organization" })), "page")).rejects.toThrow(
      /got an HTML page, not a feed — is the URL the feed's address\?$/,
    );
  });
});
