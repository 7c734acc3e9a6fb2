import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/page-state';
import type { DownloadFormat } from '../api/reports';

const FORMATS: DownloadFormat[] = ['csv', 'xlsx', 'pdf'];

/** CSV, Excel and PDF of one report; `what` names it for screen readers ("the company list"). */
export function DownloadButtons({ what, download }: { what: string; download: (format: DownloadFormat) => Promise<string> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<DownloadFormat>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  const run = async (format: DownloadFormat) => {
    setBusy(format);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await download(format));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div>
      <Group gap="xs" role="group" aria-label={t('reports.downloads.title')}>
        <Text size="sm" fw={500} component="span">
          {t('reports.downloads.title')}:
        </Text>
        {FORMATS.map((format) => (
          <Button
            key={format}
            variant="outline"
            size="xs"
            loading={busy === format}
            disabled={busy !== undefined && busy !== format}
            onClick={() => void run(format)}
            aria-label={t('reports.downloads.label', { what, format: t(`reports.downloads.${format}`) })}
          >
            {t(`reports.downloads.${format}`)}
          </Button>
        ))}
      </Group>
      <Text size="xs" role="status" mt={4}>
        {done ? t('reports.downloads.done', { name: done }) : ''}
      </Text>
      {error !== undefined && <ErrorState error={error} />}
    </div>
  );
}
