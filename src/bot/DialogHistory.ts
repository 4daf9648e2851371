/**
 * The way back through a flow (a patient typing "back"): the dialog stack before each answer that
 * moved the flow on, oldest first, as conversation state keeps it. Conversation state is read,
 * parsed, compared, serialised and written on every turn, and eight whole stacks (each a JSON
 * string of 1.2–1.8 KB, its quotes escaped once more inside the state's JSON) were most of a
 * booking's state. So only the newest entry is kept whole, as the stack's JSON; each older one as
 * the part in which its JSON differs from the entry after it (`<start>,<end>,<text>`: the newer
 * entry's text before `start` and from `end`, with `text` between), about half the length. Going
 * back gives exactly the JSON that was kept. Text, not objects: the state's JSON then copies one
 * string per entry, where a change kept as objects (tried) cost more to parse and serialise on
 * every turn than the bytes it saved.
 *
 * A stack's JSON is an array (`[`), a change starts with a digit. Entries a previous version
 * stored are whole stacks at any place; they need no change.
 */

/** True for an entry that is a whole stack's JSON, not a change. */
function whole(entry: string): boolean {
  return entry.startsWith('[');
}

/**
 * Adds the stack before this turn's answer (its JSON) as the newest entry, turns the entry that
 * was newest into its change, and drops the oldest beyond `kept`.
 */
export function pushHistory(history: string[], before: string, kept: number): void {
  const last = history.length - 1;
  if (last >= 0 && whole(history[last])) history[last] = changeFrom(before, history[last]);
  history.push(before);
  while (history.length > kept) history.shift();
}

/**
 * Takes the newest entry off (the JSON of the stack to go back to) and makes the one before it
 * whole. Undefined when there is none, or when the newest is not whole (a state written otherwise):
 * the history is then emptied, since no older entry can be made whole without it.
 */
export function popHistory(history: string[]): string | undefined {
  const newest = history.pop();
  if (newest === undefined || !whole(newest)) {
    history.length = 0;
    return undefined;
  }
  const last = history.length - 1;
  if (last >= 0 && !whole(history[last])) {
    const older = applyChange(newest, history[last]);
    // A change that does not fit (a state written otherwise): this step back still works, older ones are gone.
    if (older === undefined) history.length = 0;
    else history[last] = older;
  }
  return newest;
}

/** The change that turns `newer` into `older`: where they differ, and `older`'s text there. */
export function changeFrom(newer: string, older: string): string {
  const shorter = Math.min(newer.length, older.length);
  let start = 0;
  while (start < shorter && newer.charCodeAt(start) === older.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && newer.charCodeAt(newer.length - 1 - tail) === older.charCodeAt(older.length - 1 - tail)) tail++;
  return `${start},${newer.length - tail},${older.slice(start, older.length - tail)}`;
}

/** `newer` with the change made: the older entry; undefined when the change does not fit `newer`. */
export function applyChange(newer: string, change: string): string | undefined {
  const first = change.indexOf(',');
  const second = change.indexOf(',', first + 1);
  const start = Number(change.slice(0, first));
  const end = Number(change.slice(first + 1, second));
  if (first < 1 || second < 0 || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > newer.length) return undefined;
  return newer.slice(0, start) + change.slice(second + 1) + newer.slice(end);
}
