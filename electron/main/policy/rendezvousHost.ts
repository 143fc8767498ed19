/** One address of a local network interface (the shape of os.networkInterfaces() entries). */
export interface InterfaceAddress {
  readonly address: string;
  readonly family: string | number;
  readonly internal: boolean;
}

export type Interfaces = Readonly<Record<string, readonly InterfaceAddress[] | undefined>>;

const WILDCARD = new Set(['0.0.0.0', '::']);
const LOOPBACK = new Set(['127.0.0.1', '::1']);

const addressesOf = (interfaces: Interfaces): InterfaceAddress[] =>
  Object.values(interfaces).flatMap((list) => list ?? []);

/** Where the LAN rendezvous may listen: loopback, every interface, or one of this machine's addresses. */
export const isAllowedRendezvousHost = (host: string, interfaces: Interfaces): boolean =>
  WILDCARD.has(host) ||
  LOOPBACK.has(host) ||
  addressesOf(interfaces).some((a) => a.address === host);

const wsUrl = (address: string, port: number): string =>
  address.includes(':') ? `ws://[${address}]:${port}` : `ws://${address}:${port}`;

/**
 * The URLs to give other members for a server listening on host:port. A wildcard host is
 * reachable at each external IPv4 address (and IPv6 too for `::`); link-local IPv6 needs a zone
 * id that a URL cannot carry, so it is left out.
 */
export const rendezvousUrls = (host: string, port: number, interfaces: Interfaces): string[] => {
  if (!WILDCARD.has(host)) return [wsUrl(host, port)];
  const external = addressesOf(interfaces).filter((a) => !a.internal);
  const v4 = external.filter((a) => a.family === 'IPv4' || a.family === 4);
  const v6 =
    host === '::'
      ? external.filter(
          (a) =>
            (a.family === 'IPv6' || a.family === 6) && !a.address.toLowerCase().startsWith('fe80'),
        )
      : [];
  return [...new Set([...v4, ...v6].map((a) => wsUrl(a.address, port)))];
};
