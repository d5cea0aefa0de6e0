// @vitest-environment jsdom
import { cleanup, render, within } from '@testing-library/react';
import type { AnyStateMachine } from 'xstate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ATTACK_LOADERS } from '@/components/attack-lab/attack-loaders';
import { GlossaryPage } from '@/components/learn/glossary-page';
import { stepsOf } from '@/machines/read-meta';
import { FLOW_LOADERS } from './flow-loaders';
import { StepCard } from './step-card';

// The glossary page's links prefetch through the app router, which a component test does not mount.
vi.mock('next/navigation', () => ({ useRouter: () => ({ prefetch: () => {} }) }));
afterEach(cleanup);

/** Every step of every flow and playable attack: the texts the glossary links are made from. */
let machines: AnyStateMachine[] = [];
let anchors = new Set<string>();

beforeAll(async () => {
  const flows = await Promise.all(Object.values(FLOW_LOADERS).map((load) => load()));
  const attacks = await Promise.all(Object.values(ATTACK_LOADERS).map((load) => load()));
  machines = [...flows, ...attacks].map((d) => d.machine);
  const { container } = render(<GlossaryPage />);
  anchors = new Set([...container.querySelectorAll('dl [id]')].map((e) => e.id));
  cleanup();
}, 90_000);

const glossaryLinks = (root: HTMLElement) => [...root.querySelectorAll<HTMLAnchorElement>('a[href^="/learn/glossary"]')];

describe('step card glossary links', () => {
  it('links the terms of a step to their glossary entries, first use only', () => {
    const machine = machines.find((m) => m.id === 'authorizationCode')!;
    const { container } = render(<StepCard meta={stepsOf(machine).redirectToAs} index={4} total={14} />);
    const card = within(container);
    expect(card.getByRole('link', { name: 'PKCE' }).getAttribute('href')).toBe('/learn/glossary#pkce');
    expect(card.getByRole('link', { name: 'code_challenge' }).getAttribute('href')).toBe('/learn/glossary#code-challenge');
    // "AS" appears four times in the card: one link.
    expect(card.getAllByRole('link', { name: 'AS' })).toHaveLength(1);
    expect(card.getByRole('link', { name: 'PKCE' }).title).toMatch(/^Glossary: PKCE\. Proof Key for Code Exchange/);
  });

  const everyStep =
    'every link of every flow and attack step goes to a glossary entry that exists, at most once per term per card, never inside code';
  it(everyStep, { timeout: 90_000 }, () => {
    const problems: string[] = [];
    let cards = 0;
    let total = 0;
    for (const machine of machines) {
      for (const [step, meta] of Object.entries(stepsOf(machine))) {
        const { container } = render(<StepCard meta={meta} index={1} total={1} />);
        const links = glossaryLinks(container);
        const hrefs = links.map((a) => a.getAttribute('href')!);
        for (const href of hrefs) if (!anchors.has(href.split('#')[1])) problems.push(`${machine.id}.${step}: ${href} has no entry`);
        if (new Set(hrefs).size !== hrefs.length) problems.push(`${machine.id}.${step}: a term is linked twice`);
        if (container.querySelector('code a, a code')) problems.push(`${machine.id}.${step}: a link touches code`);
        // The words are the step's own, links and code included, without the backticks.
        const explanation = container.querySelector('h2 + p')!.textContent;
        if (explanation !== meta.explanation.replace(/`([^`\n]+)`/g, '$1')) problems.push(`${machine.id}.${step}: the explanation changed`);
        cards += 1;
        total += links.length;
        cleanup();
      }
    }
    expect(problems).toEqual([]);
    // The walk saw the steps, and linked something in them (not an empty pass).
    expect(cards).toBeGreaterThan(100);
    expect(total).toBeGreaterThan(cards);
  });
});
