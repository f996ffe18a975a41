/**
 * An article's canonical address (pure): what two feeds' links to the same article have in
 * common, so a curation account posts it once. Never fetched: only the text of the link is read.
 *
 * It lives in sources/, beside story.ts, because the state's transitions record it with every
 * post (state/ may read sources/, not rules/); it is a comparison key only — the link that is
 * posted, and the item's key, are never rewritten (a changed key would post the item again).
 */
import type { Item } from "./item.js";

/**
 * Query parameters that say how a reader arrived, never which article: removed. A name ending in
 * "*" is a prefix. Documented in the README ("Curation").
 */
export const TRACKING_PARAMETERS: readonly string[] = [
  "utm_*", // Google Analytics campaigns: utm_source, utm_medium, utm_campaign…
  "fbclid", // Facebook
  "gclid", // Google Ads
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid", // Microsoft Ads
  "yclid", // Yandex
  "twclid", // X
  "igshid", // Instagram
  "li_fat_id", // LinkedIn
  "mc_cid", // Mailchimp
  "mc_eid",
  "_hsenc", // HubSpot
  "_hsmi",
  "mkt_tok", // Marketo
  "vero_id",
  "vero_conv",
  "oly_anon_id",
  "oly_enc_id",
  "wt_mc", // Webtrekk
  "at_medium", // AT Internet
  "at_campaign",
  "xtor", // AT Internet (French press)
  "ref",
  "ref_src",
  "ref_url",
  "cmpid",
  "ocid",
];

const exact = new Set(TRACKING_PARAMETERS.filter((name) => !name.endsWith("*")));
const prefixes = TRACKING_PARAMETERS.filter((name) => name.endsWith("*")).map((name) =>
  name.slice(0, -1),
);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return exact.has(lower) || prefixes.some((prefix) => lower.startsWith(prefix));
}

/**
 * The comparison key of an address: `//host/path?query`, where the scheme (http or https), the
 * host's capitals and a leading "www.", a default port, a fragment, trailing slashes and tracking
 * parameters make no difference, and the remaining parameters are sorted. Undefined for anything
 * that is not an http(s) URL.
 */
export function canonicalUrl(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  // URL already lower-cases the host and drops the scheme's default port.
  const host = url.host.replace(/^www\./, "");
  const path = url.pathname.replace(/\/+$/, "");
  const kept = [...url.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length === 0 ? "" : `?${new URLSearchParams(kept).toString()}`;
  return `//${host}${path}${query}`;
}

/** The item's article: the canonical link the feed gives, else its link. */
export function canonicalOf(item: Pick<Item, "link" | "canonical">): string | undefined {
  return canonicalUrl(item.canonical) ?? canonicalUrl(item.link);
}

/** The item's canonical address as a field of its record in the state, when it has one. */
export function canonicalRecord(item: Pick<Item, "link" | "canonical">): {
  readonly canonical?: string;
} {
  const canonical = canonicalOf(item);
  return canonical === undefined ? {} : { canonical };
}
