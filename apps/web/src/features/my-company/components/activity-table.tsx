import { Anchor, Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import type { Activity } from '../api/my-company';

/** A company's activities as the reporting service records them (attended or not, counted or not). */
export function ActivityTable({ items, label }: { items: Activity[]; label: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('myCompany.history.day')}</Table.Th>
            <Table.Th scope="col">{t('myCompany.history.activity')}</Table.Th>
            <Table.Th scope="col">{t('myCompany.history.kind')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('myCompany.history.hours')}
            </Table.Th>
            <Table.Th scope="col">{t('myCompany.history.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={`${a.source}-${a.activityId}-${a.recordedFor}`}>
              <Table.Td>{fmt.date(`${a.day}T12:00:00Z`)}</Table.Td>
              <Table.Td>
                {a.source === 'event' ? (
                  <Anchor component={Link} to={`/events/${a.activityId}`}>
                    {a.title ?? t('myCompany.history.untitled')}
                  </Anchor>
                ) : (
                  (a.title ?? t('myCompany.history.untitled'))
                )}
              </Table.Td>
              <Table.Td>{t(`myCompany.history.kinds.${a.kind}`)}</Table.Td>
              <Table.Td ta="right">{a.hours === null ? t('app.none') : fmt.number(a.hours)}</Table.Td>
              <Table.Td>
                {a.cancelled ? t('myCompany.history.cancelled') : a.attended ? t('myCompany.history.attended') : t('myCompany.history.noShow')}{' '}
                <Badge variant="outline" color={a.counted ? 'green.9' : 'gray.8'} ml={4}>
                  {a.counted ? t('myCompany.history.counted') : t('myCompany.history.notCounted')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
