import { describeLessonModel } from '../../test/lessons/model.ts';

describeLessonModel('05-pooled-security', [
  'intro',
  'analyzeOne',
  'predictJoin',
  'analyzeEleven',
  'analyzeSets',
  'fix',
  'analyzeFix',
  'analyzeFixSets',
]);
