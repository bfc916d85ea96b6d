using System.Globalization;
using System.Text;

namespace PamOperator.Operator.Hosting;

/// <summary>A cumulative Prometheus histogram with fixed upper bounds. Thread-safe.</summary>
internal sealed class Histogram(double[] bounds)
{
    private readonly Lock _gate = new();
    private readonly long[] _bucketCounts = new long[bounds.Length];
    private double _sum;
    private long _count;

    public void Observe(double seconds)
    {
        lock (_gate)
        {
            _sum += seconds;
            _count++;
            for (var i = 0; i < bounds.Length; i++)
            {
                if (seconds <= bounds[i])
                {
                    _bucketCounts[i]++;
                }
            }
        }
    }

    public void Render(StringBuilder sb, string name, string kind)
    {
        lock (_gate)
        {
            for (var i = 0; i < bounds.Length; i++)
            {
                OperatorMetrics.Line(sb, $"{name}_bucket{{kind=\"{kind}\",le=\"{bounds[i].ToString(CultureInfo.InvariantCulture)}\"}}", _bucketCounts[i]);
            }

            OperatorMetrics.Line(sb, $"{name}_bucket{{kind=\"{kind}\",le=\"+Inf\"}}", _count);
            OperatorMetrics.Line(sb, $"{name}_sum{{kind=\"{kind}\"}}", _sum);
            OperatorMetrics.Line(sb, $"{name}_count{{kind=\"{kind}\"}}", _count);
        }
    }
}
