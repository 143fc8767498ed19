/** Every bound and timing of the blind relay (docs/RELAY.md explains each). */
export interface RelayLimits {
  /** Stored ciphertext per cell; past it the oldest generations are dropped first. */
  readonly maxBytesPerCell: number;
  /** A generation quiet this long, once a newer one of its epoch is in use, is left and deleted (members drain alike). */
  readonly drainMs: number;
  /** An epoch quiet this long, once a newer epoch is in use, is left and deleted (members' grace period). */
  readonly epochGraceMs: number;
  /** Generations joined ahead of the current one, to notice a rollover it cannot read. */
  readonly maxProbes: number;
  /** Candidate transport roots kept per epoch (a forged rotation notice cannot crowd out the real one). */
  readonly maxLinesPerEpoch: number;
  /**
   * A forget notice (history horizon) is acted on only after this, if the line that proved it is
   * still the only one of its epoch, and only for epochs with no new entry for as long.
   */
  readonly forgetDelayMs: number;
  /** How often drained generations and epochs are looked for. */
  readonly maintenanceMs: number;
  /** Quiet time before the relay's own state row is saved. */
  readonly saveStateMs: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = {
  maxBytesPerCell: 256 * 1024 * 1024,
  drainMs: 10 * 60 * 1000,
  epochGraceMs: 14 * 24 * 60 * 60 * 1000,
  maxProbes: 4,
  maxLinesPerEpoch: 8,
  forgetDelayMs: 60 * 60 * 1000,
  maintenanceMs: 30_000,
  saveStateMs: 1000,
};
