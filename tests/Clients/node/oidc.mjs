// A real OpenID Connect provider (node-oidc-provider) for the tests: it issues JWT access tokens
// to clients by the client credentials grant, for the audience the matching service expects.
// Usage: node oidc.mjs <clients.json>
//   clients.json: [{ "id", "secret", "role", "municipalities"?, "providers"?, "platform"? }]
// It listens on a free loopback port and prints {"issuer": "http://127.0.0.1:<port>"} when ready.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const audience = process.env.OIDC_AUDIENCE ?? 'newcomer-matching';
const clients = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(clients.map((c) => [c.id, c]));
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.id, client_secret: c.secret, grant_types: ['client_credentials'], redirect_uris: [], response_types: [],
    })),
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'test-key' }] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => `urn:${audience}`,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'matching', audience, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    // The matching service's claims: role and its scope, from this client's registration.
    extraTokenClaims: (ctx, token) => {
      const c = byId.get(token.clientId);
      return c ? { role: c.role, municipality: c.municipalities ?? [], provider: c.providers ?? [], ...(c.platform ? { platform: c.platform } : {}) } : {};
    },
  });
  provider.proxy = false;
  server.on('request', provider.callback());
  console.log(JSON.stringify({ issuer }));
});
