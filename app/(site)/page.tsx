import Link from 'next/link';

const SURFACES = [
  { href: '/flows', title: 'Flows', text: 'Play every modern OAuth grant step by step against a real authorization server, with every request, response and token on screen.' },
  { href: '/jwt', title: 'JWT debugger', text: 'Decode, verify and sign JSON Web Tokens in your browser. Nothing you paste leaves the page.' },
  { href: '/attacks', title: 'Attack lab', text: 'Run the classic JWT and OAuth attacks against a deliberately weakened server, then watch the hardened one refuse them.' },
];

export default function HomePage() {
  return (
    <>
      <h1 className="text-3xl font-bold">Learn OAuth 2, OpenID Connect and JWT by running them</h1>
      <p className="mt-3 max-w-3xl text-slate-700">
        Flowlab embeds a spec-strict authorization server and resource server. Nothing is simulated: what you see here is
        what your browser&apos;s network tab and <code>curl</code> see.
      </p>
      <ul className="mt-8 grid gap-4 md:grid-cols-3">
        {SURFACES.map((s) => (
          <li key={s.href} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-xl font-semibold">
              <Link href={s.href} className="text-indigo-700 hover:underline">
                {s.title}
              </Link>
            </h2>
            <p className="mt-2 text-sm text-slate-700">{s.text}</p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="servers" className="mt-10">
        <h2 id="servers" className="text-xl font-semibold">
          The embedded servers
        </h2>
        <p className="mt-2 text-sm text-slate-700">
          Point any OAuth client at the <code>demo</code> realm: discovery is at{' '}
          <a className="text-indigo-700 underline" href="/as/demo/.well-known/openid-configuration">
            /as/demo/.well-known/openid-configuration
          </a>
          .
        </p>
      </section>
    </>
  );
}
