import { describeLessonModel } from '../../test/lessons/model.ts';

describeLessonModel('08-beyond-ethereum', [
  'intro',
  'vetoRule',
  'request',
  'predictVeto',
  'veto',
  'vetoed',
  'quizVeto',
  'instantRule',
  'rateSlash',
  'quizBabylon',
  'elsewhere',
]);
