import { attackHref, flowStepHref } from '@/lib/learn/links';
import { DecisionGuide } from './live/decision-guide';
import { RequestDemo } from './live/request-demo';
import { StoragePeek } from './live/storage-peek';
import { ValidationDemo } from './live/validation-demo';
import { Cite, Go, LearnSection } from './section';
import { OAuth21Table } from './oauth-2-1-table';

/** Sections 6–10: checking tokens, choosing a grant, storing tokens, APIs. */
export function PracticeSections() {
  return (
    <>
      <LearnSection
        id="validating"
        live={
          <>
            <p className="mb-2 text-sm">
              A genuine access token, then copies that each break one rule, sent to the demo API. Each row shows the check that refused it
              (the RS&apos;s own Flowlab-Checks report).
            </p>
            <ValidationDemo />
            <p className="mt-2 text-sm">
              The checks an RS skips, in the attack lab: <Go href={attackHref('alg-none')}>alg none</Go>,{' '}
              <Go href={attackHref('algorithm-confusion')}>algorithm confusion</Go>, <Go href={attackHref('embedded-jwk')}>embedded jwk</Go>
              , <Go href={attackHref('jku')}>jku</Go>, <Go href={attackHref('kid-traversal')}>kid traversal</Go>,{' '}
              <Go href={attackHref('unverified-signature')}>unverified signature</Go>,{' '}
              <Go href={attackHref('missing-claim-checks')}>missing iss/aud/exp checks</Go>.
            </p>
          </>
        }
      >
        <p>
          An RS checks, in this order, and refuses at the first failure (<Cite doc="RFC 9068" s="4" />, <Cite doc="RFC 8725" s="2" />
          ):
        </p>
        <ul>
          <li>
            <b>alg</b> on its allow-list, never <code>none</code> (<Cite doc="RFC 8725" s="3.1" />
            ). <code>alg</code> is case-sensitive (<Cite doc="RFC 7515" s="4.1.1" />
            ): <code>nOnE</code> is an unknown algorithm, refused too.
          </li>
          <li>
            <b>key</b>: one of the issuer&apos;s own published keys, picked by <code>kid</code>; never a key the token brings along (
            <Cite doc="RFC 8725" s="3.10" />
            ).
          </li>
          <li>
            <b>signature</b> over the header and payload as sent (<Cite doc="RFC 7515" s="5.2" />
            ).
          </li>
          <li>
            <b>typ</b> is <code>at+jwt</code>, so an ID token is not taken for an access token (<Cite doc="RFC 8725" s="3.11" />
            ).
          </li>
          <li>
            <b>iss</b> is the expected issuer and <b>aud</b> names this API (<Cite doc="RFC 8725" s="3.8" />,{' '}
            <Cite doc="RFC 8725" s="3.9" />
            ).
          </li>
          <li>
            <b>exp</b> and <b>nbf</b>: inside its lifetime (<Cite doc="RFC 7519" s="4.1.4" />, <Cite doc="RFC 7519" s="4.1.5" />
            ).
          </li>
          <li>
            <b>scope</b> covers this endpoint, else 403 <code>insufficient_scope</code> (<Cite doc="RFC 6750" s="3.1" />
            ).
          </li>
        </ul>
        <p>
          A change to the header or the payload breaks the signature, so a forged token fails there first. Only the AS can make a token that
          fails iss, aud or exp alone; the attack lab shows what an RS that skips those checks lets through.
        </p>
      </LearnSection>

      <LearnSection id="which-grant" live={<DecisionGuide />}>
        <p>
          Almost always the <b>authorization code grant with PKCE</b>, for every kind of client (<Cite doc="RFC 9700" s="2.1.1" />
          ). Machines without a user use <b>client credentials</b>; devices without a browser use the <b>device grant</b>.
        </p>
        <ul>
          <li>
            <b>Never implicit</b>: it returns the token in the URL fragment, where history, logs and scripts can see it, and nothing binds
            it to the client. RFC 9700 says it SHOULD NOT be used (<Cite doc="RFC 9700" s="2.1.2" />
            ); OAuth 2.1 omits it (<Cite doc="OAuth 2.1" s="10.1" />
            ).
          </li>
          <li>
            <b>Never the password grant</b> (ROPC): the app sees the password, and multi-factor sign-in cannot work. It MUST NOT be used (
            <Cite doc="RFC 9700" s="2.4" />
            ); OAuth 2.1 omits it.
          </li>
        </ul>
      </LearnSection>

      <LearnSection
        id="oauth-2-1"
        live={
          <>
            <p className="mb-2 text-sm">
              An access token in the query string. OAuth 2.1 forbids the method: clients MUST NOT send one there and resource servers MUST
              ignore it (<Cite doc="OAuth 2.1" s="5.1" />
              ); the header and the form body stay (<Cite doc="OAuth 2.1" s="5.1.2" />
              ). This resource server goes further and answers 400, so the mistake shows:
            </p>
            <RequestDemo
              path="/rs/demo/photos?access_token=anything"
              label="Call GET /rs/demo/photos?access_token=…"
              name="Query-string token"
            />
          </>
        }
      >
        <p>
          OAuth 2.1 (
          <a className="text-indigo-800 underline" href="https://datatracker.ietf.org/doc/draft-ietf-oauth-v2-1/">
            draft-ietf-oauth-v2-1
          </a>
          , still a draft) folds RFC 6749, PKCE, bearer token usage and the security best practice into one document. What changes, and
          where to see it:
        </p>
        <OAuth21Table />
      </LearnSection>

      <LearnSection
        id="token-storage"
        live={
          <>
            <StoragePeek />
            <p className="mt-2 text-sm">
              Steal them for real: <Go href={attackHref('token-storage')}>the token storage attack</Go>; and why a stolen DPoP-bound token
              is useless: <Go href={attackHref('stolen-token-dpop')}>stolen token vs DPoP</Go>.
            </p>
          </>
        }
      >
        <p>Script injected into your page (XSS) runs with your page&apos;s rights. What it can do depends on where the tokens are:</p>
        <ul>
          <li>
            <b>Memory</b> (a variable): it cannot read them from another page load, but while your page is open it can call your code, or
            the API, as you do. Lost on reload.
          </li>
          <li>
            <b>localStorage / sessionStorage</b>: it reads every token and sends it anywhere, to be used later from anywhere. localStorage
            also keeps them after the tab closes.
          </li>
          <li>
            <b>HttpOnly cookie</b>: it cannot read the cookie, but it can send requests that carry it; the cookie must be SameSite and the
            endpoints protected against CSRF.
          </li>
          <li>
            <b>Backend-for-frontend</b>: tokens stay on your server; the browser holds only an HttpOnly session cookie. XSS can still act
            through your backend while the page is open, but cannot take the tokens away.
          </li>
        </ul>
        <p>
          DPoP binds a token to a key the browser holds and cannot export, so a copied token is useless without it (
          <Cite doc="RFC 9449" s="1" />
          ).
        </p>
      </LearnSection>

      <LearnSection
        id="api-keys"
        live={
          <>
            <RequestDemo path="/rs/demo/photos" label="Call GET /rs/demo/photos with no token" name="No token" />
            <p className="mt-2 text-sm">
              The 401 names the scheme it wants (<Cite doc="RFC 6750" s="3" />
              ). Get a token as a service would:{' '}
              <Go href={flowStepHref('client-credentials', 'tokenRequest')}>client credentials, step 2</Go>.
            </p>
          </>
        }
      >
        <ul>
          <li>
            <b>API key</b>: one long-lived secret that names the calling app. Simple; no user, no scopes unless you build them, no expiry;
            revoked by rotating it everywhere it was copied.
          </li>
          <li>
            <b>OAuth</b>: short-lived, scoped tokens from an AS, for a user (authorization code) or for the service itself (client
            credentials, <Cite doc="RFC 6749" s="4.4" />
            ). Worth it when users delegate access, or when many services need tokens from one place.
          </li>
          <li>
            <b>Gateway</b>: can validate JWT access tokens at the edge (signature, iss, aud, exp, scope: <Cite doc="RFC 9068" s="4" />) or
            introspect opaque ones (<Cite doc="RFC 7662" s="2.1" />) and reject early. The API behind it still decides what this caller may
            do with this record.
          </li>
        </ul>
      </LearnSection>
    </>
  );
}
