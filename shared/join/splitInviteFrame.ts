import {
  INVITE_CHANNEL_PART_BYTES,
  partCountFor,
  type InviteChannelPart,
} from './inviteChannelFormat.ts';

/** Cuts a frame into its channel parts (inviteChannelFormat.ts); `frameKey` is its 16-byte key. */
export function splitInviteFrame(frame: Uint8Array, frameKey: Uint8Array): InviteChannelPart[] {
  const count = partCountFor(frame.length);
  const parts: InviteChannelPart[] = [];
  for (let index = 0; index < count; index++) {
    const start = index * INVITE_CHANNEL_PART_BYTES;
    parts.push({
      type: 'part',
      frameKey,
      frameLength: frame.length,
      index,
      count,
      bytes: frame.subarray(start, start + INVITE_CHANNEL_PART_BYTES),
    });
  }
  return parts;
}
