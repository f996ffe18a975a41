/**
 * The Bluesky publisher: text → a post record through @atproto/api, logged in with an app
 * password. The session is kept between runs (see bluesky-session.ts) and refreshed, so runs do not
 * log in again and again (Bluesky locks an account for a day after about 100 logins). Every
 * attempt at the same post writes the same record key, derived from the idempotency key: a PDS
 * answers a second write at that key with HTTP 500, so after a 500 or a lost answer the publisher
 * asks (getRecord) whether the post is there before anything else. Links and hashtags get facets;
 * a link gets a card, with the image as its thumbnail. It never logs and never puts a secret in a
 * message.
 */
import { AtpAgent, CredentialSession, XRPCError } from "@atproto/api";
import { BLUESKY_LENGTH } from "../rules/length.js";
import {
  type BlobRef,
  buildPostRecord,
  POST_COLLECTION,
  planEmbed,
  recordKeyFor,
} from "./bluesky-record.js";
import { memorySessionStore, type SessionStore } from "./bluesky-session.js";
import type { BlueskyCredentials } from "./credentials.js";
import {
  describeFailure,
  quoteSaid,
  type RetryPolicy,
  rateLimitResumeAt,
  retrying,
} from "./http-retry.js";
import {
  type Post,
  type PostImage,
  PublishError,
  type Publisher,
  type PublishOptions,
} from "./publisher.js";

export interface BlueskyPublisherOptions extends RetryPolicy {
  readonly credentials: BlueskyCredentials;
  /** Where the session is kept between runs (default: this process only, so a login per run). */
  readonly sessionStore?: SessionStore;
  /** Per request (default 30 s), so a hung connection cannot stall a run. */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
  /** Told when a session is resumed or a login happens, so the run can show how often it logs in. */
  readonly onSession?: (event: SessionEvent) => void;
}

export type SessionEvent =
  | { readonly kind: "resumed" }
  | { readonly kind: "logged-in"; readonly reason: string };

const DEFAULT_TIMEOUT_MS = 30_000;
// Bluesky's write limits are counted per hour.
const FALLBACK_RATE_LIMIT_MS = 60 * 60_000;

export function createBlueskyPublisher(options: BlueskyPublisherOptions): Publisher {
  const { credentials } = options;
  const store = options.sessionStore ?? memorySessionStore();
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let saving: Promise<void> = Promise.resolve();
  const session = new CredentialSession(
    new URL(credentials.service),
    (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    (event, data) => {
      // A network error leaves the saved session as it is: it may still be good.
      if (event === "network-error") return;
      const stored = data && {
        service: credentials.service,
        identifier: credentials.identifier,
        session: data,
      };
      saving = saving.then(() => store.save(stored));
    },
  );
  const agent = new AtpAgent(session);
  let connected: Promise<void> | undefined;
  let loggedIn = false;

  async function logIn(reason: string): Promise<void> {
    loggedIn = true;
    try {
      await session.login({
        identifier: credentials.identifier,
        password: credentials.appPassword,
      });
    } catch (error) {
      throw translate(error, "log in", credentials, now());
    }
    await saved();
    options.onSession?.({ kind: "logged-in", reason });
  }

  async function saved(): Promise<void> {
    try {
      await saving;
    } catch (error) {
      saving = Promise.resolve();
      throw new PublishError(
        `The Bluesky session could not be saved: ${describeFailure(error)}.`,
        "transient",
      );
    }
  }

  async function connect(): Promise<void> {
    const { stored, unreadable } = await store.load();
    if (stored === undefined) return logIn(unreadable ?? "no saved session");
    if (stored.service !== credentials.service || stored.identifier !== credentials.identifier) {
      return logIn("the saved session is for another account or service");
    }
    try {
      // Resuming refreshes the session: the refresh token rotates, and the new one is saved.
      await session.resumeSession(stored.session);
    } catch (error) {
      // Only a session the server refused leads to a login; a network failure must not use one up.
      if (session.hasSession)
        throw translate(error, "resume the saved session", credentials, now());
      return logIn("the saved session has expired or was revoked");
    }
    await saved();
    options.onSession?.({ kind: "resumed" });
  }

  function ready(): Promise<void> {
    connected ??= connect().catch((error: unknown) => {
      connected = undefined;
      throw error;
    });
    return connected;
  }

  /** Runs a call with the session; a session refused mid-run gets one login, then one more try. */
  async function withSession<T>(call: (did: string) => Promise<T>, doing: string): Promise<T> {
    await ready();
    try {
      return await call(session.did as string);
    } catch (error) {
      if (loggedIn || !isRefusedSession(error)) throw translate(error, doing, credentials, now());
      await logIn("the server refused the session");
      try {
        return await call(session.did as string);
      } catch (again) {
        throw translate(again, doing, credentials, now());
      }
    } finally {
      await saving.catch(() => undefined);
    }
  }

  function postOf(uri: string, rkey: string, notes: readonly string[] = []): Post {
    const profile = session.session?.handle ?? session.did ?? "";
    return {
      id: uri,
      url: `https://bsky.app/profile/${profile}/post/${rkey}`,
      ...(notes.length > 0 ? { notes } : {}),
    };
  }

  /** The post at this record key, with the createdAt it was written with; undefined if absent. */
  function find(rkey: string): Promise<{ post: Post; createdAt: unknown } | undefined> {
    return withSession(async (repo) => {
      try {
        const { data } = await agent.com.atproto.repo.getRecord({
          repo,
          collection: POST_COLLECTION,
          rkey,
        });
        return { post: postOf(data.uri, rkey), createdAt: Reflect.get(data.value, "createdAt") };
      } catch (error) {
        if (error instanceof XRPCError && error.error === "RecordNotFound") return undefined;
        throw error;
      }
    }, "check whether the post went out");
  }

  async function upload(image: PostImage, notes: string[]): Promise<BlobRef | undefined> {
    try {
      const { data } = await withSession(
        () => agent.com.atproto.repo.uploadBlob(image.bytes, { encoding: image.mime }),
        "upload the image",
      );
      return data.blob;
    } catch (error) {
      // The post matters more than its image (a PDS answers 500 to an image it cannot read;
      // credentials that fail altogether stop at the post itself).
      notes.push(
        `The image was left out: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }

  async function attempt(
    text: string,
    publish: PublishOptions,
    rkey: string,
    createdAt: Date,
    state: { blob?: BlobRef; notes: string[] },
  ): Promise<Post> {
    const { plan } = planEmbed(publish);
    if (publish.image && (plan === "card-with-thumb" || plan === "image") && !("blob" in state)) {
      state.blob = await upload(publish.image, state.notes);
    }
    const record = buildPostRecord(text, publish, createdAt, state.blob);
    try {
      const { data } = await withSession(
        (repo) =>
          agent.com.atproto.repo.createRecord({
            repo,
            collection: POST_COLLECTION,
            rkey,
            record: { ...record },
          }),
        "post",
      );
      return postOf(data.uri, rkey, state.notes);
    } catch (error) {
      const failure =
        error instanceof PublishError ? error : translate(error, "post", credentials, now());
      if (failure.kind !== "transient") throw failure;
      // A 500 is what a PDS answers when the record key is taken; a lost answer leaves it open.
      const existing = await find(rkey);
      if (existing === undefined) throw failure;
      if (existing.createdAt === record.createdAt)
        return postOf(existing.post.id, rkey, state.notes);
      throw new PublishError(
        "Bluesky already has this post (an earlier attempt wrote its record), so it was posted earlier.",
        "duplicate",
        { ...failure.details, post: existing.post },
      );
    }
  }

  return {
    network: "bluesky",
    resendWindowMs: Number.POSITIVE_INFINITY,
    limits: async () => ({ length: BLUESKY_LENGTH, maxImages: 1 }),
    async publish(text: string, publish: PublishOptions = {}): Promise<Post> {
      const rkey = recordKeyFor(publish.idempotencyKey ?? `text:${text}`);
      // The same createdAt on every attempt tells this call's own record from an earlier run's.
      const createdAt = now();
      const note = planEmbed(publish).note;
      const state: { blob?: BlobRef; notes: string[] } = {
        notes: note === undefined ? [] : [note],
      };
      return retrying(
        options,
        () => attempt(text, publish, rkey, createdAt, state),
        "the next run writes the same record again, which Bluesky cannot store twice",
      );
    },
    async lookup(idempotencyKey: string): Promise<Post | undefined> {
      return (await find(recordKeyFor(idempotencyKey)))?.post;
    },
  };
}

function isRefusedSession(error: unknown): boolean {
  return (
    error instanceof XRPCError &&
    (error.status === 401 ||
      ["ExpiredToken", "InvalidToken", "AuthenticationRequired"].includes(error.error))
  );
}

/** Maps what @atproto/api threw to a PublishError. `doing` completes "…trying to {doing}". */
function translate(
  error: unknown,
  doing: string,
  credentials: BlueskyCredentials,
  now: Date,
): PublishError {
  if (error instanceof PublishError) return error;
  const where = `Bluesky (${credentials.service})`;
  if (!(error instanceof XRPCError) || error.status === 1) {
    return new PublishError(
      `Could not reach ${where} to ${doing}: ${describeFailure(error instanceof XRPCError ? (error.cause ?? error) : error)}.`,
      "transient",
    );
  }
  const status = error.status;
  const said = quoteSaid(
    error.message === error.error ? error.error : `${error.error}: ${error.message}`,
  );
  const { variables } = credentials;
  if (status === 429 || error.error === "RateLimitExceeded") {
    const resumeAt = rateLimitResumeAt(
      error.headers?.["ratelimit-reset"],
      now,
      FALLBACK_RATE_LIMIT_MS,
    );
    const lockout =
      doing === "log in"
        ? " Too many logins lock the account for a day: keep the session file between runs."
        : "";
    return new PublishError(
      `${where} is refusing to ${doing} for now (HTTP 429${said}); posting resumes at ${resumeAt.toISOString()}.${lockout}`,
      "rate-limited",
      { status: 429, resumeAt },
    );
  }
  if (error.error === "AuthFactorTokenRequired") {
    return new PublishError(
      `${where} asks for an email code to log in: use an app password in ${variables.appPassword} (Settings → Privacy and security → App passwords), not the account's password.`,
      "auth",
      { status },
    );
  }
  if (["AccountTakedown", "AccountDeactivated", "AccountSuspended"].includes(error.error)) {
    return new PublishError(
      `${where} says the account cannot post (HTTP ${status}${said}). Log in to bsky.app as that account to see why.`,
      "auth",
      { status },
    );
  }
  if (status === 401 || status === 403 || isRefusedSession(error)) {
    const check =
      doing === "log in"
        ? `Check ${variables.identifier} (the handle, e.g. name.bsky.social) and ${variables.appPassword} (an app password: Settings → Privacy and security → App passwords; create a new one if it was revoked).`
        : `Check that the app password in ${variables.appPassword} was not revoked.`;
    return new PublishError(
      `${where} refused to let crieur ${doing} (HTTP ${status}${said}). ${check}`,
      "auth",
      { status },
    );
  }
  if (status >= 500) {
    return new PublishError(
      `${where} failed with HTTP ${status} while trying to ${doing}${said}.`,
      "transient",
      { status },
    );
  }
  return new PublishError(
    `${where} refused to ${doing} (HTTP ${status}${said}). Check the item's text and the post template.`,
    "rejected",
    { status },
  );
}
