// Runs once when `next start` boots, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startupProblem } = await import('./lib/config/env');
  const problem = startupProblem(process.env);
  if (problem) {
    // One line naming the variable, not a stack trace: this is a deployment mistake, not a bug.
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  const { installGracefulShutdown } = await import('./lib/server/shutdown');
  installGracefulShutdown();
}
