/**
 * Every reason this module gives for refusing an envelope, in pipeline order. The sync engine
 * adds its own (not_member, not_writer, replay, equivocation, clientid_*, malformed_update, ...).
 */
export const ENVELOPE_REJECTIONS = [
  'too_large',
  'bad_length',
  'unsupported_version',
  'decrypt_failed',
  'bad_padding',
  'malformed',
  'unknown_kind',
  'bad_signature',
] as const;

export type EnvelopeRejection = (typeof ENVELOPE_REJECTIONS)[number];

/** checkEnvelopeSize. */
export type EnvelopeSizeRejection = Extract<EnvelopeRejection, 'too_large'>;

/** decryptEnvelope (which runs checkEnvelopeSize itself, so a skipped size check cannot cost a decryption). */
export type DecryptEnvelopeRejection = Extract<
  EnvelopeRejection,
  'too_large' | 'bad_length' | 'unsupported_version' | 'decrypt_failed' | 'bad_padding'
>;

/** decodeEnvelope. */
export type DecodeEnvelopeRejection = Extract<EnvelopeRejection, 'malformed' | 'unknown_kind'>;
