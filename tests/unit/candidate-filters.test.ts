import { describe, expect, it } from 'vitest';
import { filtersToQuery, parseCandidateFilters, parseListView, parsePage, viewToParams } from '@/lib/candidates/filters';

describe('candidate filters from the query string', () => {
  it('keeps valid values, several English levels, trims text', () => {
    const params = new URLSearchParams('q=%20Ana%20&englishLevel=B1&englishLevel=C2&municipality=76520&interest=technology&program=hello-valle&from=2026-11-01&to=2026-11-30&consent=active&page=3');
    expect(parseCandidateFilters(params)).toEqual({
      filters: {
        q: 'Ana',
        englishLevel: ['B1', 'C2'],
        municipality: '76520',
        interest: 'technology',
        program: 'hello-valle',
        from: '2026-11-01',
        to: '2026-11-30',
        consent: 'active',
      },
      ignored: [],
    });
  });

  it('drops bad values and names them, keeping the good ones', () => {
    const { filters, ignored } = parseCandidateFilters({
      englishLevel: ['B2', 'Z9'],
      municipality: '99999',
      interest: 'fishing',
      program: 'nope',
      from: '2026-02-30',
      consent: 'maybe',
      q: 'x'.repeat(101),
    });
    expect(filters).toEqual({ englishLevel: ['B2'] });
    expect(ignored).toEqual(['q', 'englishLevel', 'municipality', 'interest', 'program', 'from', 'consent']);
  });

  it('accepts "other" for candidates outside Valle del Cauca, ignores empty fields', () => {
    expect(parseCandidateFilters({ municipality: 'other', q: '  ', interest: '' })).toEqual({ filters: { municipality: 'other' }, ignored: [] });
  });

  it('drops a date range that ends before it starts', () => {
    expect(parseCandidateFilters({ from: '2026-12-01', to: '2026-11-01' })).toEqual({ filters: {}, ignored: ['from', 'to'] });
  });

  it('round-trips through the query string', () => {
    const filters = { q: 'José', englishLevel: ['A2' as const, 'B1' as const], consent: 'revoked' as const };
    const query = filtersToQuery(filters, { page: '2' });
    expect(query).toBe('q=Jos%C3%A9&englishLevel=A2&englishLevel=B1&consent=revoked&page=2');
    expect(parseCandidateFilters(new URLSearchParams(query)).filters).toEqual(filters);
  });

  it('reads a page number, anything odd is page 1', () => {
    expect(parsePage('4')).toBe(4);
    for (const bad of [undefined, '', '0', '-2', '1.5', 'abc', '9999999']) expect(parsePage(bad)).toBe(1);
  });

  it('reads "level at least" and an age range, dropping a range that ends before it starts', () => {
    expect(parseCandidateFilters({ levelMin: 'B2', ageMin: '18', ageMax: '45' })).toEqual({ filters: { levelMin: 'B2', ageMin: 18, ageMax: 45 }, ignored: [] });
    expect(parseCandidateFilters({ ageMin: '50', ageMax: '20' })).toEqual({ filters: {}, ignored: ['ageMin', 'ageMax'] });
    expect(parseCandidateFilters({ ageMin: 'x', levelMin: 'Z1', ageMax: '7' }).ignored).toEqual(['levelMin', 'ageMin', 'ageMax']);
    expect(filtersToQuery({ levelMin: 'B1', ageMax: 45 })).toBe('levelMin=B1&ageMax=45');
  });
});

describe('the list view from the query string', () => {
  it('sorts newest first with the default columns unless told otherwise', () => {
    expect(parseListView({})).toEqual({ sort: 'signedUp', dir: 'desc', columns: ['status'] });
    expect(parseListView({ sort: 'name' })).toEqual({ sort: 'name', dir: 'asc', columns: ['status'] });
    expect(parseListView({ sort: 'salary', dir: 'sideways' })).toEqual({ sort: 'signedUp', dir: 'desc', columns: ['status'] });
  });

  it('takes exactly the columns ticked, none when every box is unticked, in a fixed order', () => {
    expect(parseListView(new URLSearchParams('cols=&cols=programs&cols=age')).columns).toEqual(['age', 'programs']);
    expect(parseListView(new URLSearchParams('cols=')).columns).toEqual([]);
    expect(parseListView({ cols: 'lastContact,bogus,interests' }).columns).toEqual(['interests', 'lastContact']);
  });

  it('keeps a keyset position only when it is a candidate id (no personal data in URLs)', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(parseListView({ after: id }).after).toBe(id);
    expect(parseListView({ before: id.toUpperCase() }).before).toBe(id);
    expect(parseListView({ after: 'ana@example.com' }).after).toBeUndefined();
  });

  it('round-trips through the query string, defaults left out', () => {
    expect(viewToParams({ sort: 'signedUp', dir: 'desc', columns: ['status'] })).toEqual({});
    const view = { sort: 'age' as const, dir: 'desc' as const, columns: ['age' as const, 'lastContact' as const] };
    const params = new URLSearchParams(viewToParams(view));
    expect(parseListView(params)).toEqual(view);
    expect(parseListView(new URLSearchParams(viewToParams({ sort: 'name', dir: 'asc', columns: [] })))).toEqual({ sort: 'name', dir: 'asc', columns: [] });
  });
});
