// npx vitest bench --run --project unit lib/learn/glossary-links.bench.ts — what linking the glossary costs a step card:
// every step text of every flow and playable attack, linked as the step card does (a figure, never an assertion).
import { bench, describe } from 'vitest';
import { ATTACK_LOADERS } from '@/components/attack-lab/attack-loaders';
import { FLOW_LOADERS } from '@/components/flow-player/flow-loaders';
import { linkedTexts } from '@/components/ui/inline-code';
import { stepsOf } from '@/machines/read-meta';

const machines = [
  ...(await Promise.all(Object.values(FLOW_LOADERS).map((load) => load()))),
  ...(await Promise.all(Object.values(ATTACK_LOADERS).map((load) => load()))),
].map((d) => d.machine);
const cards = machines.flatMap((m) => Object.values(stepsOf(m)).map((s) => [s.explanation, ...s.notice]));

describe(`glossary links over ${cards.length} step cards`, () => {
  bench('link every card once', () => {
    for (const texts of cards) linkedTexts(texts);
  });
});
