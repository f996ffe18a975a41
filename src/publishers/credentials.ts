/**
 * The X app's four secrets, read from the environment. Kept apart from x.ts so that
 * reading them does not load the X client (twitter-api-v2), which most runs never need.
 */
import { UsageError } from "../errors.js";

/** The four secrets of an X app acting for one account (OAuth 1.0a). */
export interface XCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly accessToken: string;
  readonly accessSecret: string;
}

const CREDENTIAL_VARIABLES = {
  apiKey: "X_API_KEY",
  apiSecret: "X_API_SECRET",
  accessToken: "X_ACCESS_TOKEN",
  accessSecret: "X_ACCESS_SECRET",
} as const satisfies Record<keyof XCredentials, string>;

/**
 * Reads X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET. Returns undefined when none is
 * set; throws UsageError naming the missing ones when only some are set. Empty values count as
 * unset because GitHub Actions turns a missing secret into "".
 */
export function readXCredentials(env: NodeJS.ProcessEnv): XCredentials | undefined {
  const values = Object.fromEntries(
    Object.entries(CREDENTIAL_VARIABLES).map(([field, variable]) => [
      field,
      env[variable]?.trim() ?? "",
    ]),
  ) as Record<keyof XCredentials, string>;
  const missing = Object.entries(CREDENTIAL_VARIABLES)
    .filter(([field]) => values[field as keyof XCredentials] === "")
    .map(([, variable]) => variable);
  if (missing.length === Object.keys(CREDENTIAL_VARIABLES).length) return undefined;
  if (missing.length > 0) {
    throw new UsageError(
      `The X credentials are incomplete: ${listWords(missing)} ${missing.length === 1 ? "is" : "are"} not set. ` +
        "Set all four repository secrets (X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET) " +
        "under Settings → Secrets and variables → Actions, or none of them to run without posting.",
    );
  }
  return values;
}

function listWords(words: readonly string[]): string {
  return words.length <= 1
    ? words.join("")
    : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
