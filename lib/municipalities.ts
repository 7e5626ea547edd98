// The 42 municipalities of Valle del Cauca with their DANE (DIVIPOLA) codes, copied from the agency's
// ../shared/data/valle-del-cauca-municipalities.csv (tests/unit/municipalities.test.ts checks the copy).
// Proper names: the same in both languages.
export const municipalities = [
  { code: '76001', name: 'Santiago de Cali' },
  { code: '76020', name: 'Alcalá' },
  { code: '76036', name: 'Andalucía' },
  { code: '76041', name: 'Ansermanuevo' },
  { code: '76054', name: 'Argelia' },
  { code: '76100', name: 'Bolívar' },
  { code: '76109', name: 'Buenaventura' },
  { code: '76111', name: 'Guadalajara de Buga' },
  { code: '76113', name: 'Bugalagrande' },
  { code: '76122', name: 'Caicedonia' },
  { code: '76126', name: 'Calima (El Darién)' },
  { code: '76130', name: 'Candelaria' },
  { code: '76147', name: 'Cartago' },
  { code: '76233', name: 'Dagua' },
  { code: '76243', name: 'El Águila' },
  { code: '76246', name: 'El Cairo' },
  { code: '76248', name: 'El Cerrito' },
  { code: '76250', name: 'El Dovio' },
  { code: '76275', name: 'Florida' },
  { code: '76306', name: 'Ginebra' },
  { code: '76318', name: 'Guacarí' },
  { code: '76364', name: 'Jamundí' },
  { code: '76377', name: 'La Cumbre' },
  { code: '76400', name: 'La Unión' },
  { code: '76403', name: 'La Victoria' },
  { code: '76497', name: 'Obando' },
  { code: '76520', name: 'Palmira' },
  { code: '76563', name: 'Pradera' },
  { code: '76606', name: 'Restrepo' },
  { code: '76616', name: 'Riofrío' },
  { code: '76622', name: 'Roldanillo' },
  { code: '76670', name: 'San Pedro' },
  { code: '76736', name: 'Sevilla' },
  { code: '76823', name: 'Toro' },
  { code: '76828', name: 'Trujillo' },
  { code: '76834', name: 'Tuluá' },
  { code: '76845', name: 'Ulloa' },
  { code: '76863', name: 'Versalles' },
  { code: '76869', name: 'Vijes' },
  { code: '76890', name: 'Yotoco' },
  { code: '76892', name: 'Yumbo' },
  { code: '76895', name: 'Zarzal' },
] as const;

export type MunicipalityCode = (typeof municipalities)[number]['code'];

/** Candidates who live outside the department choose this instead of a DANE code. */
export const outsideValle = 'other';

const byCode = new Map<string, string>(municipalities.map((m) => [m.code, m.name]));

export function isMunicipalityCode(value: string): value is MunicipalityCode {
  return byCode.has(value);
}

export function municipalityName(code: string): string | undefined {
  return byCode.get(code);
}
