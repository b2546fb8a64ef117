/** The transcript formats `/export` accepts (the exporters' own list, restated to keep src/ui off src/export). */
export const TRANSCRIPT_FORMAT_NAMES: readonly string[] = ['md', 'json', 'html', 'txt'];
