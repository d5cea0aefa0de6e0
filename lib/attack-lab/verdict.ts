/**
 * What the resource server's answer to Mallory's request means, said plainly and only from what
 * the server did: the attack page's Outcome ("Attack succeeded" / "Attack blocked") is this value.
 */
export interface Outcome {
  succeeded: boolean;
  /** What happened, in one or two sentences, with the server's own error when it refused. */
  what: string;
}

export interface RsAnswer {
  status: number;
  body: string;
  /** The `WWW-Authenticate` header of a refusal (RFC 6750 §3). */
  wwwAuthenticate?: string | null;
}

/** `error` and `error_description` of an RFC 6750 §3 challenge, when present. */
export function challengeOf(header: string | null | undefined): { error?: string; description?: string } {
  if (!header) return {};
  const param = (name: string) => new RegExp(`${name}="((?:[^"\\\\]|\\\\.)*)"`).exec(header)?.[1]?.replace(/\\(.)/g, '$1');
  return { error: param('error'), description: param('error_description') };
}

/** The photo owner a `GET /photos` answer names, if it is one. */
export function photoOwner(body: string): string | undefined {
  try {
    const v = JSON.parse(body) as { owner?: unknown };
    return typeof v.owner === 'string' ? v.owner : undefined;
  } catch {
    return undefined;
  }
}

export interface ReplayJudgement {
  /** Whose data Mallory was after (the forged `sub`), e.g. `alice`. */
  victim: string;
  /** Their name in the sentence, e.g. `Alice` (default: the `sub`). */
  victimName?: string;
  /** What Mallory sent, for the sentence: "the forged token (alg none, no signature)". */
  sent: string;
}

/** The resource server's answer to a forged or stolen token: success only when it served the victim's data. */
export function judgeReplay(answer: RsAnswer, j: ReplayJudgement): Outcome {
  const name = j.victimName ?? j.victim;
  if (answer.status === 200) {
    const owner = photoOwner(answer.body);
    if (owner === j.victim)
      return {
        succeeded: true,
        what: `the resource server accepted ${j.sent} and returned ${name}’s photos to Mallory (HTTP 200, "owner": "${owner}").`,
      };
    return {
      succeeded: false,
      what: `the resource server answered HTTP 200 but with the photos of "${owner ?? 'nobody'}", not ${name}’s: Mallory gained nothing.`,
    };
  }
  const { error, description } = challengeOf(answer.wwwAuthenticate);
  // The sentence ends with its own period: a description's is dropped.
  const reason = error ? `${answer.status} ${error}${description ? ` — ${description.replace(/\.$/, '')}` : ''}` : `HTTP ${answer.status}`;
  return { succeeded: false, what: `the resource server refused ${j.sent}: ${reason}.` };
}
