import { describe, expect, it } from 'vitest';
import { displayPhone } from '@/lib/candidates/phone';
import { exportPhone } from '@/lib/export/phone';

describe('phone numbers shown to staff', () => {
  it('groups a Colombian mobile as it is dialled at home, and shows others in international form', () => {
    expect(displayPhone('+573109876543')).toBe('310 987 6543');
    expect(displayPhone('+14155552671')).toBe('+1 415 555 2671');
    expect(displayPhone('+34612345678')).toBe('+34 612 34 56 78');
    expect(displayPhone('-300')).toBe('-300');
  });
});

describe('phone numbers in exports', () => {
  it('begin with the country code in brackets, which no spreadsheet reads as a formula or a number', () => {
    expect(exportPhone('+573109876543')).toBe('(+57) 310 987 6543');
    expect(exportPhone('+14155552671')).toBe('(+1) 4155552671');
    expect(exportPhone('+442071838750')).toBe('(+44) 2071838750');
    expect(exportPhone('+5730012')).toBe('(+57) 30012');
    for (const phone of ['+573109876543', '+14155552671', '+442071838750']) expect(exportPhone(phone)).toMatch(/^\(\+\d{1,3}\) [\d ]+$/);
  });

  it('leave anything that is not E.164 as it is, for the CSV writer to neutralize', () => {
    expect(exportPhone('-300')).toBe('-300');
    expect(exportPhone('+=1+1')).toBe('+=1+1');
  });
});
