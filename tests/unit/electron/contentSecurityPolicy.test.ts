import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  withSecurityHeaders,
} from '../../../electron/main/policy/contentSecurityPolicy.ts';

const directives = (csp: string): Map<string, string> =>
  new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the policy of DESIGN section 7', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self' ws: wss:; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows script eval, inline scripts or remote scripts', () => {
    const script = directives(CONTENT_SECURITY_POLICY).get('script-src') ?? '';
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toMatch(/https?:|\*/);
  });
});

describe('withSecurityHeaders', () => {
  it('replaces any CSP the response carried, whatever its case, and keeps other headers', () => {
    const out = withSecurityHeaders({
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'CONTENT-SECURITY-POLICY': 'default-src *',
      'Content-Type': 'text/html',
      'Set-Cookie': ['a=1', 'b=2'],
    });
    const csp = Object.entries(out).filter(([k]) => k.toLowerCase() === 'content-security-policy');
    expect(csp).toEqual([['Content-Security-Policy', [CONTENT_SECURITY_POLICY]]]);
    expect(out['Content-Type']).toEqual(['text/html']);
    expect(out['Set-Cookie']).toEqual(['a=1', 'b=2']);
    expect(out['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(out['Referrer-Policy']).toEqual(['no-referrer']);
  });

  it('adds the headers to a response that had none', () => {
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([
      CONTENT_SECURITY_POLICY,
    ]);
  });
});
