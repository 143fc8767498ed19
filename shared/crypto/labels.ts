/**
 * Domain-separation labels. Every KDF, hash, signature and AEAD input in Quire starts with exactly
 * one of these, so that no value computed for one purpose can be replayed in another.
 * Changing a label is a protocol version change (docs/PROTOCOL.md lists them all).
 */
export const LABELS = {
  roomName: 'quire/room/v1',
  transportRoot: 'quire/transport-root/v1',
  transportSecret: 'quire/transport/v1',
  contentKey: 'quire/content/v1',
  presenceKey: 'quire/presence/v1',
  envelopeAd: 'quire/env/v1',
  envelopeSig: 'quire/env-sig/v1',
  envelopeId: 'quire/env-id/v1',
  presenceAd: 'quire/presence-ad/v2',
  presenceSig: 'quire/presence-sig/v2',
  fingerprint: 'quire/fp/v1',
  rosterOpSig: 'quire/roster-sig/v1',
  rosterOpId: 'quire/roster-id/v1',
  inviteId: 'quire/invite-id/v1',
  inviteRoom: 'quire/invite-room/v1',
  inviteTransport: 'quire/invite-transport/v1',
  inviteKey: 'quire/invite-key/v1',
  inviteCommit: 'quire/invite-commit/v1',
  joinProof: 'quire/join-proof/v1',
  rekeyProof: 'quire/rekey-proof/v1',
  welcome: 'quire/welcome/v1',
  joinRequestAd: 'quire/join-request/v1',
  inviteNoticeAd: 'quire/invite-notice/v1',
  inviteChannelAd: 'quire/invite-channel/v1',
  epochKeyWrap: 'quire/epoch-wrap/v1',
  vaultKek: 'quire/vault-kek/v1',
  vaultSlot: 'quire/vault-slot/v2',
  vaultChaff: 'quire/vault-chaff/v1',
  vaultRowAd: 'quire/vault-row/v1',
  vaultRowId: 'quire/vault-row-id/v1',
  vaultIdKey: 'quire/vault-id-key/v1',
  scope: 'quire/scope/v1',
  clientId: 'quire/clientid/v1',
  relayHello: 'quire/relay-hello/v1',
  memberNotice: 'quire/member-notice/v1',
  signedFields: 'quire/signed-fields/v1',
  forkProof: 'quire/fork-proof/v1',
  forkRelease: 'quire/fork-release/v1',
  forkReleaseAd: 'quire/fork-release-ad/v1',
  imageDigest: 'quire/image/v1',
} as const;

export type Label = (typeof LABELS)[keyof typeof LABELS];
