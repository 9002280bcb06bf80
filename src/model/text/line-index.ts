/**
 * Offsets → 1-based line and column. A line break is `\r\n` (counted once), `\n` or a lone `\r`, so files with
 * CRLF endings get the same line numbers an editor shows. Columns count UTF-16 code units (as Monaco and
 * VS Code do), starting at 1.
 */
export interface LineColumn {
  line: number;
  column: number;
}

/** Start offsets of every line of `text` (the first is 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  let lf = text.indexOf("\n");
  let cr = text.indexOf("\r");
  while (lf >= 0 || cr >= 0) {
    let next: number;
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    } else {
      next = lf + 1;
    }
    starts.push(next);
    if (next >= n) break;
    // Each search resumes where the last match was, so the whole text is read once.
    if (lf >= 0 && lf < next) lf = text.indexOf("\n", next);
    if (cr >= 0 && cr < next) cr = text.indexOf("\r", next);
  }
  return starts;
}

/** Maps offsets of one text to lines and columns; builds its line table on first use. */
export class LineIndex {
  private starts: number[] | null = null;
  constructor(private readonly text: string) {}

  at(offset: number): LineColumn {
    const starts = (this.starts ??= lineStarts(this.text));
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - (starts[lo] as number) + 1 };
  }
}

/** Line and column of one offset (for a single lookup; use {@link LineIndex} for many). */
export function lineColumnAt(text: string, offset: number): LineColumn {
  return new LineIndex(text).at(offset);
}
