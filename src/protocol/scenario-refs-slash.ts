// Cross-references of the slashing steps: avs.slash, slashing.clear and MiniAVS's AVS-level veto window
// (avs.configureVeto, avs.requestSlash, avs.veto, avs.executeSlash). The strengths of check are those of
// scenario-refs.ts. The veto configuration and each request's fate are followed through the strict steps,
// because they are decided by the steps alone: who the committee is, whether avs.slash is switched off,
// and whether a request was already vetoed or executed. Whether a veto or an execution falls inside the
// window depends on block numbers and is left to the contracts (VetoPeriodPassed, VetoPeriodNotPassed).
import type { StepOf } from './scenario-actions.ts';
import { AVS, OPERATOR, type Created, type StepChecks } from './scenario-defs.ts';

type SlashingStep = StepOf<
  'avs.slash' | 'slashing.clear' | 'avs.configureVeto' | 'avs.requestSlash' | 'avs.veto' | 'avs.executeSlash'
>;

/** What the strict steps so far made of each AVS's veto window and of each slash request. */
export interface VetoState {
  /** The latest strict avs.configureVeto of each AVS. */
  config: Map<string, { blocks: bigint; committee: string; step: number }>;
  /** Slash requests (by `as` name) a strict step vetoed or executed. */
  done: Map<string, { status: 'vetoed' | 'executed'; step: number }>;
}

export function newVetoState(): VetoState {
  return { config: new Map(), done: new Map() };
}

/** The fields avs.slash and avs.requestSlash share: the operator, the set, its strategies and the wads. */
function slashParams(c: StepChecks, s: StepOf<'avs.slash' | 'avs.requestSlash'>): void {
  c.actor('operator', s.operator, OPERATOR);
  const found = c.set('set', s.by, s.set);
  s.strategies.forEach((st, k) => {
    if (found && !found.strategies.includes(st))
      c.semantic(`strategies[${k}]`, `"${st}" is not in set ${s.set}`);
  });
  if (s.wads.length !== s.strategies.length) {
    c.semantic(
      'wads',
      `has ${s.wads.length} entries for ${s.strategies.length} strategies; accepted: one per strategy`,
    );
  }
  s.wads.forEach(
    (w, k) => w === 0n && c.semantic(`wads[${k}]`, `"0%" slashes nothing; accepted: more than 0%`),
  );
}

/**
 * The request a veto or an execution names: an earlier strict avs.requestSlash of `avs` (always), still
 * pending (semantic). A request's fate is the first strict veto or execution that passed its own checks.
 */
function pendingRequest(
  c: StepChecks,
  veto: VetoState,
  id: string,
  avs: string,
  action: 'avs.veto' | 'avs.executeSlash',
): Created | undefined {
  const r = c.named('request', id, ['slashRequest']);
  if (!r) return undefined;
  if (r.avs !== avs) {
    c.report(
      'request',
      `"${id}" is a slash request of "${r.avs}", not of "${avs}"; accepted: a request of "${avs}"`,
    );
    return undefined;
  }
  const done = veto.done.get(id);
  if (done) {
    const error =
      action === 'avs.executeSlash' && done.status === 'vetoed'
        ? 'SlashingRequestIsCancelled'
        : 'SlashingRequestNotRequested';
    c.semantic(
      'request',
      `"${id}" was already ${done.status} by steps[${done.step}], so ${action} reverts with ${error}; accepted: a pending request`,
    );
  }
  return r;
}

export function checkSlashing(c: StepChecks, s: SlashingStep, veto: VetoState): void {
  const step = c.index;
  switch (s.action) {
    case 'avs.slash': {
      slashParams(c, s);
      const on = veto.config.get(s.by);
      if (on !== undefined && on.blocks > 0n) {
        c.semantic(
          'action',
          `"${s.by}" has a veto window of ${on.blocks} blocks (steps[${on.step}]), so avs.slash reverts with VetoWindowEnabled; accepted: avs.requestSlash then avs.executeSlash, or avs.configureVeto with blocks 0 first`,
        );
      }
      if (s.as !== undefined) c.define(s.as, { kind: 'slash', step, by: s.by, avs: s.by, set: s.set });
      break;
    }
    case 'slashing.clear': {
      c.actor('avs', s.avs, AVS);
      const r = c.named('slash', s.slash, ['slash']);
      if (r && (r.avs !== s.avs || (r.set !== undefined && r.set !== s.set))) {
        c.semantic(
          'slash',
          `"${s.slash}" was a slash by "${r.avs}" on set ${r.set}, not by "${s.avs}" on set ${s.set}`,
        );
      }
      break;
    }
    case 'avs.configureVeto':
      c.actor('committee', s.committee);
      if (c.strict) veto.config.set(s.by, { blocks: s.blocks, committee: s.committee, step });
      break;
    case 'avs.requestSlash':
      slashParams(c, s);
      c.define(s.as, { kind: 'slashRequest', step, by: s.by, avs: s.by, set: s.set });
      break;
    case 'avs.veto': {
      c.actor('avs', s.avs, AVS, true);
      const r = pendingRequest(c, veto, s.request, s.avs, s.action);
      const on = veto.config.get(s.avs);
      // A veto that fails its own checks vetoes nothing, so later steps are not blamed for it.
      if (r && c.strict && on?.committee === s.by && !veto.done.has(s.request))
        veto.done.set(s.request, { status: 'vetoed', step });
      if (on === undefined) {
        c.semantic(
          'by',
          `"${s.avs}" has no veto committee (no earlier avs.configureVeto), so avs.veto reverts with OnlyVetoCommittee`,
        );
      } else if (on.committee !== s.by) {
        c.semantic(
          'by',
          `"${s.by}" is not the veto committee of "${s.avs}"; accepted: "${on.committee}" (steps[${on.step}])`,
        );
      }
      break;
    }
    case 'avs.executeSlash': {
      const r = pendingRequest(c, veto, s.request, s.by, s.action);
      if (r && c.strict && !veto.done.has(s.request)) veto.done.set(s.request, { status: 'executed', step });
      // The slash it makes can be cleared like an avs.slash; its set is the request's.
      if (s.as !== undefined) {
        const made: Created = { kind: 'slash', step, by: s.by, avs: s.by };
        if (r?.set !== undefined) made.set = r.set;
        c.define(s.as, made);
      }
      break;
    }
  }
}
