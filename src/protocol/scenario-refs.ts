// Cross-references between steps, checked in order, after each step's own fields have parsed.
//
// Two strengths of check:
// - always: whatever the runner must resolve to build the transaction at all: the signer's role, actor ids,
//   vault ids, and `as` names of withdrawals, validators, slashes and requests defined by an earlier step
//   (a slash request must also belong to the AVS it is vetoed at or executed by).
// - unless the step has `expectRevert`: what the contracts themselves would reject (an operator id that is
//   not an operator, a set that does not exist, a strategy outside the set, a 0% slash, avs.slash while a
//   veto window is on, a veto by someone other than the committee, a request already vetoed or executed).
//   Whether a veto or an execution falls inside the window is left to the contracts. A step that expects
//   a revert may be wrong on purpose to show the custom error, so the contract gets to reject it.
import type { Step } from './scenario-actions.ts';
import { GWEI, showValue } from './units.ts';
import { checkWorldPath } from './scenario-paths.ts';
import {
  article,
  AVS,
  HOLDERS,
  KIND_WORDS,
  OPERATOR,
  SIGNERS,
  type Actor,
  type Created,
  type ScenarioIssue,
  type SetDef,
  type StepChecks,
} from './scenario-defs.ts';
import { checkSlashing, type VetoState } from './scenario-refs-slash.ts';

/** Checks every step's references against the actors and the steps before it. */
export function checkReferences(
  actors: ReadonlyMap<string, Actor>,
  steps: readonly (Step | undefined)[],
): ScenarioIssue[] {
  const definedAt = new Map<string, number>();
  steps.forEach((s, i) => {
    if (s && 'as' in s && s.as !== undefined && !definedAt.has(s.as)) definedAt.set(s.as, i);
  });
  const checker = new ReferenceChecker(actors, definedAt);
  return steps.flatMap((s, i) => checker.check(s, i));
}

/** A Map whose writes can be undone back to a mark (the shared log holds one undo per write). */
class RewindableMap<K, V> extends Map<K, V> {
  log: (() => void)[] = [];
  override set(key: K, value: V): this {
    const had = super.has(key);
    const old = super.get(key);
    // The log is assigned after construction, when Map's constructor no longer calls set.
    this.log?.push(had ? () => void super.set(key, old as V) : () => void super.delete(key));
    return super.set(key, value);
  }
}

/**
 * The references along one line of steps, checked one step at a time. A history tree is checked by walking
 * it once: at a fork the checker goes back to the mark taken at the fork (`rewind`) instead of checking the
 * shared path again for every branch, so a tree of n steps costs n step checks.
 */
export class ReferenceChecker {
  private readonly log: (() => void)[] = [];
  private readonly names = this.rewindable<string, Created>();
  private readonly definedAt: RewindableMap<string, number>;
  private readonly sets = this.rewindable<string, SetDef>();
  private readonly veto: VetoState = { config: this.rewindable(), done: this.rewindable() };

  /**
   * `definedAhead` names where each `as` name is first defined in the whole list (for "defined only
   * later"); without it a name counts from the step that defines it.
   */
  constructor(
    private readonly actors: ReadonlyMap<string, Actor>,
    definedAhead: ReadonlyMap<string, number> = new Map(),
  ) {
    this.definedAt = this.rewindable();
    for (const [k, i] of definedAhead) this.definedAt.set(k, i);
    this.log.length = 0;
  }

  private rewindable<K, V>(): RewindableMap<K, V> {
    const m = new RewindableMap<K, V>();
    m.log = this.log;
    return m;
  }

  /** A point to come back to: the state after the steps checked so far. */
  mark(): number {
    return this.log.length;
  }

  /** Forgets every step checked since `mark`. */
  rewind(mark: number): void {
    while (this.log.length > mark) this.log.pop()?.();
  }

  /** Checks step `i` (its index on its line) after the steps checked before it, and records what it makes. */
  check(s: Step | undefined, i: number): ScenarioIssue[] {
    const issues: ScenarioIssue[] = [];
    if (!s) return issues;
    const { actors, names, definedAt, sets, veto } = this;
    if ('as' in s && s.as !== undefined && !definedAt.has(s.as)) definedAt.set(s.as, i);
    const at = (field: string) => `steps[${i}]${field.startsWith('[') ? '' : '.'}${field}`;
    const report = (field: string, message: string) => issues.push({ path: at(field), message });
    const strict = s.expectRevert === undefined;
    const semantic = (field: string, message: string) => strict && report(field, message);
    // A step expected to revert creates nothing: later steps cannot refer to what it would have made.
    const define = (id: string, created: Created) => strict && names.set(id, created);

    const actor: StepChecks['actor'] = (field, id, roles, always = false) => {
      const a = actors.get(id);
      if (!a)
        return report(field, `"${id}" is not an actor; accepted: one of ${[...actors.keys()].join(', ')}`);
      if (roles && !roles.includes(a.role)) {
        (always ? report : semantic)(
          field,
          `"${id}" is ${article(a.role)}; accepted: an actor with role ${roles.join(' or ')}`,
        );
      }
    };
    const named: StepChecks['named'] = (field, id, kinds) => {
      const c = names.get(id);
      if (c && kinds.includes(c.kind)) return c;
      const want = kinds.map((k) => KIND_WORDS[k]).join(' or ');
      const later = definedAt.get(id);
      const where = c
        ? `names ${KIND_WORDS[c.kind]}`
        : later === undefined
          ? 'is not defined'
          : later > i
            ? `is defined only later, at steps[${later}]`
            : `is made only by steps[${later}], which expects a revert`;
      report(field, `"${id}" ${where}; accepted: the "as" name of ${want} from an earlier step`);
      return undefined;
    };
    const set: StepChecks['set'] = (field, avs, id) => {
      const found = sets.get(`${avs}/${id}`);
      if (!found)
        semantic(
          field,
          `${id} is not an operator set of "${avs}"; accepted: a set created by an earlier avs.createOperatorSet`,
        );
      return found;
    };
    const checks: StepChecks = { index: i, strict, report, semantic, define, actor, named, set };

    if ('by' in s) actor('by', s.by, SIGNERS[s.action] ?? HOLDERS, true);
    if ('as' in s && s.as !== undefined && definedAt.get(s.as) !== i) {
      report(
        'as',
        `"${s.as}" is already used by steps[${definedAt.get(s.as)}]; accepted: a name not used before`,
      );
    }

    switch (s.action) {
      case 'token.transfer':
        if (s.token !== 'stETH' && s.token !== 'wstETH') actor('token', s.token, ['vault'], true);
        actor('to', s.to);
        break;
      case 'staker.delegate':
        actor('operator', s.operator, OPERATOR);
        break;
      case 'staker.undelegate':
        define(s.as, { kind: 'undelegation', step: i, by: s.by });
        break;
      case 'withdrawal.queue':
        define(s.as, { kind: 'withdrawal', step: i, by: s.by });
        break;
      case 'withdrawal.complete': {
        const [prefix = '', suffix] = s.withdrawal.split('/');
        const c = named('withdrawal', prefix, suffix === undefined ? ['withdrawal'] : ['undelegation']);
        if (c && c.by !== s.by)
          semantic('withdrawal', `"${s.withdrawal}" was queued by "${c.by}", not "${s.by}"`);
        break;
      }
      case 'avs.createOperatorSet': {
        if (new Set(s.strategies).size !== s.strategies.length)
          semantic('strategies', 'lists a strategy twice');
        if (sets.has(`${s.by}/${s.set}`)) semantic('set', `${s.set} already exists for "${s.by}"`);
        const redistributing = s.redistributionRecipient !== undefined;
        if (s.redistributionRecipient !== undefined)
          actor('redistributionRecipient', s.redistributionRecipient);
        if (redistributing && s.strategies.includes('beaconETH')) {
          semantic(
            'strategies',
            'includes "beaconETH", but native ETH can never be in a redistributing set; accepted: ["stETH"]',
          );
        }
        if (strict) sets.set(`${s.by}/${s.set}`, { strategies: s.strategies, redistributing });
        break;
      }
      case 'operator.registerForSets':
      case 'operator.deregisterFromSets':
        actor('avs', s.avs, AVS);
        s.sets.forEach((id, k) => set(`sets[${k}]`, s.avs, id));
        break;
      case 'operator.allocate':
        actor('avs', s.avs, AVS);
        set('set', s.avs, s.set);
        break;
      case 'avs.slash':
      case 'slashing.clear':
      case 'avs.configureVeto':
      case 'avs.requestSlash':
      case 'avs.veto':
      case 'avs.executeSlash':
        checkSlashing(checks, s, veto);
        break;
      case 'pod.stake':
        define(s.as, { kind: 'validator', step: i, by: s.by });
        break;
      case 'pod.verifyCredentials':
      case 'pod.verifyCheckpoint':
        (s.validators ?? []).forEach((id, k) => {
          const c = named(`validators[${k}]`, id, ['validator']);
          if (c && c.by !== s.by)
            semantic(`validators[${k}]`, `"${id}" belongs to the pod of "${c.by}", not "${s.by}"`);
        });
        break;
      case 'pod.verifyStaleBalance':
      case 'beacon.slash':
      case 'beacon.exit':
        named('validator', s.validator, ['validator']);
        break;
      case 'beacon.reward':
      case 'beacon.penalty':
        named('validator', s.validator, ['validator']);
        if (s.amount % GWEI !== 0n)
          report(
            'amount',
            `${showValue(s.amount)} wei is not a whole number of gwei; the beacon chain counts gwei`,
          );
        break;
      case 'vault.deposit':
        actor('vault', s.vault, ['vault'], true);
        break;
      case 'vault.requestRedeem':
        actor('vault', s.vault, ['vault'], true);
        define(s.as, { kind: 'request', step: i, by: s.by, vault: s.vault });
        break;
      case 'vault.claim': {
        actor('vault', s.vault, ['vault'], true);
        const c = named('request', s.request, ['request']);
        if (c && (c.vault !== s.vault || c.by !== s.by)) {
          semantic(
            'request',
            `"${s.request}" is a request of "${c.by}" to "${c.vault}", not of "${s.by}" to "${s.vault}"`,
          );
        }
        break;
      }
      case 'vault.setPrice':
        actor('vault', s.vault, ['vault'], true);
        break;
      case 'rewards.submit':
        set('set', s.by, s.set);
        break;
      case 'tx.send':
        if (!s.to.startsWith('0x')) actor('to', s.to);
        break;
      case 'chain.advance':
        if ((s.blocks === undefined) === (s.seconds === undefined)) {
          report(
            'blocks',
            'give exactly one of "blocks" and "seconds"; accepted: { "blocks": 336 } or { "seconds": 3600 }',
          );
        }
        break;
      case 'expect':
        s.values.forEach(({ path }) =>
          checkWorldPath(path, actors, names, (m) => report(`values[${JSON.stringify(path)}]`, m)),
        );
        break;
    }
    return issues;
  }
}
