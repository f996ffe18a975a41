/** An RSS feed of a curation account's sources for tests: categories, summaries, tracking links. */
export interface CurationItem {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly day: number;
  readonly summary?: string;
  readonly categories?: readonly string[];
}

export function curationRss(items: readonly CurationItem[]): string {
  const entries = [...items]
    .sort((a, b) => b.day - a.day)
    .map(
      (
        item,
      ) => `<item><title>${item.title}</title><link>${item.link.replaceAll("&", "&amp;")}</link>
        <guid isPermaLink="false">${item.id}</guid>
        <pubDate>${new Date(Date.UTC(2026, 10, item.day, 9)).toUTCString()}</pubDate>
        ${(item.categories ?? []).map((category) => `<category>${category}</category>`).join("")}
        <description>${item.summary ?? `À lire : ${item.title}, et bien plus encore.`}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Veille</title>
    <link>https://veille.example/</link><description>d</description>${entries}</channel></rss>`;
}
