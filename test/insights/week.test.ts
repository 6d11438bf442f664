import { describe, expect, it } from 'vitest';
import { weekOf } from '../../src/insights/week.js';

describe('the week of an event', () => {
  it('is the Monday of its week, in UTC', () => {
    expect(weekOf(new Date('2026-11-08T23:59:00Z'))).toBe('2026-11-02');
    expect(weekOf(new Date('2026-11-02T00:00:00Z'))).toBe('2026-11-02');
  });
});
