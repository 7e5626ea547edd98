// The largest sign-up request accepted, for the server action (next.config.ts) and the no-JavaScript post
// (proxy.ts) alike. A filled-in form is about 1 kB; anything near this is not a person typing.
export const signUpBodyLimit = '64kb';
export const signUpBodyLimitBytes = 64 * 1024;
