import { describeLessonModel } from '../../test/lessons/model.ts';

describeLessonModel('01-staking-and-lsts', [
  'intro',
  'stake',
  'shares',
  'predictRebase',
  'report',
  'fee',
  'wrap',
  'wrapped',
]);
