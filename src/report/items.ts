/** What `crieur items` prints for a person: a feed's items, or a calendar's or page's events. */
import type { Item, ParsedFeed, SkippedEvent, WrittenEvent } from "../sources/item.js";

export function itemsListing(feed: ParsedFeed, events: ParsedFeed["events"] | undefined): string {
  const count = events ? `${events.length} events` : `${feed.items.length} items`;
  const lines = [`${feed.title} — ${count}`, ...feed.notes.map((note) => `note: ${note}`)];
  for (const entry of events ?? feed.items) lines.push(describeEntry(entry));
  return `${lines.join("\n")}\n`;
}

/** Its date (or an event's dates) and title, then its link, place and repetition. */
function describeEntry(entry: Item | WrittenEvent | SkippedEvent): string {
  if ("skipped" in entry) return `(skipped)  ${entry.title}\n    ${entry.skipped}`;
  const event = entry.event;
  const when = event ? `${event.start}${event.end ? ` → ${event.end}` : ""}` : undefined;
  const date = when ?? ("published" in entry ? entry.published : undefined) ?? "(no date)";
  const status = event && event.status !== "confirmed" ? ` [${event.status}]` : "";
  const lines = [`${date}  ${entry.title}${status}`, `    ${entry.link ?? "(no link)"}`];
  if (event?.location) lines.push(`    at ${event.location}`);
  if ("recurrence" in entry && entry.recurrence) {
    lines.push(`    repeats: ${[...entry.recurrence.rules, ...entry.recurrence.dates].join("; ")}`);
  }
  return lines.join("\n");
}
