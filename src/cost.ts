/**
 * Cost (pure): what X bills for posting, and this month's estimate.
 *
 * X bills pay-per-use apps per request. Prices, from X's pricing page (2026,
 * https://docs.x.com/x-api/getting-started/pricing): $0.015 per post, $0.20 per post that contains
 * a URL. This is the one place they live; feeds.yml overrides them under `cost:`. The estimate
 * counts posts crieur recorded in the calendar month (UTC); X's billing cycle may start on
 * another day, so the developer portal stays the reference for the actual bill.
 */
import twitter from "twitter-text";

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

/**
 * X counts any URL, even a bare "example.com", as a link: twitter-text finds what X finds. An
 * explicit http(s):// address counts too even when twitter-text does not link it (an unknown
 * top-level domain): the budget then errs on the side of the higher price.
 */
export function containsUrl(text: string): boolean {
  return /\bhttps?:\/\/\S/i.test(text) || twitter.extractUrls(text).length > 0;
}

export function priceOf(text: string, prices: Prices): number {
  return containsUrl(text) ? prices.perPostWithUrlUSD : prices.perPostUSD;
}

export function costOf(month: MonthPosts, prices: Prices): number {
  const plain = month.posts - month.postsWithUrl;
  return plain * prices.perPostUSD + month.postsWithUrl * prices.perPostWithUrlUSD;
}

/** "$1.23" — cents are enough for an estimate. */
export function formatUSD(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

/** The first instant of the next UTC month: when a monthly budget opens again. */
export function startOfNextMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}
