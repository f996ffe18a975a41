/**
 * Feed health (pure): a feed that fails (unreachable, HTTP error, not a feed) is a warning; one
 * that has failed for longer than `fetch.alertAfterHours` turns the run red, so GitHub e-mails the
 * owner. `failingSince` lives in the feed's state and changes only when the feed starts failing or
 * recovers, so a failing feed does not make a state commit on every run.
 */
import { emptyState, type FeedState } from "../state/feed-state.js";

export type Health =
  | { readonly kind: "ok" }
  | { readonly kind: "recovered"; readonly failingSince: string }
  | { readonly kind: "failing"; readonly failingSince: string; readonly alert: boolean };

/** After a failed fetch: the state to save (unchanged if it was already failing) and the verdict. */
export function recordFailure(
  state: FeedState | undefined,
  feedId: string,
  now: Date,
  alertAfterMs: number,
): { readonly state: FeedState; readonly health: Health } {
  const failingSince = state?.failingSince ?? now.toISOString();
  const next: FeedState =
    state === undefined
      ? { ...emptyState(feedId), failingSince, neverFetched: true }
      : state.failingSince === undefined
        ? { ...state, failingSince }
        : state;
  const alert = now.getTime() - Date.parse(failingSince) >= alertAfterMs;
  return { state: next, health: { kind: "failing", failingSince, alert } };
}

/** After a successful fetch: a feed that was failing says so once. */
export function recordSuccess(state: FeedState | undefined): {
  readonly state: FeedState | undefined;
  readonly health: Health;
} {
  if (state?.failingSince === undefined) return { state, health: { kind: "ok" } };
  const { failingSince, ...rest } = state;
  return { state: rest, health: { kind: "recovered", failingSince } };
}
