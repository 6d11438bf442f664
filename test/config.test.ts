/** The configuration's security defaults and the combinations it refuses at start-up. */
import { describe, expect, it } from 'vitest';
import { LOCAL_HOST_NAMES, loadConfig } from '../src/config.js';

const CLIENT_ID = { connections__serviceConnection__settings__clientId: '00000000-0000-0000-0000-000000000001' };

describe('the configuration', () => {
  it('serves the page under the local names only, with the outbound validator off, in anonymous local mode', () => {
    const config = loadConfig({});
    expect(config.webChat).toBe(true);
    expect(config.allowedHosts).toEqual(LOCAL_HOST_NAMES);
    expect(config.allowedHostsDefaulted).toBe(true);
    expect(config.outboundHosts).toEqual({ enabled: false, hosts: [], includeDefaultMicrosoftHosts: true });
  });

  it('turns the outbound validator on whenever a client id is set', () => {
    expect(loadConfig(CLIENT_ID).outboundHosts.enabled).toBe(true);
    expect(loadConfig({ ...CLIENT_ID, OutboundHostValidator__Hosts: 'Channel.Example.com, other.example' }).outboundHosts.hosts).toEqual([
      'channel.example.com',
      'other.example',
    ]);
  });

  it('refuses to turn it off with a client id', () => {
    expect(() => loadConfig({ ...CLIENT_ID, OutboundHostValidator__enabled: 'false' })).toThrow(/OutboundHostValidator__enabled/);
  });

  it.each([
    ['WEB_SESSION_SECRET', 'too-short'],
    ['HTTP_HEADERS_TIMEOUT_MS', '100'],
    ['STATE_MAX_CONVERSATIONS', '0'],
    ['WEB_CHAT', 'maybe'],
  ])('refuses %s=%s with its name', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(key));
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '15000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });

  it('reads ALLOWED_HOSTS and WEB_CHAT=off', () => {
    const config = loadConfig({ ALLOWED_HOSTS: 'Assistant-RH.example.com,*.intranet.example', WEB_CHAT: 'off' });
    expect(config.allowedHosts).toEqual(['assistant-rh.example.com', '*.intranet.example']);
    expect(config.webChat).toBe(false);
  });
});
