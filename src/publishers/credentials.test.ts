import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { readXCredentials } from "./credentials.js";

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
