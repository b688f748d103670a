// Verifies an Open Cloud macaroon with js-macaroon (npm "macaroon"), an implementation independent of the
// control plane's: node verify-macaroon.js <root key, base64> <resource> <action> <macaroon> [<bound discharge>...]
// Macaroons and discharges are in the V2 binary format, base64url. Prints "verified" and exits 0, or prints why
// and exits 1. The caveats are read as the control plane writes them: "resource = r", "action = a[,b]",
// "time >= <instant>", "expires < <instant>".
'use strict';
const macaroon = require('macaroon');

const [rootKey, resource, action, serialized, ...discharges] = process.argv.slice(2);
if (!serialized) {
  console.error('usage: node verify-macaroon.js <root key> <resource> <action> <macaroon> [<discharge>...]');
  process.exit(2);
}
const now = new Date();
// As the control plane: a requested path with an empty, . or .. segment, a % escape or a backslash could leave what
// was granted.
const climbs = /%|\\/.test(resource) || resource.replace(/^[a-z0-9+.-]+:\/\//, '').replace(/\/$/, '')
  .split('/').some(segment => segment === '' || segment === '.' || segment === '..');

function check(condition) {
  const [, name, operator, value] = condition.match(/^(\S+) (=|<|>=) (.+)$/) || [];
  if (name === 'resource' && operator === '=') {
    if (climbs) {
      return `resource ${resource} has an empty, . or .. segment, a % escape or a backslash`;
    }
    return resource === value || resource.startsWith(value.endsWith('/') ? value : value + '/') ? null
      : `resource ${resource} is not under ${value}`;
  }
  if (name === 'action' && operator === '=') {
    return value.split(',').map(a => a.trim()).includes(action) ? null : `action ${action} is not one of ${value}`;
  }
  if (name === 'time' && operator === '>=') {
    return now >= new Date(value) ? null : `valid only from ${value}`;
  }
  if (name === 'expires' && operator === '<') {
    return now < new Date(value) ? null : `expired at ${value}`;
  }
  return `caveat "${condition}" is not understood`;
}

try {
  macaroon.importMacaroon(serialized).verify(macaroon.base64ToBytes(rootKey), check,
    discharges.map(d => macaroon.importMacaroon(d)));
  console.log('verified');
} catch (e) {
  console.log(e.message);
  process.exit(1);
}
