// feeds.yml's curation keys: filters, one story once, and the owner's overrides.
import { describe, expect, it } from "vitest";
import { ConfigError, type ConfigProblem, parseConfig, validateConfig } from "./load.js";

const yaml = (...lines: string[]) => `${lines.join("\n")}\n`;
const FEED = ["  - id: veille", "    url: https://veille.example/feed.xml"];

async function problems(text: string): Promise<ConfigProblem[]> {
  try {
    await validateConfig(text, "feeds.yml");
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error("expected a ConfigError, but the config was accepted");
}

describe("curation keys", () => {
  it("resolves filters from defaults, a feed's own list replacing the default one", async () => {
    const config = await validateConfig(
      yaml(
        "defaults:",
        "  include: [ergonom*, posture]",
        "  exclude: [annulé]",
        "  minLength: 40",
        "  sameStoryWithin: 3d",
        "feeds:",
        ...FEED,
        "  - id: revue",
        "    url: https://revue.example/feed.xml",
        "    include: []",
        "    fields: [title]",
        "    skip: [https://revue.example/a, 'tag:revue,2026:7']",
        "    pause: true",
        "    repost: ['tag:revue,2026:3']",
      ),
      "feeds.yml",
    );
    expect(config.feeds[0]).toMatchObject({
      filter: { include: ["ergonom*", "posture"], exclude: ["annulé"], minLength: 40 },
      sameStoryWithinMs: 3 * 86_400_000,
    });
    expect(config.feeds[1]).toMatchObject({
      filter: { exclude: ["annulé"], minLength: 40, fields: ["title"] },
      skip: ["https://revue.example/a", "tag:revue,2026:7"],
      pause: true,
      repost: ["tag:revue,2026:3"],
    });
    expect(config.feeds[1]?.filter?.include).toBeUndefined();
  });

  it("leaves a feed without curation settings as it was", () => {
    const feed = parseConfig(yaml("feeds:", ...FEED), "feeds.yml").feeds[0];
    expect(feed).not.toHaveProperty("filter");
    expect(feed).not.toHaveProperty("pause");
  });

  it("names each mistake with its line", async () => {
    expect(
      await problems(
        yaml(
          "defaults:",
          "  include: [er*go]",
          "feeds:",
          ...FEED,
          "    exclude: ['/(?=x)y/i', '/z/g']",
          "    fields: [titel]",
          "    pause: yes please",
          "    sameStoryWithin: 3 days",
        ),
      ),
    ).toEqual([
      {
        line: 2,
        path: "defaults.include[0]",
        message: expect.stringContaining('"er*go": a "*" may only end the entry'),
      },
      {
        line: 6,
        path: "feeds[0].exclude[1]",
        message: expect.stringContaining('unknown flag "g"'),
      },
      {
        line: 7,
        path: "feeds[0].fields[0]",
        message: 'expected one of title, summary, categories, link, author, got "titel"',
      },
      { line: 8, path: "feeds[0].pause", message: 'expected true or false, got "yes please"' },
      {
        line: 9,
        path: "feeds[0].sameStoryWithin",
        message: expect.stringContaining('a duration such as "3d"'),
      },
    ]);
  });

  it("compiles regular expressions when the file is loaded, and refuses what could hang a run", async () => {
    const found = await problems(
      yaml("feeds:", ...FEED, "    exclude:", "      - /webinaires?/i", "      - '/(a+)\\1/'"),
    );
    expect(found).toEqual([
      {
        line: 6,
        path: "feeds[0].exclude[1]",
        message: expect.stringMatching(
          /^"\/\(a\+\)\\\\1\/" is not a pattern crieur can use: invalid escape sequence\. .*no back-references/,
        ),
      },
    ]);
    // parseConfig, synchronous, checks the form only.
    expect(() =>
      parseConfig(yaml("feeds:", ...FEED, "    exclude: ['/(a+)\\1/']"), "feeds.yml"),
    ).not.toThrow();
  });
});
