import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Loaded once per process: building the dictionary's trie takes a moment. */
let jieba: Jieba | undefined;

/** Function words and question words: in every question and most articles, they rank nothing. */
const STOPWORDS = new Set(
  (
    '的 了 是 在 和 与 对 于 由 从 被 把 及 或 并 等 之 其 这 那 个 我 你 他 她 它 我们 他们 吗 呢 吧 啊 ' +
    '请问 咨询 一下 有关 关于 应该 可以 是否 有没有 如果 因为 所以 但是 然后 因此 怎么 怎么办 怎样 如何 什么 ' +
    '能 能不能 会 要 想 还 就 都 也 又 很 太 不 没 没有 有 给 让 到 说 去 做 办 吗 该 呀 啥 谁 哪 哪些'
  ).split(' '),
);

/**
 * The search terms of a text: jieba's search mode (a long word and the words inside it, so 中华人民共和国
 * also matches 人民), without punctuation, digits alone and stopwords. Articles and questions are cut the
 * same way, so their terms meet.
 */
export function segment(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba
    .cutForSearch(text, true)
    .filter((t) => /^[\p{Script=Han}A-Za-z]/u.test(t) && !STOPWORDS.has(t));
}
