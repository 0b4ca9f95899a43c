/** "Family, Given" as a roster lists people, with the name they prefer to be called. */
export function personName(p: { givenName: string; familyName: string; preferredGivenName: string | null }) {
  const given = p.preferredGivenName && p.preferredGivenName !== p.givenName ? `${p.preferredGivenName} (${p.givenName})` : p.givenName;
  return `${p.familyName}, ${given}`;
}

/** "Given Family" for headings. */
export function personFullName(p: { givenName: string; familyName: string; preferredGivenName: string | null }) {
  return `${p.preferredGivenName ?? p.givenName} ${p.familyName}`;
}
