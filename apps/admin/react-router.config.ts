import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'app',
  // Server rendering is what makes every form work without JavaScript.
  ssr: true,
} satisfies Config;
