export function invalidPathAnswer(
  rawUrl: string | undefined,
): { status: number; headers: Record<string, string>; body: string } | undefined;
export function forbiddenMethodAnswer(
  method: string | undefined,
  rawUrl: string | undefined,
): { status: number; headers: Record<string, string>; body: string } | undefined;
