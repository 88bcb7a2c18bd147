import { describe, expect, it } from 'vitest';
import { levelOf } from '../../../renderer/src/features/community/map-shading';
import { differsFromLocalZone, formatEventRange, formatEventZoneRange } from '../../../renderer/src/features/community/event-time';

describe('professions map shading', () => {
  it('leaves countries without members blank and gives the largest count the darkest step', () => {
    expect(levelOf(0, 10)).toBe(0);
    expect(levelOf(1, 10)).toBe(1);
    expect(levelOf(5, 10)).toBe(3);
    expect(levelOf(10, 10)).toBe(5);
    expect(levelOf(3, 0)).toBe(0);
  });
});

describe('event times', () => {
  const start = '2026-12-01T17:00:00.000Z';
  const end = '2026-12-01T20:00:00.000Z';

  it('says a range in the viewer locale and, when asked, in the place’s zone', () => {
    expect(formatEventRange(start, end, 'en', 'Europe/Rome')).toMatch(/Tuesday, December 1, 2026.*6:00.*9:00\s?PM/);
    expect(formatEventZoneRange(start, end, 'de', 'Europe/Berlin')).toMatch(/18:00\s?–\s?21:00.*MEZ/);
  });

  it('tells whether the place’s clock differs from the viewer’s', () => {
    const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(differsFromLocalZone(start, viewerZone)).toBe(false);
    expect(differsFromLocalZone(start, viewerZone === 'Pacific/Kiritimati' ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati')).toBe(true);
  });

  it('falls back to the viewer’s zone for a zone it does not know', () => {
    expect(() => formatEventZoneRange(start, end, 'it', 'Mars/Olympus_Mons')).not.toThrow();
  });
});
