import { computed, ref } from 'vue';
import { DeviceFailure, capturePicture, deviceStatus, pictureFile, readIdCard } from './client.js';
import type { DeviceStatus, IdCard } from './client.js';
import { deviceUrlProblem, loadDeviceUrl, saveDeviceUrl } from './settings.js';

/**
 * The window's devices as the intake page uses them: whether the service answers, reading a
 * card, taking a picture, and where the service is. Failures become a sentence in `message`;
 * nothing the clerk typed is touched by a failure.
 */
export function useDevices() {
  const url = ref(loadDeviceUrl());
  const status = ref<DeviceStatus>();
  const state = ref<'checking' | 'ready' | 'absent'>('checking');
  const message = ref('');
  const busy = ref<'' | 'card' | 'camera'>('');

  async function check(): Promise<void> {
    state.value = 'checking';
    try {
      status.value = await deviceStatus(url.value);
      state.value = 'ready';
      message.value = '';
    } catch (err) {
      status.value = undefined;
      state.value = 'absent';
      message.value = err instanceof DeviceFailure ? err.message : String(err);
    }
  }

  /** Runs one device action, turning its failure into the message. */
  async function attempt<T>(kind: 'card' | 'camera', action: () => Promise<T>): Promise<T | undefined> {
    busy.value = kind;
    message.value = '';
    try {
      const result = await action();
      if (state.value !== 'ready') void check();
      return result;
    } catch (err) {
      message.value = err instanceof DeviceFailure ? err.message : '设备操作未成功，请重试';
      if (err instanceof DeviceFailure && err.code === 'UNREACHABLE') state.value = 'absent';
      return undefined;
    } finally {
      busy.value = '';
    }
  }

  const readCard = (): Promise<IdCard | undefined> => attempt('card', () => readIdCard(url.value));
  const takePicture = (name: string): Promise<File | undefined> => attempt('camera', async () => pictureFile(await capturePicture(url.value), name));

  /** Moves to another address after checking its form; answers the problem, if any. */
  async function moveTo(next: string): Promise<string | undefined> {
    const problem = deviceUrlProblem(next.trim());
    if (problem) return problem;
    url.value = next.trim();
    saveDeviceUrl(url.value);
    await check();
    return undefined;
  }

  const cardReady = computed(() => state.value === 'ready' && status.value?.idCardReader.connected === true);
  const cameraReady = computed(() => state.value === 'ready' && status.value?.camera.connected === true);
  return { url, status, state, message, busy, cardReady, cameraReady, check, readCard, takePicture, moveTo };
}
