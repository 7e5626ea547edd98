// Candidate, staff and consent ids are PostgreSQL UUIDs. An id from a URL or a form is checked against this
// before it reaches a query: anything else is "not found", never a database error.

/** A UUID in its canonical text form, unanchored (to build route patterns from). */
export const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const uuid = new RegExp(`^${uuidPattern}$`, 'i');

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuid.test(value);
}
