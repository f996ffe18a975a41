import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import {
  readBlueskyCredentials,
  readMastodonCredentials,
  readXCredentials,
  secretsOf,
} from "./credentials.js";

describe("readXCredentials", () => {
  const all = {
    X_API_KEY: "k-9f2c",
    X_API_SECRET: "s-71ad",
    X_ACCESS_TOKEN: "t-0b5e",
    X_ACCESS_SECRET: "ts-c4d8",
  };

  it.each([
    { name: "none set", env: {} },
    {
      name: "all empty (missing GitHub secrets)",
      env: { X_API_KEY: "", X_API_SECRET: "", X_ACCESS_TOKEN: "", X_ACCESS_SECRET: "" },
    },
    { name: "unrelated variables only", env: { HOME: "/root" } },
  ])("$name → undefined", ({ env }) => {
    expect(readXCredentials(env)).toBeUndefined();
  });

  it("reads all four, trimming pasted whitespace", () => {
    expect(readXCredentials({ ...all, X_ACCESS_SECRET: " ts-c4d8\n" })).toEqual({
      apiKey: "k-9f2c",
      apiSecret: "s-71ad",
      accessToken: "t-0b5e",
      accessSecret: "ts-c4d8",
    });
  });

  it.each([
    { name: "one missing", env: { ...all, X_API_SECRET: undefined }, missing: ["X_API_SECRET"] },
    {
      name: "access pair missing",
      env: { X_API_KEY: "k-9f2c", X_API_SECRET: "s-71ad" },
      missing: ["X_ACCESS_TOKEN", "X_ACCESS_SECRET"],
    },
    { name: "blank counts as missing", env: { ...all, X_API_KEY: "  " }, missing: ["X_API_KEY"] },
  ])("$name → UsageError naming the missing ones", ({ env, missing }) => {
    let thrown: unknown;
    try {
      readXCredentials(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    const message = (thrown as UsageError).message;
    const present = Object.keys(all).filter((name) => !missing.includes(name));
    const namedAsMissing = message.slice(0, message.indexOf("not set"));
    for (const name of missing) expect(namedAsMissing).toContain(name);
    for (const name of present) expect(namedAsMissing).not.toContain(name);
    for (const value of Object.values(all)) expect(message).not.toContain(value);
  });
});

/** The UsageError a read throws, checked to name no secret value. */
function usageError(read: () => unknown, secrets: readonly string[]): string {
  let thrown: unknown;
  try {
    read();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UsageError);
  const message = (thrown as UsageError).message;
  for (const secret of secrets) expect(message).not.toContain(secret);
  return message;
}

describe("readMastodonCredentials", () => {
  const variables = { instanceUrl: "NEWS_MASTODON_URL", accessToken: "NEWS_MASTODON_TOKEN" };
  const token = "mstdn-tok-Zq81xP0aLk";

  it("reads the instance and token from the variables it is given", () => {
    expect(
      readMastodonCredentials(
        { NEWS_MASTODON_URL: " https://example.social/\n", NEWS_MASTODON_TOKEN: token },
        variables,
      ),
    ).toEqual({ instanceUrl: "https://example.social", accessToken: token, variables });
  });

  it("takes a bare domain as https, and plain http only on this machine", () => {
    const read = (url: string) =>
      readMastodonCredentials({ NEWS_MASTODON_URL: url, NEWS_MASTODON_TOKEN: token }, variables)
        ?.instanceUrl;
    expect(read("example.social")).toBe("https://example.social");
    expect(read("http://127.0.0.1:8123")).toBe("http://127.0.0.1:8123");
    expect(usageError(() => read("http://example.social"), [token])).toContain("NEWS_MASTODON_URL");
  });

  it("is undefined when neither variable is set, and names the missing one otherwise", () => {
    expect(readMastodonCredentials({ NEWS_MASTODON_URL: "" }, variables)).toBeUndefined();
    const message = usageError(
      () => readMastodonCredentials({ NEWS_MASTODON_TOKEN: token }, variables),
      [token],
    );
    expect(message).toMatch(/NEWS_MASTODON_URL is not set/);
  });

  it("never repeats a token pasted into the URL variable, or one with a line break", () => {
    const swapped = { NEWS_MASTODON_URL: token, NEWS_MASTODON_TOKEN: "https://example.social" };
    expect(usageError(() => readMastodonCredentials(swapped, variables), [token])).toContain(
      "NEWS_MASTODON_URL must hold",
    );
    const broken = { NEWS_MASTODON_URL: "example.social", NEWS_MASTODON_TOKEN: "abc def-123" };
    expect(
      usageError(
        () => readMastodonCredentials(broken, variables),
        ["abc def-123", "abc", "def-123"],
      ),
    ).toContain("NEWS_MASTODON_TOKEN");
  });
});

describe("readBlueskyCredentials", () => {
  const variables = { identifier: "BSKY_HANDLE", appPassword: "BSKY_APP_PASSWORD" };
  const appPassword = "abcd-2345-efgh-6767";

  it("reads handle and app password, with bsky.social as the default service", () => {
    expect(
      readBlueskyCredentials(
        { BSKY_HANDLE: "@news.bsky.social", BSKY_APP_PASSWORD: ` ${appPassword.toUpperCase()}\n` },
        variables,
      ),
    ).toEqual({
      identifier: "news.bsky.social",
      appPassword,
      service: "https://bsky.social",
      variables,
    });
  });

  it("reads an optional service", () => {
    const withService = { ...variables, service: "BSKY_SERVICE" };
    const env = { BSKY_HANDLE: "a.test", BSKY_APP_PASSWORD: appPassword };
    expect(readBlueskyCredentials(env, withService)?.service).toBe("https://bsky.social");
    expect(
      readBlueskyCredentials({ ...env, BSKY_SERVICE: "https://pds.example.org/" }, withService)
        ?.service,
    ).toBe("https://pds.example.org");
  });

  it("refuses the account's main password, without repeating it", () => {
    const password = "My-Main-Passw0rd!";
    const message = usageError(
      () =>
        readBlueskyCredentials({ BSKY_HANDLE: "a.test", BSKY_APP_PASSWORD: password }, variables),
      [password],
    );
    expect(message).toContain("App passwords");
  });

  it("is undefined when neither is set, and names the missing one otherwise", () => {
    expect(readBlueskyCredentials({}, variables)).toBeUndefined();
    expect(
      usageError(
        () => readBlueskyCredentials({ BSKY_APP_PASSWORD: appPassword }, variables),
        [appPassword],
      ),
    ).toMatch(/BSKY_HANDLE is not set/);
  });
});

describe("secretsOf", () => {
  it("lists each network's secret values, and not the names or URLs", () => {
    const mastodon = readMastodonCredentials(
      { U: "example.social", T: "tok-1" },
      { instanceUrl: "U", accessToken: "T" },
    );
    const bluesky = readBlueskyCredentials(
      { H: "a.test", P: "abcd-efgh-ijkl-mnop" },
      { identifier: "H", appPassword: "P" },
    );
    expect(secretsOf(mastodon as NonNullable<typeof mastodon>)).toEqual(["tok-1"]);
    expect(secretsOf(bluesky as NonNullable<typeof bluesky>)).toEqual(["abcd-efgh-ijkl-mnop"]);
    const x = { apiKey: "k", apiSecret: "s", accessToken: "t", accessSecret: "ts" };
    expect(secretsOf(x)).toEqual(["k", "s", "t", "ts"]);
  });
});
