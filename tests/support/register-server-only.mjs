// `node --import` this in child processes that load lib/ outside Next: `server-only` refuses to load anywhere
// but a React Server Components bundle, so resolve it to an empty module (as Vitest's alias does).
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === 'server-only') return { url: 'data:text/javascript,export{}', shortCircuit: true };
        return next(specifier, context);
      }`),
);
