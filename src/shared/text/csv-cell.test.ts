import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-cell';

describe('csvCell', () => {
  it('defuses every character a spreadsheet starts a formula or a DDE call with, typed by anyone', () => {
    // Tab and carriage return (OWASP's list) and the full-width signs some spreadsheets read as their ASCII twins.
    for (const t of ['=1+1', '+1', '-1+cmd', '@SUM(A1)', '\t=1+1', '\r=1+1', '＝1+1', '＋1', '－1', '＠SUM(A1)']) {
      const cell = csvCell(t);
      expect(cell.replace(/^"/, '').startsWith("'"), JSON.stringify(t)).toBe(true);
    }
  });

  it('leaves figures as figures: a refund of -12.5 stays a number finance can add', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});
