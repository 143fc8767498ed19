import type { PassphraseProblem } from './passphraseProblem.ts';

/**
 * What a click on "Create my encrypted vault" does: submit, wait for the strength check that is
 * still running (the submit is queued and decided again when it ends, so a password manager's
 * fill-and-click is never dropped), or refuse and show the problem.
 */
export function passphraseSubmitStep(
  problem: PassphraseProblem | undefined,
): 'submit' | 'wait' | 'refuse' {
  if (problem === undefined) return 'submit';
  return problem === 'checking' ? 'wait' : 'refuse';
}
