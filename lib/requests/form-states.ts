// What the request register's server actions (./actions.ts) return to the client forms that show it.
import type { RequestErrorKey } from './schema';

/** A form with one text field (a reason, what is missing, an answer): what was typed comes back with its error. */
export interface RequestTextState {
  value: string;
  error?: RequestErrorKey | 'notAllowed' | 'unavailable';
}

/** The form staff record a request with. */
export interface RecordRequestState {
  values: { kind: string; subject: string; channel: string; receivedAt: string; description: string };
  fieldErrors?: Record<string, RequestErrorKey>;
  error?: 'notFound' | 'unavailable';
}
