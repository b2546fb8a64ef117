// What `persona serve` sends its worker threads (the offline engine's, the store's) is batched per
// turn of the event loop, and goes as one JSON string where it can: postMessage copies a string in
// one piece, and objects field by field (measured: less than half the cost, stringify and parse
// included). What cannot go as JSON goes as objects, in runs that keep the batch's order.

/** Consecutive items that cross the same way: as one JSON string, or as an array postMessage copies. */
export interface Run<T> {
  json: boolean;
  items: T[];
}

/** `items` in runs of those that may go as JSON and those that may not, in their order. */
export function runsOf<T>(items: readonly T[], asJson: (item: T) => boolean): Array<Run<T>> {
  const runs: Array<Run<T>> = [];
  for (const item of items) {
    const json = asJson(item);
    const last = runs[runs.length - 1];
    if (last && last.json === json) last.items.push(item);
    else runs.push({ json, items: [item] });
  }
  return runs;
}

/** The items of a message: a JSON string of them, or them. */
export function itemsOf<T>(message: string | T[]): T[] {
  return typeof message === 'string' ? (JSON.parse(message) as T[]) : message;
}
