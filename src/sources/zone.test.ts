import { describe, expect, it } from "vitest";
import { ianaZoneOf, isoWithOffset, startOfDay, wallTimeToUtc } from "./zone.js";

const wall = (text: string) => {
  const [year, month, day, hour, minute] = text.split(/[-T:]/).map(Number);
  return {
    year: year ?? 0,
    month: month ?? 1,
    day: day ?? 1,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: 0,
  };
};
const inParis = (text: string) =>
  isoWithOffset(wallTimeToUtc(wall(text), "Europe/Paris"), "Europe/Paris");

describe("zone arithmetic", () => {
  it.each([
    ["2026-03-28T19:00", "2026-03-28T19:00:00+01:00"],
    ["2026-03-29T19:00", "2026-03-29T19:00:00+02:00"],
    // Skipped by the change to summer time: read with the offset before it (RFC 5545).
    ["2026-03-29T02:30", "2026-03-29T03:30:00+02:00"],
    // Happens twice when clocks go back: the first one.
    ["2026-10-25T02:30", "2026-10-25T02:30:00+02:00"],
    ["2026-10-25T03:30", "2026-10-25T03:30:00+01:00"],
  ])("%s in Paris is %s", (time, expected) => {
    expect(inParis(time)).toBe(expected);
  });

  it.each([
    ["Europe/Paris", "Europe/Paris"],
    ["europe/paris", "Europe/Paris"],
    ["W. Europe Standard Time", "Europe/Berlin"],
    ["Pacific Standard Time", "America/Los_Angeles"],
    ["/mozilla.org/20050126_1/America/New_York", "America/New_York"],
    ['"Europe/Rome"', "Europe/Rome"],
    ["Mars/Olympus_Mons", undefined],
    ["(UTC+01:00) Amsterdam, Berlin", undefined],
  ])("TZID %j is the zone %s", (tzid, zone) => {
    expect(ianaZoneOf(tzid)).toBe(zone);
  });

  it("starts a day at midnight in its zone, or in UTC", () => {
    expect(new Date(startOfDay("2026-07-14", "Europe/Paris")).toISOString()).toBe(
      "2026-07-13T22:00:00.000Z",
    );
    expect(new Date(startOfDay("2026-07-14", undefined)).toISOString()).toBe(
      "2026-07-14T00:00:00.000Z",
    );
  });
});
