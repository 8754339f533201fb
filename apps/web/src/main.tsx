import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { initI18n } from '@simashe/web-i18n';
import '@simashe/web-ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: true, retry: (count, error) => count < 2 && !('status' in error && Number(error.status) < 500) },
  },
});

// The interface's words (this device's language) before anything is drawn; then the app.
void initI18n().then((i18n) =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </I18nextProvider>
    </StrictMode>,
  ),
);
