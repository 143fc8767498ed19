import { bytesEqual, labelBytes } from '../../shared/crypto/bytes.ts';
import { CELL_ID_BYTES, EPOCH_KEY_BYTES } from '../../shared/crypto/deriveEpochSecrets.ts';
import { LABELS } from '../../shared/crypto/labels.ts';
import { openSealedBox } from '../../shared/invite/openSealedBox.ts';
import { epochWrapPlaintext } from '../../shared/roster/epochWrapPlaintext.ts';

const LABEL_BYTES = labelBytes(LABELS.epochKeyWrap).length;
const EPOCH_OFFSET = LABEL_BYTES + 1 + CELL_ID_BYTES;
const PLAINTEXT_BYTES = EPOCH_OFFSET + 4 + EPOCH_KEY_BYTES;

/**
 * Opens a rotation notice (a rotate op's relay wrap, shared/sync/relayNotice.ts) with the relay's
 * box key: the new epoch and its transport root, or undefined if it is not for us, not for this
 * cell, not a relay wrap, or malformed. The whole plaintext must equal what sealEpochWraps seals.
 */
export function openRelayNotice(
  sealed: Uint8Array,
  cellId: Uint8Array,
  me: { readonly boxPk: Uint8Array; readonly boxSk: Uint8Array },
): { epoch: number; root: Uint8Array } | undefined {
  const plain = openSealedBox(sealed, me.boxPk, me.boxSk);
  if (plain?.length !== PLAINTEXT_BYTES) return undefined;
  const epoch = new DataView(plain.buffer, plain.byteOffset + EPOCH_OFFSET, 4).getUint32(0, false);
  const root = plain.slice(PLAINTEXT_BYTES - EPOCH_KEY_BYTES);
  if (epoch < 1 || !bytesEqual(plain, epochWrapPlaintext('relay', cellId, epoch, root)))
    return undefined;
  return { epoch, root };
}
