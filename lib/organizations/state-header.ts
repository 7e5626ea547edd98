// The request header that carries the organizations' form state from proxy.ts to /join/review. In a module of its
// own so the proxy can delete it from every request without loading the form's code.
export const organizationStateHeader = 'x-bt-organization-state';
