import { Anchor, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * One headline figure with its counting rule in words. With `to`, the figure itself is the link to the
 * companies behind it (its accessible name starts with the visible number, WCAG 2.5.3).
 */
export function Figure({ id, label, value, rule, to, linkLabel, children }: { id: string; label: string; value: string; rule: string; to?: string; linkLabel?: string; children?: ReactNode }) {
  const number = (
    <span data-testid={`figure-${id}`} className="report-figure">
      {value}
    </span>
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`figure-${id}-label`}>
      <Stack gap={4}>
        <Title order={3} size="h5" id={`figure-${id}-label`}>
          {label}
        </Title>
        {to ? (
          <Anchor component={Link} to={to} fz={32} fw={700} lh={1.2}>
            {number}
            {linkLabel && <VisuallyHidden> – {linkLabel}</VisuallyHidden>}
          </Anchor>
        ) : (
          <Text fz={32} fw={700} lh={1.2}>
            {number}
          </Text>
        )}
        {children}
        <Text size="sm" c="dimmed">
          {rule}
        </Text>
      </Stack>
    </Paper>
  );
}
