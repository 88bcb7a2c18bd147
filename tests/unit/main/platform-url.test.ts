import { describe, expect, it } from 'vitest';
import { resolvePlatformUrl } from '../../../electron/main/policy/platform-url';

describe('resolvePlatformUrl', () => {
  it('accepts https anywhere and plain http only on loopback', () => {
    expect(resolvePlatformUrl('https://api.example.com/', null)).toBe('https://api.example.com');
    expect(resolvePlatformUrl('http://127.0.0.1:4010', null)).toBe('http://127.0.0.1:4010');
    expect(resolvePlatformUrl('http://localhost:4010/', null)).toBe('http://localhost:4010');
  });

  it.each([
    'http://api.example.com',
    'ftp://127.0.0.1',
    'javascript:alert(1)',
    'https://user:secret@api.example.com',
    'https://api.example.com/?token=x',
    'not a url',
  ])('refuses %s and keeps the default', (configured) => {
    expect(resolvePlatformUrl(configured, 'https://default.example')).toBe('https://default.example');
  });

  it('keeps the default when nothing is configured', () => {
    expect(resolvePlatformUrl(undefined, null)).toBeNull();
    expect(resolvePlatformUrl('', 'https://default.example')).toBe('https://default.example');
  });
});
