import sodiumModule from 'libsodium-wrappers-sumo';

/** The libsodium API, as exported by libsodium-wrappers-sumo once ready. */
export type Sodium = typeof sodiumModule;

let readyPromise: Promise<Sodium> | undefined;
let instance: Sodium | undefined;

/**
 * Initialise libsodium once per JS context. Every crypto operation in Quire goes through this
 * module so that there is exactly one WebAssembly instance and one place to audit.
 */
export function sodiumReady(): Promise<Sodium> {
  readyPromise ??= sodiumModule.ready.then(() => {
    instance = sodiumModule;
    return sodiumModule;
  });
  return readyPromise;
}

/** The initialised library; throws if `sodiumReady()` has not resolved yet (a programming error). */
export function sodium(): Sodium {
  if (!instance) throw new Error('libsodium used before sodiumReady() resolved');
  return instance;
}
