import { addCatalogue } from './catalogue.ts';
import { en } from './messages/en.ts';
import { zhCN } from './messages/zh-cn.ts';

// Node holds every language from the start: the server renders and writes in whichever is asked.
addCatalogue('zh-CN', zhCN);
addCatalogue('en', en);
