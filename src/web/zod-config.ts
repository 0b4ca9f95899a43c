import { z } from 'zod';

/**
 * zod compiles a fast path for object schemas with `new Function`, which the server's
 * Content-Security-Policy refuses (no 'unsafe-eval'). Without this, zod tries once, the browser
 * reports the refusal as a CSP violation in the console, and zod falls back to the path set here.
 * Imported first by main.tsx: zod reads the setting when it builds the first object schema.
 */
z.config({ jitless: true });
