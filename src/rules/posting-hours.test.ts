import { describe, expect, it } from "vitest";
import { isValidTimeZone, isWithinPostingHours, nextOpening } from "./posting-hours.js";

describe("isWithinPostingHours", () => {
  const paris = { from: "08:00", to: "21:00", timeZone: "Europe/Paris" };
  it.each([
    ["2026-01-15T06:59:00Z", paris, false], // 07:59 in Paris (winter, UTC+1)
    ["2026-01-15T07:00:00Z", paris, true], // 08:00
    ["2026-01-15T19:59:00Z", paris, true], // 20:59
    ["2026-01-15T20:00:00Z", paris, false], // 21:00: the end is excluded
    ["2026-07-15T06:30:00Z", paris, true], // 08:30 in summer (UTC+2)
    ["2026-07-15T19:30:00Z", paris, false], // 21:30 in summer
    ["2026-03-29T01:30:00Z", { ...paris, from: "03:00" }, true], // 03:30 just after the spring change
    ["2026-01-15T23:30:00Z", { from: "22:00", to: "06:00", timeZone: "UTC" }, true], // wraps midnight
    ["2026-01-15T05:59:00Z", { from: "22:00", to: "06:00", timeZone: "UTC" }, true],
    ["2026-01-15T12:00:00Z", { from: "22:00", to: "06:00", timeZone: "UTC" }, false],
    ["2026-01-15T12:00:00Z", { from: "09:00", to: "09:00", timeZone: "UTC" }, true], // same: all day
    ["2026-01-15T00:30:00Z", { from: "09:00", to: "17:00", timeZone: "Asia/Tokyo" }, true], // 09:30 JST
  ])("%s in %j → %s", (now, hours, expected) => {
    expect(isWithinPostingHours(hours, new Date(now))).toBe(expected);
  });

  it.each([
    ["Europe/Paris", true],
    ["UTC", true],
    ["Europe/Pariss", false],
    ["CET+1", false],
  ])("time zone %s valid: %s", (name, valid) => {
    expect(isValidTimeZone(name)).toBe(valid);
  });
});

describe("nextOpening", () => {
  it.each([
    ["2026-01-15T20:30:00Z", "2026-01-16T07:00:00.000Z"], // 21:30 Paris → 08:00 next day
    ["2026-01-15T05:10:30Z", "2026-01-15T07:00:00.000Z"], // 06:10 Paris → 08:00 the same day
    ["2026-03-28T22:00:00Z", "2026-03-29T06:00:00.000Z"], // across the spring change (UTC+2 after)
  ])("after %s: %s", (now, expected) => {
    const paris = { from: "08:00", to: "21:00", timeZone: "Europe/Paris" };
    expect(nextOpening(paris, new Date(now))?.toISOString()).toBe(expected);
  });
});
