import {
  createTheme,
  type CSSVariablesResolver,
  darken,
  defaultVariantColorsResolver,
  MantineProvider,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../lib/api-client';

// WCAG 2.1 AA: text in a colour on its own pale tint (light alerts, light and subtle buttons) is
// below 4.5:1 with Mantine's shades; it is drawn with the colour's darkest shade darkened further.
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  if (!['light', 'subtle', 'outline', 'transparent'].includes(input.variant)) return base;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  const dark = parsed.isThemeColor && parsed.color in input.theme.colors ? input.theme.colors[parsed.color][9] : parsed.value;
  return { ...base, color: darken(dark, 0.3) };
};

const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, defaultRadius: 'sm', variantColorResolver });

// WCAG 2.1 AA (4.5:1 for text): Mantine's light "dimmed" grey of descriptions (3.3:1 on white) and its
// error red (3.6:1) are too pale; these are 7.4:1 and 6.0:1.
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#4f555b', '--mantine-color-error': '#c02626' },
  dark: {},
});

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not get better by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}

export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? newQueryClient());
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={contrast}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
