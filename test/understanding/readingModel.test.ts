import { describe, expect, it } from 'vitest';
import { FEATURES, READING_WEIGHTS, featureVector, scoreOf } from '../../src/understanding/readingModel.js';

describe('the reading model', () => {
  it('has one finite weight for every feature, and no weight for a feature it does not know', () => {
    expect(Object.keys(READING_WEIGHTS).sort()).toEqual([...FEATURES].sort());
    for (const name of FEATURES) expect(Number.isFinite(READING_WEIGHTS[name])).toBe(true);
  });

  it('scores a candidate as the weighted sum of its features', () => {
    const weights = { ...READING_WEIGHTS, kindSection: 2, sectionEvidence: 3 };
    expect(scoreOf({ kindSection: 1, sectionEvidence: 0.5 }, weights)).toBe(3.5);
    expect(scoreOf({}, weights)).toBe(0);
  });

  it('makes a subject the article lacks and another job outweigh a reading without support', () => {
    expect(READING_WEIGHTS.topicUncovered + READING_WEIGHTS.kindTopicFallback).toBeGreaterThan(READING_WEIGHTS.kindAbstain);
    expect(READING_WEIGHTS.otherJobNamed + READING_WEIGHTS.kindOtherJobFallback).toBeGreaterThan(READING_WEIGHTS.kindAbstain);
    expect(READING_WEIGHTS.sectionUnsupported).toBeLessThan(0);
    expect(READING_WEIGHTS.rolesNamedMissing).toBeLessThan(0);
  });
});

describe('a feature vector', () => {
  it('merges its parts like an object spread, a later part winning, and keeps only the features that are not zero', () => {
    expect(featureVector({ kindItem: 1, rolesNamedMissing: 2 }, { rolesNamedMissing: 0, itemMatch: 0.4 }, { itemShared: 0 })).toEqual({ kindItem: 1, itemMatch: 0.4 });
  });

  it('scores the same as the vector with its zeros', () => {
    expect(scoreOf(featureVector({ kindItem: 1, itemMatch: 0.5, itemShared: 0 }))).toBeCloseTo(scoreOf({ kindItem: 1, itemMatch: 0.5, itemShared: 0 }));
  });
});
