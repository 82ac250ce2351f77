import { createServer } from 'node:net';
import type { Server } from 'node:http';
import type { RequestListener } from 'node:http';
import { createServer as createHttpServer } from 'node:http';

/** Why a port cannot be listened on, in words for whoever started the server (Chinese, then the system's code). Pure. */
export function portProblem(err: NodeJS.ErrnoException, port: number): string {
  switch (err.code) {
    case 'EADDRINUSE':
      return `端口 ${port} 已被占用：另一个程序（也许是另一个正在运行的一窗）在使用它。请先停止那个程序，或换一个端口启动，例如 PORT=${port + 1} npm start。(EADDRINUSE: port ${port} is already in use)`;
    case 'EACCES':
      return `无权使用端口 ${port}：1024 以下的端口需要管理员权限。请换一个端口启动，例如 PORT=3000 npm start。(EACCES: permission denied for port ${port})`;
    case 'EADDRNOTAVAIL':
      return `本机没有可用于监听的地址。(EADDRNOTAVAIL: ${err.message})`;
    default:
      return `无法在端口 ${port} 上监听：${err.message}。(${err.code ?? 'listen failed'})`;
  }
}

/**
 * Listens on `port` (every address, as `app.listen` does) and resolves once it does; rejects
 * with the system's error (EADDRINUSE …) when it cannot, so the caller never says it runs
 * while nothing listens. Not pure: it opens the port.
 */
export function listen(handler: RequestListener, port: number): Promise<Server> {
  const server = createHttpServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * Whether the port can be listened on now: checked before the slow parts of a start (pages,
 * migrations), so a taken port is said within a second. The real listen checks again.
 */
export function probePort(port: number): Promise<void> {
  const probe = createServer();
  return new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
