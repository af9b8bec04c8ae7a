// Renders a content body the way the portal and the mini-program do: common's parser, text only
// (never HTML), so the preview shows exactly what the public will see.
import { Empty, Typography } from 'antd';
import { parseContentBody } from '@hq/common';

export function ContentBody({ body }: { body: string }) {
  const blocks = parseContentBody(body);
  if (blocks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="正文为空" />;
  return (
    <Typography>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'heading':
            return (
              <Typography.Title key={i} level={(b.level + 2) as 3 | 4 | 5}>
                {b.text}
              </Typography.Title>
            );
          case 'paragraph':
            return (
              <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap' }}>
                {b.text}
              </Typography.Paragraph>
            );
          case 'list':
            return b.ordered ? (
              <ol key={i}>
                {b.items.map((t, j) => (
                  <li key={j}>{t}</li>
                ))}
              </ol>
            ) : (
              <ul key={i}>
                {b.items.map((t, j) => (
                  <li key={j}>{t}</li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <table key={i} className="content-table">
                <thead>
                  <tr>
                    {b.header.map((h, j) => (
                      <th key={j}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {b.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((c, j) => (
                        <td key={j}>{c}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
        }
      })}
    </Typography>
  );
}
