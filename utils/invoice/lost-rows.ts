// Rows pass 1 lost on a hard page (a blurred photo: tesseract's layout analysis drops whole rows, labels and
// values alike). Only when pass 1 clearly lost rows — few labels found — a few more pieces of the text it missed
// are read, those among the rows of the labels it did find (the fields' part of the form, not the title or the
// notes under it), and the pieces of one row are read as one line: a label and its value, cells apart, come
// back together (read apart, a value cell's reading has no label and a label's none of its value).
import { unionBox } from './text';
import type { Box } from './types';

/** Fewer labels than this found by pass 1: rows were lost (a readable invoice shows 10–20). */
export const LOST_ROWS_LABELS = 10;
/** At most this many extra pieces (before the pieces of a row are joined). */
export const LOST_ROWS_MAX = 4;

/**
 * The missed-text boxes to read (given largest first): the first `usual`; when pass 1 found fewer than
 * `LOST_ROWS_LABELS` labels (but some), up to `LOST_ROWS_MAX` more whose middle lies among the rows of the labels
 * found (between the highest and the lowest, a character's height of margin), and the pieces of one row joined
 * into one box (their middles within half a character's height).
 */
export function missedRowsToRead(missed: Box[], labels: Box[], usual: number, charH: number): Box[] {
  const first = missed.slice(0, usual);
  if (labels.length >= LOST_ROWS_LABELS || labels.length < 2) return first;
  const top = Math.min(...labels.map((b) => b.y)) - charH;
  const bottom = Math.max(...labels.map((b) => b.y + b.h)) + charH;
  const extra = missed.slice(usual).filter((b) => b.y + b.h / 2 >= top && b.y + b.h / 2 <= bottom).slice(0, LOST_ROWS_MAX);
  const rows: Box[] = [];
  for (const b of [...first, ...extra]) {
    const i = rows.findIndex((o) => Math.abs(o.y + o.h / 2 - (b.y + b.h / 2)) < 0.5 * charH);
    if (i < 0) rows.push({ ...b });
    else rows[i] = unionBox([rows[i]!, b]);
  }
  return rows;
}
