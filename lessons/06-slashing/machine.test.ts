import { describeLessonModel } from '../../test/lessons/model.ts';

describeLessonModel('06-slashing', [
  'intro',
  'magnitudes',
  'predictLoss',
  'slash',
  'everyone',
  'erinExit',
  'predictDave',
  'waitWindow',
  'daveExit',
  'burn',
]);
