/**
 * iCalendar text → its parts, before ical.js reads them: lines unfolded, the calendar's own
 * properties, its VTIMEZONEs and its VEVENTs each as a separate block. Each event is then parsed
 * on its own, so one broken event is left out with its line number while the rest of the calendar
 * still works. To-dos, journals and free/busy blocks are dropped here.
 */

export interface Block {
  readonly lines: readonly string[];
  /** 1-based line of its BEGIN in the file, for messages. */
  readonly line: number;
  /** Set when the file ended before the block's END line. */
  readonly truncated?: true;
}

export interface CalendarParts {
  /** Property lines of VCALENDAR itself (X-WR-CALNAME, X-WR-TIMEZONE…). */
  readonly properties: readonly string[];
  readonly timezones: readonly Block[];
  readonly events: readonly Block[];
  /** Repairs made to the text, worth telling the owner once. */
  readonly notes: readonly string[];
}

/** Text as lines, each folded continuation (a line starting with a space or tab) joined back. */
export function unfold(text: string): { readonly text: string; readonly line: number }[] {
  const lines: { text: string; line: number }[] = [];
  const raw = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < raw.length; index++) {
    const line = raw[index] ?? "";
    const last = lines[lines.length - 1];
    if (last && (line.startsWith(" ") || line.startsWith("\t"))) last.text += line.slice(1);
    else if (line.trim() !== "") lines.push({ text: line, line: index + 1 });
  }
  return lines;
}

export function splitCalendar(text: string): CalendarParts {
  const properties: string[] = [];
  const timezones: Block[] = [];
  const events: Block[] = [];
  const repairs = new Set<string>();
  // The components open around the current line; a block is collected while its own is open.
  const open: string[] = [];
  let block: { name: string; depth: number; lines: string[]; line: number } | undefined;
  for (const { text: raw, line } of unfold(text)) {
    const text = repairLine(raw, repairs);
    const marker = /^(BEGIN|END):([A-Za-z0-9-]+)\s*$/i.exec(text);
    const name = marker?.[2]?.toUpperCase();
    if (marker?.[1]?.toUpperCase() === "BEGIN" && name) {
      open.push(name);
      if (!block && open.length === 2 && (name === "VEVENT" || name === "VTIMEZONE")) {
        block = { name, depth: open.length, lines: [], line };
      }
    }
    if (block) block.lines.push(text);
    else if (!marker && open.length === 1) properties.push(text);
    if (marker?.[1]?.toUpperCase() === "END" && name) {
      if (block && open.length === block.depth && name === block.name) {
        (block.name === "VEVENT" ? events : timezones).push(block);
        block = undefined;
      }
      // An END that closes nothing open is ignored; one that skips levels closes them.
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    }
  }
  if (block) {
    const cut = { lines: block.lines, line: block.line, truncated: true as const };
    (block.name === "VEVENT" ? events : timezones).push(cut);
  }
  return { properties, timezones, events, notes: [...repairs] };
}

/**
 * Outlook writes `DTSTART;TZID="W. Europe Standard Time:20200609T090000"` (the quote closing after
 * the value), which no parser accepts: the zone and the value are separated again.
 */
function repairLine(line: string, repairs: Set<string>): string {
  const quoted = /;TZID="([^"]*):([^":]*)"$/i.exec(line);
  if (!quoted || line.slice(0, quoted.index).includes(":")) return line;
  repairs.add("a TZID quoted together with its value (as Outlook writes it) was separated");
  return `${line.slice(0, quoted.index)};TZID=${quoted[1]}:${quoted[2]}`;
}

/** The first value of a property in a block's raw lines (SUMMARY, UID), for messages. */
export function rawValue(block: Block, name: string): string | undefined {
  const pattern = new RegExp(`^${name}(;[^:]*)?:(.*)$`, "i");
  for (const line of block.lines) {
    const match = pattern.exec(line);
    if (match) return (match[2] ?? "").replace(/\\([,;\\])/g, "$1").replace(/\\n/gi, " ");
  }
  return undefined;
}

/** How many times each property occurs in a block, at the block's own level ("DTSTART" → 1). */
export function propertyCounts(block: Block): Map<string, number> {
  const counts = new Map<string, number>();
  let depth = 0;
  for (const line of block.lines) {
    const name = /^[A-Za-z0-9-]+/.exec(line)?.[0].toUpperCase() ?? "";
    if (name === "BEGIN") depth++;
    else if (name === "END") depth--;
    else if (depth === 1) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}
