/** Written over every address a relay-only description must not carry. */
const NO_ADDRESS = '0.0.0.0';
/** The discard port: what JSEP puts in m= before any candidate is known (0 would reject). */
const NO_PORT = '9';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One ICE candidate attribute (`candidate:...`, the prefix stays on the foundation), if it is a relay candidate,
 * with its related address (raddr/rport: the member's own address as the TURN server saw it)
 * blanked; undefined for any other type (host, srflx, prflx) or an unparsable line.
 * Grammar (RFC 8839): foundation component transport priority address port "typ" type *(name value).
 */
export function keepRelayCandidate(line: string): string | undefined {
  const parts = line.trim().split(/\s+/);
  if (parts.length < 8 || parts[6] !== 'typ' || parts[7] !== 'relay') return undefined;
  for (let i = 8; i + 1 < parts.length; i += 2) {
    if (parts[i] === 'raddr') parts[i + 1] = NO_ADDRESS;
    else if (parts[i] === 'rport') parts[i + 1] = '0';
  }
  return parts.join(' ');
}

/**
 * An SDP with every candidate line that is not a relay candidate removed, relay candidates'
 * related addresses blanked, and the default-destination addresses (c=, a=rtcp, m= port, o=)
 * replaced by placeholders: ICE reads none of them, and each may hold a host address.
 */
export function keepRelayOnlySdp(sdp: string): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const out: string[] = [];
  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith('a=candidate:')) {
      const kept = keepRelayCandidate(line.slice(2));
      if (kept !== undefined) out.push(`a=${kept}`);
    } else if (line.startsWith('c=')) {
      out.push(`c=IN IP4 ${NO_ADDRESS}`);
    } else if (line.startsWith('a=rtcp:')) {
      out.push(`a=rtcp:${NO_PORT} IN IP4 ${NO_ADDRESS}`);
    } else if (line.startsWith('m=')) {
      // Port 0 means a rejected section and must stay 0.
      const parts = line.split(' ');
      if (parts.length > 1 && parts[1] !== '0') parts[1] = NO_PORT;
      out.push(parts.join(' '));
    } else if (line.startsWith('o=')) {
      const parts = line.split(' ');
      if (parts.length === 6) parts.splice(4, 2, 'IP4', '127.0.0.1');
      out.push(parts.join(' '));
    } else {
      out.push(line);
    }
  }
  return out.join(eol);
}

/**
 * The second line of defence of relay-only (the first is ICE policy `relay`): a simple-peer
 * signal as it is about to be sealed into signaling, with only relay candidates left in it, or
 * undefined when nothing may leave (a host, srflx or prflx candidate, or a shape this filter does
 * not know: it fails closed). Offers and answers keep only their relay candidate lines.
 */
export function keepRelayOnlySignal(signal: unknown): unknown {
  if (!isRecord(signal)) return undefined;
  if (signal.type === 'renegotiate') return signal;
  if ((signal.type === 'offer' || signal.type === 'answer') && typeof signal.sdp === 'string')
    return { ...signal, sdp: keepRelayOnlySdp(signal.sdp) };
  if (signal.type === 'candidate' && isRecord(signal.candidate)) {
    const line = signal.candidate.candidate;
    if (typeof line !== 'string') return undefined;
    // The prefix ('candidate:') stays on the foundation, the first token.
    const kept = keepRelayCandidate(line);
    if (kept === undefined) return undefined;
    return { ...signal, candidate: { ...signal.candidate, candidate: kept } };
  }
  return undefined;
}
