import { serverConfig, type ServerConfig } from '@/lib/config/env';

/**
 * The retention periods in force (lib/config/env.ts). The job applies them (lib/retention/run.ts) and the consent
 * notice and the privacy policy state them: set them the same at build time (prerendered policy) and at run time.
 */
export function retentionSettings(config: ServerConfig = serverConfig()) {
  return {
    revokedDays: config.RETENTION_REVOKED_DAYS,
    submissionsMonths: config.RETENTION_SUBMISSIONS_MONTHS,
    signInAttemptsDays: config.RETENTION_SIGN_IN_ATTEMPTS_DAYS,
    staffSessionsDays: config.RETENTION_STAFF_SESSIONS_DAYS,
    candidateLinksDays: config.RETENTION_CANDIDATE_LINKS_DAYS,
    rateLimitHours: config.RETENTION_RATE_LIMIT_HOURS,
  };
}
export type RetentionSettings = ReturnType<typeof retentionSettings>;
