/**
 * The few platform globals that every runtime of shared/ provides (browsers, Electron renderers,
 * Node >= 20, workers). shared/ is compiled without DOM and Node typings so that nothing else
 * slips in; these declarations are the whole of what it may assume.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
declare const crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
type TimerHandle = ReturnType<typeof setTimeout>;
declare function setTimeout(
  callback: () => void,
  ms?: number,
): { readonly __timer: unique symbol } | number;
declare function clearTimeout(handle: TimerHandle | undefined): void;
declare function setInterval(
  callback: () => void,
  ms?: number,
): { readonly __interval: unique symbol } | number;
declare function clearInterval(handle: ReturnType<typeof setInterval> | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare const console: {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};
declare const performance: { now(): number };
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly href: string;
  readonly username: string;
  readonly password: string;
}
