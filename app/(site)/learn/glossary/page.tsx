// GET /learn/glossary – every term the app uses, each linkable by anchor, with its RFC section
import { GlossaryPage } from '@/components/learn/glossary-page';

export const metadata = { title: 'Glossary' };

export default function Page() {
  return <GlossaryPage />;
}
