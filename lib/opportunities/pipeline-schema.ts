import { z } from 'zod';

// The pipeline's statuses and the staff form's input: shared by the form and the server (errors are message keys of
// `StaffPipeline.errors`). Not server-only: the form's page reads the list of statuses.

/** `placed`: hired (a job) or enrolled (a cohort). */
export const pipelineStatuses = ['announced', 'interested', 'shortlisted', 'referred', 'interviewing', 'placed', 'not_selected', 'withdrawn'] as const;
export type PipelineStatus = (typeof pipelineStatuses)[number];

export const pipelineNoteMax = 2_000;

export const pipelineChangeSchema = z.object({
  opportunityId: z.uuid({ error: 'notFound' }),
  candidateId: z.uuid({ error: 'notFound' }),
  status: z.enum(pipelineStatuses, { error: 'status' }),
  note: z
    .string()
    .trim()
    .max(pipelineNoteMax, { error: 'noteTooLong' })
    .transform((note) => (note === '' ? null : note)),
});

export type PipelineChangeInput = z.input<typeof pipelineChangeSchema>;
