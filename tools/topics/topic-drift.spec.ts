import { topicDrift } from './topic-drift';

const declared = { name: 't', partitions: 6, config: { 'cleanup.policy': 'delete', 'retention.ms': '-1' } };

describe('topicDrift', () => {
  it('finds nothing when partitions and declared configs match, whatever else the broker reports', () => {
    expect(topicDrift(declared, { ...declared, config: { ...declared.config, 'segment.bytes': '1073741824' } })).toEqual([]);
  });

  it('names each difference with both values', () => {
    const actual = { name: 't', partitions: 3, config: { 'cleanup.policy': 'compact' } };
    expect(topicDrift(declared, actual)).toEqual([
      'partitions 3, registry says 6',
      'cleanup.policy compact, registry says delete',
      'retention.ms (unset), registry says -1',
    ]);
  });
});
