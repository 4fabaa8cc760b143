import { describe, expect, it } from 'vitest';
import { demoFlashWriteMs } from '../../../../../electron/engine/migration/demo-phone';

describe('the demo phone flash-write knob', () => {
  it('takes PHONEBENCH_DEMO_FLASH_WRITE_MS when it is whole milliseconds in range, else the option', () => {
    expect(demoFlashWriteMs(1500, {})).toBe(1500);
    expect(demoFlashWriteMs(1500, { PHONEBENCH_DEMO_FLASH_WRITE_MS: '20' })).toBe(20);
    expect(demoFlashWriteMs(1500, { PHONEBENCH_DEMO_FLASH_WRITE_MS: '0' })).toBe(0);
    for (const bad of ['', ' ', '-1', '1.5', 'fast', '600001']) expect(demoFlashWriteMs(1500, { PHONEBENCH_DEMO_FLASH_WRITE_MS: bad })).toBe(1500);
  });
});
