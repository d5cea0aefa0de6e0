/**
 * A static picture of one flow (authorization code + PKCE, RFC 6749 §4.1 and RFC 7636 §4) as a
 * sequence diagram: inline SVG, no script, a few KB. Dashed arrows go through the browser (front
 * channel), solid ones are direct HTTP (back channel), as in the flow player's exchange view.
 */
const LANES = [
  // The parties' colours, as in the flow player's diagram (components/ui/party.tsx).
  { x: 45, label: ['Browser', '(you)'], tone: 'fill-party-browser/10 stroke-party-browser' },
  { x: 135, label: ['Client', '(the app)'], tone: 'fill-party-client/10 stroke-party-client' },
  { x: 225, label: ['Authorization', 'server'], tone: 'fill-party-as/10 stroke-party-as' },
  { x: 315, label: ['Resource', 'server'], tone: 'fill-party-rs/10 stroke-party-rs' },
] as const;

type Lane = 0 | 1 | 2 | 3;
const MESSAGES: { from: Lane; to: Lane; text: string; front?: boolean }[] = [
  { from: 1, to: 0, text: '302 to /authorize · code_challenge', front: true },
  { from: 0, to: 2, text: 'GET /authorize', front: true },
  { from: 2, to: 0, text: 'sign in, consent', front: true },
  { from: 0, to: 1, text: '/callback?code=…&state=…', front: true },
  { from: 1, to: 2, text: 'POST /token · code + code_verifier' },
  { from: 2, to: 1, text: 'access token, ID token' },
  { from: 1, to: 3, text: 'GET /photos · Bearer token' },
  { from: 3, to: 1, text: '200 · the photos' },
];

/** Where a label sits: the fonts a visitor has vary in width (DejaVu Sans is ~25 % wider than Liberation Sans), and a
 * centred label above a short arrow next to the picture's edge runs out of it. Such a label starts (or ends) at the
 * edge's margin and grows inwards; any other label is centred on its arrow. */
const MARGIN = 6;
const WIDTH = 360;
function labelPlace(x1: number, x2: number): { x: number; anchor: 'start' | 'middle' | 'end' } {
  const left = Math.min(x1, x2);
  const right = Math.max(x1, x2);
  if (left === LANES[0].x && right - left < WIDTH / 3) return { x: MARGIN, anchor: 'start' };
  if (right === LANES[LANES.length - 1].x && right - left < WIDTH / 3) return { x: WIDTH - MARGIN, anchor: 'end' };
  return { x: (x1 + x2) / 2, anchor: 'middle' };
}
/** A lane title's widest: the box is 84 wide; a wide font's "Authorization" (93 px at 11 px bold in DejaVu) is fitted. */
const TITLE_FIT = 76;
const TITLE_FIT_FROM = 10;

const TOP = 52;
const STEP = 34;
const HEIGHT = TOP + STEP * MESSAGES.length + 14;

export function FlowPicture() {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="flow-picture-title"
        className="h-auto w-full font-sans"
        fontSize="11"
      >
        <title id="flow-picture-title">
          Authorization code with PKCE: the client sends the browser to the authorization server with a code challenge; you sign in and
          consent; the browser brings a code back; the client redeems it with the code verifier for tokens, and calls the resource server
          with the access token.
        </title>
        <defs>
          <marker id="flow-picture-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0 8 4 0 8z" className="fill-slate-700" />
          </marker>
        </defs>
        {LANES.map((l) => (
          <g key={l.x}>
            <line x1={l.x} x2={l.x} y1={38} y2={HEIGHT - 4} className="stroke-slate-300" strokeWidth="1.5" />
            <rect x={l.x - 42} y={4} width={84} height={34} rx={6} className={l.tone} strokeWidth="1.5" />
            <text
              x={l.x}
              y={18}
              textAnchor="middle"
              className="fill-slate-900"
              fontWeight="600"
              {...(l.label[0].length >= TITLE_FIT_FROM ? { textLength: TITLE_FIT, lengthAdjust: 'spacingAndGlyphs' } : {})}
            >
              {l.label[0]}
            </text>
            <text x={l.x} y={31} textAnchor="middle" className="fill-slate-700" fontSize="10">
              {l.label[1]}
            </text>
          </g>
        ))}
        {MESSAGES.map((m, i) => {
          const y = TOP + STEP * (i + 1);
          const x1 = LANES[m.from].x;
          const x2 = LANES[m.to].x;
          const dir = Math.sign(x2 - x1);
          const label = labelPlace(x1, x2);
          return (
            <g key={i}>
              <line
                x1={x1 + dir * 3}
                x2={x2 - dir * 4}
                y1={y}
                y2={y}
                className="stroke-slate-700"
                strokeWidth="1.5"
                strokeDasharray={m.front ? '5 3' : undefined}
                markerEnd="url(#flow-picture-arrow)"
              />
              <text x={label.x} y={y - 6} textAnchor={label.anchor} className="fill-slate-900">
                {m.text}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 text-sm text-slate-700">
        One flow the player runs for real: authorization code with PKCE (RFC 6749 §4.1, RFC 7636 §4). Dashed: through your browser (front
        channel). Solid: direct HTTP (back channel).
      </figcaption>
    </figure>
  );
}
