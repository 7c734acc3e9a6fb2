import '@mantine/core/styles.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { loadConfig } from './lib/config';
import './lib/i18n';

const root = createRoot(document.getElementById('root')!);
loadConfig()
  .catch(() => undefined) // the sign-in page says what is missing
  .finally(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
