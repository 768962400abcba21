import { describeLessonModel } from '../../test/lessons/model.ts';

describeLessonModel('03-liquid-restaking', [
  'intro',
  'strategyDeposit',
  'shares',
  'vaultDeposit',
  'compare',
  'predictLater',
  'report',
  'laterDeposit',
  'tvl',
  'predictDepeg',
  'depeg',
]);
