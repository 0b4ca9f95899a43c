import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/** Security headers on every response (CSP, frame-ancestors, nosniff, referrer policy). */
export const securityHeadersPlugin = fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"], // Mantine sets style attributes at run time
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      strictTransportSecurity: false, // set by the TLS-terminating proxy, which knows whether HTTPS is in use
      crossOriginEmbedderPolicy: false,
    });
  },
  { name: 'security-headers' },
);
