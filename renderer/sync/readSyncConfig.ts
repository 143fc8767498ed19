import { z } from 'zod';
import { err, ok, type Result } from '../../shared/util/result.ts';
import type { SyncConfig, SyncConfigError } from './SyncConfig.ts';

const MAX_QUERY_LENGTH = 4096;
const MAX_URLS = 8;

const wsUrl = z
  .string()
  .max(512)
  .refine((value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    return (
      (url.protocol === 'ws:' || url.protocol === 'wss:') &&
      url.username === '' &&
      url.password === ''
    );
  });
const roomName = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const secret = z.string().min(1).max(256);
const stunUrl = z.string().regex(/^stuns?:[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/);

/**
 * Reads `?signal=ws://...&room=...[&secret=...][&ice=stun:host:port]` (signal and ice may
 * repeat). Everything is validated; nothing here ever falls back to a public server.
 */
export function readSyncConfig(search: string): Result<SyncConfig, SyncConfigError> {
  const params = new URLSearchParams(search.slice(0, MAX_QUERY_LENGTH));
  const signals = params.getAll('signal').slice(0, MAX_URLS);
  if (signals.length === 0) return err('no-signal');
  if (!signals.every((value) => wsUrl.safeParse(value).success)) return err('bad-signal');
  const room = params.get('room');
  if (room === null) return err('no-room');
  if (!roomName.safeParse(room).success) return err('bad-room');
  const ice = params.getAll('ice').slice(0, MAX_URLS);
  if (!ice.every((value) => stunUrl.safeParse(value).success)) return err('bad-ice');
  const given = params.get('secret');
  if (given !== null && !secret.safeParse(given).success) return err('bad-secret');
  // Until the encrypted engine derives a transport secret from the epoch key, a room without an
  // explicit secret uses one derived from its name: it keeps strangers' clients out of the
  // signaling, not anyone who knows the room name.
  const password = given ?? `quire-dev/${room}`;
  return ok({ signaling: [...new Set(signals)], room, password, iceServers: ice });
}
