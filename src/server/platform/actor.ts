import type { Language, Role } from '../../shared/roles';

/** Who is calling: a signed-in account (cookie session) or an integration token. */
export interface Actor {
  kind: 'session' | 'token';
  districtId: string;
  accountId: string | null;
  tokenId: string | null;
  sessionId: string | null;
  csrfToken: string | null;
  personId: string | null;
  label: string;
  displayName: string;
  language: Language;
  roles: Role[];
  /** Schools named by school-scoped grants (principal). */
  schoolIds: string[];
}
