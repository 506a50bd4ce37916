using AiSprint.Model;
using AiSprint.Model.Units;

namespace AiSprint.Placement.Problem;

/// <summary>
/// Transfer delays between resources: over every network domain that contains both resources'
/// layers, the one giving the smallest access delay + size / bandwidth (placement-model.md §4,
/// without the Python tool's factor 8: bandwidths are MB/s in the model). No shared domain means
/// the data cannot travel: +∞, which makes the placement infeasible instead of aborting.
/// </summary>
internal sealed class NetworkRoutes
{
    private readonly (Seconds AccessDelay, Bandwidth Bandwidth)[][] _routes;
    private readonly int _layerCount;

    public NetworkRoutes(IReadOnlyList<string> layers, IReadOnlyList<NetworkDomain> domains)
    {
        _layerCount = layers.Count;
        _routes = new (Seconds, Bandwidth)[_layerCount * _layerCount][];
        for (var a = 0; a < _layerCount; a++)
        {
            for (var b = 0; b < _layerCount; b++)
            {
                _routes[a * _layerCount + b] = domains
                    .Where(d => d.Layers.Contains(layers[a]) && d.Layers.Contains(layers[b]))
                    .Select(d => (d.AccessDelay, d.Bandwidth))
                    .ToArray();
            }
        }
    }

    internal bool Connected(int layerA, int layerB) => _routes[layerA * _layerCount + layerB].Length > 0;

    /// <summary>The delay of sending <paramref name="size"/> from a resource in <paramref name="layerA"/> to another resource in <paramref name="layerB"/>.</summary>
    public Seconds Delay(int layerA, int layerB, Megabytes size)
    {
        var best = double.PositiveInfinity;
        foreach (var (delay, bandwidth) in _routes[layerA * _layerCount + layerB])
        {
            var time = delay.Value + size.Value / bandwidth.MegabytesPerSecond;
            if (time < best) best = time;
        }
        return new Seconds(best);
    }
}
