// babel-preset-taro compiles React's JSX with @babel/preset-react, an optional peer dependency
// that this monorepo does not install. Until it is added to miniapp's devDependencies, esbuild
// (already installed as a dependency of Taro's webpack runner) compiles the JSX of our .tsx files
// in a pre-loader and Babel then does everything else as usual. Adding @babel/preset-react turns
// this fallback off by itself; then this file and its two uses can be deleted.
function hasPresetReact() {
  try {
    require.resolve('@babel/preset-react', { paths: [require.resolve('babel-preset-taro')] })
    return true
  } catch {
    return false
  }
}

const needsEsbuildJsx = !hasPresetReact()

/** Add the esbuild JSX pre-loader for `sourceDir`'s .tsx files to a webpack-chain config. */
function useEsbuildJsx(chain, sourceDir) {
  if (!needsEsbuildJsx) return
  chain.module
    .rule('tsx-jsx-esbuild')
    .test(/\.tsx$/)
    .include.add(sourceDir)
    .end()
    .enforce('pre')
    .use('esbuild')
    .loader(require.resolve('esbuild-loader'))
    // esnext: only JSX and types are compiled here; Babel lowers the rest for the targets.
    .options({ loader: 'tsx', jsx: 'automatic', target: 'esnext' })
}

module.exports = { needsEsbuildJsx, useEsbuildJsx }
