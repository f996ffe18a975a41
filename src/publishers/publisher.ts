/**
 * The publisher seam: one implementation per network (x.ts, mastodon.ts, bluesky.ts). A
 * publisher sends one text and answers with the post, or throws a PublishError whose `kind` tells
 * the orchestrator what to do next. It never touches state.
 *
 * Publishers wing (publishers/): one file per network, each turning a text into a post. A
 * publisher knows nothing of feeds, items or state.
 * May import: errors, rules/length, rules/facets (how each network counts and marks up a text).
 */
import { CrieurError } from "../errors.js";
import type { LengthRules } from "../rules/length.js";

/** A post that the network accepted. */
export interface Post {
  readonly id: string;
  readonly url: string;
  /** What the network could not take and the post went out without, e.g. an oversized image. */
  readonly notes?: readonly string[];
}

/** What a post carries besides its text. Each network uses what it supports and ignores the rest. */
export interface PublishOptions {
  /**
   * The same for every attempt at the same post (derived from item and target), so a re-sent
   * attempt cannot post twice: Mastodon's Idempotency-Key, Bluesky's record key. Without it, a key
   * is derived from the text.
   */
  readonly idempotencyKey?: string;
  /** BCP 47 language tags of the text, e.g. ["fr"]; Mastodon takes the first. */
  readonly langs?: readonly string[];
  /** Attached as an image with its alt text (Mastodon), or as a link card's thumbnail (Bluesky). */
  readonly image?: PostImage;
  /** Shown as a link card (Bluesky); Mastodon builds its own card from the page. */
  readonly link?: PostLink;
  /** Mastodon: who sees the post (default "public"). */
  readonly visibility?: "public" | "unlisted" | "private";
  /** Mastodon: a content warning shown before the text (counts against the length limit). */
  readonly contentWarning?: string;
}

export interface PostImage {
  readonly bytes: Uint8Array;
  /** e.g. "image/jpeg". */
  readonly mime: string;
  /** Alt text for readers who cannot see the image. */
  readonly alt: string;
}

export interface PostLink {
  readonly url: string;
  readonly title: string;
  readonly description: string;
}

/** What the network accepts, for the compose step. */
export interface PublisherLimits {
  readonly length: LengthRules;
  /** Images one post may carry (0: none). */
  readonly maxImages: number;
}

export interface Publisher {
  /** Short network name used in logs and state, e.g. "x". */
  readonly network: string;
  /**
   * How long after a first attempt a re-send of the same post is still recognised, so it cannot
   * post twice (X: its 24-hour duplicate check; Mastodon: the idempotency key, about an hour;
   * Bluesky: forever, through the record key). Past this, an unanswered post must not be re-sent.
   */
  readonly resendWindowMs?: number;
  publish(text: string, options?: PublishOptions): Promise<Post>;
  /** The network's limits (Mastodon asks the instance once; the others are fixed). */
  limits?(): Promise<PublisherLimits>;
  /**
   * Whether the post with this idempotency key is already on the network, for networks that can
   * tell (Bluesky: the record exists); undefined where the network cannot say.
   */
  lookup?(idempotencyKey: string): Promise<Post | undefined>;
}

/**
 * What the orchestrator does with each kind:
 * - "rate-limited": stop posting this run; `resumeAt` says when to try again.
 * - "duplicate": the network already has this post (this exact text). Proof of a post when an earlier
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
      /** With "duplicate": the post already there, when the network can say which it is. */
      readonly post?: Post;
    } = {},
  ) {
    super(message);
  }
}
