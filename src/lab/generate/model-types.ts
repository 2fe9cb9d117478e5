// The lab's model of one device's configuration: plain, JSON-serialisable data from which
// render-model.ts prints IOS 15.x `show running-config` text (and intended configs as people
// write them). Names are IOS display names; ACL entries are in IOS display form.

export interface IpAddr {
  address: string;
  mask: string;
}

export type InterfaceKind = 'loopback' | 'port-channel' | 'routed' | 'switchport' | 'subinterface' | 'svi';

export type Switchport = { mode: 'access'; accessVlan: number } | { mode: 'trunk'; allowedVlans: number[] };

export interface Interface {
  /** Full IOS name: `GigabitEthernet0/0/1`, `GigabitEthernet0/0/1.100`, `Loopback0`, `Vlan10`. */
  name: string;
  /** `routed` and `switchport` are hardware ports (they exist whatever the config says). */
  kind: InterfaceKind;
  description?: string;
  /** Sub-interfaces: `encapsulation dot1Q N`. */
  dot1q?: number;
  vrf?: string;
  ip?: IpAddr;
  secondaries: IpAddr[];
  accessGroupIn?: string;
  accessGroupOut?: string;
  ospfCost?: number;
  shutdown: boolean;
  switchport?: Switchport;
  /** `channel-group N mode active`. */
  channelGroup?: number;
}

export interface Vrf {
  name: string;
  rd: string;
  /** `export 65000:101`, `import 65000:101`. */
  routeTargets: string[];
}

export interface Vlan {
  id: number;
  name: string;
}

export interface Username {
  name: string;
  /** 1 is the default and is not displayed. */
  privilege: number;
  /** Type 9 (scrypt) hash text: `$9$salt$hash`. */
  secret: string;
}

export interface NamedAcl {
  name: string;
  type: 'standard' | 'extended';
  /** Entries in order, without sequence numbers, single-spaced (`deny ip any any log`). */
  entries: string[];
}

export interface NumberedAcl {
  /** 1–99 standard, 100–199 extended. */
  number: number;
  entries: string[];
}

export interface PrefixEntry {
  seq: number;
  action: 'permit' | 'deny';
  /** `10.1.0.0/16`. */
  prefix: string;
  ge?: number;
  le?: number;
}

export interface PrefixList {
  name: string;
  entries: PrefixEntry[];
}

export interface RouteMapEntry {
  seq: number;
  action: 'permit' | 'deny';
  matchPrefixList?: string;
  setLocalPreference?: number;
  /** `65000:100` (`ip bgp-community new-format`). */
  setCommunity?: string;
  setMetric?: number;
}

export interface RouteMap {
  name: string;
  entries: RouteMapEntry[];
}

export interface StaticRoute {
  vrf?: string;
  prefix: string;
  mask: string;
  /** An IPv4 next hop, or `Null0` for a discard route. */
  nextHop: string;
  name?: string;
}

export interface OspfNetwork {
  address: string;
  wildcard: string;
  area: number;
}

export interface Ospf {
  processId: number;
  routerId: string;
  passiveInterfaces: string[];
  networks: OspfNetwork[];
}

export interface BgpNeighbor {
  address: string;
  remoteAs: number;
  description?: string;
  updateSource?: string;
  routeMapIn?: string;
  routeMapOut?: string;
}

export interface Bgp {
  asn: number;
  routerId: string;
  neighbors: BgpNeighbor[];
  /** `network P mask M` in address-family ipv4. */
  networks: IpAddr[];
}

export interface SnmpCommunity {
  name: string;
  access: 'RO' | 'RW';
  /** A numbered standard ACL. */
  acl?: number;
}

export interface VtyLines {
  first: number;
  last: number;
  /** Minutes and seconds; `10 0` is the default and is not displayed. */
  execTimeout: [number, number];
  accessClass?: string;
  /** `transport input` protocols; default `ssh`. */
  transportInput?: string;
}

export interface DeviceModel {
  hostname: string;
  version: string;
  enableSecret: string;
  usernames: Username[];
  /** false: `no ip domain lookup`. */
  domainLookup: boolean;
  domainName?: string;
  bannerMotd?: string;
  vrfs: Vrf[];
  vlans: Vlan[];
  interfaces: Interface[];
  namedAcls: NamedAcl[];
  numberedAcls: NumberedAcl[];
  prefixLists: PrefixList[];
  routeMaps: RouteMap[];
  staticRoutes: StaticRoute[];
  ospf?: Ospf;
  bgp?: Bgp;
  snmp: { communities: SnmpCommunity[]; location?: string; contact?: string };
  loggingHosts: string[];
  ntpServers: string[];
  console: { execTimeout: [number, number] };
  vty: VtyLines[];
}
