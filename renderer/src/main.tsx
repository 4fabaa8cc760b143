import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { ClientProvider } from './api/client-context';
import { App } from './app';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ClientProvider client={createClient()}>
        <App />
      </ClientProvider>
    </StrictMode>,
  );
}
