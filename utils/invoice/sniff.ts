// File type by magic bytes (never by the file name's extension).

export type SniffedType = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'tiff' | 'heic' | 'avif' | 'pdf' | 'ofd' | 'unknown';

const ascii = (b: Uint8Array, start: number, len: number) => String.fromCharCode(...b.subarray(start, start + len));

export function sniffType(bytes: Uint8Array): SniffedType {
  const b = bytes;
  if (b.length < 4) return 'unknown';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') return 'png';
  if (ascii(b, 0, 4) === 'RIFF' && b.length >= 12 && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (ascii(b, 0, 4) === 'GIF8') return 'gif';
  if (b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a)) return 'tiff';
  // PDF: "%PDF-" within the first 1 KB (some generators prepend junk).
  const head = ascii(b, 0, Math.min(1024, b.length));
  if (head.includes('%PDF-')) return 'pdf';
  // ISO-BMFF: size + "ftyp" + brand.
  if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') {
    const brand = ascii(b, 8, 4);
    if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand)) return 'heic';
    if (/^(avif|avis)$/.test(brand)) return 'avif';
  }
  // OFD (Chinese e-invoice format) is a ZIP with OFD.xml inside.
  if (b[0] === 0x50 && b[1] === 0x4b && head.includes('OFD.xml')) return 'ofd';
  return 'unknown';
}

export const IMAGE_TYPES: ReadonlySet<SniffedType> = new Set(['jpeg', 'png', 'webp', 'gif', 'bmp']);

export function mimeOf(type: SniffedType): string {
  switch (type) {
    case 'jpeg': return 'image/jpeg';
    case 'png': return 'image/png';
    case 'webp': return 'image/webp';
    case 'gif': return 'image/gif';
    case 'bmp': return 'image/bmp';
    case 'tiff': return 'image/tiff';
    case 'heic': return 'image/heic';
    case 'avif': return 'image/avif';
    case 'pdf': return 'application/pdf';
    case 'ofd': return 'application/ofd';
    default: return 'application/octet-stream';
  }
}

/** EXIF orientation (1–8) of a JPEG, 1 when absent. Browsers apply it on decode; jpeg-js does not. */
export function jpegOrientation(b: Uint8Array): number {
  if (!(b[0] === 0xff && b[1] === 0xd8)) return 1;
  let p = 2;
  while (p + 4 < b.length && b[p] === 0xff) {
    const marker = b[p + 1]!;
    const len = (b[p + 2]! << 8) | b[p + 3]!;
    if (marker === 0xe1 && String.fromCharCode(...b.subarray(p + 4, p + 8)) === 'Exif') {
      const t = p + 10;
      const le = b[t] === 0x49;
      const u16 = (o: number) => (le ? b[t + o]! | (b[t + o + 1]! << 8) : (b[t + o]! << 8) | b[t + o + 1]!);
      const u32 = (o: number) => (le ? u16(o) | (u16(o + 2) << 16) : (u16(o) << 16) | u16(o + 2));
      const ifd = u32(4);
      const n = u16(ifd);
      for (let i = 0; i < n; i++) {
        const e = ifd + 2 + i * 12;
        if (t + e + 10 > b.length) break;
        if (u16(e) === 0x0112) {
          const v = u16(e + 8);
          return v >= 1 && v <= 8 ? v : 1;
        }
      }
      return 1;
    }
    if (marker === 0xda) break;
    p += 2 + len;
  }
  return 1;
}

/** Pixel size from the header (JPEG SOF / PNG IHDR / WebP VP8/VP8L/VP8X / GIF / BMP) without decoding; null when unknown. */
export function imageDimensions(b: Uint8Array): { width: number; height: number } | null {
  const type = sniffType(b);
  if (type === 'png' && b.length >= 24) {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return { width: v.getUint32(16), height: v.getUint32(20) };
  }
  if (type === 'jpeg') {
    let p = 2;
    while (p + 9 < b.length) {
      if (b[p] !== 0xff) { p++; continue; }
      const m = b[p + 1]!;
      if (m === 0xff) { p++; continue; }
      const len = (b[p + 2]! << 8) | b[p + 3]!;
      if ((m >= 0xc0 && m <= 0xcf) && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) {
        return { height: (b[p + 5]! << 8) | b[p + 6]!, width: (b[p + 7]! << 8) | b[p + 8]! };
      }
      p += 2 + len;
    }
    return null;
  }
  if (type === 'webp' && b.length >= 30) {
    const chunk = String.fromCharCode(...b.subarray(12, 16));
    if (chunk === 'VP8 ') return { width: (b[26]! | (b[27]! << 8)) & 0x3fff, height: (b[28]! | (b[29]! << 8)) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') return { width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)) };
  }
  if (type === 'gif' && b.length >= 10) return { width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8) };
  if (type === 'bmp' && b.length >= 26) {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    // BITMAPCOREHEADER (12 bytes) stores 16-bit sizes; the others 32-bit, height negative for top-down rows.
    if (v.getUint32(14, true) === 12) return { width: v.getUint16(18, true), height: v.getUint16(20, true) };
    return { width: Math.abs(v.getInt32(18, true)), height: Math.abs(v.getInt32(22, true)) };
  }
  return null;
}
