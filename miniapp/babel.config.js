// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
const { needsEsbuildJsx } = require('./config/jsx-fallback')

module.exports = {
  presets: [
    ['taro', {
      // 'react' needs @babel/preset-react; without it JSX is compiled by esbuild (see config/jsx-fallback.js).
      framework: needsEsbuildJsx ? 'none' : 'react',
      ts: true,
      compiler: 'webpack5',
    }],
  ],
}
