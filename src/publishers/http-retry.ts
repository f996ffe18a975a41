/**
 * What Mastodon and Bluesky share with X's publisher: bounded retries of transient failures
 * (5xx, dropped connections, timeouts) with backoff, and the rule that once an answer was lost,
 * any later failure leaves it open whether the post went out (`maybeSent`).
 */
import { PublishError } from "./publisher.js";

export interface RetryPolicy {
  /** Waits between retries; tests inject a no-op. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Retries after a transient failure (default 2, so at most 3 attempts). */
  readonly retries?: number;
}

const FIRST_BACKOFF_MS = 1_000;

/**
 * Runs `attempt` until it succeeds, fails for a reason other than "transient", or has been
 * retried `retries` times. `afterLostAnswer` says what the next run does about a post that may
 * have gone out, to end the last failure's message.
 */
export async function retrying<T>(
  policy: RetryPolicy,
  attempt: (tries: number) => Promise<T>,
  afterLostAnswer: string,
): Promise<T> {
  const retries = policy.retries ?? 2;
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(tries);
    } catch (error) {
      const translated =
        error instanceof PublishError
          ? error
          : new PublishError(
              `Posting failed unexpectedly: ${describeFailure(error)}.`,
              "transient",
            );
      const failure =
        tries > 1 && translated.kind !== "duplicate"
          ? new PublishError(translated.message, translated.kind, {
              ...translated.details,
              maybeSent: true,
            })
          : translated;
      if (failure.kind !== "transient") throw failure;
      if (tries > retries) {
        throw new PublishError(
          `${failure.message} Tried ${tries} time${tries === 1 ? "" : "s"}; ${afterLostAnswer}.`,
          "transient",
          { ...failure.details, maybeSent: true },
        );
      }
      await sleep(FIRST_BACKOFF_MS * 2 ** (tries - 1));
    }
  }
}

/** A rate limit's reset header, as an ISO time (Mastodon) or epoch seconds (Bluesky). */
export function rateLimitResumeAt(
  header: string | null | undefined,
  now: Date,
  fallbackMs: number,
): Date {
  const value = header?.trim() ?? "";
  const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  return Number.isFinite(parsed) && parsed > now.getTime()
    ? new Date(parsed)
    : new Date(now.getTime() + fallbackMs);
}

/** `: "what the server said"`, or nothing. */
export function quoteSaid(said: string): string {
  return said === "" ? "" : `: "${said}"`;
}

/** Why a request failed, from fetch's nested causes ("fetch failed" alone says nothing). */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  let cause: unknown = error;
  for (let depth = 0; cause instanceof Error && depth < 4; depth++) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (cause.name === "TimeoutError") parts.push("no answer in time");
    else if (cause.message !== "fetch failed") {
      const message = cause.message.replace(/\.$/, "");
      parts.push(
        typeof code === "string" && !message.includes(code) ? `${code} ${message}` : message,
      );
    }
    cause = cause.cause;
  }
  if (parts.length === 0) return error instanceof Error ? error.message : String(error);
  return [...new Set(parts)].join(": ");
}
