// Child process of scripts/bench/servers.mjs: panva's oidc-provider configured like Flowlab's
// `demo` realm for the client_credentials grant (client `service`/`service-secret`, ES256 JWT
// access tokens per RFC 9068 for the resource `{origin}/rs/demo`), plus a tiny node:http
// resource server that validates those JWTs locally with jose — the same work Flowlab's RS does
// (RFC 9068 §4), rather than introspection, which would add an HTTP hop Flowlab does not make.
// Usage: node oidc-provider.mjs <as-port> <rs-port>
import { createServer } from 'node:http';
import Provider from 'oidc-provider';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify } from 'jose';

const asPort = Number(process.argv[2] || 3292);
const rsPort = Number(process.argv[3] || 3293);
const issuer = `http://127.0.0.1:${asPort}`;
const resource = `http://127.0.0.1:${rsPort}/rs/demo`;

const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
const privateJwk = { ...(await exportJWK(privateKey)), kid: 'bench-es256', alg: 'ES256', use: 'sig' };
const publicJwk = { ...(await exportJWK(publicKey)), kid: 'bench-es256', alg: 'ES256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'service',
      client_secret: 'service-secret',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256', // the only key is ES256
    },
  ],
  jwks: { keys: [privateJwk] },
  scopes: ['photos:read', 'photos:write'],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, indicator) => {
        if (indicator !== resource) throw new Provider.errors.InvalidTarget();
        return {
          scope: 'photos:read photos:write',
          audience: resource,
          accessTokenTTL: 600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        };
      },
    },
  },
});
const asServer = provider.listen(asPort, '127.0.0.1');
asServer.keepAliveTimeout = 30_000;

const jwks = createLocalJWKSet({ keys: [publicJwk] });
const rsServer = createServer(async (req, res) => {
  const send = (status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  };
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(req.headers.authorization ?? '');
  if (!match) return send(401, {}, { 'www-authenticate': 'Bearer realm="rs"' });
  try {
    const { payload } = await jwtVerify(match[1], jwks, {
      algorithms: ['ES256'],
      typ: 'at+jwt',
      issuer,
      audience: resource,
      clockTolerance: 30,
    });
    if (
      !String(payload.scope ?? '')
        .split(' ')
        .includes('photos:read')
    )
      return send(403, { error: 'insufficient_scope' });
    send(200, { owner: payload.sub, photos: [{ id: 'sample-1', title: 'Sunrise over the bay' }] });
  } catch {
    send(401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer realm="rs", error="invalid_token"' });
  }
});
rsServer.keepAliveTimeout = 30_000;
rsServer.listen(rsPort, '127.0.0.1', () => console.log(`oidc-provider on ${issuer}, its RS on 127.0.0.1:${rsPort}`));
process.on('SIGTERM', () => {
  asServer.close();
  rsServer.close(() => process.exit(0));
});
