import { z } from 'zod';

// zod decides at schema construction whether to compile parsers with `new Function`; the page
// CSP forbids eval and the probe would be reported as a violation. Imported first by preload.ts.
z.config({ jitless: true });
