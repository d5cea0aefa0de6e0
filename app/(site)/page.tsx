import { IntentLink } from '@/components/ui/intent-link';
import { FlowPicture } from '@/components/ui/flow-picture';

/** Three doors by what a visitor came to do. */
const DOORS = [
  {
    href: '/learn',
    intent: 'Learn how OAuth works',
    cta: 'Start learning',
    text: 'What a grant is for, who the parties are and why each check exists, in order. Then play every grant step by step against the real servers, with each request, response and token on screen.',
    also: { href: '/flows', label: 'Or go straight to the flows' },
  },
  {
    href: '/jwt',
    intent: 'Debug a token',
    cta: 'Open the JWT debugger',
    text: 'Paste a JWT or JWE: header and payload decoded, each claim explained, the signature verified with your key or a JWKS, and security findings. It runs in your browser; the token is never sent anywhere.',
  },
  {
    href: '/attacks',
    intent: 'Run a workshop',
    cta: 'Open the attack lab',
    text: 'alg=none, key confusion, weak secrets, redirect-URI tricks, code interception without PKCE, refresh-token replay: each attack run live against a deliberately weakened server, then refused by the hardened one.',
    also: { href: '/flows', label: 'Flows to present step by step' },
  },
] as const;

export default function HomePage() {
  return (
    <>
      <div className="grid items-center gap-8 lg:grid-cols-[1fr_24rem]">
        <div>
          <h1 className="text-3xl font-bold sm:text-4xl">Learn OAuth 2, OpenID Connect and JWT by running them</h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700">
            Flowlab embeds a spec-strict authorization server and resource server. Nothing is simulated: what you see here is what your
            browser&apos;s network tab and <code className="font-mono">curl</code> see, with the RFC section behind every check.
          </p>
        </div>
        <FlowPicture />
      </div>
      <h2 className="sr-only">What do you want to do?</h2>
      <ul className="mt-10 grid gap-4 md:grid-cols-3">
        {DOORS.map((d) => (
          <li key={d.href} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h3 className="text-xl font-semibold text-slate-900">{d.intent}</h3>
            <p className="mt-2 flex-1 text-sm text-slate-700">{d.text}</p>
            <p className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
              <IntentLink href={d.href} className="rounded bg-indigo-700 px-3 py-1.5 font-semibold text-white hover:bg-indigo-800">
                {d.cta}
              </IntentLink>
              {'also' in d && (
                <IntentLink href={d.also.href} className="text-indigo-800 underline">
                  {d.also.label}
                </IntentLink>
              )}
            </p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="servers" className="mt-10">
        <h2 id="servers" className="text-xl font-semibold">
          The embedded servers
        </h2>
        <p className="mt-2 text-sm text-slate-700">
          Point any OAuth client at the <code className="font-mono">demo</code> realm: discovery is at{' '}
          <a className="break-all text-indigo-800 underline" href="/as/demo/.well-known/openid-configuration">
            /as/demo/.well-known/openid-configuration
          </a>
          .
        </p>
      </section>
    </>
  );
}
