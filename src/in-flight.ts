/**
 * Posts in flight: a post is recorded with its exact text before it is sent, and settled when the
 * network answers. An answer that never came (a crash, a timeout) keeps the post in flight, and
 * the next run sends the same text again, so the network's duplicate check proves it went out.
 *
 * May import: config, rules, publishers, state, report, errors.
 */
import type { FeedConfig } from "./config/defaults.js";
import type { Publisher } from "./publishers/publisher.js";
import { PublishError } from "./publishers/publisher.js";
import type { Log } from "./report/log.js";
import type { FeedReport, PostReport, RunReport } from "./report/report.js";
import {
  type FeedState,
  failPost,
  finishPost,
  requeuePost,
  STATE_VERSION,
} from "./state/feed-state.js";
import type { StateStore } from "./state/store.js";

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
}

/** One feed's part of the run: its settings, its state as it evolves, and its report. */
export interface FeedRun {
  readonly feed: FeedConfig;
  state: FeedState | undefined;
  readonly report: FeedReport;
}

/** A post from an earlier run got no recorded answer (the process died): settle it before anything else. */
/** Returns true when the post was sent again. */
export async function settlePending(
  feedRun: FeedRun & { state: FeedState | undefined },
  deps: PostingDeps,
  report: RunReport,
): Promise<boolean> {
  const pending = feedRun.state?.pending;
  if (!pending || !deps.publisher) return false;
  const age = deps.now().getTime() - Date.parse(pending.at);
  if (age > DUPLICATE_CHECK_WINDOW_MS) {
    const reason =
      `a post of it was sent on ${pending.at} but its answer was never recorded, and it is too old ` +
      "to re-send safely (X only refuses duplicates of recent posts); check the account's timeline " +
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
      "sending the same text again (X refuses it if the first one went out).",
  );
  await sendPending(feedRun, deps, report);
  return true;
}

/** Sends the feed's pending post and records X's answer. State is saved before returning. */
export async function sendPending(
  feedRun: FeedRun,
  deps: PostingDeps,
  report: RunReport,
): Promise<void> {
  const state = feedRun.state as FeedState;
  const pending = state.pending;
  const publisher = deps.publisher;
  if (!pending || !publisher) return;
  const feedId = feedRun.feed.id;
  try {
    const post = await publisher.publish(pending.text);
    await save(feedRun, finishPost(state, deps.now(), post, await containsUrl(pending.text)), deps);
    deps.log.info(`Posted "${pending.item.title}": ${post.url}`);
    feedRun.report.posted.push({ title: pending.item.title, text: pending.text, url: post.url });
    return;
  } catch (error) {
    const failure =
      error instanceof PublishError ? error : new PublishError(messageOf(error), "transient");
    await settleFailure(feedRun, state, pending.item.title, failure, deps, report);
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
    deps.log.warning(`Posting stopped for this run (feed '${feedId}'): ${failure.message}`);
  }
}

async function settleFailure(
  feedRun: FeedRun,
  state: FeedState,
  title: string,
  failure: PublishError,
  deps: PostingDeps,
  report: RunReport,
): Promise<void> {
  const text = state.pending?.text ?? "";
  const entry: PostReport = { title, text };
  switch (failure.kind) {
    case "duplicate":
      deps.log.warning(
        `"${title}" was already on X (X refused an exact duplicate), so it is recorded as posted.`,
      );
      feedRun.report.posted.push(entry);
      return save(feedRun, finishPost(state, deps.now(), {}, await containsUrl(text)), deps);
    case "rejected": {
      const attempts = (state.pending?.attempts ?? 0) + 1;
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
    default:
      if (failure.details.maybeSent) {
        // The text may be on X already: keep it in flight, unchanged, so the next run re-sends
        // exactly this text (a duplicate then proves it went out) instead of queueing it anew.
        deps.log.warning(
          `"${title}" may or may not have reached X; the next run sends the same text again.`,
        );
        return;
      }
      // X refused it outright (rate limit, credentials): the item keeps its place for a later run.
      return save(feedRun, requeuePost(state, false), deps);
  }
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
