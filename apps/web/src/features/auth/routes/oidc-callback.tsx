import { Alert, Center, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { config } from '../../../lib/config';
import { signIn } from '../../../lib/session';

export function OidcCallbackRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failure, setError] = useState<string>();
  const cfg = config();
  const error = cfg.authMode === 'oidc' ? failure : 'not configured for OIDC';
  useEffect(() => {
    if (cfg.authMode !== 'oidc') return;
    void import('../api/oidc')
      .then(({ completeOidcSignIn }) => completeOidcSignIn(cfg))
      .then(({ accessToken, next }) => {
        signIn(accessToken);
        navigate(next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
      })
      .catch((e: Error) => setError(e.message));
  }, [cfg, navigate]);
  return (
    <Center py="xl" component="main" id="main">
      {error ? (
        <Alert color="red" role="alert" title={t('signIn.failed', { message: error })} />
      ) : (
        <>
          <Loader size="sm" aria-hidden />
          <Text ml="sm">{t('signIn.callback')}</Text>
        </>
      )}
    </Center>
  );
}
