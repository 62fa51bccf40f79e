import { queryShape } from './query-shape';

describe('queryShape', () => {
  it('gives statements that differ only in literals the same shape', () => {
    expect(queryShape("select * from `user` where `id` = 1 and name = 'kim'")).toBe(
      queryShape("select * from `user` where `id` = 22 and name = 'lee'"),
    );
  });

  it('folds IN lists of any length', () => {
    expect(queryShape('select * from `image` where `id` in (1, 2, 3)')).toBe(queryShape('select * from `image` where `id` in (?)'));
  });

  it('keeps statements on different tables apart', () => {
    expect(queryShape('select * from `user` where id = ?')).not.toBe(queryShape('select * from `image` where id = ?'));
  });
});
