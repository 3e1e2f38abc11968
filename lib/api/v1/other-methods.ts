// The methods a v1 path does not serve: 405 in the error model with an Allow header (Next's own 405 has no body).
import { AppError } from '@/lib/errors';
import { type ApiRoute, withApi } from '../with-api';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export type MethodNotAllowedRoute = ApiRoute & { methodNotAllowed: true };

/** Handlers for every method but `allowed`: `export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);` */
export function otherMethods<const A extends readonly Method[]>(
  allowed: A,
): Record<Exclude<Method, A[number]>, MethodNotAllowedRoute> {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const route = withApi({ auth: 'public' }, ({ responseHeaders }) => {
    responseHeaders.allow = allow;
    throw new AppError('method_not_allowed', `This path answers ${allowed.join(', ')} only`);
  });
  const marked = Object.assign(route, { methodNotAllowed: true as const });
  return Object.fromEntries(
    METHODS.filter((method) => !allowed.includes(method)).map((method) => [method, marked]),
  ) as Record<Exclude<Method, A[number]>, MethodNotAllowedRoute>;
}
