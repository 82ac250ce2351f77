/**
 * The window's device service, simulated (`npm run devices:sim`): it answers the local
 * protocol of devices/README.md with fixed demo data, a card of a made-up person and a
 * scanned 居住证明, for the demo and the browser tests. Options (or YC_DEVICES_* variables):
 * `--port N` (default 17890; 0 for a free one), `--no-card` (the reader answers that no card
 * lies on it), `--allow-origin URL[,URL]` (default any: the data is made up). Prints
 * `YC_DEVICES_URL=<url>` once it listens.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.YC_DEVICES_PORT ?? '17890' },
    'no-card': { type: 'boolean', default: process.env.YC_DEVICES_NO_CARD === '1' },
    'allow-origin': { type: 'string', default: process.env.YC_DEVICES_ALLOW_ORIGIN ?? '*' },
  },
});

const image = (name: string) => readFileSync(new URL(`./simulator/${name}`, import.meta.url)).toString('base64');

/** A made-up resident: the ID number is the standard's own example (GB 11643-1999), valid with its check character. */
const CARD = {
  name: '张丽华', sex: '女', nation: '汉', birth: '1949-12-31', address: '北京市朝阳区示例街道示例路1号',
  idNumber: '11010519491231002X', issuingAuthority: '北京市公安局朝阳分局', validFrom: '2015-06-01', validTo: '长期',
  photo: image('id-photo.jpg'),
};
const DOCUMENT = { contentType: 'image/jpeg', image: image('document.jpg'), width: 794, height: 1123 };
const STATUS = {
  service: 'yichuang-devices-simulator', protocol: 1,
  devices: { idCardReader: { connected: true, model: '身份证读卡器（模拟）' }, camera: { connected: true, model: '高拍仪（模拟）' } },
};

const allowed = options['allow-origin']!.split(',').map((o) => o.trim()).filter(Boolean);

/** CORS for the platform's pages (a public or intranet site calling a loopback service: the private-network preflight too). */
function cors(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (origin && !allowed.includes('*') && !allowed.includes(origin)) return false;
  res.setHeader('Access-Control-Allow-Origin', allowed.includes('*') ? '*' : origin ?? '');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
  if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true');
  return true;
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

const routes: Record<string, () => [number, unknown]> = {
  'GET /status': () => [200, STATUS],
  'POST /id-card/read': () => (options['no-card']
    ? [409, { error: { code: 'NO_CARD', message: '读卡器上没有身份证：请将身份证平放在读卡区后重试' } }]
    : [200, CARD]),
  'POST /camera/capture': () => [200, DOCUMENT],
};

const server = createServer((req, res) => {
  if (!cors(req, res)) return send(res, 403, { error: { code: 'ORIGIN_NOT_ALLOWED', message: '此网页不在设备服务允许的来源之列' } });
  if (req.method === 'OPTIONS') return send(res, 204);
  const answer = routes[`${req.method} ${(req.url ?? '').split('?')[0]}`];
  req.resume();
  if (!answer) return send(res, 404, { error: { code: 'NOT_FOUND', message: '设备服务没有这个接口' } });
  const [status, body] = answer();
  send(res, status, body);
});

server.listen(Number(options.port), '127.0.0.1', () => {
  console.log(`YC_DEVICES_URL=http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  if (allowed.includes('*')) console.log('devices simulator: any page may call it (its data is made up); a real service names the platform\'s origin');
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
