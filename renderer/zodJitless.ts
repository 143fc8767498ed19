import { z } from 'zod';

// zod compiles object parsers with `new Function` unless told not to; under our CSP that probe
// is refused and reported as a violation. Imported first by main.tsx, before any parse.
z.config({ jitless: true });
