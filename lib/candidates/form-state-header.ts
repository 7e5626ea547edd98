// The request header that carries the no-JavaScript form's state from proxy.ts to the form's page. In a module
// of its own so the proxy can delete it from every request without loading the sign-up.
export const formStateHeader = 'x-bt-signup-state';
