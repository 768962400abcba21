import { describeLessonModel } from '../../test/lessons/model.ts';

describeLessonModel('07-slashing-cascades', [
  'intro',
  'predictRate',
  'slash',
  'claim',
  'predictShock',
  'analyzeShock',
  'cascade',
  'buffer',
  'analyzeBuffer',
]);
