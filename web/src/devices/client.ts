/**
 * The window's device service (devices/README.md): its status, reading the ID card, taking a
 * picture. Every answer is checked for the fields the page uses; a failure is a DeviceFailure
 * with a sentence for the clerk. Not pure: calls the service.
 */
export interface DeviceStatus {
  idCardReader: { connected: boolean; model?: string };
  camera: { connected: boolean; model?: string };
}

/** A second-generation ID card as the reader gives it. */
export interface IdCard {
  name: string;
  sex: string;
  nation: string;
  birth: string;
  address: string;
  idNumber: string;
  issuingAuthority: string;
  validFrom: string;
  validTo: string;
  /** JPEG, base64. */
  photo: string;
}

export interface CameraPicture {
  contentType: string;
  image: string;
}

export class DeviceFailure extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

const NO_SERVICE = '本机的设备服务没有应答：请确认读卡器和高拍仪的服务程序已启动（也可以手工填写）';

async function call(base: string, method: 'GET' | 'POST', path: string, timeoutMs: number): Promise<unknown> {
  const init: RequestInit = { method, signal: AbortSignal.timeout(timeoutMs), ...(method === 'POST' ? { headers: { 'Content-Type': 'application/json' }, body: '{}' } : {}) };
  const response = await fetch(`${base}${path}`, init).catch(() => undefined);
  if (!response) throw new DeviceFailure(NO_SERVICE, 'UNREACHABLE');
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  if (!response.ok) throw new DeviceFailure(body?.error?.message ?? `设备服务返回错误（代码 ${response.status}）`, body?.error?.code ?? `HTTP_${response.status}`);
  return body;
}

function fields<T>(body: unknown, names: readonly (keyof T)[]): T {
  const record = body as Record<string, unknown> | undefined;
  if (!record || names.some((name) => typeof record[name as string] !== 'string')) throw new DeviceFailure('设备服务的应答不完整，请重试或手工填写', 'BAD_ANSWER');
  return record as T;
}

export async function deviceStatus(base: string): Promise<DeviceStatus> {
  const body = (await call(base, 'GET', '/status', 2000)) as { devices?: Partial<DeviceStatus> };
  return { idCardReader: body.devices?.idCardReader ?? { connected: false }, camera: body.devices?.camera ?? { connected: false } };
}

export async function readIdCard(base: string): Promise<IdCard> {
  return fields<IdCard>(await call(base, 'POST', '/id-card/read', 15_000), ['name', 'sex', 'nation', 'birth', 'address', 'idNumber', 'issuingAuthority', 'validFrom', 'validTo', 'photo']);
}

export async function capturePicture(base: string): Promise<CameraPicture> {
  return fields<CameraPicture>(await call(base, 'POST', '/camera/capture', 15_000), ['contentType', 'image']);
}

/** A picture from the camera as a file the material upload takes. Pure. */
export function pictureFile(picture: CameraPicture, name: string): File {
  const bytes = Uint8Array.from(atob(picture.image), (c) => c.charCodeAt(0));
  return new File([bytes], name, { type: picture.contentType });
}
