import { describe, expect, it } from 'vitest';
import { classifyName, describeUncataloguedName } from './claim-names';

describe('names outside the catalogue (RFC 7519 §4.1–4.3)', () => {
  it.each([
    ['claims', 'vot', 'iana'],
    ['claims', 'htm', 'iana'],
    ['claims', 'https://example.com/claims/role', 'public'],
    ['claims', 'urn:example:tenant', 'public'],
    ['claims', 'com.example.tenant', 'public'],
    ['claims', 'tenant', 'private'],
    ['claims', 'user.role', 'private'],
    ['header', 'ppt', 'iana'],
    ['header', 'my-flag', 'private'],
  ] as const)('%s name %j is %s', (kind, name, expected) => {
    expect(classifyName(name, kind)).toBe(expected);
  });

  it('cites the section that defines each kind', () => {
    expect(describeUncataloguedName('tenant', 'claims').spec).toBe('RFC 7519 §4.3');
    expect(describeUncataloguedName('https://x.example/c', 'claims').spec).toBe('RFC 7519 §4.2');
    expect(describeUncataloguedName('vot', 'claims').text).toMatch(/IANA JSON Web Token Claims registry/);
  });
});
