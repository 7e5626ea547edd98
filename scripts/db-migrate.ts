// `npm run db:migrate [-- status|rollback]`: apply prisma/migrations to DATABASE_URL with dbmate.
import { migrate } from './lib/migrate.ts';

// As the tables' owner: DATABASE_OWNER_URL, or DATABASE_URL when the app and the migrations share a role.
const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_OWNER_URL (or DATABASE_URL) is not set. (`npm start` migrates its embedded database by itself.)');
  process.exit(1);
}
const command = (process.argv[2] ?? 'up') as 'up' | 'status' | 'rollback';
process.stdout.write(await migrate(url, command));
