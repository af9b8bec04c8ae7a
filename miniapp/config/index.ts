// Taro build configuration for both targets: WeChat (weapp) and the H5 website served by the API at /h5/.
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

const sourceDir = path.resolve(__dirname, '../src')

// npm installs this plugin under miniapp/node_modules (not hoisted), but @tarojs/taro-h5 at the
// root imports its runtime; point every importer at the one copy.
const frameworkReactDir = path.dirname(
  require.resolve('@tarojs/plugin-framework-react/package.json', { paths: [path.resolve(__dirname, '..')] }),
)

// @hq/common is a symlinked workspace of TypeScript source; Taro only compiles src/ and
// node_modules/*taro* by default, so it (and zod, to the mini-program's target) must be listed.
const compileInclude = [
  path.resolve(__dirname, '../../common/src'),
  (filename: string) => /node_modules[\\/]zod[\\/]/.test(filename),
]

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  // H5 is served by the API itself (same origin); the mini-program needs an absolute URL.
  const apiBase = isH5 ? '' : process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'hq-miniapp',
    date: '2025-1-1',
    // Our styles are written against a 750-wide design; NutUI's against 375.
    designWidth(input) {
      const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : ''
      return file.includes('@nutui') ? 375 : 750
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
    },
    alias: {
      '@': sourceDir,
      '@tarojs/plugin-framework-react': frameworkReactDir,
    },
    // The map markers of 地图找房 are file paths WeChat's <Map> reads itself (not imported modules); H5 draws its own.
    copy: {
      patterns: isH5 ? [] : [{ from: 'src/subpackages/public/assets/', to: 'dist/weapp/subpackages/public/assets/' }],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: compileInclude },
      // Pages import component styles in different orders; CSS here is scoped by class names, so order is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: compileInclude },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy
        // of NutUI, zod and the Taro components (~0.5 MB each). Share them between pages too.
        const split = chain.optimization.get('splitChunks')
        if (split) chain.optimization.splitChunks({ ...split, chunks: 'all' })
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
