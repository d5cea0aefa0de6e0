export function invalidPathAnswer(
  rawUrl: string | undefined,
): { status: number; headers: Record<string, string>; body: string } | undefined;
