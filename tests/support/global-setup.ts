// Vitest global setup for integration tests: one PostgreSQL server and one migrated template per run.
import type { TestProject } from 'vitest/node';
import { createMigratedDatabase, dropDatabasesLike, startTestCluster, type TestCluster } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgEmbeddedPort: number;
  }
}

let cluster: TestCluster | undefined;

export async function setup(project: TestProject) {
  const port = Number(process.env.TEST_PG_PORT ?? 54330);
  cluster = await startTestCluster({ port, dataDirName: 'test-postgres' });
  // A killed earlier run may have left databases behind: start clean.
  await dropDatabasesLike(cluster.adminUrl, 'bt_it_');
  const template = await createMigratedDatabase(cluster.adminUrl, 'bt_it_template');
  project.provide('pgAdminUrl', cluster.adminUrl);
  project.provide('pgTemplate', template);
  project.provide('pgEmbeddedPort', cluster.embedded ? port : 0);
}

export async function teardown() {
  if (!cluster) return;
  await dropDatabasesLike(cluster.adminUrl, 'bt_it_');
  await cluster.stop();
}
