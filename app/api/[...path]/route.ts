// Any /api/ path no route handles: the JSON 404 error body (never the HTML page), for every method.
import { withApi } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors';

const notFound = withApi({ auth: 'public' }, () => {
  throw new AppError('not_found', 'No API endpoint at this path');
});

export {
  notFound as DELETE,
  notFound as GET,
  notFound as HEAD,
  notFound as OPTIONS,
  notFound as PATCH,
  notFound as POST,
  notFound as PUT,
};
