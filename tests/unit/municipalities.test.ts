import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMunicipalityCode, municipalities, municipalityChoices, municipalityLabel, municipalityName } from '@/lib/municipalities';

const source = path.resolve(import.meta.dirname, '../../../shared/data/valle-del-cauca-municipalities.csv');

describe('municipalities', () => {
  it('are the 42 of Valle del Cauca, Cali being 76001', () => {
    expect(municipalities).toHaveLength(42);
    expect(municipalityName('76001')).toBe('Santiago de Cali');
    expect(isMunicipalityCode('05001')).toBe(false);
  });

  it.runIf(existsSync(source))("match the agency's CSV exactly", () => {
    const rows = readFileSync(source, 'utf8').trim().split('\n').slice(1).map((line) => {
      const [code, ...name] = line.split(',');
      return { code: code!.trim(), name: name.join(',').trim() };
    });
    expect(municipalities).toEqual(rows);
  });

  it('are offered Cali first, then every other one once, in Spanish alphabetical order of the names shown', () => {
    const [cali, ...others] = municipalities.map((m) => ({ ...m, label: municipalityLabel(m.code)! }));
    const collator = new Intl.Collator('es');
    expect(municipalityChoices).toEqual([cali, ...[...others].sort((a, b) => collator.compare(a.label, b.label))]);
  });

  it('show Cali and Buga by the names people type, keeping their official names and DANE codes', () => {
    const byLabel = new Map(municipalityChoices.map((m) => [m.label, m]));
    expect(byLabel.get('Cali')).toEqual({ code: '76001', name: 'Santiago de Cali', label: 'Cali' });
    expect(byLabel.get('Buga')).toEqual({ code: '76111', name: 'Guadalajara de Buga', label: 'Buga' });
    // A browser's type-ahead picks the first option whose text starts with what was typed.
    expect(municipalityChoices.find((m) => m.label.toLowerCase().startsWith('cali'))?.code).toBe('76001');
    expect(municipalityChoices.find((m) => m.label.toLowerCase().startsWith('buga'))?.code).toBe('76111');
  });
});
