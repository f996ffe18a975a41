/**
 * One entry of a feed, normalized: every format (RSS, Atom, JSON Feed…) is parsed into this shape.
 * All text is plain (no HTML, entities decoded, whitespace collapsed); links are absolute.
 *
 * Sources wing (sources/): everything that turns an address into items — fetch and decode the
 * bytes (the network edge), parse each format (rss-atom, json-feed), normalize fields and give
 * each item a stable key. It knows nothing of state, posting or networks to post to.
 * May import: errors, version.
 */
export interface Item {
  /** Identity within its feed: guid/id, else the canonical link, else a hash of title and date. */
  readonly key: string;
  /**
   * Set when `key` is a guid: the identity the item has without it (its link, else a hash). It
   * becomes the key in a feed whose guids proved unreliable (see dedupe.ts).
   */
  readonly keyWithoutGuid?: string;
  /**
   * Other identities the item may have had in an earlier version of the feed (the hash of link,
   * title and date, when the key is a link shared with no other item): dedupe treats the item as
   * known when any of them is, so an identity that depends on the rest of the feed never reposts.
   */
  readonly altKeys?: readonly string[];
  readonly title: string;
  readonly link: string | undefined;
  /**
   * The article's own address when the feed names one besides the link (Atom's
   * `<link rel="canonical">`, FeedBurner's `<feedburner:origLink>` under a redirecting link):
   * how the same article is recognised in two feeds (canonical-url.ts). Absent otherwise.
   */
  readonly canonical?: string;
  /** ISO 8601 in UTC, when the feed gives a parseable date. */
  readonly published: string | undefined;
  readonly summary: string;
  readonly author: string | undefined;
  readonly categories: readonly string[];
  /** Absolute URL of the item's image, if the feed names one. */
  readonly image: string | undefined;
}

/** A parsed feed: its own title, its items in document order, and the repairs that were needed. */
export interface ParsedFeed {
  readonly title: string;
  readonly items: readonly Item[];
  /** One line per repair or oddity worth telling the owner once (e.g. "bare '&' escaped"). */
  readonly notes: readonly string[];
  /**
   * Set when one guid was found on several different items: such a feed's guids identify
   * nothing, and dedupe remembers it (`unreliableGuids` in the feed's state).
   */
  readonly guidsRepeated?: true;
}
