/**
 * Qualitative scoring (RULES A4; Part B tiers 80/50). A reported score inside its tier's band is
 * the evaluator's judgement and is kept; otherwise the tier default applies, and the two lower
 * tiers ask for a review.
 */
import type Decimal from "decimal.js";
import { dec, round2 } from "../decimal";
import type { QualitativeTier } from "../parse";
import type { RuleProfile } from "../profile-types";

export interface Band {
  low: Decimal;
  high: Decimal;
  /** Only the 达成 band includes its upper bound (w). */
  highInclusive: boolean;
}

export function tierBand(tier: QualitativeTier, weight: Decimal, profile: RuleProfile): Band {
  const { achieved, partial } = profile.qualitativeBands;
  if (tier === "achieved")
    return { low: weight.times(achieved), high: weight, highInclusive: true };
  if (tier === "partial") {
    return { low: weight.times(partial), high: weight.times(achieved), highInclusive: false };
  }
  return { low: dec(0), high: weight.times(partial), highInclusive: false };
}

export function inBand(score: Decimal, band: Band): boolean {
  return score.gte(band.low) && (band.highInclusive ? score.lte(band.high) : score.lt(band.high));
}

export function defaultFraction(tier: QualitativeTier, profile: RuleProfile): number {
  return profile.qualitativeDefaults[tier];
}

export interface QualOutcome {
  score: Decimal;
  band: Band;
  /** The reported score was inside the band and kept. */
  kept: boolean;
  /** QUALITATIVE_REVIEW: a lower tier got its default score. */
  review: boolean;
  fraction: number;
}

export function scoreQualitative(
  tier: QualitativeTier,
  weight: Decimal,
  reported: Decimal | null,
  profile: RuleProfile
): QualOutcome {
  const band = tierBand(tier, weight, profile);
  const fraction = defaultFraction(tier, profile);
  if (reported !== null && inBand(reported, band)) {
    return { score: reported, band, kept: true, review: false, fraction };
  }
  return {
    score: round2(weight.times(fraction)),
    band,
    kept: false,
    review: tier !== "achieved",
    fraction,
  };
}
