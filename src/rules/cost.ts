/**
 * Cost (pure): what X bills for posting, and this month's estimate.
 *
 * X bills pay-per-use apps per request. Prices, from X's pricing page (2026,
 * https://docs.x.com/x-api/getting-started/pricing): $0.015 per post, $0.20 per post that contains
 * a URL. This is the one place they live; feeds.yml overrides them under `cost:`. The estimate
 * counts posts crieur recorded in the calendar month (UTC); X's billing cycle may start on
 * another day, so the developer portal stays the reference for the actual bill.
 */
export interface Prices {
  readonly perPostUSD: number;
  readonly perPostWithUrlUSD: number;
}

export const DEFAULT_PRICES: Prices = { perPostUSD: 0.015, perPostWithUrlUSD: 0.2 };

/** Posts counted for a month, across every feed. */
export interface MonthPosts {
  readonly posts: number;
  readonly postsWithUrl: number;
}

/** `hasUrl`: whether the post contains a link as X sees it (compose.ts `containsUrl`). */
export function priceOf(hasUrl: boolean, prices: Prices): number {
  return hasUrl ? prices.perPostWithUrlUSD : prices.perPostUSD;
}

export function costOf(month: MonthPosts, prices: Prices): number {
  const plain = month.posts - month.postsWithUrl;
  return plain * prices.perPostUSD + month.postsWithUrl * prices.perPostWithUrlUSD;
}

/** The first instant of the next UTC month: when a monthly budget opens again. */
export function startOfNextMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}
