// A logged-in Vendure Admin API caller: `login` once, then the `vendure-auth-token` as a Bearer
// (API keys cost a bcrypt check per request). A lapsed session logs in again once per call.
import { StoreError } from './commerce.adapter';
import { postJson, type HttpDeps } from './http-json';

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
  let token: string | null = null;

  const post = async <T>(query: string, variables: Record<string, unknown>, auth: boolean) => {
    const headers: Record<string, string> = auth && token ? { authorization: `Bearer ${token}` } : {};
    const answer = await postJson(deps.http, deps.adminApiUrl, JSON.stringify({ query, variables }), headers);
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
    token = header;
  };

  return {
    forget() {
      token = null;
    },
    async gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        if (!token) await login();
        const { body } = await post<T>(query, variables, true);
        if (body.errors?.length) {
          const codes = body.errors.map((e) => e.extensions?.code ?? '');
          if (attempt === 0 && codes.includes('FORBIDDEN')) {
            token = null; // the session expired or the server restarted with a fresh store
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
