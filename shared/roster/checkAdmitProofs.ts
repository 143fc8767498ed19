import { isUsableBoxKey } from './isUsableBoxKey.ts';
import type { AdmitBody } from './RosterOp.ts';
import { verifyJoinProof } from './verifyJoinProof.ts';

/** The checks of an admit that depend on its bytes alone (done once per op and cached). */
export function checkAdmitProofs(body: AdmitBody): 'bad_join_proof' | 'bad_box_key' | undefined {
  if (!verifyJoinProof(body)) return 'bad_join_proof';
  if (!isUsableBoxKey(body.memberBoxPk)) return 'bad_box_key';
  return undefined;
}
