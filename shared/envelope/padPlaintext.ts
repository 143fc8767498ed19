/**
 * ISO/IEC 7816-4 padding: message || 0x80 || 0x00... up to `paddedLength`. Unambiguous for any
 * message, including one that ends in 0x80 or zeros.
 */
export function padPlaintext(message: Uint8Array, paddedLength: number): Uint8Array {
  if (!Number.isInteger(paddedLength) || paddedLength < message.length + 1)
    throw new RangeError('padded length too small');
  const out = new Uint8Array(paddedLength);
  out.set(message, 0);
  out[message.length] = 0x80;
  return out;
}
