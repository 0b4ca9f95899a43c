import './zod-config';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { publicPagePaths } from '../shared/page-preloads';
import { i18nReady } from './i18n/i18n';
import { App } from './app/App';
import { watchFirstPaint } from './app/first-paint';
import { queryClient } from './app/queryClient';
import { router } from './app/router';
import { meQuery } from './auth/me';

// Who is signed in, asked at once (the server named it in its answer, for preloading), not once
// the strings have loaded. Not a route loader: a loader makes every change of the URL's query
// (the board's filters) wait for it, and filters changed in quick succession then lose one another.
if (!publicPagePaths.includes(window.location.pathname)) void queryClient.prefetchQuery(meQuery);

// The page the server drew first stays until the app shows it too, or shows something else.
watchFirstPaint((listener) => {
  listener(router.state.location.pathname);
  router.subscribe((state) => listener(state.location.pathname));
});

const root = createRoot(document.getElementById('root')!);
// If the strings cannot be fetched (offline), English is the fallback i18next already tried; render anyway.
void i18nReady.finally(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
