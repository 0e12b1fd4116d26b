/**
 * The WISN figures of the contract, for one staff category, from the workload hours PostgreSQL
 * summed over the scope. Pure: every formula has this one implementation.
 *
 *   workloadHours = Σ annualVolume × minutesPerItem / 60, digitisable work × (1 − reduction)
 *   requiredStaff = workloadHours / availableHoursPerYear / (1 − supportShare)
 *   difference    = actualStaff − requiredStaff;  wisnRatio = actualStaff / requiredStaff (null when 0)
 */
export interface WorkloadInputs {
  /** Hours a year of work a digital process can shrink. */
  digitisableHours: number;
  /** Hours a year of all other work. */
  otherHours: number;
  actualStaff: number;
}

export interface WisnParameters {
  digitisationReduction: number;
  availableHoursPerYear: number;
  supportShare: number;
}

export interface WisnFigures {
  workloadHours: number;
  requiredStaff: number;
  actualStaff: number;
  difference: number;
  wisnRatio: number | null;
}

export function wisnFigures(inputs: WorkloadInputs, p: WisnParameters): WisnFigures {
  const workloadHours = inputs.otherHours + inputs.digitisableHours * (1 - p.digitisationReduction);
  const requiredStaff = workloadHours / p.availableHoursPerYear / (1 - p.supportShare);
  return {
    workloadHours,
    requiredStaff,
    actualStaff: inputs.actualStaff,
    difference: inputs.actualStaff - requiredStaff,
    wisnRatio: requiredStaff === 0 ? null : inputs.actualStaff / requiredStaff,
  };
}

export interface ReductionAnswer {
  /** The digitisationReduction at which requiredStaff equals the quota; null when none is needed or none suffices. */
  reduction: number | null;
  explanation: string;
}

/**
 * The "smart ward" question: how far must digitisation cut the digitisable work for the staff the
 * work needs to fall to the quota? Solves requiredStaff(r) = quota for r:
 *   r = 1 − (quota × availableHours × (1 − supportShare) − otherHours) / digitisableHours
 */
export function reductionToMeetQuota(inputs: WorkloadInputs, quota: number, p: Omit<WisnParameters, 'digitisationReduction'>): ReductionAnswer {
  const hoursTheQuotaCovers = quota * p.availableHoursPerYear * (1 - p.supportShare);
  const needNow = inputs.otherHours + inputs.digitisableHours;
  if (needNow <= hoursTheQuotaCovers) {
    return { reduction: null, explanation: `No reduction is needed: today's workload needs at most the quota of ${quota}.` };
  }
  if (inputs.digitisableHours === 0 || inputs.otherHours > hoursTheQuotaCovers) {
    return {
      reduction: null,
      explanation: `No reduction is enough: the work digitisation cannot shrink alone needs ${(inputs.otherHours / p.availableHoursPerYear / (1 - p.supportShare)).toFixed(2)} staff, more than the quota of ${quota}.`,
    };
  }
  const reduction = 1 - (hoursTheQuotaCovers - inputs.otherHours) / inputs.digitisableHours;
  return { reduction, explanation: `Digitisation must cut the digitisable work by ${(reduction * 100).toFixed(1)} % for the need to fall to the quota of ${quota}.` };
}
