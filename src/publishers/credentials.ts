/**
 * Each network's secrets, read from the environment. Kept apart from the publishers so that
 * reading them does not load a network client (twitter-api-v2, @atproto/api), which most runs
 * never need. X's variables have fixed names; Mastodon's and Bluesky's are named by the caller (a
 * target in feeds.yml), and error messages name the variables, never their values.
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

/** Where a Mastodon account's secrets are read from: the variables' names. */
export interface MastodonVariables {
  /** The instance, e.g. "https://mastodon.social". */
  readonly instanceUrl: string;
  /** An access token with the write:statuses and write:media scopes. */
  readonly accessToken: string;
}

export interface MastodonCredentials {
  /** The instance's origin, e.g. "https://mastodon.social" (no trailing slash). */
  readonly instanceUrl: string;
  readonly accessToken: string;
  readonly variables: MastodonVariables;
}

/** Where a Bluesky account's secrets are read from: the variables' names. */
export interface BlueskyVariables {
  /** The handle (e.g. "name.bsky.social"), the DID or the account's email. */
  readonly identifier: string;
  /** An app password (Settings → Privacy and security → App passwords), never the main one. */
  readonly appPassword: string;
  /** Optional: the PDS or entryway to log in to (default https://bsky.social). */
  readonly service?: string;
}

export interface BlueskyCredentials {
  readonly identifier: string;
  readonly appPassword: string;
  /** Where to log in, e.g. "https://bsky.social" (no trailing slash). */
  readonly service: string;
  readonly variables: BlueskyVariables;
}

export const BLUESKY_DEFAULT_SERVICE = "https://bsky.social";
// Bluesky app passwords look like "abcd-efgh-ijkl-mnop"; the main password gives full control.
const APP_PASSWORD = /^[a-z2-7]{4}(?:-[a-z2-7]{4}){3}$/;

/**
 * Reads a Mastodon account's instance URL and access token from the named variables. Undefined
 * when neither is set; UsageError when only one is, or the URL is not one.
 */
export function readMastodonCredentials(
  env: NodeJS.ProcessEnv,
  variables: MastodonVariables,
): MastodonCredentials | undefined {
  const values = readAll(env, variables, "Mastodon", "the instance URL and the access token");
  if (values === undefined) return undefined;
  const accessToken = values.accessToken;
  if (/\s/.test(accessToken)) {
    throw new UsageError(
      `The Mastodon access token in ${variables.accessToken} contains spaces or line breaks; paste the token alone (Preferences → Development → your application → "Your access token").`,
    );
  }
  const instanceUrl = originOf(values.instanceUrl, variables.instanceUrl, "Mastodon instance", {
    example: "https://mastodon.social",
  });
  return { instanceUrl, accessToken, variables };
}

/**
 * Reads a Bluesky account's identifier and app password (and optional service URL) from the named
 * variables. Undefined when neither is set; UsageError when only one is, when the password is not
 * an app password, or the service is not a URL.
 */
export function readBlueskyCredentials(
  env: NodeJS.ProcessEnv,
  variables: BlueskyVariables,
): BlueskyCredentials | undefined {
  const { service: serviceVariable, ...required } = variables;
  const values = readAll(env, required, "Bluesky", "the handle and the app password");
  if (values === undefined) return undefined;
  const appPassword = values.appPassword.toLowerCase();
  if (!APP_PASSWORD.test(appPassword)) {
    throw new UsageError(
      `${variables.appPassword} does not hold a Bluesky app password (four groups of four letters or digits, like "abcd-efgh-ijkl-mnop"). Create one in Bluesky under Settings → Privacy and security → App passwords, and never use the account's main password.`,
    );
  }
  const rawService = serviceVariable === undefined ? "" : (env[serviceVariable]?.trim() ?? "");
  const service =
    rawService === ""
      ? BLUESKY_DEFAULT_SERVICE
      : originOf(rawService, serviceVariable ?? "", "Bluesky service", {
          example: BLUESKY_DEFAULT_SERVICE,
        });
  return { identifier: values.identifier.replace(/^@/, ""), appPassword, service, variables };
}

/** The secret values to mask in logs, whatever the network. */
export function secretsOf(
  credentials: XCredentials | MastodonCredentials | BlueskyCredentials,
): string[] {
  if ("apiKey" in credentials) return Object.values(credentials);
  if ("accessToken" in credentials) return [credentials.accessToken];
  return [credentials.appPassword];
}

function readAll<Field extends string>(
  env: NodeJS.ProcessEnv,
  variables: Readonly<Record<Field, string>>,
  network: string,
  what: string,
): Record<Field, string> | undefined {
  const entries = Object.entries(variables) as [Field, string][];
  const values = Object.fromEntries(
    entries.map(([field, variable]) => [field, env[variable]?.trim() ?? ""]),
  ) as Record<Field, string>;
  const missing = entries.filter(([field]) => values[field] === "").map(([, name]) => name);
  if (missing.length === entries.length) return undefined;
  if (missing.length > 0) {
    throw new UsageError(
      `The ${network} credentials are incomplete: ${listWords(missing)} ${missing.length === 1 ? "is" : "are"} not set. ` +
        `Set ${what} (${listWords(entries.map(([, name]) => name))}) as repository secrets under Settings → Secrets and variables → Actions.`,
    );
  }
  return values;
}

/**
 * "https://example.social/" or "example.social" → "https://example.social". Plain http is allowed
 * only on this machine (127.0.0.1, localhost), for tests. The value is never repeated in the
 * message: a token pasted into the wrong variable must not reach the log.
 */
function originOf(
  value: string,
  variable: string,
  what: string,
  { example }: { readonly example: string },
): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL | undefined;
  try {
    url = new URL(withScheme);
  } catch {
    url = undefined;
  }
  const local = url !== undefined && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  const valid =
    url !== undefined &&
    (url.protocol === "https:" || (url.protocol === "http:" && local)) &&
    (local || url.hostname.includes(".")) &&
    url.username === "" &&
    url.password === "" &&
    (url.pathname === "/" || url.pathname === "") &&
    url.search === "" &&
    url.hash === "";
  if (!valid) {
    throw new UsageError(
      `${variable} must hold the ${what}'s address alone, such as "${example}" (https, no path); check that it is not another secret pasted into the wrong variable.`,
    );
  }
  return (url as URL).origin;
}

function listWords(words: readonly string[]): string {
  return words.length <= 1
    ? words.join("")
    : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
