/**
 * Near-duplicate titles (pure): the same wire story under two headlines ("Télétravail : une étude
 * de l'Inserm pointe les risques pour le dos" / "Le télétravail augmente les risques de mal de
 * dos, selon une étude de l'Inserm"). Titles are compared as sets of their meaningful words —
 * without capitals, accents, short grammatical words or a plural "s" — and are the same story
 * when they share at least SAME_STORY_MIN_SHARED words and those are at least
 * SAME_STORY_MIN_JACCARD of all their words together. Two stories on one topic share the topic's
 * words, but rarely half of all they say (test: similar-titles.test.ts).
 */
import { wordsOf } from "./filter.js";

export const SAME_STORY_MIN_SHARED = 3;
export const SAME_STORY_MIN_JACCARD = 0.5;

// Words that say nothing of a story, in the languages of crieur's users (French, English).
const STOP_WORDS = new Set(
  (
    "le la les un une des de du et ou au aux en dans sur sous pour par avec sans ce cet cette ces " +
    "son sa ses leur leurs qui que quoi dont est sont il elle ils elles on nous vous se ne pas plus " +
    "selon comme mais car donc fait faire apres avant entre chez tout tous toute toutes tres " +
    "the an of to in on for with and or is are was were be at by from as its it this that these " +
    "those new how why what who will can has have do does not no after over into about says"
  ).split(" "),
);

/** The words a story is recognised by, each once. */
export function storyWords(title: string): string[] {
  const words = new Set<string>();
  for (const word of wordsOf(title)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    // "risques" and "risque" are one word; "dos" and "bas" keep their "s".
    words.add(word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word);
  }
  return [...words];
}

/** Whether two titles' words (storyWords) tell the same story. */
export function sameStory(a: readonly string[], b: readonly string[]): boolean {
  const other = new Set(b);
  const shared = a.filter((word) => other.has(word)).length;
  return isSameStory(shared, a.length, b.length);
}

function isSameStory(shared: number, a: number, b: number): boolean {
  return shared >= SAME_STORY_MIN_SHARED && shared / (a + b - shared) >= SAME_STORY_MIN_JACCARD;
}

/**
 * Titles seen so far, found again by their words: each lookup costs the entries that share a
 * word with it, not every title seen.
 */
export class StoryIndex<T> {
  private readonly byWord = new Map<string, number[]>();
  private readonly entries: { readonly words: readonly string[]; readonly value: T }[] = [];

  add(words: readonly string[], value: T): void {
    const id = this.entries.push({ words, value }) - 1;
    for (const word of words) {
      const ids = this.byWord.get(word);
      if (ids) ids.push(id);
      else this.byWord.set(word, [id]);
    }
  }

  /** The first title added that tells the same story and that `accept` takes, if any. */
  find(words: readonly string[], accept: (value: T) => boolean): T | undefined {
    const shared = new Map<number, number>();
    for (const word of words) {
      for (const id of this.byWord.get(word) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    let found: number | undefined;
    for (const [id, count] of shared) {
      const entry = this.entries[id];
      if (entry === undefined || (found !== undefined && id > found)) continue;
      if (isSameStory(count, words.length, entry.words.length) && accept(entry.value)) found = id;
    }
    return found === undefined ? undefined : this.entries[found]?.value;
  }
}
