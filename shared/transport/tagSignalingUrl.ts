import { toHex } from '../crypto/bytes.ts';

/**
 * A rendezvous URL made unique to one room: a fresh random `s` query parameter. y-webrtc keeps
 * one socket per URL for the whole JS context and subscribes it to every open room, so with the
 * plain URL one connection would carry every cell, both epochs of a rotation and any other room
 * open at once; with a tag no two rooms share a socket (confineSignalingConn keeps y-webrtc from
 * using one room's socket for another). The tag is random, so it says nothing about the room.
 */
export function tagSignalingUrl(url: string): string {
  const tag = toHex(crypto.getRandomValues(new Uint8Array(8)));
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  return `${base}${base.includes('?') ? '&' : '?'}s=${tag}`;
}
