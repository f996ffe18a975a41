/**
 * Synthetic feeds of realistic size for `npm run bench`: RSS 2.0 with a guid, a link, a date, a
 * category and an HTML description of a few hundred bytes per item (accented French text, so
 * strings are not pure ASCII), about 1 kB per item — the size of a museum's or a blog's feed.
 * Pure: the same arguments give the same bytes.
 */

const WORDS = [
  "musée",
  "exposition",
  "horloge",
  "conférence",
  "atelier",
  "collection",
  "été",
  "visite",
  "restauration",
  "archives",
  "dessin",
  "sculpture",
  "médiathèque",
  "nocturne",
  "famille",
  "patrimoine",
];

function words(seed: number, count: number): string {
  const out: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length] as string);
  }
  return out.join(" ");
}

/** An RSS 2.0 document for feed `feed` with `items` items, newest first. */
export function syntheticRss(feed: number, items: number): string {
  const origin = `https://site-${feed}.example.org`;
  const newest = Date.UTC(2026, 0, 1);
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
    `<title>Site ${feed} — actualités</title><link>${origin}/</link>`,
    `<description>${words(feed, 12)}</description>`,
  ];
  for (let i = items; i > 0; i--) {
    const seed = feed * 100_003 + i;
    parts.push(
      "<item>",
      `<title>${words(seed, 7)} n°${i}</title>`,
      `<link>${origin}/articles/${i}</link>`,
      `<guid isPermaLink="false">${origin}/id/${i}</guid>`,
      `<pubDate>${new Date(newest - (items - i) * 3_600_000).toUTCString()}</pubDate>`,
      `<category>${words(seed + 1, 1)}</category>`,
      `<description><![CDATA[<p>${words(seed + 2, 40)}</p><p><a href="${origin}/articles/${i}">Lire la suite</a> — ${words(seed + 3, 30)}</p>]]></description>`,
      "</item>",
    );
  }
  parts.push("</channel></rss>\n");
  return parts.join("");
}

/** feeds.yml for feed ids f0000… pointing at `urlOf(index)`. */
export function feedsYaml(
  count: number,
  urlOf: (index: number) => string,
  fetch: Readonly<Record<string, number>> = {},
): string {
  const lines: string[] = [];
  const fetchKeys = Object.entries(fetch);
  if (fetchKeys.length > 0) {
    lines.push("fetch:", ...fetchKeys.map(([key, value]) => `  ${key}: ${value}`));
  }
  lines.push("feeds:");
  for (let i = 0; i < count; i++) {
    lines.push(`  - id: ${feedId(i)}`, `    url: ${urlOf(i)}`);
  }
  return `${lines.join("\n")}\n`;
}

export function feedId(index: number): string {
  return `f${String(index).padStart(4, "0")}`;
}
