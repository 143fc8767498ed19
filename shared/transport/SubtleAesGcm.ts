/** The two WebCrypto calls the rendezvous guard needs; y-webrtc's room key is an opaque CryptoKey. */
export interface SubtleAesGcm {
  decrypt(
    algorithm: { name: 'AES-GCM'; iv: Uint8Array },
    key: unknown,
    data: Uint8Array,
  ): Promise<ArrayBuffer>;
  encrypt(
    algorithm: { name: 'AES-GCM'; iv: Uint8Array },
    key: unknown,
    data: Uint8Array,
  ): Promise<ArrayBuffer>;
}

/** WebCrypto's subtle, as y-webrtc itself uses it (a global in browsers and Node >= 20). */
export const webSubtle = (): SubtleAesGcm | undefined =>
  (crypto as unknown as { subtle?: SubtleAesGcm }).subtle;
