// A logged-in Vendure Admin API caller: `login` once, then the `vendure-auth-token` as a Bearer
// (API keys cost a bcrypt check per request). A lapsed session logs in again once per call.
import { StoreError } from './commerce.adapter';
import { jsonHeaders, postJsonTo, storeUrl, type HttpDeps } from './http-json';

export interface VendureClient {
  gql<T>(query: string, variables: Record<string, unknown>): Promise<T>;
  forget(): void;
}

interface GraphqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

interface LoginData {
  login: { __typename: string; message?: string; errorCode?: string };
}

const LOGIN = /* GraphQL */ `
  mutation BatonLogin($u: String!, $p: String!) {
    login(username: $u, password: $p) {
      __typename
      ... on ErrorResult { errorCode message }
    }
  }`;

export function createVendureClient(deps: {
  http: HttpDeps;
  adminApiUrl: string;
  username: string;
  /** Read at each login so a password set later (offer.credentials) is picked up. */
  password: () => string | null;
  passwordSecret: string;
}): VendureClient {
  // Built once per session, not per call: the endpoint, the headers, each document's JSON text.
  // `session` holds the logged-in headers (the Bearer token); null until login and after it lapses.
  let session: Record<string, string> | null = null;
  let target: URL | null = null;
  const plain = jsonHeaders();
  const documents = new Map<string, string>();

  const bodyOf = (query: string, variables: Record<string, unknown>) => {
    let head = documents.get(query);
    if (head === undefined) {
      head = `{"query":${JSON.stringify(query)},"variables":`;
      documents.set(query, head);
    }
    return `${head}${JSON.stringify(variables)}}`;
  };

  const post = async <T>(query: string, variables: Record<string, unknown>, auth: boolean) => {
    target ??= storeUrl(deps.adminApiUrl);
    const answer = await postJsonTo(deps.http, target, bodyOf(query, variables), auth && session ? session : plain);
    return { answer, body: (answer.body ?? {}) as GraphqlBody<T> };
  };

  const login = async () => {
    const password = deps.password();
    if (!password) {
      throw new StoreError(
        'config',
        `no password for Vendure user "${deps.username}": store it with offer.credentials (secret "${deps.passwordSecret}")`,
        null,
        false,
      );
    }
    const { answer, body } = await post<LoginData>(LOGIN, { u: deps.username, p: password }, false);
    const result = body.data?.login;
    const header = answer.headers.get('vendure-auth-token');
    if (result?.__typename !== 'CurrentUser' || !header) {
      const why = result?.message ?? body.errors?.map((e) => e.message).join('; ') ?? 'no session token in the answer';
      throw new StoreError('auth', `Vendure refused the login for "${deps.username}": ${why}`);
    }
    session = jsonHeaders({ authorization: `Bearer ${header}` });
  };

  return {
    forget() {
      session = null;
    },
    async gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        if (!session) await login();
        const { body } = await post<T>(query, variables, true);
        if (body.errors?.length) {
          const codes = body.errors.map((e) => e.extensions?.code ?? '');
          if (attempt === 0 && codes.includes('FORBIDDEN')) {
            session = null; // the session expired or the server restarted with a fresh store
            continue;
          }
          const kind = codes.includes('FORBIDDEN') ? 'auth' : 'rejected';
          throw new StoreError(kind, `Vendure: ${body.errors.map((e) => e.message).join('; ')}`);
        }
        if (!body.data) throw new StoreError('protocol', 'Vendure answered without data');
        return body.data;
      }
    },
  };
}
