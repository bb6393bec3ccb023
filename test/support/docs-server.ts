/** A local docs site for link checks: 200 for /docs/*, 404 elsewhere; counts requests. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DocsServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}

export async function startDocsServer(): Promise<DocsServer> {
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    state.requests++;
    res.writeHead(req.url?.startsWith('/docs/') ? 200 : 404, { 'content-type': 'text/html' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
