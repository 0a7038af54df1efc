import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';
import { catalogueAssets } from './vite-catalogue-assets.ts';

export default defineConfig({
  plugins: [reactRouter(), catalogueAssets()],
});
