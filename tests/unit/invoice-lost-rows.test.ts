import { describe, expect, it } from 'vitest';
import { LOST_ROWS_LABELS, LOST_ROWS_MAX, missedRowsToRead } from '../../utils/invoice/lost-rows';
import type { Box } from '../../utils/invoice/types';

const H = 24;
const box = (x: number, y: number, w = 100): Box => ({ x, y, w, h: H });
const labels = (n: number, y0 = 200, step = 40): Box[] => Array.from({ length: n }, (_, i) => box(60, y0 + i * step, 80));

describe('missedRowsToRead (rows pass 1 lost)', () => {
  // largest first: a title, two pieces of one table row (a label and its value, cells apart), then smaller pieces
  const missed: Box[] = [box(300, 40, 600), box(60, 400), box(700, 402), box(60, 900), box(300, 1000), box(60, 20), box(60, 240), box(700, 240), box(60, 280), box(700, 280), box(60, 320), box(60, 1400), box(700, 320)];

  it('leaves the usual pieces alone when pass 1 found enough labels', () => {
    expect(missedRowsToRead(missed, labels(LOST_ROWS_LABELS), 6, H)).toEqual(missed.slice(0, 6));
  });

  it('reads a few more pieces among the label rows, the pieces of one row as one line, when labels are few', () => {
    const out = missedRowsToRead(missed, labels(6), 6, H); // label rows 200..424
    // the label and value of the row at y 400 joined into one box
    expect(out).toContainEqual({ x: 60, y: 400, w: 740, h: H + 2 });
    // extra pieces: only among the label rows (not the one at 1400), at most LOST_ROWS_MAX of them, rows joined
    expect(out).toContainEqual({ x: 60, y: 240, w: 740, h: H });
    expect(out).toContainEqual({ x: 60, y: 280, w: 740, h: H });
    expect(out.some((b) => b.y === 1400)).toBe(false);
    expect(out.some((b) => b.y === 320)).toBe(LOST_ROWS_MAX >= 5);
    // the usual pieces outside the label rows are still read
    expect(out).toContainEqual(box(300, 40, 600));
    expect(out).toContainEqual(box(60, 900));
  });

  it('needs some labels to place the rows', () => {
    expect(missedRowsToRead(missed, labels(1), 6, H)).toEqual(missed.slice(0, 6));
  });
});
