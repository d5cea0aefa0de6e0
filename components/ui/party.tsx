/**
 * The parties of a flow, each with one colour (app/globals.css `--party-*`, light and dark) that the diagram,
 * the exchange headers and the inspector all use: a learner reads "AS" in the same colour everywhere.
 */
export const PARTIES = ['user', 'browser', 'client', 'as', 'rs', 'attacker'] as const;
export type Party = (typeof PARTIES)[number];

/** Diagram actors and exchange ends by the party they play: the TV is the device flow's client, the phone its browser. */
const PLAYS: Record<string, Party> = {
  user: 'user',
  browser: 'browser',
  phone: 'browser',
  client: 'client',
  tv: 'client',
  device: 'client',
  as: 'as',
  rs: 'rs',
  attacker: 'attacker',
};

/** The party an actor id plays; an unknown id (hostile or new) reads as the browser's neutral grey. */
export function partyOf(actor: string): Party {
  return Object.hasOwn(PLAYS, actor) ? PLAYS[actor] : 'browser';
}

/** The party's colour as a CSS value (for SVG strokes and inline styles). */
export const partyColor = (actor: string) => `var(--party-${partyOf(actor)})`;

/** Written out whole so Tailwind finds them. */
export const PARTY_TEXT: Record<Party, string> = {
  user: 'text-party-user',
  browser: 'text-party-browser',
  client: 'text-party-client',
  as: 'text-party-as',
  rs: 'text-party-rs',
  attacker: 'text-party-attacker',
};

/** Short names, as the exchange headers and the diagram's labels say them. */
const SHORT: Record<string, string> = {
  user: 'User',
  browser: 'Browser',
  phone: 'Phone',
  client: 'Client',
  tv: 'TV',
  device: 'TV',
  as: 'AS',
  rs: 'RS',
  attacker: 'Mallory',
};
const LONG: Record<string, string> = { as: 'authorization server', rs: 'resource server' };

export const shortName = (actor: string) => (Object.hasOwn(SHORT, actor) ? SHORT[actor] : actor);

/** An actor's short name in its party's colour; `title` spells out AS and RS. */
export function PartyName({ actor, className = '' }: { actor: string; className?: string }) {
  const long = Object.hasOwn(LONG, actor) ? LONG[actor] : undefined;
  const cls = `font-semibold no-underline ${PARTY_TEXT[partyOf(actor)]} ${className}`;
  return long ? (
    <abbr title={long} className={cls}>
      {shortName(actor)}
    </abbr>
  ) : (
    <span className={cls}>{shortName(actor)}</span>
  );
}
