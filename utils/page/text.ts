/** Text normalisation of the page model: label matching, option choice, table and upload reading. */

/** Full-width → half-width, no spaces, no stars/colons/brackets/punctuation, ASCII lower-cased. */
export function normalizeLabel(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[*＊:：()（）[\]【】<>《》〈〉{}「」『』"'“”‘’、，,.。;；!！?？/\\|_\-—~·•]/g, '')
    .toLowerCase();
}

/** Split a label into the main text and bracketed remarks: "手机号码（用于接收短信）" → ["手机号码", "用于接收短信"]. */
export function splitRemarks(raw: string): { main: string; aside: string } {
  const s = raw.normalize('NFKC');
  let main = '';
  let aside = '';
  let depth = 0;
  for (const ch of s) {
    if ('([【<《〈{「『'.includes(ch)) {
      depth++;
      continue;
    }
    if (')]】>》〉}」』'.includes(ch)) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) aside += ch;
    else main += ch;
  }
  return { main: normalizeLabel(main), aside: normalizeLabel(aside) };
}

/** For comparing option texts and values: NFKC, no spaces, lower-case, no company suffixes. */
export function normalizeOption(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/股份有限公司|有限责任公司|有限公司/g, '')
    .toLowerCase();
}

/**
 * Pick the option a person would pick for a wanted value: the first candidate (in order) that equals an
 * option, else an option containing a candidate / contained in one (longest overlap), never through "非…"/"不…".
 * Returns the option index or -1.
 */
export function chooseOption(options: readonly string[], candidates: readonly string[]): number {
  const opts = options.map(normalizeOption);
  const cands = candidates.map(normalizeOption).filter(Boolean);
  for (const c of cands) {
    const i = opts.indexOf(c);
    if (i >= 0) return i;
  }
  let best = -1;
  let bestLen = 0;
  for (const c of cands) {
    if (c.length < 2) continue;
    opts.forEach((o, i) => {
      if (!o || o.length < 2) return;
      let overlap = 0;
      if (o.includes(c)) {
        const at = o.indexOf(c);
        const before = o.slice(Math.max(0, at - 1), at);
        if (before === '非' || before === '不' || before === '未') return;
        overlap = c.length;
      } else if (c.includes(o)) overlap = o.length;
      if (overlap > bestLen) {
        bestLen = overlap;
        best = i;
      }
    });
    if (best >= 0) return best;
  }
  return best;
}
