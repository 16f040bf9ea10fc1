// A real OpenID Connect provider (node-oidc-provider) for the tests: it issues JWT access tokens for
// the audience the matching service expects, to clients by the client credentials grant, and to
// people who sign in at a web client by the authorization code flow with PKCE.
// Usage: node oidc.mjs <provider.json>
//   provider.json: { "clients": [...], "users": [...], "accessTokenSeconds"?: 600 } (or just the clients' array), where a client is
//     { "id", "secret", "role", "municipalities"?, "providers"?, "platform"? }: client credentials, with its role and scope, or
//     { "id", "secret", "redirectUris", "postLogoutRedirectUris", "refreshTokens"?: true }: a web client (authorization code
//       with PKCE, client_secret_post; refresh tokens unless refreshTokens is false)
//   and a user is { "sub", "password", "name", "role", "municipalities"?, "providers"?, "platform"? }.
// People sign in on its own plain form at /interaction/<uid> (fields login and password, the login being the sub); consent is
// implied. Code-flow access tokens carry the user's role and scope; the ID token (scope profile) their name, role and scope.
// It listens on a free loopback port and prints {"issuer": "http://127.0.0.1:<port>"} when ready.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const audience = process.env.OIDC_AUDIENCE ?? 'newcomer-matching';
const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { clients = [], users = [], accessTokenSeconds = 600 } = Array.isArray(config) ? { clients: config } : config;
const clientsById = new Map(clients.map((c) => [c.id, c]));
const usersBySub = new Map(users.map((u) => [u.sub, u]));
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

// The matching service's claims: one role and the scope it applies to.
const scopeClaims = (x) => ({ role: x.role, municipality: x.municipalities ?? [], provider: x.providers ?? [], ...(x.platform ? { platform: x.platform } : {}) });

const registration = (c) => (c.redirectUris
  ? {
    client_id: c.id,
    client_secret: c.secret,
    grant_types: c.refreshTokens === false ? ['authorization_code'] : ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: c.redirectUris,
    post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
    // As ASP.NET Core's OpenIdConnect handler sends it: in the form, not in an Authorization header.
    token_endpoint_auth_method: 'client_secret_post',
  }
  : { client_id: c.id, client_secret: c.secret, grant_types: ['client_credentials'], redirect_uris: [], response_types: [] });

const escape = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const page = (title, body) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1>
${body}
</main></body></html>`;

const loginForm = (uid, login = '', error = '') => page('Sign in', `${error ? `<p role="alert">${escape(error)}</p>\n` : ''}<form method="post" action="/interaction/${escape(uid)}">
  <p><label for="login">Login</label> <input id="login" name="login" autocomplete="username" value="${escape(login)}" required autofocus></p>
  <p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
  <p><button type="submit">Sign in</button></p>
</form>`);

const send = (res, status, html) => {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
};

const formOf = async (req) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
};

// The login interaction: GET shows the form, POST checks the login and password and resumes the authorization.
async function interaction(provider, req, res, uid) {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (err) {
    return send(res, 400, page('Sign in', `<p role="alert">${escape(err.error_description ?? err.message)}</p>`));
  }
  if (details.uid !== uid || details.prompt.name !== 'login') return send(res, 400, page('Sign in', `<p role="alert">Unexpected interaction (${escape(details.prompt.name)})</p>`));
  if (req.method !== 'POST') return send(res, 200, loginForm(uid));
  const form = await formOf(req);
  const login = form.get('login') ?? '';
  const user = usersBySub.get(login);
  if (!user || user.password !== form.get('password')) return send(res, 200, loginForm(uid, login, 'The login or password is wrong.'));
  return provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
}

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: clients.map(registration),
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'test-key' }] },
    // The console asks for "openid profile": the ID token tells it who signed in and with which role and scope.
    claims: { openid: ['sub'], profile: ['name', 'role', 'municipality', 'provider', 'platform'] },
    findAccount: (ctx, sub) => {
      const user = usersBySub.get(sub);
      return user && { accountId: sub, claims: () => ({ sub, name: user.name, ...scopeClaims(user) }) };
    },
    // Consent is implied: the session's grant (or a new one) is given whatever the client asks for, so no consent page.
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
      const grant = (grantId && await oidc.provider.Grant.find(grantId))
        || new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.account.accountId });
      grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
      grant.addOIDCClaims([...oidc.requestParamClaims]);
      for (const [indicator, server] of Object.entries(oidc.resourceServers)) grant.addResourceScope(indicator, server.scope);
      await grant.save();
      return grant;
    },
    pkce: { required: () => true, methods: ['S256'] },
    // Explicit, so that the provider prints no notices; resource servers' tokens live accessTokenSeconds (below).
    ttl: {
      AccessToken: accessTokenSeconds, ClientCredentials: accessTokenSeconds, AuthorizationCode: 60, IdToken: 3600,
      RefreshToken: 86400, Grant: 86400, Session: 86400, Interaction: 3600,
    },
    // Without asking for offline_access (which needs prompt=consent): a web client may renew its access token.
    issueRefreshToken: (ctx, client) => client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Code-flow clients need not send a resource: the authorization and its tokens are for the matching service.
        defaultResource: () => `urn:${audience}`,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'matching', audience, accessTokenFormat: 'jwt', accessTokenTTL: accessTokenSeconds, jwt: { sign: { alg: 'RS256' } },
        }),
      },
      rpInitiatedLogout: {
        enabled: true,
        // Sign-out needs no click: the confirmation form (ending the session at the provider too) submits itself.
        logoutSource: (ctx, form) => {
          ctx.body = page('Sign out', `${form.replace('</form>', '<input type="hidden" name="logout" value="yes"/><button type="submit">Sign out</button></form>')}
<script>document.forms[0].submit()</script>`);
        },
      },
    },
    // A client's tokens carry the claims of its registration; a person's (code flow) those of the user.
    extraTokenClaims: (ctx, token) => {
      const x = token.accountId ? usersBySub.get(token.accountId) : clientsById.get(token.clientId);
      return x?.role ? scopeClaims(x) : {};
    },
  });
  provider.proxy = false;
  const callback = provider.callback();
  server.on('request', (req, res) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url, issuer).pathname)?.[1];
    if (!uid) return callback(req, res);
    return interaction(provider, req, res, uid).catch((err) => send(res, 500, page('Error', `<p role="alert">${escape(err.message)}</p>`)));
  });
  console.log(JSON.stringify({ issuer }));
});
