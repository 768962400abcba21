import { describeLessonModel } from '../../test/lessons/model.ts';

describeLessonModel('04-operators-and-services', [
  'intro',
  'register',
  'delegate',
  'createSet',
  'joinA',
  'allocateA',
  'advance',
  'predictB',
  'joinB',
  'split',
  'settle',
  'predictPay',
  'pay',
  'mature',
  'claim',
]);
