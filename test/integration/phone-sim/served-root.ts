/** A TFTP server under test whose root a test fills and empties (tftpd-hpa, or Phonebench's own). */
export interface ServedRoot {
  port: number;
  write(name: string, content: string | Uint8Array): Promise<void>;
  remove(name: string): Promise<void>;
  close(): Promise<void>;
}
