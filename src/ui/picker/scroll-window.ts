export interface ScrollWindow<T> {
  /** Position of the first shown row in the whole list. */
  first: number;
  shown: T[];
  /** Rows hidden above and below the window. */
  above: number;
  below: number;
}

/** The rows of a long list to show around the selected one, and how many are hidden on each side. */
export function scrollWindow<T>(rows: readonly T[], selected: number, height: number): ScrollWindow<T> {
  const first = Math.min(Math.max(0, selected - Math.floor(height / 2)), Math.max(0, rows.length - height));
  const shown = rows.slice(first, first + height);
  return { first, shown, above: first, below: rows.length - first - shown.length };
}
