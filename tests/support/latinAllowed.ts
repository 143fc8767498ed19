/**
 * Latin words a Russian or Ukrainian string or screen may contain: the product name, protocol,
 * key and operating-system names, the endonym of English, and the examples of guessable
 * patterns. Any other run of three Latin letters is English left behind. One list for the locale
 * unit test and the e2e language sweep.
 */
export const LATIN_ALLOWED: ReadonlySet<string> = new Set([
  'Quire',
  'QUIRE',
  'English',
  'http',
  'https',
  'wss',
  'URL',
  'WebRTC',
  'STUN',
  'TURN',
  'ICE',
  'stun',
  'turn',
  'turns',
  'Alt',
  'Ctrl',
  'Shift',
  'Windows',
  'macOS',
  'Linux',
  'PDF',
  'HTML',
  'XMP',
  'UTF',
  'Markdown',
  'aaa',
  'abc',
  'abcabcabc',
]);
