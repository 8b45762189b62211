// Minimal multipart/form-data parser (enough for browser form posts and FormData uploads).

/**
 * @param {Buffer} buf
 * @param {string} boundary
 * @returns {{ name: string, filename?: string, type?: string, data: Buffer }[]}
 */
export function parseMultipart(buf, boundary) {
  const delim = Buffer.from('--' + boundary);
  const parts = [];
  let pos = buf.indexOf(delim);
  while (pos !== -1) {
    pos += delim.length;
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d) break; // closing "--"
    if (buf[pos] === 0x0d && buf[pos + 1] === 0x0a) pos += 2;
    const headEnd = buf.indexOf('\r\n\r\n', pos);
    if (headEnd === -1) break;
    const head = buf.subarray(pos, headEnd).toString('utf8');
    const next = buf.indexOf(delim, headEnd + 4);
    if (next === -1) break;
    let end = next;
    if (buf[end - 2] === 0x0d && buf[end - 1] === 0x0a) end -= 2;
    const data = buf.subarray(headEnd + 4, end);
    const disp = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] || '';
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1] ?? '';
    const fn = /\bfilename="([^"]*)"/i.exec(disp);
    const type = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1];
    const part = { name: decodeQuoted(name), data };
    if (fn) Object.assign(part, { filename: decodeQuoted(fn[1]), type });
    parts.push(part);
    pos = next;
  }
  return parts;
}

// Chromium percent-encodes " \r \n in names as %22 %0D %0A; everything else is raw UTF-8.
function decodeQuoted(s) {
  return s.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}
