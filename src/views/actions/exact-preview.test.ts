import { describe, expect, it } from 'vitest';
import { exactPreview, toScenarioText } from './exact-preview.ts';

describe('what a typed value becomes', () => {
  it('a bare number is ETH in an amount field and percent in a fraction field; units stay as typed', () => {
    expect(toScenarioText('amount', '40')).toBe('40 ETH');
    expect(toScenarioText('amount', ' 0.5 ')).toBe('0.5 ETH');
    expect(toScenarioText('amount', '1000 gwei')).toBe('1000 gwei');
    expect(toScenarioText('amount', '123 wei')).toBe('123 wei');
    expect(toScenarioText('signedAmount', '-1.5')).toBe('-1.5 ETH');
    expect(toScenarioText('signedAmount', '+2')).toBe('+2 ETH');
    expect(toScenarioText('wad', '50')).toBe('50%');
    expect(toScenarioText('wad', '12.5%')).toBe('12.5%');
    expect(toScenarioText('wad', '500000000000000000 WAD')).toBe('500000000000000000');
    expect(toScenarioText('blocks', '72')).toBe('72');
  });

  it('previews the exact integer the chain receives', () => {
    expect(exactPreview('amount', '40')).toEqual({ ok: true, text: '= 40000000000000000000 wei (40 ETH)' });
    expect(exactPreview('amount', '1000 gwei')).toEqual({
      ok: true,
      text: '= 1000000000000 wei (0.000001 ETH)',
    });
    expect(exactPreview('signedAmount', '-1.5')).toEqual({
      ok: true,
      text: '= -1500000000000000000 wei (-1.5 ETH)',
    });
    expect(exactPreview('wad', '50%')).toEqual({ ok: true, text: '= 500000000000000000 WAD (50%)' });
    expect(exactPreview('wad', '12.5')).toEqual({ ok: true, text: '= 125000000000000000 WAD (12.5%)' });
    expect(exactPreview('wad', '1 WAD')).toEqual({ ok: true, text: '= 1 WAD (0.0000000000000001%)' });
    expect(exactPreview('blocks', '72', '3600')).toEqual({ ok: true, text: '= 72 blocks, 3 d real time' });
    expect(exactPreview('blocks', '1')).toEqual({ ok: true, text: '= 1 block' });
    expect(exactPreview('seconds', '5400')).toEqual({ ok: true, text: '= 5400 s (1 h 30 min)' });
  });

  it('names what is wrong and the forms a form accepts', () => {
    const error = (kind: Parameters<typeof exactPreview>[0], text: string) => {
      const p = exactPreview(kind, text);
      return p && !p.ok ? p.error : `no error: ${JSON.stringify(p)}`;
    };
    expect(error('amount', '5 ether')).toBe(
      '"5 ether" has the unknown unit "ether"; use ETH, gwei or wei; accepted: ' +
        'ETH: 40 (a bare number means ETH here), "0.5 ETH", "1000 gwei" or "123 wei"',
    );
    expect(error('amount', '-5')).toContain('"-5" has a sign, but this amount cannot be negative');
    expect(error('amount', '1.5 wei')).toContain('has 1 decimals, more than wei allows (0)');
    expect(error('wad', '150%')).toMatch(/^"150%" is more than 100%; accepted: A percentage/);
    expect(error('blocks', '1.5')).toContain('"1.5" is not a valid block count; accepted: A whole number');
  });

  it('previews nothing for an empty field or a field that is not a quantity', () => {
    expect(exactPreview('amount', '  ')).toBeNull();
    expect(exactPreview('text', '40')).toBeNull();
  });
});
