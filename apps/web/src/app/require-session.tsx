import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { sessionEndedByChoice, useSession } from '../lib/session';

/** Sends a visitor without a session to the sign-in, remembering where they were going. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    if (sessionEndedByChoice()) return <Navigate to="/sign-in" replace />;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return children;
}
