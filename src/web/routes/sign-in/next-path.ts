/** Where to go after signing in: only a path on this site, so a crafted link cannot send someone elsewhere. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/reset-password') || next.startsWith('/forgot-password')) return '/';
  return next;
}
