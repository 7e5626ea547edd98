// Arranging opportunities for tests with SQL (the staff forms that create them are another part of the site): a
// partner employer and a published cohort or job opening with the given criteria.
import type { TestDatabase } from './test-database.ts';

export interface OpportunitySeed {
  kind?: 'cohort' | 'job';
  slug?: string;
  state?: 'draft' | 'published' | 'closed';
  titleEs?: string;
  titleEn?: string;
  program?: string | null;
  employer?: string | null;
  minEnglishLevel?: string | null;
  municipalities?: string[];
  remote?: boolean;
  interests?: string[];
  minAge?: number | null;
  maxAge?: number | null;
}

export async function insertOpportunity(db: TestDatabase, seed: OpportunitySeed = {}): Promise<string> {
  const kind = seed.kind ?? 'cohort';
  let employerId: string | null = null;
  if (kind === 'job') {
    const name = seed.employer ?? 'Contact Center del Pacífico S.A.S.';
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO partner_organizations (name, kind, receives_as) VALUES ($1, 'employer', 'controller')
       ON CONFLICT (lower(name)) DO UPDATE SET updated_at = now() RETURNING id`,
      [name],
    );
    employerId = row!.id;
  }
  const slug = seed.slug ?? `${kind}-${Math.random().toString(36).slice(2, 10)}`;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO opportunities (slug, kind, state, title_es, title_en, description_es, description_en, program, employer_id, min_english_level,
                                municipalities, remote, interests, min_age, max_age, published_at)
     VALUES ($1, $2::opportunity_kind, $3::opportunity_state, $4, $5, 'Descripción', 'Description', $6, $7, $8::english_level, $9, $10, $11, $12, $13,
             CASE WHEN $3 = 'published' THEN now() END)
     RETURNING id`,
    [
      slug,
      kind,
      seed.state ?? 'published',
      seed.titleEs ?? (kind === 'cohort' ? 'Cohorte de inglés para contact center' : 'Agente bilingüe de servicio al cliente'),
      seed.titleEn ?? (kind === 'cohort' ? 'English for contact centers cohort' : 'Bilingual customer service agent'),
      kind === 'cohort' ? (seed.program === undefined ? 'hello-valle' : seed.program) : null,
      employerId,
      seed.minEnglishLevel ?? null,
      seed.municipalities ?? [],
      seed.remote ?? false,
      seed.interests ?? [],
      seed.minAge ?? null,
      seed.maxAge ?? null,
    ],
  );
  return row!.id;
}
