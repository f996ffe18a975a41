/**
 * The publisher seam: one implementation per network (x.ts today; Mastodon and Bluesky
 * later). A publisher sends one text and answers with the post, or throws a PublishError whose
 * `kind` tells the orchestrator what to do next. It never touches state.
 *
 * Publishers wing (publishers/): one file per network, each turning a text into a post. A
 * publisher knows nothing of feeds, items or state.
 * May import: errors.
 */
import { CrieurError } from "../errors.js";

/** A post that the network accepted. */
export interface Post {
  readonly id: string;
  readonly url: string;
}

export interface Publisher {
  /** Short network name used in logs and state, e.g. "x". */
  readonly network: string;
  publish(text: string): Promise<Post>;
}

/**
 * What the orchestrator does with each kind:
 * - "rate-limited": stop posting this run; `resumeAt` says when to try again.
 * - "duplicate": the network already has this exact text. Proof of a post when an earlier
 *   attempt of this text may have gone out (`maybeSent`, or a re-send); otherwise a refusal.
 * - "auth": credentials or permissions are wrong; stop and tell the owner what to fix.
 * - "transient": 5xx or network failure after bounded retries; the post may have gone out, so the
 *   same text is sent again on the next run (the network refuses a duplicate if it went out).
 * - "rejected": the network refuses this content (400); counts as a failed attempt for the item.
 */
export type PublishErrorKind = "rate-limited" | "duplicate" | "auth" | "transient" | "rejected";

export class PublishError extends CrieurError {
  override name = "PublishError";
  constructor(
    message: string,
    readonly kind: PublishErrorKind,
    readonly details: {
      readonly status?: number;
      readonly resumeAt?: Date;
      /** The text may have reached the network (an answer was lost): never requeue it as new. */
      readonly maybeSent?: boolean;
    } = {},
  ) {
    super(message);
  }
}
