// People as accounts, as commands: list, add, invite (link + QR, shown once), revoke. The tokens'
// hashes are written in the command's transaction; the link itself is never stored or audited.
import type { peopleCommands, PersonAccess } from '../../shared/contract/people.contract';
import type { CoreModule, ModuleContext } from '../module';
import type { SliceOf } from '../dispatch/handler';
import { conflict, invalid } from '../dispatch/command-failure';
import { createPeopleRepo } from './people.repo';
import { createPeopleService, PeopleError, type PeopleService } from './people.service';
import { qrSvg } from './people.qr';
import { stationRolesOf } from './people.roles';
import { findPerson, nameOf, pauseRequestKey } from './duties';
import { createPeopleGate, type PeopleGate } from './people.gate';
import type { DeviceRegistry } from './devices.port';

export interface PeopleModule extends CoreModule<SliceOf<typeof peopleCommands>> {
  service: PeopleService;
  gate: PeopleGate;
}

export function createPeopleModule(ctx: ModuleContext, devices?: DeviceRegistry): PeopleModule {
  const registry = (): DeviceRegistry => {
    if (!devices) throw conflict('This core runs without a station: it has no device tokens.');
    return devices;
  };
  const { db, clock, show, state, log } = ctx;
  const service = createPeopleService({
    repo: createPeopleRepo(db),
    now: () => clock.now(),
    onError: (error) => log.error('people: listener failed', { error: String(error) }),
  });
  const off = show.onLoaded((l) => service.syncShow(l.show));

  const refusal = (error: unknown): never => {
    if (error instanceof PeopleError) {
      throw error.reason === 'unknown_person' ? invalid(error.message, [{ path: 'personId', message: 'not a person of this show' }]) : conflict(error.message);
    }
    throw error;
  };
  const stationUrl = () => state.snapshot().state.station.url.replace(/\/+$/, '');

  return {
    service,
    gate: createPeopleGate({ service, audit: ctx.audit, now: () => clock.now() }),
    handlers: {
      'people.list': (_args, c) => ({ people: service.list(c.now) }),
      'devices.list': () => ({ devices: registry().list() }),
      'devices.issue': ({ kind, label, person }) => {
        let personId: string | undefined;
        if (person !== undefined) {
          const current = show.current()?.show;
          const p = current ? findPerson(current, person) : undefined;
          if (!p) throw invalid(`“${person}” is not a person of the loaded show: a panel acts for one of them.`, [{ path: 'person', message: 'not a person of this show' }]);
          personId = p.id;
        }
        const t = registry().issue(kind, label, personId);
        return { device: { kind: t.kind, label: t.label, ...(t.person ? { person: t.person } : {}), lastUsedAt: null, lastUsedFrom: null }, token: t.token };
      },
      'devices.revoke': ({ label }) => {
        const removed = registry().revoke(label);
        if (removed === 0) throw conflict(`No device is named “${label}”.`);
        return { removed };
      },
      'people.add': ({ id, name, roles }, c) => {
        try {
          const plan = service.prepareAdd({ id, name, roles });
          c.write(plan.apply);
        } catch (error) {
          refusal(error);
        }
        const added: PersonAccess = {
          id,
          name,
          roles,
          stationRoles: stationRolesOf(roles),
          opened: [],
          source: 'producer',
          status: 'none',
          standing: false,
          issuedAt: null,
          expiresAt: null,
          revokedAt: null,
          revokedBy: null,
          lastUsedAt: null,
          lastUsedFrom: null,
        };
        return { person: added };
      },
      'people.invite': async ({ personId, standing }, c) => {
        let plan;
        try {
          plan = service.prepareInvite(personId, { standing: standing ?? false, by: c.caller.actor, now: c.now, show: show.current()?.show ?? null });
        } catch (error) {
          return refusal(error);
        }
        const link = `${stationUrl()}/?token=${plan.token}`;
        const svg = await qrSvg(link);
        c.write(plan.apply);
        return { personId, name: service.person(personId)?.name ?? personId, link, qrSvg: svg, expiresAt: plan.expiresAt };
      },
      'offer.pauseRequest': ({ offerId, reason }, c) => {
        const current = show.current()?.show;
        if (!current) throw conflict('No show is loaded.');
        const offer = current.offers.find((o) => o.id === offerId);
        if (!offer) throw conflict(`The show has no offer “${offerId}”.`);
        const owner = current.toggle ? nameOf(current, current.toggle.owner) : 'the producer';
        ctx.alerts.raise({
          source: 'offers',
          key: pauseRequestKey(offerId),
          level: 'critical',
          // The toggle owner works from the commerce view (or the producer's).
          audience: ['commerce'],
          message: `${c.caller.name ?? c.caller.actor} asks ${owner} to pause “${offer.name}”: ${reason}`,
        });
        return { owner };
      },
      'people.revoke': ({ personId }, c) => {
        try {
          c.write(service.prepareRevoke(personId, { by: c.caller.actor, now: c.now }).apply);
        } catch (error) {
          refusal(error);
        }
        const before = service.list(c.now).find((p) => p.id === personId)!;
        return {
          person: { ...before, status: 'revoked' as const, issuedAt: null, expiresAt: null, revokedAt: c.now, revokedBy: c.caller.actor },
        };
      },
    },
    start() {},
    close() {
      off();
    },
  };
}
