import { describe, expect, it } from "vitest";
import { ConfigError, type ConfigProblem, parseConfig } from "./load.js";

const yaml = (...lines: string[]) => `${lines.join("\n")}\n`;

function problems(text: string): ConfigProblem[] {
  try {
    parseConfig(text, "feeds.yml");
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error("expected a ConfigError, but the config was accepted");
}

const TARGETS = [
  "targets:",
  "  x:",
  "    network: x",
  "  toot:",
  "    network: mastodon",
  "    visibility: unlisted",
  "    language: fr",
  "  toot-2:",
  "    network: mastodon",
  "    secrets:",
  "      instanceUrl: OTHER_URL",
  "      accessToken: OTHER_TOKEN",
  "  sky:",
  "    network: bluesky",
  "    langs: [fr]",
];

describe("targets in feeds.yml", () => {
  it("reads named accounts with default and given secret names; feeds post to all by default", () => {
    const config = parseConfig(
      yaml(
        ...TARGETS,
        "feeds:",
        "  - id: a",
        "    url: https://example.org/a.xml",
        "  - id: b",
        "    url: https://example.org/b.xml",
        "    targets: [sky, x]",
      ),
      "feeds.yml",
    );
    expect(config.targets.map((target) => [target.name, target.network])).toEqual([
      ["x", "x"],
      ["toot", "mastodon"],
      ["toot-2", "mastodon"],
      ["sky", "bluesky"],
    ]);
    expect(config.targets[1]).toMatchObject({
      secrets: { instanceUrl: "MASTODON_URL", accessToken: "MASTODON_TOKEN" },
      visibility: "unlisted",
      language: "fr",
    });
    expect(config.targets[2]?.secrets).toEqual({
      instanceUrl: "OTHER_URL",
      accessToken: "OTHER_TOKEN",
    });
    expect(config.targets[3]).toMatchObject({
      secrets: { identifier: "BLUESKY_HANDLE", appPassword: "BLUESKY_APP_PASSWORD" },
      langs: ["fr"],
    });
    // Config order, whatever the order in the feed's list.
    expect(config.feeds.map((feed) => feed.targets)).toEqual([
      ["x", "toot", "toot-2", "sky"],
      ["x", "sky"],
    ]);
  });

  it("without targets: posts to the X account of X_API_KEY…, as before", () => {
    const config = parseConfig(
      yaml("feeds:", "  - id: a", "    url: https://example.org/a.xml"),
      "feeds.yml",
    );
    expect(config.targets).toEqual([expect.objectContaining({ name: "x", network: "x" })]);
    expect(config.feeds[0]?.targets).toEqual(["x"]);
  });

  it("a feed naming an unknown target is an error at its line, with a suggestion", () => {
    expect(
      problems(
        yaml(
          ...TARGETS,
          "feeds:",
          "  - id: a",
          "    url: https://example.org/a.xml",
          "    targets: [x, tot]",
        ),
      ),
    ).toEqual([
      {
        line: 19,
        path: "feeds[0].targets[1]",
        message: `no target named "tot" under 'targets:'; did you mean "toot"?`,
      },
    ]);
  });

  it("an unknown network, or a secret key of another network, is an error", () => {
    const found = problems(
      yaml(
        "targets:",
        "  a:",
        "    network: myspace",
        "  b:",
        "    network: bluesky",
        "    secrets:",
        "      accessToken: TOKEN",
        "feeds:",
        "  - id: a",
        "    url: https://example.org/a.xml",
      ),
    );
    expect(found.map((problem) => [problem.line, problem.path])).toEqual([
      [3, "targets.a.network"],
      [7, "targets.b.secrets.accessToken"],
    ]);
  });
});
