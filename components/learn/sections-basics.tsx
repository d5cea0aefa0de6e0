import jwtio from '@/lib/jwt/fixtures/jwtio-default-tokens.json';
import { attackHref, flowStepHref } from '@/lib/learn/links';
import { AUTH_CODE_STEPS } from '@/machines/authorization-code.steps';
import { ClientCredentialsDemo } from './live/client-credentials-demo';
import { DecodeAny } from './live/decode-any';
import { IdTokenToRs } from './live/id-token-to-rs';
import { RevocationDemo } from './live/revocation-demo';
import { RolesDiagram } from './live/roles-diagram';
import { Cite, Go, LearnSection } from './section';

const ALL_AUTH_CODE_EDGES = [...new Set(Object.values(AUTH_CODE_STEPS).flatMap((s) => s.edges))];

/** Sections 1–5: what the words mean and what the tokens are. */
export function BasicsSections() {
  return (
    <>
      <LearnSection
        id="jwt-oauth-oidc"
        live={
          <>
            <p className="mb-2 text-sm">
              Ask the demo authorization server for a token with plain OAuth (the client credentials grant). The answer holds an access
              token and nothing about any user.
            </p>
            <ClientCredentialsDemo name="OAuth token" label="Get an access token with plain OAuth" />
            <p className="mt-3 text-sm">
              Then see OpenID Connect add the ID token:{' '}
              <Go href={flowStepHref('authorization-code', 'discover')}>run the authorization-code flow from step 1</Go>.
            </p>
          </>
        }
      >
        <ul>
          <li>
            <b>JWT</b> is a <em>format</em>: a compact, URL-safe string that carries claims as JSON, signed or encrypted (
            <Cite doc="RFC 7519" s="1" />
            ). It has no servers and no flows.
          </li>
          <li>
            <b>OAuth 2.0</b> is an <em>authorization framework</em>: how an app gets an access token to call an API, on a user&apos;s behalf
            or its own, without the user&apos;s password (<Cite doc="RFC 6749" s="1" />
            ). It does not say what an access token looks like: a JWT (<Cite doc="RFC 9068" s="2.2" />) or a random string.
          </li>
          <li>
            <b>OpenID Connect</b> is the <em>identity layer</em> on top of OAuth 2.0 (<Cite doc="OIDC Core" s="1" />
            ): it adds the ID token, always a JWT, which tells the app who signed in, when, and for which app.
          </li>
        </ul>
        <p>
          <b>Is OAuth an authentication protocol?</b> No. An access token says &quot;the bearer may call this API&quot;, not &quot;this user
          is here&quot;: the app is not its audience, it may be opaque, and it may have been issued to another app and replayed. Signing
          users in on an access token alone is how those mistakes happen; OpenID Connect fixes it with an ID token whose <code>aud</code> is
          the app and whose <code>nonce</code> ties it to this sign-in (<Cite doc="OIDC Core" s="3.1.3.7" />
          ).
        </p>
      </LearnSection>

      <LearnSection
        id="roles"
        live={
          <>
            <RolesDiagram edges={ALL_AUTH_CODE_EDGES} />
            <p className="mt-2 text-sm">
              The same diagram as the flows, with every exchange of the authorization-code flow drawn. Watch it light up step by step:{' '}
              <Go href={flowStepHref('authorization-code', 'redirectToAs')}>jump to step 4, the browser carrying the request to the AS</Go>.
            </p>
          </>
        }
      >
        <p>
          <Cite doc="RFC 6749" s="1.1" /> names four roles:
        </p>
        <ul>
          <li>
            <b>Resource owner</b>: the user who owns the photos.
          </li>
          <li>
            <b>Client</b>: the app that wants to use them (here, the flow player).
          </li>
          <li>
            <b>Authorization server</b> (AS): signs the user in, asks for consent, issues tokens.
          </li>
          <li>
            <b>Resource server</b> (RS): the API; it accepts or refuses access tokens.
          </li>
        </ul>
        <p>
          The browser (the user agent) carries messages between the client and the AS through redirects: the front channel. The client talks
          to the AS and RS directly: the back channel.
        </p>
      </LearnSection>

      <LearnSection id="tokens" live={<IdTokenToRs />}>
        <ul>
          <li>
            <b>Access token</b>: for the <em>API</em>. The client sends it and should not read it; only the RS interprets it (
            <Cite doc="RFC 6749" s="1.4" />
            ).
          </li>
          <li>
            <b>ID token</b>: for the <em>client</em>. Its <code>aud</code> is the client&apos;s id; it says who signed in (
            <Cite doc="OIDC Core" s="2" />
            ). Never send it to an API as a credential.
          </li>
          <li>
            <b>Refresh token</b>: for the <em>AS</em> only, to get new access tokens; never sent to the RS (<Cite doc="RFC 6749" s="1.5" />
            ).
          </li>
        </ul>
        <p>
          Send an ID token to the API: the RS refuses it with 401 <code>invalid_token</code>, because its <code>typ</code> is not{' '}
          <code>at+jwt</code> and it was not issued for the API (<Cite doc="RFC 9068" s="4" />
          ).
        </p>
      </LearnSection>

      <LearnSection
        id="jwt-anatomy"
        live={
          <>
            <ClientCredentialsDemo name="Access token" label="Fetch a real access token and decode it" />
            <DecodeAny sample={jwtio.vectors.HS256.token} />
            <p className="mt-2 text-sm">
              For signatures, keys and findings, use the <Go href="/jwt">JWT debugger</Go>.
            </p>
          </>
        }
      >
        <p>
          A signed JWT is three base64url parts joined by dots: <code>header.payload.signature</code> (<Cite doc="RFC 7515" s="7.1" />
          ). The header names the algorithm (<code>alg</code>) and key (<code>kid</code>); the payload holds the claims; the signature
          covers the first two parts exactly as sent.
        </p>
        <p>
          <b>Encoded, not encrypted.</b> Anyone who holds a JWS can read its payload. Put nothing secret in it: use JWE (
          <Cite doc="RFC 7516" s="1" />) when the contents must stay confidential, or leave the data out (<Cite doc="RFC 7519" s="12" />
          ). ID tokens carry personal data by design: they are for the client, not for logs or URLs.
        </p>
        <ul>
          <li>
            A JWT access token (<Cite doc="RFC 9068" s="2.2" />) must carry <code>iss exp aud sub client_id iat jti</code>, with{' '}
            <code>typ: at+jwt</code> in the header (<Cite doc="RFC 9068" s="2.1" />
            ).
          </li>
          <li>
            An ID token (<Cite doc="OIDC Core" s="2" />) must carry <code>iss sub aud exp iat</code>; <code>nonce</code> when the request
            sent one, <code>auth_time</code> when <code>max_age</code> was asked. In the code flow <code>at_hash</code> is optional (
            <Cite doc="OIDC Core" s="3.1.3.6" />
            ).
          </li>
        </ul>
      </LearnSection>

      <LearnSection
        id="jwt-vs-opaque"
        live={
          <>
            <RevocationDemo />
            <p className="mt-2 text-sm">
              What a resource server that skips the check lets through: <Go href={attackHref('revocation')}>the revocation attack</Go>.
            </p>
          </>
        }
      >
        <ul>
          <li>
            <b>JWT</b>: the RS verifies it alone, with the AS&apos;s public keys (<Cite doc="RFC 9068" s="4" />
            ). No call per request, but revoking it at the AS changes nothing in the token: an RS that only checks the JWT accepts it until{' '}
            <code>exp</code>. Hence short lifetimes (10 minutes here).
          </li>
          <li>
            <b>Opaque</b>: a random string meaning nothing by itself. The RS asks the AS (introspection, <Cite doc="RFC 7662" s="2.1" />
            ), which needs the caller to be authorized: by client authentication or a bearer token of its own. A token that is not live gets
            just <code>{'{"active": false}'}</code> (<Cite doc="RFC 7662" s="2.2" />
            ).
          </li>
          <li>
            Revocation (<Cite doc="RFC 7009" s="2.1" />) answers 200 even for a token the AS never issued (<Cite doc="RFC 7009" s="2.2" />
            ), so it reveals nothing.
          </li>
        </ul>
        <p>
          JWTs fit many APIs at scale with short lifetimes; opaque tokens fit when revocation must bite at once or the token&apos;s contents
          must stay private. This app&apos;s RS also looks up each JWT&apos;s grant at the AS, so both are refused right after revocation.
        </p>
      </LearnSection>
    </>
  );
}
