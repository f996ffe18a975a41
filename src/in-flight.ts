/**
 * Posts in flight: a post is recorded with its exact text before it is sent, and settled when the
 * network answers. Once the text may have reached X (an answer was lost, or a run stopped with
 * it in flight) it stays in flight, text and time unchanged, until X answers "posted" or
 * "duplicate" or X's duplicate window closes: any other refusal leaves it for the next run, which
 * sends the same text again. Requeued, it could be composed anew and posted twice. A duplicate
 * answer proves a post only for such a text; to a first attempt it means another post has it.
 *
 * May import: config, rules, publishers, state, report, errors.
 */
import { join } from "node:path";
import type { FeedConfig } from "./config/defaults.js";
import { attachmentsOf, type ImageFetcher } from "./in-flight/attachments.js";
import type { Post, Publisher, PublishOptions } from "./publishers/publisher.js";
import { PublishError } from "./publishers/publisher.js";
import type { Log } from "./report/log.js";
import type { FeedReport, PostReport, RunReport } from "./report/report.js";
import {
  type FeedState,
  failPost,
  finishPost,
  type PendingPost,
  requeuePost,
  STATE_VERSION,
} from "./state/feed-state.js";
import { type StateStore, stateFileName } from "./state/store.js";

export const loadCompose = () => import("./rules/compose.js");

export async function containsUrl(text: string): Promise<boolean> {
  return (await loadCompose()).containsUrl(text);
}

/** A post the network rejected this many times is given up, never retried forever. */
export const MAX_REJECTED_ATTEMPTS = 3;
/** X only refuses duplicates of recent posts: past this, re-sending an unanswered post could post twice. */
export const DUPLICATE_CHECK_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The side effects the posting loop needs. */
export interface PostingDeps {
  readonly store: StateStore;
  /** Undefined in a dry run: nothing is posted and no state is written. */
  readonly publisher: Publisher | undefined;
  readonly now: () => Date;
  readonly log: Log;
  /** Every target of the run (feeds.yml `targets:`); without it, `publisher` is target "x". */
  readonly targets?: readonly PostingTarget[];
  /** The target being posted to, while the loop works on one. */
  readonly target?: PostingTarget;
  /** Downloads an item's image for a feed with `image: true`; without it, posts carry none. */
  readonly fetchImage?: ImageFetcher;
}

/** One account posts go to. */
export interface PostingTarget {
  readonly name: string;
  /** "x", "mastodon" or "bluesky", for the report when the target has no publisher. */
  readonly network?: string;
  /** Undefined when its secrets are not set: nothing goes there (a dry run for this target). */
  readonly publisher: Publisher | undefined;
  readonly options?: Pick<PublishOptions, "langs" | "visibility" | "contentWarning">;
}

/** The network's name as the owner knows it, for messages. */
export function networkLabel(network: string | undefined): string {
  if (network === "mastodon") return "Mastodon";
  if (network === "bluesky") return "Bluesky";
  return "X";
}

/** One feed's part of the run: its settings, its state as it evolves, and its report. */
export interface FeedRun {
  readonly feed: FeedConfig;
  state: FeedState | undefined;
  readonly report: FeedReport;
}

/**
 * A post from an earlier run got no recorded answer (the process died, or X's answer was lost):
 * it may be on X already, so it is settled before anything else, by sending the same text again.
 * Returns true when the post was sent again.
 */
export async function settlePending(
  feedRun: FeedRun & { state: FeedState | undefined },
  deps: PostingDeps,
  report: RunReport,
): Promise<boolean> {
  const pending = feedRun.state?.pending;
  const publisher = deps.publisher;
  if (!pending || !publisher) return false;
  const label = networkLabel(publisher.network);
  const age = deps.now().getTime() - Date.parse(pending.at);
  if (publisher.lookup) {
    // A network that can tell whether the post is there settles it without sending anything.
    const found = await publisher
      .lookup(idempotencyKey(feedRun, pending, deps))
      .catch(() => undefined);
    if (found) {
      deps.log.info(
        `Feed '${feedRun.feed.id}': "${pending.item.title}" was being posted when the last run stopped; ${label} has it, so it is recorded as posted.`,
      );
      await recordPost(feedRun, feedRun.state as FeedState, found, deps, report);
      return false;
    }
  }
  if (age > (publisher.resendWindowMs ?? DUPLICATE_CHECK_WINDOW_MS)) {
    const reason =
      `a post of it was sent on ${pending.at} but its answer was never recorded, and it is too old ` +
      `to re-send safely (${label} only recognises a re-send of a recent post); check the account's timeline ` +
      "and post it by hand if it is missing";
    deps.log.warning(
      `Feed '${feedRun.feed.id}': "${pending.item.title}" left unposted: ${reason}.`,
    );
    giveUp(feedRun, report, pending.item.title, reason);
    await save(
      feedRun,
      failPost(feedRun.state as FeedState, deps.now(), `uncertain: ${reason}`),
      deps,
    );
    return false;
  }
  deps.log.info(
    `Feed '${feedRun.feed.id}': "${pending.item.title}" was being posted when the last run stopped; ` +
      `sending the same text again (${label} refuses it if the first one went out).`,
  );
  await sendPending(feedRun, deps, report, { resend: true });
  return true;
}

/**
 * Sends the feed's pending post and records X's answer. State is saved before returning.
 * `resend`: the text was recorded by an earlier run, so it may be on X already.
 */
export async function sendPending(
  feedRun: FeedRun,
  deps: PostingDeps,
  report: RunReport,
  { resend = false } = {},
): Promise<void> {
  const state = feedRun.state as FeedState;
  const pending = state.pending;
  const publisher = deps.publisher;
  if (!pending || !publisher) return;
  const feedId = feedRun.feed.id;
  let post: Post;
  try {
    const attachments = await attachmentsOf(feedRun.feed, pending, feedRun.report, {
      publisher,
      log: deps.log,
      onTarget: onTarget(deps),
      ...(deps.fetchImage ? { fetchImage: deps.fetchImage } : {}),
    });
    post = await publisher.publish(pending.text, {
      ...deps.target?.options,
      ...attachments,
      idempotencyKey: idempotencyKey(feedRun, pending, deps),
    });
  } catch (error) {
    // Whatever went wrong after the request was handed over may have let the text reach X.
    const failure =
      error instanceof PublishError
        ? error
        : new PublishError(messageOf(error), "transient", { maybeSent: true });
    await settleFailure(feedRun, state, failure, resend || failure.details.maybeSent === true, {
      deps,
      report,
    });
    if (failure.kind === "duplicate" || failure.kind === "rejected") return;
    const resumeAt = failure.details.resumeAt?.toISOString();
    report.stoppedPosting = {
      reason: failure.message,
      kind: failure.kind,
      ...(resumeAt ? { resumeAt } : {}),
    };
    if (failure.kind === "auth") report.problems.push(failure.message);
    if (failure.kind === "rate-limited" && resumeAt) {
      // Remembered in state, so the runs before the reset do not even try.
      await deps.store.saveAccount({
        version: STATE_VERSION,
        postingPausedUntil: resumeAt,
        pauseReason: failure.message,
      });
    }
    deps.log.warning(
      `Posting${onTarget(deps)} stopped for this run (feed '${feedId}'): ${failure.message}`,
    );
    return;
  }
  await recordPost(feedRun, state, post, deps, report);
}

/**
 * X accepted the post. If its record cannot be written, the post is still not a failure: the
 * state on disk keeps it in flight with its text, and the next run's re-send settles it.
 */
async function recordPost(
  feedRun: FeedRun,
  state: FeedState,
  post: Post,
  deps: PostingDeps,
  report: RunReport,
): Promise<void> {
  const pending = state.pending as PendingPost;
  const label = networkLabel(pending.network);
  notePosted(feedRun, report, {
    title: pending.item.title,
    text: pending.text,
    url: post.url,
    ...targetOf(deps),
  });
  try {
    await save(feedRun, finishPost(state, deps.now(), post, await containsUrl(pending.text)), deps);
  } catch (error) {
    const file = join(deps.store.dir, stateFileName(state.feedId));
    const problem =
      `"${pending.item.title}" was posted on ${label} (${post.url}) but writing ${file} failed: ` +
      `${messageOf(error)}. The post stays in flight there; the next run sends the same text ` +
      `again and ${label}'s duplicate answer records it as posted.`;
    deps.log.warning(problem);
    report.problems.push(problem);
    report.stoppedPosting = { kind: "state", reason: `writing ${file} failed.` };
    return;
  }
  deps.log.info(`Posted "${pending.item.title}": ${post.url}`);
  // What the network could not take (an image too large…): the post went out without it.
  for (const note of post.notes ?? []) {
    deps.log.warning(
      `Feed '${feedRun.feed.id}': "${pending.item.title}"${onTarget(deps)}: ${note}`,
    );
    feedRun.report.notes.push(`"${pending.item.title}"${onTarget(deps)}: ${note}`);
  }
}

/** `maybeSent`: this text may already be on X (sent by an earlier run, or an answer was lost). */
async function settleFailure(
  feedRun: FeedRun,
  state: FeedState,
  failure: PublishError,
  maybeSent: boolean,
  { deps, report }: { deps: PostingDeps; report: RunReport },
): Promise<void> {
  const pending = state.pending as PendingPost;
  const { title } = pending.item;
  const label = networkLabel(pending.network);
  if (failure.kind === "duplicate") {
    if (maybeSent) {
      deps.log.warning(
        `"${title}" was already on ${label} (${label} refused an exact duplicate), so it is recorded as posted.`,
      );
      const post = failure.details.post;
      notePosted(feedRun, report, {
        title,
        text: pending.text,
        ...(post ? { url: post.url } : {}),
        ...targetOf(deps),
      });
      return save(
        feedRun,
        finishPost(state, deps.now(), post ?? {}, await containsUrl(pending.text)),
        deps,
      );
    }
    // Nothing of this item went out before: another post has the same text.
    const reason = identicalTextReason(feedRun.feed.template);
    deps.log.warning(`"${title}" given up: ${reason}.`);
    giveUp(feedRun, report, title, reason);
    return save(feedRun, failPost(state, deps.now(), reason), deps);
  }
  if (maybeSent) {
    // Requeued, the item could be composed anew (its title corrected) and posted a second time:
    // it stays in flight with its text and time until X answers "posted" or "duplicate".
    // Other refusals stop posting, and that line gives X's words.
    const refused =
      failure.kind === "rejected" ? ` (${label} then refused it: ${failure.message})` : "";
    const line =
      `Feed '${feedRun.feed.id}': "${title}" may or may not have reached ${label}, so it stays in flight` +
      `${refused}; the next run sends the same text again, and ${label} refuses it as a duplicate if ` +
      "it went out.";
    deps.log.warning(line);
    report.notices.push(line);
    return;
  }
  if (failure.kind === "rejected") {
    const attempts = (pending.attempts ?? 0) + 1;
    if (attempts >= MAX_REJECTED_ATTEMPTS) {
      deps.log.warning(
        `"${title}" given up after ${attempts} rejected attempts: ${failure.message}`,
      );
      giveUp(feedRun, report, title, failure.message);
      return save(feedRun, failPost(state, deps.now(), failure.message), deps);
    }
    deps.log.warning(
      `"${title}" was rejected (attempt ${attempts} of ${MAX_REJECTED_ATTEMPTS}): ${failure.message}`,
    );
    return save(feedRun, requeuePost(state, true), deps);
  }
  // X refused it outright (rate limit, credentials) before anything went out: the item keeps its
  // place for a later run.
  return save(feedRun, requeuePost(state, false), deps);
}

/** The same for every attempt at one item on one target, so a re-send cannot post twice. */
/**
 * The same for every attempt at one post. A repost (`repost:`) is another post of a done item: its
 * key adds when it was queued, or the network would take it for the first post again.
 */
function idempotencyKey(feedRun: FeedRun, pending: PendingPost, deps: PostingDeps): string {
  const key = `${feedRun.feed.id}/${pending.item.key}@${deps.target?.name ?? pending.network}`;
  const repost = feedRun.state?.done[pending.item.key]?.status === "posted";
  return repost ? `${key}~${pending.queuedAt}` : key;
}

function notePosted(feedRun: FeedRun, report: RunReport, post: PostReport): void {
  feedRun.report.posted.push(post);
  report.postsInOrder.push(post);
}

/** " to 'name'" when the run posts to several targets, for messages. */
export function onTarget(deps: PostingDeps): string {
  return deps.target && (deps.targets?.length ?? 0) > 1 ? ` to '${deps.target.name}'` : "";
}

function targetOf(deps: PostingDeps): { target?: string } {
  return deps.target ? { target: deps.target.name } : {};
}

function identicalTextReason(template: string): string {
  const hint = template.includes("{date}")
    ? "make the template tell such items apart (e.g. add {summary})"
    : "add {date} to the template";
  return `X refuses a text identical to an earlier post; ${hint}`;
}

/** An item that will never be posted needs the owner: listed with the feed and fails the run. */
export function giveUp(feedRun: FeedRun, report: RunReport, title: string, reason: string): void {
  feedRun.report.failed.push({ title, reason });
  report.problems.push(`Feed '${feedRun.feed.id}': "${title}" will not be posted: ${reason}`);
}

export async function save(feedRun: FeedRun, state: FeedState, deps: PostingDeps): Promise<void> {
  feedRun.state = state;
  if (deps.publisher) await deps.store.save(state);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
