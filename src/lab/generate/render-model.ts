// A DeviceModel printed as IOS 15.x `show running-config` output, or as the intended config a
// person keeps in Git (same content, no volatile lines, optionally in a looser hand-written style).

import type { Block, DocNode } from './render-doc.js';
import { leaf, section, writeBlocks } from './render-doc.js';
import { interfaceBlocks } from './render-interfaces.js';
import { renderHuman } from './render-human.js';
import {
  bgpBlock,
  forwardingBlocks,
  loggingAndNumberedBlock,
  namedAclBlock,
  ospfBlock,
  prefixListBlocks,
  routeMapBlocks,
  vrfBlocks,
} from './render-routing.js';
import type { DeviceModel, VtyLines } from './model-types.js';

export interface RenderRunningOptions {
  /** Print the `Building configuration…` / `Current configuration` header (default true). */
  header?: boolean;
}

export interface RenderIntendedOptions {
  /** `plain`: exactly the running-config body. `human`: as people write it (see render-human.ts). */
  style: 'plain' | 'human';
  /** Seed for the human style's variations (default: derived from the hostname). */
  seed?: number;
}

const LAST_CHANGE = '! Last configuration change at 10:12:01 UTC Mon Nov 2 2026 by admin';

export function renderRunningConfig(model: DeviceModel, opts: RenderRunningOptions = {}): string {
  const body = ['!', LAST_CHANGE, '!', ...writeBlocks(buildDocument(model, false)), 'end', ''].join('\n');
  if (opts.header === false) return body;
  const bytes = Buffer.byteLength(body, 'utf8');
  return `Building configuration...\n\nCurrent configuration : ${bytes} bytes\n${body}`;
}

/** Lines of `renderRunningConfig(model)` (without building the text). */
export function runningLineCount(model: DeviceModel): number {
  // Header (3 lines), `!`, last change, `!`, the blocks, `end`.
  return 3 + 3 + writeBlocks(buildDocument(model, false)).length + 1;
}

export function renderIntendedConfig(model: DeviceModel, opts: RenderIntendedOptions): string {
  const blocks = buildDocument(model, true);
  if (opts.style === 'human') return renderHuman(blocks, opts.seed ?? hashText(model.hostname));
  return [...writeBlocks(blocks), 'end', ''].join('\n');
}

function hashText(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The whole config as blocks, in the order IOS 15 prints them. */
export function buildDocument(model: DeviceModel, intended: boolean): Block[] {
  const blocks: Block[] = [
    [
      leaf(`version ${model.version}`),
      leaf('service timestamps debug datetime msec'),
      leaf('service timestamps log datetime msec'),
      leaf('no service password-encryption'),
    ],
    [leaf(`hostname ${model.hostname}`)],
    [leaf('boot-start-marker'), leaf('boot-end-marker')],
    ...vrfBlocks(model.vrfs),
    [leaf(`enable secret 9 ${model.enableSecret}`)],
    [leaf('no aaa new-model')],
    [
      ...(model.domainLookup ? [] : [leaf('no ip domain lookup')]),
      ...(model.domainName === undefined ? [] : [leaf(`ip domain name ${model.domainName}`)]),
      leaf('ip cef'),
    ],
    [leaf('no ipv6 cef')],
    [leaf('multilink bundle-name authenticated')],
    model.usernames.map((u) => leaf(`username ${u.name}${u.privilege === 1 ? '' : ` privilege ${u.privilege}`} secret 9 ${u.secret}`)),
    [leaf('redundancy')],
    ...[...model.vlans].sort((a, b) => a.id - b.id).map((v) => [section(`vlan ${v.id}`, [leaf(`name ${v.name}`)])]),
    ...interfaceBlocks(model.interfaces, intended),
    ospfBlock(model),
    bgpBlock(model),
    ...forwardingBlocks(model),
    namedAclBlock(model),
    ...prefixListBlocks(model),
    loggingAndNumberedBlock(model),
    ...routeMapBlocks(model),
    snmpBlock(model),
    [leaf('control-plane')],
    model.bannerMotd === undefined ? [] : [{ text: 'banner motd', body: model.bannerMotd }],
    lineBlock(model),
    model.ntpServers.map((s) => leaf(`ntp server ${s}`)),
  ];
  return blocks.filter((b) => b.length > 0);
}

function snmpBlock(model: DeviceModel): Block {
  const { snmp } = model;
  const nodes = snmp.communities.map((c) => leaf(`snmp-server community ${c.name} ${c.access}${c.acl === undefined ? '' : ` ${c.acl}`}`));
  if (snmp.location !== undefined) nodes.push(leaf(`snmp-server location ${snmp.location}`));
  if (snmp.contact !== undefined) nodes.push(leaf(`snmp-server contact ${snmp.contact}`));
  return nodes;
}

function timeout([min, sec]: [number, number]): DocNode[] {
  // `exec-timeout 10 0` is the default: IOS does not print it.
  return min === 10 && sec === 0 ? [] : [leaf(`exec-timeout ${min} ${sec}`)];
}

function vtyNode(vty: VtyLines): DocNode {
  return section(`line vty ${vty.first} ${vty.last}`, [
    ...(vty.accessClass === undefined ? [] : [leaf(`access-class ${vty.accessClass} in`)]),
    ...timeout(vty.execTimeout),
    leaf('login local'),
    leaf(`transport input ${vty.transportInput ?? 'ssh'}`),
  ]);
}

function lineBlock(model: DeviceModel): Block {
  return [
    section('line con 0', [...timeout(model.console.execTimeout), leaf('logging synchronous'), leaf('login local'), leaf('stopbits 1')]),
    section('line aux 0', [leaf('stopbits 1')]),
    ...model.vty.map(vtyNode),
  ];
}
