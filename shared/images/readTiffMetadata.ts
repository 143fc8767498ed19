import type { MetadataItem } from './MetadataItem.ts';
import { metadataText } from './metadataText.ts';

/** Bounds on a hostile TIFF: entries per directory and directories visited. */
const MAX_ENTRIES = 512;
const MAX_DIRECTORIES = 8;

const TAG = {
  make: 0x010f,
  model: 0x0110,
  software: 0x0131,
  dateTime: 0x0132,
  artist: 0x013b,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  thumbnailOffset: 0x0201,
  dateTimeOriginal: 0x9003,
  dateTimeDigitized: 0x9004,
  makerNote: 0x927c,
  ownerName: 0xa430,
  bodySerial: 0xa431,
  lensSerial: 0xa435,
  dngSerial: 0xc62f,
} as const;

interface Entry {
  readonly type: number;
  readonly count: number;
  /** Where the value is: inline in the entry (≤ 4 bytes) or at its offset. */
  readonly at: number;
}

/**
 * What an EXIF block (a TIFF structure: JPEG APP1, PNG eXIf, WebP EXIF) holds that identifies a
 * person, a place, a time or a camera: GPS position, make and model, serial numbers, owner, dates,
 * software, maker notes, an embedded thumbnail. Bounded and never throws; what it cannot parse is
 * still reported as an EXIF block.
 */
export function readTiffMetadata(tiff: Uint8Array): MetadataItem[] {
  const items: MetadataItem[] = [{ kind: 'exif' }];
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return items;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number): number | undefined =>
    at >= 0 && at + 2 <= tiff.length ? view.getUint16(at, little) : undefined;
  const u32 = (at: number): number | undefined =>
    at >= 0 && at + 4 <= tiff.length ? view.getUint32(at, little) : undefined;
  const SIZES: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4 };

  const directory = (offset: number): { entries: Map<number, Entry>; next: number } => {
    const entries = new Map<number, Entry>();
    const n = Math.min(u16(offset) ?? 0, MAX_ENTRIES);
    for (let i = 0; i < n; i++) {
      const base = offset + 2 + i * 12;
      const tag = u16(base);
      const type = u16(base + 2);
      const count = u32(base + 4);
      if (tag === undefined || type === undefined || count === undefined) break;
      const size = (SIZES[type] ?? 1) * count;
      entries.set(tag, { type, count, at: size <= 4 ? base + 8 : (u32(base + 8) ?? -1) });
    }
    return { entries, next: u32(offset + 2 + n * 12) ?? 0 };
  };
  const text = (e: Entry | undefined): string | undefined => {
    if (e === undefined || e.at < 0 || e.at + e.count > tiff.length) return undefined;
    return metadataText(tiff.subarray(e.at, e.at + e.count));
  };
  const rationals = (e: Entry | undefined): number[] | undefined => {
    if (e?.type !== 5 || e.count !== 3) return undefined;
    const out: number[] = [];
    for (let i = 0; i < 3; i++) {
      const num = u32(e.at + i * 8);
      const den = u32(e.at + i * 8 + 4);
      if (num === undefined || den === undefined || den === 0) return undefined;
      out.push(num / den);
    }
    return out;
  };
  const degrees = (e: Entry | undefined, ref: string | undefined, negative: string): string => {
    const dms = rationals(e);
    if (!dms) return '?';
    const value = (dms[0] ?? 0) + (dms[1] ?? 0) / 60 + (dms[2] ?? 0) / 3600;
    return (ref === negative ? -value : value).toFixed(6);
  };
  const add = (kind: MetadataItem['kind'], detail: string | undefined): void => {
    if (detail !== undefined && detail !== '') items.push({ kind, detail });
  };

  const first = u32(4) ?? 0;
  const seen = new Set<number>();
  const ifd0 = directory(first);
  seen.add(first);
  const e0 = ifd0.entries;
  add('camera', [text(e0.get(TAG.make)), text(e0.get(TAG.model))].filter(Boolean).join(' '));
  add('software', text(e0.get(TAG.software)));
  add('owner', text(e0.get(TAG.artist)));
  add('date', text(e0.get(TAG.dateTime)));
  const exifAt = e0.get(TAG.exifIfd);
  const exifOffset = exifAt ? u32(exifAt.at) : undefined;
  if (exifOffset !== undefined && !seen.has(exifOffset)) {
    seen.add(exifOffset);
    const exif = directory(exifOffset).entries;
    add('date', text(exif.get(TAG.dateTimeOriginal)) ?? text(exif.get(TAG.dateTimeDigitized)));
    add('owner', text(exif.get(TAG.ownerName)));
    add('serial', text(exif.get(TAG.bodySerial)));
    add('serial', text(exif.get(TAG.lensSerial)));
    if (exif.has(TAG.makerNote)) items.push({ kind: 'makerNote' });
  }
  add('serial', text(e0.get(TAG.dngSerial)));
  const gpsAt = e0.get(TAG.gpsIfd);
  const gpsOffset = gpsAt ? u32(gpsAt.at) : undefined;
  if (gpsOffset !== undefined && !seen.has(gpsOffset)) {
    seen.add(gpsOffset);
    const gps = directory(gpsOffset).entries;
    if (gps.has(2) || gps.has(4)) {
      const lat = degrees(gps.get(2), text(gps.get(1)), 'S');
      const lon = degrees(gps.get(4), text(gps.get(3)), 'W');
      items.push({ kind: 'gps', detail: `${lat}, ${lon}` });
    } else if (gps.size > 0) items.push({ kind: 'gps' });
  }
  // IFD1 (the next directory after IFD0) describes the embedded thumbnail.
  let next = ifd0.next;
  for (let i = 0; next !== 0 && !seen.has(next) && i < MAX_DIRECTORIES; i++) {
    seen.add(next);
    const ifd = directory(next);
    if (ifd.entries.has(TAG.thumbnailOffset) || ifd.entries.size > 0)
      items.push({ kind: 'thumbnail' });
    next = ifd.next;
  }
  return items;
}
