import { z } from 'zod';

/**
 * The whole preload API, as data: every channel between renderer and main with zod schemas for
 * its request and its response. The preload validates both directions with these schemas, and
 * main validates every request again (it never trusts the renderer).
 */

/** Every failure the platform can report; the same set for the browser and Electron adapters. */
export const PLATFORM_ERRORS = [
  'invalid-request',
  'invalid-response',
  'untrusted-sender',
  'unsafe-url',
  'bad-host',
  'listen-failed',
  'unsupported',
  'ipc-failed',
  'failed',
] as const;
export type PlatformError = (typeof PLATFORM_ERRORS)[number];

const failure = z.object({
  ok: z.literal(false),
  error: z.enum(PLATFORM_ERRORS),
  detail: z.string().max(200).optional(),
});

/** A Result<T, PlatformError> on the wire (shared/util/result.ts shape). */
const result = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), failure]);

const empty = z.object({}).strict();

export const MAX_URL_LENGTH = 2048;
export const MAX_NOTIFICATION_CHARS = 200;
/** The HTML of one issue, images inlined as data: URLs. */
export const MAX_PDF_HTML_CHARS = 32 * 1024 * 1024;
export const MAX_PDF_BYTES = 64 * 1024 * 1024;

export const pdfOptionsSchema = z
  .object({
    pageSize: z.enum(['A4', 'A5', 'Letter', 'Legal']),
    landscape: z.boolean(),
    printBackground: z.boolean(),
    marginMm: z.number().min(0).max(50),
  })
  .strict();
export type PdfOptions = z.infer<typeof pdfOptionsSchema>;

/** An exported issue (PDF, HTML or Markdown) saved where the user chooses. */
export const MAX_SAVE_BYTES = 64 * 1024 * 1024;
export const MAX_FILE_NAME_CHARS = 120;
export const saveKindSchema = z.enum(['pdf', 'html', 'markdown']);
export type SaveKind = z.infer<typeof saveKindSchema>;

export const webRtcIpPolicySchema = z.enum([
  'default_public_interface_only',
  'disable_non_proxied_udp',
]);
export type WebRtcIpPolicy = z.infer<typeof webRtcIpPolicySchema>;

export const platformInfoSchema = z.object({
  platform: z.enum(['darwin', 'win32', 'linux', 'browser', 'other']),
  version: z.string().max(64),
  electron: z.string().max(64).optional(),
});
export type PlatformInfo = z.infer<typeof platformInfoSchema>;

const channel = <Req extends z.ZodType, Res extends z.ZodType>(
  name: string,
  request: Req,
  value: Res,
) => ({
  channel: name,
  request,
  response: result(value),
});

export const ipcContract = {
  info: channel('quire:info', empty, platformInfoSchema),
  /** Main asks the user first; `opened` is false when they decline. */
  openExternal: channel(
    'quire:open-external',
    z.object({ url: z.string().min(1).max(MAX_URL_LENGTH) }).strict(),
    z.object({ opened: z.boolean() }),
  ),
  /** Clears all of this app's storage, then relaunches: the reply may never arrive. */
  panicWipe: channel('quire:panic-wipe', empty, z.object({ relaunching: z.boolean() })),
  setContentProtection: channel(
    'quire:content-protection',
    z.object({ on: z.boolean() }).strict(),
    z.object({ supported: z.boolean() }),
  ),
  setRelayOnly: channel(
    'quire:relay-only',
    z.object({ on: z.boolean() }).strict(),
    z.object({ policy: webRtcIpPolicySchema }),
  ),
  startLanRendezvous: channel(
    'quire:lan-start',
    z
      .object({ host: z.string().min(1).max(64), port: z.number().int().min(0).max(65535) })
      .strict(),
    z.object({ urls: z.array(z.string().max(128)).max(64) }),
  ),
  stopLanRendezvous: channel('quire:lan-stop', empty, z.object({ stopped: z.boolean() })),
  printToPdf: channel(
    'quire:print-pdf',
    z.object({ html: z.string().max(MAX_PDF_HTML_CHARS), options: pdfOptionsSchema }).strict(),
    z.object({
      pdf: z.custom<Uint8Array>((b) => b instanceof Uint8Array && b.byteLength <= MAX_PDF_BYTES),
    }),
  ),
  /**
   * A desktop notification (a join request waits). The renderer sends only fixed, content-free
   * text (no cell, no pseudonym): the OS may keep notifications in its own history.
   */
  notify: channel(
    'quire:notify',
    z
      .object({
        title: z.string().min(1).max(MAX_NOTIFICATION_CHARS),
        body: z.string().max(MAX_NOTIFICATION_CHARS),
      })
      .strict(),
    z.object({ shown: z.boolean() }),
  ),
  /** Main asks where to save (a native dialog); `saved` is false when the user cancels. */
  saveFile: channel(
    'quire:save-file',
    z
      .object({
        name: z.string().min(1).max(MAX_FILE_NAME_CHARS),
        kind: saveKindSchema,
        data: z.custom<Uint8Array>(
          (b) => b instanceof Uint8Array && b.byteLength <= MAX_SAVE_BYTES,
        ),
      })
      .strict(),
    z.object({ saved: z.boolean() }),
  ),
} as const;

export type IpcContract = typeof ipcContract;
export type IpcMethod = keyof IpcContract;
export type IpcRequest<M extends IpcMethod> = z.infer<IpcContract[M]['request']>;
export type IpcResponse<M extends IpcMethod> = z.infer<IpcContract[M]['response']>;

/** The one main -> renderer message: lock now (OS lock screen or suspend). */
export const LOCK_CHANNEL = 'quire:lock';
export const lockEventSchema = z.object({ reason: z.enum(['lock-screen', 'suspend']) }).strict();
export type LockReason = z.infer<typeof lockEventSchema>['reason'];
