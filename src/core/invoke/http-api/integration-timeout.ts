/**
 * The invocation's result, or `'timeout'` once `ms` have passed: API Gateway stops waiting while the function runs
 * on to its own timeout, as in Lambda.
 */
export async function withinIntegrationTimeout<T>(running: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const result = await Promise.race([running, timedOut]).finally(() => clearTimeout(timer));
  if (result === 'timeout') running.catch(() => undefined);
  return result;
}
