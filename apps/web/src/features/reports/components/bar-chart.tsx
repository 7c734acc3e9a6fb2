// The Recharts part of a breakdown, in a chunk of its own (loaded with React.lazy), so that the
// figures of the dashboard, a financier's first screen, do not wait for the chart library.
import { useNavigate } from 'react-router';
import { Bar, BarChart, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
}

export default function BreakdownBars({ rows, drill }: { rows: BreakdownRow[]; drill?: (key: string) => string | undefined }) {
  const navigate = useNavigate();
  return (
    <ResponsiveContainer width="100%" height={rows.length * 34 + 16}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <XAxis type="number" hide allowDecimals={false} domain={[0, 'dataMax']} />
        <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12, fill: '#343a40' }} />
        <Bar
          dataKey="count"
          fill="#1c7ed6"
          isAnimationActive={false}
          cursor={drill ? 'pointer' : undefined}
          onClick={(entry) => {
            const to = drill?.((entry as unknown as { payload: BreakdownRow }).payload.key);
            if (to) void navigate(to);
          }}
        >
          <LabelList dataKey="count" position="right" fill="#212529" fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
