/** The web app decides what to show from the same names the server's policy uses (the server still enforces). */
export type { Permission } from '../../shared/permissions';
