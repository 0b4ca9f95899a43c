import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The link a reset email carries: PUBLIC_URL when set, else the address the request came to. */
export function resetLink(base: string, token: string) {
  return `${base}/reset-password?token=${encodeURIComponent(token)}`;
}

export async function sendPasswordResetEmail(
  app: FastifyInstance,
  req: FastifyRequest,
  reset: { token: string; email: string; expiresAt: Date },
): Promise<void> {
  const base = app.config.publicUrl ?? `${req.protocol}://${req.headers.host}`;
  const link = resetLink(base, reset.token);
  try {
    await app.mailer.send({
      to: reset.email,
      subject: 'Reset your DistrictOps password / Restablecer su contraseña de DistrictOps',
      text:
        `Someone asked to reset the password for ${reset.email}. If it was you, open this link within an hour:\n\n${link}\n\n` +
        `If it was not you, ignore this email: your password stays as it is.\n\n---\n\n` +
        `Alguien pidió restablecer la contraseña de ${reset.email}. Si fue usted, abra este enlace dentro de una hora:\n\n${link}\n\n` +
        `Si no fue usted, ignore este correo: su contraseña no cambia.\n`,
    });
  } catch (err) {
    // The caller gets the same answer either way; the failure is for the operator's log.
    req.log.error({ err }, 'password reset email failed');
  }
}
