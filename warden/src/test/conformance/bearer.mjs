// Loaded with `node --import` into the conformance suite's process. The suite has no option for
// credentials, so this gives every HTTP request it sends to WARDEN_URL_ORIGIN the header
// `Authorization: Bearer $WARDEN_AGENT_KEY`, as a configured MCP client would. Nothing else is
// changed: Host, Origin and bodies go out exactly as the suite wrote them.
import { Agent, setGlobalDispatcher } from 'undici';

const origin = process.env.WARDEN_URL_ORIGIN;
const key = process.env.WARDEN_AGENT_KEY;

function hasAuthorization(headers) {
  if (headers == null) return false;
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === 'authorization') return true;
    }
    return false;
  }
  if (typeof headers[Symbol.iterator] === 'function') {
    for (const [name] of headers) {
      if (String(name).toLowerCase() === 'authorization') return true;
    }
    return false;
  }
  return Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
}

function withAuthorization(headers) {
  const value = `Bearer ${key}`;
  if (headers == null) return { authorization: value };
  if (Array.isArray(headers)) return [...headers, 'authorization', value];
  if (typeof headers[Symbol.iterator] === 'function') {
    return [...[...headers].flat(), 'authorization', value];
  }
  return { ...headers, authorization: value };
}

class BearerAgent extends Agent {
  dispatch(options, handler) {
    const target = String(options.origin ?? '').replace(/\/$/, '');
    if (target === origin && !hasAuthorization(options.headers)) {
      options = { ...options, headers: withAuthorization(options.headers) };
    }
    return super.dispatch(options, handler);
  }
}

if (origin && key) {
  setGlobalDispatcher(new BearerAgent());
}
