const REAL_TIME_FROM = Date.UTC(2024, 0, 1);

/**
 * Virtual time starts at 0, before any expiry an invite code can carry (2024-01-01..2100-01-01,
 * docs/PROTOCOL.md §10.2). Tests that create invites on virtual time give createInvite this clock
 * instead: the invite then expires far after every virtual instant (admittedAt stays below it),
 * and its code carries a real date. A real time (Date.now()) is returned unchanged.
 */
export const inviteClock = (now: number): number =>
  now >= REAL_TIME_FROM ? now : Date.UTC(2026, 0, 1) + now;
