import type { PropsWithChildren } from 'react'
import '@nutui/icons-react-taro/dist/style_icon.css'
import './app.css'

function App({ children }: PropsWithChildren) {
  // children are the pages being rendered
  return <>{children}</>
}

export default App
