import { describe, expect, it } from "vitest";
import { containsUrl } from "./compose.js";
import { costOf, DEFAULT_PRICES, priceOf, startOfNextMonth } from "./cost.js";

describe("cost", () => {
  it.each([
    ["Vernissage ce soir https://musee.fr/expo", true],
    ["Vernissage ce soir, voir musee.fr", true],
    ["Vernissage ce soir https://musee.example/expo", true],
    ["Vernissage ce soir", false],
    ["#expo @musee", false],
  ])("%j contains a URL: %s", (text, expected) => {
    expect(containsUrl(text)).toBe(expected);
    expect(priceOf(containsUrl(text), DEFAULT_PRICES)).toBe(expected ? 0.2 : 0.015);
  });

  it.each([
    [{ posts: 0, postsWithUrl: 0 }, DEFAULT_PRICES, 0],
    [{ posts: 10, postsWithUrl: 4 }, DEFAULT_PRICES, 6 * 0.015 + 4 * 0.2],
    [{ posts: 3, postsWithUrl: 3 }, { perPostUSD: 0.01, perPostWithUrlUSD: 0.01 }, 0.03],
  ])("%j at %j costs %f", (month, prices, expected) => {
    expect(costOf(month, prices)).toBeCloseTo(expected, 10);
  });

  it.each([
    ["2026-03-30T10:00:00Z", "2026-04-01T00:00:00.000Z"],
    ["2026-12-31T23:59:59Z", "2027-01-01T00:00:00.000Z"],
  ])("the month after %s starts %s", (now, expected) => {
    expect(startOfNextMonth(new Date(now)).toISOString()).toBe(expected);
  });
});
