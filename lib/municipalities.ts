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

/**
 * The order people choose from: Cali first (most candidates live there), then the others in Spanish alphabetical
 * order of the names the list shows (`municipalityLabel`: Buga, not Guadalajara de Buga). Written out, not sorted where the list is shown: in a fresh page the first `localeCompare(…, 'es')`
 * loads ICU's collation data, which took 36–76 ms in Chromium here, in the middle of the sign-up form's start-up.
 * tests/unit/municipalities.test.ts holds it to `Intl.Collator('es')`.
 */
const choiceOrder: readonly MunicipalityCode[] = [
  '76001', // Santiago de Cali
  '76020', // Alcalá
  '76036', // Andalucía
  '76041', // Ansermanuevo
  '76054', // Argelia
  '76100', // Bolívar
  '76109', // Buenaventura
  '76111', // Guadalajara de Buga, listed as Buga
  '76113', // Bugalagrande
  '76122', // Caicedonia
  '76126', // Calima (El Darién)
  '76130', // Candelaria
  '76147', // Cartago
  '76233', // Dagua
  '76243', // El Águila
  '76246', // El Cairo
  '76248', // El Cerrito
  '76250', // El Dovio
  '76275', // Florida
  '76306', // Ginebra
  '76318', // Guacarí
  '76364', // Jamundí
  '76377', // La Cumbre
  '76400', // La Unión
  '76403', // La Victoria
  '76497', // Obando
  '76520', // Palmira
  '76563', // Pradera
  '76606', // Restrepo
  '76616', // Riofrío
  '76622', // Roldanillo
  '76670', // San Pedro
  '76736', // Sevilla
  '76823', // Toro
  '76828', // Trujillo
  '76834', // Tuluá
  '76845', // Ulloa
  '76863', // Versalles
  '76869', // Vijes
  '76890', // Yotoco
  '76892', // Yumbo
  '76895', // Zarzal
];

/** Candidates who live outside the department choose this instead of a DANE code. */
export const outsideValle = 'other';

const byCode = new Map<string, string>(municipalities.map((m) => [m.code, m.name]));

export function isMunicipalityCode(value: string): value is MunicipalityCode {
  return byCode.has(value);
}

export function municipalityName(code: string): string | undefined {
  return byCode.get(code);
}

/**
 * The names people use for the two municipalities whose official names start otherwise: typing "cali" in the
 * form's list must land on Cali, not on Calima (El Darién). The DANE code stays the value stored.
 */
const commonNames: Partial<Record<MunicipalityCode, string>> = { '76001': 'Cali', '76111': 'Buga' };

/** The name a list shows for a municipality: its common name where it has one, else its official name. */
export function municipalityLabel(code: string): string | undefined {
  return commonNames[code as MunicipalityCode] ?? byCode.get(code);
}

/** Every municipality, in the order a form or a filter lists them (see `choiceOrder`), with the name it shows. */
export const municipalityChoices = choiceOrder.map((code) => ({ code, name: byCode.get(code)!, label: municipalityLabel(code)! }));
