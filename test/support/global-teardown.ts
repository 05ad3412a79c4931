export default async function globalTeardown() {
  await (globalThis as { emulatorStop?: () => Promise<void> }).emulatorStop?.();
}
