import type { Handler } from './context.js';
import { HttpError } from './http-error.js';

// A route table: `/api/sessions/:id` style patterns, one segment per parameter (`:id+` for the rest). A path that
// matches with another method gets 405 and an Allow header; no match is 404.

export interface Route {
  method: 'GET' | 'POST';
  pattern: string;
  handler: Handler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  keys: string[];
}

export interface Match {
  handler: Handler;
  params: Record<string, string>;
}

export function createRouter(routes: Route[]): (method: string, path: string) => Match {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const keys: string[] = [];
    // `:name` is one segment; `:name+` takes the rest of the path (model names hold a "/").
    const source = route.pattern.replace(/:([a-zA-Z]+)(\+?)/g, (_, key: string, rest: string) => {
      keys.push(key);
      return rest ? '(.+?)' : '([^/]+)';
    });
    return { ...route, keys, regex: new RegExp(`^${source}/?$`) };
  });
  return (method, path) => {
    const allowed: string[] = [];
    for (const route of compiled) {
      const found = route.regex.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => (params[key] = decodeSegment(found[i + 1]!)));
      return { handler: route.handler, params };
    }
    if (allowed.length > 0) throw new HttpError(405, `use ${allowed.join(' or ')} for ${path}`, {}, { allow: allowed.join(', ') });
    throw new HttpError(404, `no route for ${method} ${path}`);
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(404, 'not found');
  }
}
