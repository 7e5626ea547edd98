// `npm run db:migrate [-- status|rollback]`: apply prisma/migrations to DATABASE_URL with dbmate.
import { migrate } from './lib/migrate.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (`npm start` migrates its embedded database by itself.)');
  process.exit(1);
}
const command = (process.argv[2] ?? 'up') as 'up' | 'status' | 'rollback';
process.stdout.write(await migrate(url, command));
