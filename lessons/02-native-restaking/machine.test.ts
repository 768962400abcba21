import { describeLessonModel } from '../../test/lessons/model.ts';

describeLessonModel('02-native-restaking', [
  'intro',
  'createPod',
  'stake',
  'verify',
  'delegate',
  'reward',
  'checkpoint',
  'predictSlash',
  'slash',
  'slashCheckpoint',
]);
