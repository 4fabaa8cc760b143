/**
 * What a 7940/7960 shows when a boot goes wrong (domain reference section 6). The texts are the phone's own;
 * the details the virtual phone adds to them are its own words.
 */
export const PHONE_MESSAGES = {
  imageAuthenticationFailed: 'Image Authentication Failed',
  noLoadSpecified: 'No Load Specified',
  protocolApplicationInvalid: 'Protocol Application Invalid',
  bufferFull: 'W210 TFTP Error : buffer full',
  tftpTimeout: 'TFTP Timeout',
  tftpError: 'TFTP Error',
  /**
   * Not a phone message: SIP 2.x-4.x named a SIP 7.x/8.x image, a jump Cisco's upgrade sequence does not allow
   * (CME guide); what the phone shows then is not documented.
   */
  upgradeSequence: '[sim] Upgrade sequence refused',
  /** Not a phone message: the simulator stopped a boot that kept rebooting. */
  bootLoop: '[sim] Boot loop',
  /** Not a phone message: the simulator itself failed (a bug, or a bound it enforces). */
  simulatorError: '[sim] Simulator error',
} as const;

export type PhoneMessage = (typeof PHONE_MESSAGES)[keyof typeof PHONE_MESSAGES];
