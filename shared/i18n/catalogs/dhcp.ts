import type { DomainCatalog } from '../catalog-types';

/** What the bench DHCP server says. */
const en = {
  'dhcp.notIpv4': "DHCP {field} '{value}' is not an IPv4 address.",
  'dhcp.badMac': "DHCP needs the phone's MAC as 12 hex digits, got '{mac}'.",
} as const;

export const dhcpCatalog: DomainCatalog<typeof en> = {
  en,
  ja: {
    'dhcp.notIpv4': "DHCP の {field} '{value}' は IPv4 アドレスではありません。",
    'dhcp.badMac': "DHCP には電話機の MAC を 12 桁の 16 進数で指定してください ('{mac}' が指定されました)。",
  },
};
