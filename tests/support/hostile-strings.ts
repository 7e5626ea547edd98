// Arbitrary and hostile strings for property-based tests of what people (and robots) can type into the sign-up
// form: control characters, bidi controls, lone surrogates, mixed scripts, markup and SQL, huge values.
import fc from 'fast-check';

/** One megabyte of text: far over any limit, and what a robot posts to see what breaks. */
export const oneMegabyte = 1024 * 1024;

export const hostilePieces = [
  '\u0000',
  '\u0001',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009b',
  '\n',
  '\r\n',
  '\t',
  '\u2028',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2069',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\ufffe',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\u0301',
  '\u0301\u0302\u0303\u0304',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE candidates; --",
  "' OR '1'='1",
  '$1',
  '\\',
  '%00',
  '=HYPERLINK("http://example.com","x")',
  '+1+1',
  '@SUM(A1)',
  '-2+3',
] as const;

const nameParts = [
  'Ana María Pérez',
  'José',
  'Иван Петров',
  'محمد علي',
  'Nguyễn Văn An',
  'Zoë',
  'e\u0301lodie',
  '王芳',
  'Ngũgĩ',
  '👩🏽‍💻',
  "O'Brien",
  'Jean-Luc',
] as const;

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Any text: code points from the whole range, single UTF-16 code units (lone surrogates) and hostile pieces. */
export const hostileText = (maxLength = 40) =>
  fc.string({
    unit: fc.oneof(
      { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
      { arbitrary: codeUnit, weight: 2 },
      { arbitrary: fc.constantFrom(...hostilePieces), weight: 3 },
      { arbitrary: fc.constantFrom(...nameParts, ' ', '  '), weight: 3 },
    ),
    maxLength,
  });

/** Mostly real names in many scripts, with hostile pieces sometimes slipped in: many are accepted. */
export const nameLike = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...nameParts), weight: 4 }, { arbitrary: fc.constantFrom(...hostilePieces), weight: 1 }), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((parts) => fc.constantFrom(parts.join(' '), parts.join(''), `  ${parts.join('\n')}  `));

/** A form field's value: usually hostile text, now and then a megabyte of it. */
export const hostileField = (maxLength = 40) =>
  fc.oneof(
    { arbitrary: hostileText(maxLength), weight: 20 },
    { arbitrary: fc.constantFrom(...hostilePieces).map((piece) => piece.repeat(Math.ceil(oneMegabyte / piece.length))), weight: 1 },
  );
