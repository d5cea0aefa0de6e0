// GET /learn – the primer: JWT vs OAuth vs OIDC, tokens, validation, grants, OAuth 2.1, storage; each with a live demo
import { LearnPage } from '@/components/learn/learn-page';

export const metadata = { title: 'Learn' };

export default function Page() {
  return <LearnPage />;
}
