// Expect paths name actors and `as` names; a typo there would only surface as a missing world entry
// after the whole run, so it is caught here, against what the scenario defines before the expect step.
import { article, type Actor, type Created, type Kind } from './scenario-defs.ts';
import type { ActorRole } from './world-types.ts';

/** The actor and `as` segments of an expect path must name things the scenario defines, in the right role. */
export function checkWorldPath(
  path: string,
  actors: ReadonlyMap<string, Actor>,
  names: ReadonlyMap<string, Created>,
  report: (m: string) => void,
) {
  const seg = path.split('.');
  const [root = '', id = ''] = seg;
  const role = actors.get(id)?.role;
  const needRole: Record<string, ActorRole | undefined> = {
    operators: 'operator',
    avs: 'avs',
    vaults: 'vault',
  };
  if (['accounts', 'stakers', 'operators', 'avs', 'vaults'].includes(root)) {
    if (role === undefined) return report(`"${id}" in the path is not an actor`);
    const want = needRole[root];
    if (want && role !== want)
      return report(`"${id}" is ${article(role)}, and ${root}.* holds only actors with role ${want}`);
  }
  const known = (kind: Kind, name: string) => names.get(name)?.kind === kind;
  const check = (ok: boolean, what: string) =>
    ok || report(`"${seg.join('.')}" names ${what} that no earlier step defines`);
  if (root === 'validators') check(known('validator', id), `validator "${id}"`);
  if (root === 'stakers' && seg[2] === 'withdrawals') {
    const [prefix = '', suffix] = (seg[3] ?? '').split('/');
    check(known(suffix === undefined ? 'withdrawal' : 'undelegation', prefix), `withdrawal "${seg[3]}"`);
  }
  if (root === 'vaults' && seg[2] === 'requests')
    check(known('request', seg[3] ?? ''), `request "${seg[3]}"`);
  if (root === 'avs' && seg[2] === 'slashRequests') {
    const made = names.get(seg[3] ?? '');
    check(made?.kind === 'slashRequest', `slash request "${seg[3]}"`);
    if (made?.kind === 'slashRequest' && made.avs !== id)
      report(`"${seg[3]}" is a slash request of "${made.avs}", not of "${id}"`);
  }
  if (root === 'accounts' && seg[2] === 'vaultTokens')
    check(actors.get(seg[3] ?? '')?.role === 'vault', `vault "${seg[3]}"`);
  if (root === 'operators' && seg[2] === 'allocations') {
    const avs = (seg[3] ?? '').split('/')[0] ?? '';
    check(actors.get(avs)?.role === 'avs', `AVS "${avs}"`);
  }
}
