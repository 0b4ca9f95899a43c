import type { TFunction } from 'i18next';

/** "Chrome on ChromeOS" from a user-agent string: enough to recognise a device, no library needed for it. */
export function describeDevice(userAgent: string | null, t: TFunction): string {
  if (!userAgent) return t('profile.unknownDevice');
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const os = /CrOS/.test(userAgent)
    ? 'ChromeOS'
    : /Windows/.test(userAgent)
      ? 'Windows'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Android/.test(userAgent)
            ? 'Android'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : null;
  if (browser && os) return t('profile.browserOn', { browser, os });
  return browser ?? os ?? t('profile.unknownDevice');
}
