import { describe, expect, it } from 'vitest';
import { runToHar } from './har';
import { AUTH_CODE_RUN } from './run-fixture';

/**
 * The required fields of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), with their types: the
 * fields the spec does not mark "optional". A documented check, since no HAR schema package is a dependency.
 */
const REQUIRED: Record<string, Record<string, 'string' | 'number' | 'object' | 'array'>> = {
  log: { version: 'string', creator: 'object', entries: 'array' },
  creator: { name: 'string', version: 'string' },
  page: { startedDateTime: 'string', id: 'string', title: 'string', pageTimings: 'object' },
  entry: { startedDateTime: 'string', time: 'number', request: 'object', response: 'object', cache: 'object', timings: 'object' },
  request: {
    method: 'string',
    url: 'string',
    httpVersion: 'string',
    cookies: 'array',
    headers: 'array',
    queryString: 'array',
    headersSize: 'number',
    bodySize: 'number',
  },
  response: {
    status: 'number',
    statusText: 'string',
    httpVersion: 'string',
    cookies: 'array',
    headers: 'array',
    content: 'object',
    redirectURL: 'string',
    headersSize: 'number',
    bodySize: 'number',
  },
  content: { size: 'number', mimeType: 'string' },
  timings: { send: 'number', wait: 'number', receive: 'number' },
  postData: { mimeType: 'string' },
  nameValue: { name: 'string', value: 'string' },
};

function problems(kind: keyof typeof REQUIRED, value: unknown, where: string): string[] {
  if (typeof value !== 'object' || value === null) return [`${where}: not an object`];
  const v = value as Record<string, unknown>;
  return Object.entries(REQUIRED[kind]).flatMap(([field, type]) => {
    const got = v[field];
    const ok =
      type === 'array'
        ? Array.isArray(got)
        : type === 'object'
          ? typeof got === 'object' && got !== null && !Array.isArray(got)
          : typeof got === type;
    return ok ? [] : [`${where}.${field}: expected ${type}`];
  });
}

/** Every required field of a HAR log, and the value rules the spec states (ISO 8601 times, non-negative timings). */
function validateHar(har: unknown): string[] {
  const log = (har as { log?: Record<string, unknown> }).log;
  const out = problems('log', log, 'log');
  if (out.length) return out;
  const l = log as { version: string; creator: unknown; pages?: unknown[]; entries: Array<Record<string, unknown>> };
  if (l.version !== '1.2') out.push('log.version: not 1.2');
  out.push(...problems('creator', l.creator, 'log.creator'));
  (l.pages ?? []).forEach((p, i) => out.push(...problems('page', p, `log.pages[${i}]`)));
  l.entries.forEach((e, i) => {
    const at = `log.entries[${i}]`;
    out.push(...problems('entry', e, at));
    const req = e.request as Record<string, unknown>;
    const res = e.response as Record<string, unknown>;
    out.push(...problems('request', req, `${at}.request`), ...problems('response', res, `${at}.response`));
    out.push(...problems('content', res.content, `${at}.response.content`), ...problems('timings', e.timings, `${at}.timings`));
    if (req.postData !== undefined) out.push(...problems('postData', req.postData, `${at}.request.postData`));
    for (const list of ['headers', 'cookies', 'queryString'] as const)
      (req[list] as unknown[]).forEach((h, j) => out.push(...problems('nameValue', h, `${at}.request.${list}[${j}]`)));
    (res.headers as unknown[]).forEach((h, j) => out.push(...problems('nameValue', h, `${at}.response.headers[${j}]`)));
    if (Number.isNaN(Date.parse(String(e.startedDateTime))) || !/^\d{4}-\d\d-\d\dT/.test(String(e.startedDateTime)))
      out.push(`${at}.startedDateTime: not ISO 8601`);
    const t = e.timings as Record<string, number>;
    if ([t.send, t.wait, t.receive].some((x) => x < 0)) out.push(`${at}.timings: negative`);
    if (e.time !== t.send + t.wait + t.receive) out.push(`${at}.time: not the sum of the timings`);
    for (const k of Object.keys(e))
      if (
        ![
          'pageref',
          'startedDateTime',
          'time',
          'request',
          'response',
          'cache',
          'timings',
          'serverIPAddress',
          'connection',
          'comment',
        ].includes(k) &&
        !k.startsWith('_')
      )
        out.push(`${at}.${k}: not a HAR field (custom ones start with _)`);
  });
  return out;
}

const AT = new Date('2026-12-01T22:00:00.000Z');

describe('runToHar', () => {
  it('validates against the HAR 1.2 required fields, one entry per recorded exchange', () => {
    const har = runToHar(AUTH_CODE_RUN, AT, '0.1.0');
    expect(validateHar(har)).toEqual([]);
    expect(har.log.entries).toHaveLength(AUTH_CODE_RUN.exchanges.length);
    expect(har.log.entries.map((e) => e.request.url)).toEqual(AUTH_CODE_RUN.exchanges.map((e) => e.request.url));
  });

  it('the checker catches a broken file: it is a real check', () => {
    const har = runToHar(AUTH_CODE_RUN, AT, '0.1.0') as unknown as { log: { entries: Array<Record<string, unknown>> } };
    delete (har.log.entries[0].request as Record<string, unknown>).httpVersion;
    har.log.entries[1].timings = { send: 0, wait: -1, receive: 0 };
    expect(validateHar(har)).toEqual([
      'log.entries[0].request.httpVersion: expected string',
      'log.entries[1].timings: negative',
      'log.entries[1].time: not the sum of the timings',
    ]);
  });

  it('keeps headers, bodies, status and the duration the player measured', () => {
    const [discovery, , , token] = runToHar(AUTH_CODE_RUN, AT, '0.1.0').log.entries;
    expect(discovery.request.headers).toEqual([{ name: 'accept', value: 'application/json' }]);
    expect(discovery.response).toMatchObject({
      status: 200,
      statusText: 'OK',
      content: { mimeType: 'application/json; charset=utf-8', text: '{"issuer":"http://localhost:3466/as/demo"}', size: 42 },
    });
    expect(discovery.time).toBe(12.4);
    expect(token.request.postData).toEqual({
      mimeType: 'application/x-www-form-urlencoded',
      text: 'grant_type=authorization_code&code=xyz&code_verifier=v',
    });
    expect(token.request.bodySize).toBe(54);
    expect(token._flowlab).toMatchObject({
      step: 'tokenRequest',
      stepNumber: 7,
      stepTitle: 'Redeem the code with the verifier',
      from: 'Client',
      to: 'Authorization Server',
    });
  });

  it('marks a browser navigation as one without a response, and parses its query', () => {
    const authorize = runToHar(AUTH_CODE_RUN, AT, '0.1.0').log.entries[1];
    expect(authorize.response.status).toBe(0);
    expect(authorize.comment).toMatch(/front channel.*No response recorded/);
    expect(authorize.request.queryString).toContainEqual({ name: 'state', value: 's;1' });
    expect(authorize._flowlab).toMatchObject({ channel: 'front', from: 'Browser' });
  });

  it('starts each entry after the previous one ends, from the export’s time, and says the times are not clock times', () => {
    const har = runToHar(AUTH_CODE_RUN, AT, '0.1.0');
    const starts = har.log.entries.map((e) => Date.parse(e.startedDateTime));
    expect(starts[0]).toBe(AT.getTime());
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1]);
    expect(har.log.comment).toMatch(/durations, not clock times/);
    expect(har.log.comment).toMatch(/Nothing is redacted/);
  });

  it('an empty run is a valid HAR with no entries', () => {
    const har = runToHar({ ...AUTH_CODE_RUN, exchanges: [] }, AT, '0.1.0');
    expect(validateHar(har)).toEqual([]);
    expect(har.log.entries).toEqual([]);
  });
});
