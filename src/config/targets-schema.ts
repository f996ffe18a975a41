/**
 * The `targets:` part of feeds.yml: the accounts posts go to, by name.
 */
import * as z from "zod";
import { expecting, ID_PATTERN } from "./schema-parts.js";

// Targets: the accounts posts go to. Each names the environment variables (repository secrets)
// its credentials are read from; a target whose secrets are not set is skipped with a warning.
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const envName = z
  .string(expecting("an environment variable name such as MASTODON_TOKEN"))
  .regex(ENV_NAME, expecting("an environment variable name such as MASTODON_TOKEN"));
const langTag = z
  .string(expecting('a language tag such as "fr" or "en-GB"'))
  .regex(
    /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
    expecting('a language tag such as "fr" or "en-GB"'),
  );

export const TARGET_SECRET_DEFAULTS = {
  x: {
    apiKey: "X_API_KEY",
    apiSecret: "X_API_SECRET",
    accessToken: "X_ACCESS_TOKEN",
    accessSecret: "X_ACCESS_SECRET",
  },
  mastodon: { instanceUrl: "MASTODON_URL", accessToken: "MASTODON_TOKEN" },
  bluesky: {
    identifier: "BLUESKY_HANDLE",
    appPassword: "BLUESKY_APP_PASSWORD",
    service: "BLUESKY_SERVICE",
  },
} as const;

function secretNames<Key extends string>(keys: readonly Key[], network: string) {
  return z
    .strictObject(
      Object.fromEntries(keys.map((key) => [key, envName.optional()])) as Record<
        Key,
        z.ZodOptional<typeof envName>
      >,
      expecting(`'name: VARIABLE' lines, among: ${keys.join(", ")}`),
    )
    .describe(`Names of the environment variables (secrets) holding the ${network} credentials.`)
    .optional();
}

const targetSchema = z.discriminatedUnion(
  "network",
  [
    z.strictObject({
      network: z.literal("x"),
      secrets: secretNames(["apiKey", "apiSecret", "accessToken", "accessSecret"], "X"),
    }),
    z.strictObject({
      network: z.literal("mastodon"),
      secrets: secretNames(["instanceUrl", "accessToken"], "Mastodon"),
      visibility: z
        .enum(["public", "unlisted", "private"], expecting(`"public", "unlisted" or "private"`))
        .describe("Who sees the posts. Default: public.")
        .optional(),
      language: langTag.describe("Language of the posts, e.g. fr.").optional(),
      contentWarning: z
        .string(expecting("a text"))
        .trim()
        .min(1, expecting("a text"))
        .describe("A content warning shown before each post.")
        .optional(),
    }),
    z.strictObject({
      network: z.literal("bluesky"),
      secrets: secretNames(["identifier", "appPassword", "service"], "Bluesky"),
      langs: z
        .array(langTag, expecting("a list of language tags"))
        .max(3)
        .describe("Languages of the posts, e.g. [fr].")
        .optional(),
    }),
  ],
  expecting(`a target with 'network: x', 'network: mastodon' or 'network: bluesky'`),
);

export const targetsSchema = z
  .record(
    z
      .string()
      .regex(ID_PATTERN, expecting("a target name of lowercase letters, digits, '-' and '_'")),
    targetSchema,
    expecting("target names, each with its 'network:' and optional 'secrets:'"),
  )
  .describe(
    "The accounts posts go to, by name. Default: one target 'x' (X, with the X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET secrets).",
  )
  .optional();
