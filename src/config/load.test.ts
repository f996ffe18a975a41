import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { DEFAULT_EVENT_PREFIXES } from "../rules/event-posts.js";
import type { Config } from "./defaults.js";
import { ConfigError, type ConfigProblem, loadConfig, parseConfig } from "./load.js";
import { TEMPLATE_FIELDS } from "./schema.js";

/** Lines joined, so a test's line numbers can be read off its array index + 1. */
const yaml = (...lines: string[]) => `${lines.join("\n")}\n`;

const ONE_FEED = ["feeds:", "  - id: agenda", "    url: https://www.musee-example.org/agenda.xml"];

function problems(text: string): ConfigProblem[] {
  try {
    parseConfig(text, "feeds.yml");
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error("expected a ConfigError, but the config was accepted");
}

describe("parseConfig: valid files", () => {
  it("fills every default for a minimal file", () => {
    expect(parseConfig(yaml(...ONE_FEED), "feeds.yml")).toEqual<Config>({
      file: "feeds.yml",
      targets: [
        {
          name: "x",
          network: "x",
          secrets: {
            apiKey: "X_API_KEY",
            apiSecret: "X_API_SECRET",
            accessToken: "X_ACCESS_TOKEN",
            accessSecret: "X_ACCESS_SECRET",
          },
        },
      ],
      feeds: [
        {
          id: "agenda",
          url: "https://www.musee-example.org/agenda.xml",
          name: "agenda",
          template: "{title} {link}",
          eventTemplate: "{title} — {start} {link}",
          locale: "en",
          maxPostsPerRun: 3,
          firstRunPosts: 0,
          hashtags: [],
          hashtagMap: {},
          categoriesAsHashtags: false,
          horizonMs: 90 * 86_400_000,
          targets: ["x"],
        },
      ],
      limits: { maxPostsPerRun: 3 },
      cost: { prices: { perPostUSD: 0.015, perPostWithUrlUSD: 0.2 } },
      fetch: {
        timeoutMs: 20_000,
        maxBytes: 5_000_000,
        maxRedirects: 5,
        concurrency: 32,
        alertAfterMs: 86_400_000,
      },
    });
  });

  it("applies `defaults` to feeds that do not override them, and overrides to the others", () => {
    const config = parseConfig(
      yaml(
        "defaults:",
        '  template: "{feed}: {title} {link}"',
        "  maxPostsPerRun: 2",
        "  firstRunPosts: 1",
        "  hashtags: [museum]",
        "  horizon: 30d",
        "  timeZone: Europe/Paris",
        "limits:",
        "  maxPostsPerRun: 5",
        "fetch:",
        "  timeoutSeconds: 7",
        "  maxBytes: 10000",
        "  maxRedirects: 0",
        "  concurrency: 12",
        "feeds:",
        "  - id: agenda",
        "    url: https://www.musee-example.org/agenda.xml",
        "  - id: blog_2",
        "    url: http://127.0.0.1:8080/feed",
        '    name: "  Ergonomie  "',
        '    template: "{title}"',
        "    maxPostsPerRun: 0",
        "    firstRunPosts: 20",
        "    hashtags: []",
        "  - id: calendar",
        "    url: webcal://www.musee-example.org/agenda.ics",
        "    type: ics",
        "    horizon: 120d",
        "    timeZone: America/Montreal",
      ),
      "config/feeds.yml",
    );
    expect(config.file).toBe("config/feeds.yml");
    expect(config.feeds).toEqual([
      {
        id: "agenda",
        url: "https://www.musee-example.org/agenda.xml",
        name: "agenda",
        template: "{feed}: {title} {link}",
        eventTemplate: "{feed}: {title} {link}",
        locale: "en",
        maxPostsPerRun: 2,
        firstRunPosts: 1,
        hashtags: ["museum"],
        hashtagMap: {},
        categoriesAsHashtags: false,
        horizonMs: 30 * 86_400_000,
        timeZone: "Europe/Paris",
        targets: ["x"],
      },
      {
        id: "blog_2",
        url: "http://127.0.0.1:8080/feed",
        name: "Ergonomie",
        template: "{title}",
        eventTemplate: "{title}",
        locale: "en",
        maxPostsPerRun: 0,
        firstRunPosts: 20,
        hashtags: [],
        hashtagMap: {},
        categoriesAsHashtags: false,
        horizonMs: 30 * 86_400_000,
        timeZone: "Europe/Paris",
        targets: ["x"],
      },
      {
        id: "calendar",
        url: "webcal://www.musee-example.org/agenda.ics",
        name: "calendar",
        template: "{feed}: {title} {link}",
        eventTemplate: "{feed}: {title} {link}",
        locale: "en",
        maxPostsPerRun: 2,
        firstRunPosts: 1,
        hashtags: ["museum"],
        hashtagMap: {},
        categoriesAsHashtags: false,
        horizonMs: 120 * 86_400_000,
        timeZone: "America/Montreal",
        type: "ics",
        targets: ["x"],
      },
    ]);
    expect(config.limits).toEqual({ maxPostsPerRun: 5 });
    expect(config.fetch).toEqual({
      timeoutMs: 7000,
      maxBytes: 10_000,
      maxRedirects: 0,
      concurrency: 12,
      alertAfterMs: 24 * 3_600_000,
    });
  });

  it("reads the event post settings of a calendar feed, with default prefixes", () => {
    const config = parseConfig(
      yaml(
        ...ONE_FEED,
        "    timeZone: Europe/Paris",
        '    remind: [7d, 36h, "day-of 09:00"]',
        "    lastDays: 3d",
        "    announceWithin: 30d",
        "    announceChanges: true",
        "    eventPrefixes:",
        '      tomorrow: "Demain :"',
      ),
      "feeds.yml",
    );
    expect(config.feeds[0]?.eventPosts).toEqual({
      announceWithinMs: 30 * 86_400_000,
      reminders: [
        { label: "7d", beforeMs: 7 * 86_400_000 },
        { label: "36h", beforeMs: 36 * 3_600_000 },
        { label: "day-of 09:00", dayOf: { hour: 9, minute: 0 } },
      ],
      lastDays: 3,
      announceChanges: true,
      timeZone: "Europe/Paris",
      prefixes: { ...DEFAULT_EVENT_PREFIXES, tomorrow: "Demain :" },
    });
    expect(parseConfig(yaml(...ONE_FEED), "feeds.yml").feeds[0]?.eventPosts).toBeUndefined();
  });

  it("reads daily limits, maxAge, posting hours, cost and the feed alert threshold", () => {
    const config = parseConfig(
      yaml(
        "defaults:",
        "  maxPostsPerDay: 8",
        '  maxAge: "7d"',
        "limits:",
        "  maxPostsPerDay: 20",
        "  postingHours:",
        '    from: "08:00"',
        '    to: "21:00"',
        "    timeZone: Europe/Paris",
        "fetch:",
        "  alertAfterHours: 48",
        "cost:",
        "  pricePerPostUSD: 0.01",
        "  monthlyBudgetUSD: 5",
        "feeds:",
        "  - id: agenda",
        "    url: https://example.org/a.xml",
        '    maxAge: "36h"',
        "  - id: blog",
        "    url: https://example.org/b.xml",
        "    maxPostsPerDay: 2",
      ),
      "feeds.yml",
    );
    expect(config.feeds.map((feed) => [feed.maxPostsPerDay, feed.maxAgeMs])).toEqual([
      [8, 36 * 3_600_000],
      [2, 7 * 24 * 3_600_000],
    ]);
    expect(config.limits).toEqual({
      maxPostsPerRun: 3,
      maxPostsPerDay: 20,
      postingHours: { from: "08:00", to: "21:00", timeZone: "Europe/Paris" },
    });
    expect(config.cost).toEqual({
      prices: { perPostUSD: 0.01, perPostWithUrlUSD: 0.2 },
      monthlyBudgetUSD: 5,
    });
    expect(config.fetch.alertAfterMs).toBe(48 * 3_600_000);
  });

  it.each([
    ['  maxAge: "7 days"', "defaults.maxAge"],
    ['  maxAge: "0d"', "defaults.maxAge"],
    ["  maxPostsPerDay: -1", "defaults.maxPostsPerDay"],
    ["  horizon: 12h", "defaults.horizon"],
    ["  horizon: 400d", "defaults.horizon"],
    ["  timeZone: Europe/Pariss", "defaults.timeZone"],
  ])("rejects %s", (line, path) => {
    expect(() =>
      parseConfig(
        yaml("defaults:", line, "feeds:", "  - id: a", "    url: https://e.org/f"),
        "f.yml",
      ),
    ).toThrow(path);
  });

  it.each([
    ['"08:00"', "Europe/Pariss", "limits.postingHours.timeZone"],
    ['"8h"', "Europe/Paris", "limits.postingHours.from"],
  ])("rejects posting hours from %s in %s", (from, zone, path) => {
    const text = yaml(
      "limits:",
      "  postingHours:",
      `    from: ${from}`,
      '    to: "21:00"',
      `    timeZone: ${zone}`,
      "feeds:",
      "  - id: a",
      "    url: https://e.org/f",
    );
    expect(() => parseConfig(text, "f.yml")).toThrow(path);
  });

  it.each([
    ["every placeholder", `"${TEMPLATE_FIELDS.map((field) => `{${field}}`).join(" ")}"`],
    ["a multi-line block", "|\n      {title}\n      {link}"],
  ])("accepts a template with %s", (_, value) => {
    const config = parseConfig(yaml(...ONE_FEED, `    template: ${value}`), "feeds.yml");
    expect(config.feeds[0]?.template).toMatch(/^\{title\}/);
  });

  it.each(["musée", "été_2025", "expo", "Art"])("accepts the hashtag word %j", (word) => {
    const config = parseConfig(yaml(...ONE_FEED, `    hashtags: ["${word}"]`), "feeds.yml");
    expect(config.feeds[0]?.hashtags).toEqual([word]);
  });

  it("accepts a byte-order mark and Windows line ends", () => {
    const text = `\uFEFF${yaml(...ONE_FEED).replaceAll("\n", "\r\n")}`;
    expect(parseConfig(text, "feeds.yml").feeds[0]?.id).toBe("agenda");
  });
});

// Each numeric key: [where it is written, min, max].
const RANGES: [string[], number, number][] = [
  [["defaults:", "  maxPostsPerRun: N"], 0, 50],
  [["defaults:", "  firstRunPosts: N"], 0, 20],
  [["limits:", "  maxPostsPerRun: N"], 0, 50],
  [["fetch:", "  timeoutSeconds: N"], 1, 120],
  [["fetch:", "  maxBytes: N"], 10_000, 50_000_000],
  [["fetch:", "  maxRedirects: N"], 0, 10],
  [["fetch:", "  concurrency: N"], 1, 64],
];

describe("parseConfig: number ranges", () => {
  it.each(RANGES.flatMap(([lines, min, max]) => [min, max].map((n) => [lines, n] as const)))(
    "accepts %j = %d",
    (lines, n) => {
      expect(() =>
        parseConfig(yaml(...lines.map((line) => line.replace("N", String(n))), ...ONE_FEED), "f"),
      ).not.toThrow();
    },
  );

  it.each(
    RANGES.flatMap(([lines, min, max]) =>
      [min - 1, max + 1, min + 0.5].map((n) => [lines, n, min, max] as const),
    ),
  )("rejects %j = %d on line 2 with the allowed range", (lines, n, min, max) => {
    const [section, entry] = lines.map((line) => line.replace("N", String(n)));
    const key = entry?.trim().split(":")[0];
    expect(problems(yaml(section ?? "", entry ?? "", ...ONE_FEED))).toEqual([
      {
        line: 2,
        path: `${section?.replace(":", "")}.${key}`,
        message: `expected a whole number from ${min} to ${max}, got ${n}`,
      },
    ]);
  });

  it("rejects the feed-level override too", () => {
    expect(problems(yaml(...ONE_FEED, "    firstRunPosts: 21"))).toEqual([
      {
        line: 4,
        path: "feeds[0].firstRunPosts",
        message: "expected a whole number from 0 to 20, got 21",
      },
    ]);
  });
});

describe("parseConfig: each problem with its line and path", () => {
  it.each<[string, string[], number | undefined, string, string | RegExp]>([
    // YAML syntax
    [
      "an unclosed quote",
      ["feeds:", "  - id: agenda", '    url: "https://a.example/feed'],
      4,
      "",
      /^not valid YAML: Missing closing "quote; a quote opened/,
    ],
    [
      "a duplicate key",
      [...ONE_FEED, "    url: https://b.example/feed"],
      4,
      "",
      /^not valid YAML: Map keys must be unique; this key appears twice/,
    ],
    [
      "a tab used as indentation",
      ["feeds:", "\t- id: agenda"],
      2,
      "",
      /Tabs are not allowed as indentation; indent with spaces/,
    ],
    [
      "an unquoted template with two placeholders",
      [...ONE_FEED, "    template: {title} {link}"],
      4,
      "",
      /must be in quotes, e.g. template: "\{title\} \{link\}"/,
    ],
    [
      "a reminder that is no duration",
      [...ONE_FEED, '    remind: [7d, "day of 9h"]'],
      4,
      "feeds[0].remind[1]",
      'expected a reminder such as "7d", "36h" or "day-of 09:00", got "day of 9h"',
    ],
    // Whole file
    ["an empty file", [""], undefined, "", /^the file is empty; it needs at least a 'feeds:'/],
    ["comments only", ["# nothing yet"], undefined, "", /^the file is empty/],
    [
      "a list at the top",
      ["- agenda"],
      1,
      "",
      "expected 'key: value' lines with at least a 'feeds:' list, got a list",
    ],
    ["no feeds key", ["limits:", "  maxPostsPerRun: 1"], 1, "feeds", /^missing; expected a list/],
    [
      "an empty feed list",
      ["feeds: []"],
      1,
      "feeds",
      "expected at least one feed, got an empty list",
    ],
    ["feeds given as text", ["feeds: agenda"], 1, "feeds", /got "agenda"$/],
    [
      "an empty defaults section",
      ["defaults:", ...ONE_FEED],
      1,
      "defaults",
      "expected settings written as 'key: value' lines under 'defaults:', got an empty value",
    ],
    // Feeds
    [
      "a feed without id (line of its mapping)",
      ["feeds:", "  - url: https://a.example/feed", "    name: A"],
      2,
      "feeds[0].id",
      'missing; expected an id such as "agenda"',
    ],
    [
      "a feed without url",
      ["feeds:", "  - id: agenda"],
      2,
      "feeds[0].url",
      "missing; expected an http(s) URL",
    ],
    [
      "an empty feed entry",
      [...ONE_FEED, "  -"],
      4,
      "feeds[1]",
      "expected a feed with at least 'id:' and 'url:', got an empty value",
    ],
    [
      "an id with capitals",
      ["feeds:", "  - id: Agenda", "    url: https://a.example/feed"],
      2,
      "feeds[0].id",
      /^expected an id of lowercase letters, .* got "Agenda"$/,
    ],
    [
      "an id of 65 characters",
      ["feeds:", `  - id: ${"a".repeat(65)}`, "    url: https://a.example/feed"],
      2,
      "feeds[0].id",
      /at most 64 characters, got "a{65}"$/,
    ],
    [
      "a number as id",
      ["feeds:", "  - id: 2024", "    url: https://a.example/feed"],
      2,
      "feeds[0].id",
      'expected an id such as "agenda", got 2024',
    ],
    [
      "a url without scheme",
      ["feeds:", "  - id: agenda", "    url: example.com/rss"],
      3,
      "feeds[0].url",
      'expected an http(s) URL, got "example.com/rss"',
    ],
    [
      "an ftp url",
      ["feeds:", "  - id: agenda", "    url: ftp://example.com/rss"],
      3,
      "feeds[0].url",
      'expected an http(s) URL, got "ftp://example.com/rss"',
    ],
    [
      "an empty url",
      ["feeds:", "  - id: agenda", "    url:"],
      3,
      "feeds[0].url",
      "expected an http(s) URL, got an empty value",
    ],
    [
      "an empty name",
      [...ONE_FEED, '    name: "  "'],
      4,
      "feeds[0].name",
      // Spaces are trimmed first, so nothing is left.
      'expected a name, got ""',
    ],
    // Unknown keys
    [
      "a misspelt feed key",
      [...ONE_FEED, '    templat: "{title}"'],
      4,
      "feeds[0].templat",
      'unknown key; did you mean "template"?',
    ],
    [
      "a snake_case key",
      ["defaults:", "  max_posts_per_run: 1", ...ONE_FEED],
      2,
      "defaults.max_posts_per_run",
      'unknown key; did you mean "maxPostsPerRun"?',
    ],
    [
      "a misspelt top-level key",
      ["limit:", "  maxPostsPerRun: 1", ...ONE_FEED],
      1,
      "limit",
      'unknown key; did you mean "limits"?',
    ],
    [
      "a key that is nothing like a known one",
      [...ONE_FEED, "    timeoutSeconds: 5"],
      4,
      "feeds[0].timeoutSeconds",
      "unknown key; expected one of: id, url, name, template, locale, hashtagMap, categoriesAsHashtags, maxPostsPerRun, firstRunPosts, hashtags, maxPostsPerDay, maxAge, horizon, timeZone, type, include, exclude, fields, categories, minLength, image, sameStoryWithin, skip, pause, repost, announceWithin, remind, lastDays, announceChanges, eventPrefixes, targets",
    ],
    // Templates
    [
      "a template without placeholder",
      [...ONE_FEED, "    template: Nouveau !"],
      4,
      "feeds[0].template",
      'expected at least one placeholder such as {title} or {link}, got "Nouveau !"',
    ],
    [
      "a misspelt placeholder",
      ["defaults:", '  template: "{titel} {link}"', ...ONE_FEED],
      2,
      "defaults.template",
      `unknown placeholder "{titel}"; did you mean "{title}"? allowed: {title}, {link}, {summary}, {author}, {date}, {feed}, {hashtags}, {start}, {end}, {location}, {status}`,
    ],
    [
      "an unknown placeholder",
      [...ONE_FEED, '    template: "{title} {url}"'],
      4,
      "feeds[0].template",
      /^unknown placeholder "\{url\}"; allowed: \{title\}, \{link\}/,
    ],
    [
      "a bad date pattern",
      [...ONE_FEED, `    template: "{start:EEEE d MMMMMM, HH'h'mm} {title}"`],
      4,
      "feeds[0].template",
      /^bad date pattern \{start:EEEE d MMMMMM, HH'h'mm\}: "MMMMMM" is not a date token; .*single quotes/,
    ],
    [
      "a bad fallback",
      ["defaults:", '  template: "{summary|} {link}"', ...ONE_FEED],
      2,
      "defaults.template",
      /^bad fallback \{summary\|\}: an alternative is empty/,
    ],
    [
      "a misspelt placeholder in a fallback",
      [...ONE_FEED, '    template: "{sumary|title} {link}"'],
      4,
      "feeds[0].template",
      /^unknown placeholder "\{sumary\}" in \{sumary\|title\}; did you mean "\{summary\}"\?/,
    ],
    [
      "a length cap on the link",
      [...ONE_FEED, '    template: "{title} {link:30}"'],
      4,
      "feeds[0].template",
      "{link:30}: the link is never cut; write {link} alone",
    ],
    [
      "a brace left open",
      [...ONE_FEED, '    template: "{title {link}"'],
      4,
      "feeds[0].template",
      /^"\{title \{link\}": a placeholder opened with "\{" must close with "\}"/,
    ],
    [
      "a template that YAML read as a mapping",
      [...ONE_FEED, "    template: {title}"],
      4,
      "feeds[0].template",
      /a template that starts with "\{" must be in quotes$/,
    ],
    // Hashtags
    [
      "a hashtag with '#'",
      [...ONE_FEED, '    hashtags: ["#musée"]'],
      4,
      "feeds[0].hashtags[0]",
      'write hashtags without "#": got "#musée", write "musée"',
    ],
    [
      "a hashtag of two words",
      [...ONE_FEED, "    hashtags:", "      - art moderne"],
      5,
      "feeds[0].hashtags[0]",
      /^expected one word of letters, digits or '_' .*got "art moderne"$/,
    ],
    [
      "a hashtag of digits only",
      [...ONE_FEED, "    hashtags: [museum, 2025]"],
      4,
      "feeds[0].hashtags[1]",
      "expected a word, got 2025",
    ],
    [
      "hashtags given as text",
      [...ONE_FEED, "    hashtags: museum"],
      4,
      "feeds[0].hashtags",
      'expected a list of words, such as [museum, art], got "museum"',
    ],
    [
      "a quoted number",
      ["fetch:", '  concurrency: "4"', ...ONE_FEED],
      2,
      "fetch.concurrency",
      'expected a whole number from 1 to 64, got "4"; write digits only, without quotes or separators',
    ],
    // Duplicates
    [
      "a duplicate feed id",
      [...ONE_FEED, "  - id: agenda", "    url: https://b.example/feed"],
      4,
      "feeds[1].id",
      '"agenda" is already the id of feeds[0] (line 2); each feed needs its own id.',
    ],
    [
      "a duplicate feed url",
      [...ONE_FEED, "  - id: other", "    url: https://www.musee-example.org/agenda.xml"],
      5,
      "feeds[1].url",
      /is already the address of feeds\[0\] \(line 3\); each feed needs its own address\.$/,
    ],
    [
      "the same feed address over http and with a final slash",
      [...ONE_FEED, "  - id: other", "    url: http://WWW.musee-example.org:80/agenda.xml/#top"],
      5,
      "feeds[1].url",
      '"http://WWW.musee-example.org:80/agenda.xml/#top" is the same feed as ' +
        '"https://www.musee-example.org/agenda.xml", the address of feeds[0] (line 3): http or ' +
        'https, a final "/", capitals in the host name, a default port or a "#…" make no ' +
        "difference; keep one of the two.",
    ],
  ])("reports %s", (_, lines, line, path, message) => {
    const found = problems(yaml(...lines));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line, path });
    if (typeof message === "string") expect(found[0]?.message).toBe(message);
    else expect(found[0]?.message).toMatch(message);
  });

  it.each([
    ["another path", "https://www.musee-example.org/agenda.xml/en"],
    ["another query", "https://www.musee-example.org/agenda.xml?lang=en"],
    ["capitals in the path", "https://www.musee-example.org/Agenda.xml"],
    ["another port", "https://www.musee-example.org:8443/agenda.xml"],
    ["another host", "https://musee-example.org/agenda.xml"],
  ])("accepts two feeds whose addresses differ by %s", (_, url) => {
    const config = parseConfig(yaml(...ONE_FEED, "  - id: other", `    url: ${url}`), "f.yml");
    expect(config.feeds.map((feed) => feed.url)).toEqual([
      "https://www.musee-example.org/agenda.xml",
      url,
    ]);
  });

  it("reports a digits-only hashtag given as text", () => {
    expect(problems(yaml(...ONE_FEED, '    hashtags: ["2025"]'))).toEqual([
      {
        line: 4,
        path: "feeds[0].hashtags[0]",
        message: `expected one word of letters, digits or '_' (without "#"), got "2025"`,
      },
    ]);
  });
});

describe("parseConfig: templates, locale and hashtags", () => {
  it("gives events a default template with the date, unless the owner wrote one", () => {
    const config = parseConfig(
      yaml(
        "defaults:",
        "  locale: fr",
        "  categoriesAsHashtags: true",
        "  hashtagMap:",
        '    "Design UX": UX',
        "    Divers: null",
        ...ONE_FEED,
        "  - id: expo",
        "    url: https://www.musee-example.org/expo.ics",
        "    template: \"{start:EEEE d MMMM, HH'h'mm} — {title} {link}\"",
        "    locale: en-GB",
        "    categoriesAsHashtags: false",
        "    hashtagMap:",
        "      Divers: Misc",
        "      Atelier:",
      ),
      "feeds.yml",
    );
    expect(
      config.feeds.map(({ template, eventTemplate }) => ({ template, eventTemplate })),
    ).toEqual([
      { template: "{title} {link}", eventTemplate: "{title} — {start} {link}" },
      {
        template: "{start:EEEE d MMMM, HH'h'mm} — {title} {link}",
        eventTemplate: "{start:EEEE d MMMM, HH'h'mm} — {title} {link}",
      },
    ]);
    expect(config.feeds.map(({ locale }) => locale)).toEqual(["fr", "en-GB"]);
    expect(config.feeds.map(({ categoriesAsHashtags }) => categoriesAsHashtags)).toEqual([
      true,
      false,
    ]);
    // A feed's entries are added to the defaults' ones; YAML's empty value is null.
    expect(config.feeds.map(({ hashtagMap }) => hashtagMap)).toEqual([
      { "Design UX": "UX", Divers: null },
      { "Design UX": "UX", Divers: "Misc", Atelier: null },
    ]);
  });

  it("points at the line of a multi-line template's key", () => {
    expect(
      problems(yaml(...ONE_FEED, "    template: |", "      {title}", "      {start:EEEE qqq}")),
    ).toEqual([
      {
        line: 4,
        path: "feeds[0].template",
        message: expect.stringMatching(/^bad date pattern \{start:EEEE qqq\}: "qqq"/),
      },
    ]);
  });

  it.each([
    ["fr_FR", 'expected a language tag such as "fr", "en" or "fr-CA", got "fr_FR"; write "fr-FR"'],
    [
      "français",
      'expected a language tag such as "fr", "en" or "fr-CA" that Node knows, got "français"',
    ],
    ["xx", 'expected a language tag such as "fr", "en" or "fr-CA" that Node knows, got "xx"'],
  ])("refuses the locale %j with its line", (value, message) => {
    expect(problems(yaml("defaults:", `  locale: ${value}`, ...ONE_FEED))).toEqual([
      { line: 2, path: "defaults.locale", message },
    ]);
  });

  it.each([
    ["a hashtag with '#'", '"#UX"', /^write hashtags without "#": got "#UX", write "UX"$/],
    [
      "a list",
      "[UX, Design]",
      /^expected a hashtag word, or null to leave the category out, got a list$/,
    ],
  ])("refuses a hashtagMap value that is %s", (_, value, message) => {
    expect(problems(yaml(...ONE_FEED, "    hashtagMap:", `      Design: ${value}`))).toEqual([
      { line: 5, path: "feeds[0].hashtagMap.Design", message: expect.stringMatching(message) },
    ]);
  });

  it("refuses categoriesAsHashtags that is not true or false", () => {
    expect(problems(yaml(...ONE_FEED, "    categoriesAsHashtags: yes"))).toEqual([
      {
        line: 4,
        path: "feeds[0].categoriesAsHashtags",
        message: 'expected true or false, got "yes"',
      },
    ]);
  });
});

describe("ConfigError", () => {
  it("lists every problem at once, in file order, one line each", () => {
    const text = yaml(
      "defaults:", // 1
      "  maxPostsPerRun: 100", // 2
      "feeds:", // 3
      "  - id: agenda", // 4
      "    url: example.com/rss", // 5
      "    templat: x", // 6
      "  - id: agenda", // 7
      "    url: https://b.example/feed", // 8
      '    template: "{titel}"', // 9
      "  - name: no id", // 10
      "    url: https://c.example/feed", // 11
    );
    let error: unknown;
    try {
      parseConfig(text, "feeds.yml");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as ConfigError).name).toBe("ConfigError");
    expect((error as ConfigError).message.split("\n")).toEqual([
      "feeds.yml:2: defaults.maxPostsPerRun: expected a whole number from 0 to 50, got 100",
      'feeds.yml:5: feeds[0].url: expected an http(s) URL, got "example.com/rss"',
      'feeds.yml:6: feeds[0].templat: unknown key; did you mean "template"?',
      'feeds.yml:7: feeds[1].id: "agenda" is already the id of feeds[0] (line 4); each feed needs its own id.',
      `feeds.yml:9: feeds[1].template: unknown placeholder "{titel}"; did you mean "{title}"? allowed: {title}, {link}, {summary}, {author}, {date}, {feed}, {hashtags}, {start}, {end}, {location}, {status}`,
      'feeds.yml:10: feeds[2].id: missing; expected an id such as "agenda"',
    ]);
  });

  it("reports several YAML syntax errors, one per line", () => {
    const found = problems(yaml("feeds:", "\t- id: a", "  - id: b", "\t  url: x"));
    expect(found.map((problem) => problem.line)).toEqual([2, 4]);
  });

  it("never throws anything but a ConfigError, whatever the text", () => {
    const yamlish = fc.array(
      fc.constantFrom(
        "feeds:",
        "  - id: a",
        "    url: https://a.example/",
        "  -",
        " {",
        ": ",
        "\t",
        "#",
        '"',
        "&x",
        "*x",
        "defaults:",
        "  hashtags: [",
        "\n",
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          yamlish.map((parts) => parts.join("\n")),
        ),
        (text) => {
          try {
            parseConfig(text, "feeds.yml");
          } catch (error) {
            expect(error).toBeInstanceOf(ConfigError);
            expect((error as ConfigError).problems.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("loadConfig", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "crieur-config-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads and validates a file", async () => {
    const file = join(dir, "feeds.yml");
    await writeFile(file, yaml(...ONE_FEED));
    const config = await loadConfig(file);
    expect(config.file).toBe(file);
    expect(config.feeds.map((feed) => feed.id)).toEqual(["agenda"]);
  });

  it("names the file and the line of a problem", async () => {
    const file = join(dir, "bad.yml");
    await writeFile(file, yaml("feeds: []"));
    await expect(loadConfig(file)).rejects.toThrow(
      `${file}:1: feeds: expected at least one feed, got an empty list`,
    );
  });

  it.each([
    ["missing", "nope.yml", /nope\.yml: file not found\. Create it/],
    ["a directory", ".", /: cannot be read \(EISDIR\)/],
  ])("explains when the file is %s", async (_, name, message) => {
    const error = await loadConfig(join(dir, name)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(message);
  });
});
