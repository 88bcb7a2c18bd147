import { z } from 'zod';

// zod probes for eval (new Function) when it builds its first object schema, to compile fast parsers. The
// Content-Security-Policy refuses eval and reports a violation even though zod catches the refusal. Told not to
// try, it parses the same way without compiling. Imported first by main.tsx: before any schema is built.
z.config({ jitless: true });
