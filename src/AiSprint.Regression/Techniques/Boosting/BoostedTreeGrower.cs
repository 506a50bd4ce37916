namespace AiSprint.Regression.Techniques.Boosting;

/// <summary>
/// Grows the trees of one XGBoost fit on a <see cref="QuantisedFeatures"/> matrix (pre-sorted split search). Every node
/// owns one contiguous segment [start, end) of each feature's sorted row list and of the row list in index order; a
/// split stably partitions those segments in place, so a node's scan reads its rows of a feature in (bin, row) order
/// without sorting, and growing a tree allocates nothing per node (buffers live as long as the fit). The scan evaluates
/// a candidate at every bin change, so with bins = distinct values it visits exactly the thresholds, in the order and
/// with the sums (same rows, same summation order) of the former row-by-row exact search.
/// </summary>
internal sealed class BoostedTreeGrower
{
    private const double RtEps = 1e-6;

    private readonly XGBoostTrainer _p;
    private readonly QuantisedFeatures _q;
    private readonly double[] _gradient;
    private readonly double[] _prediction;
    private readonly int[] _rows;
    private readonly int[] _bins;
    private readonly int[] _byIndex;
    private readonly int[] _spillRows;
    private readonly int[] _spillBins;
    private readonly bool[] _goesLeft;
    private RegressionTree.Builder _tree = new();

    public BoostedTreeGrower(XGBoostTrainer parameters, QuantisedFeatures quantised, double[] gradient, double[] prediction)
    {
        _p = parameters; _q = quantised; _gradient = gradient; _prediction = prediction;
        _rows = new int[quantised.SortedRows.Length];
        _bins = new int[quantised.SortedBins.Length];
        _byIndex = new int[quantised.Rows];
        _spillRows = new int[quantised.Rows];
        _spillBins = new int[quantised.Rows];
        _goesLeft = new bool[quantised.Rows];
    }

    /// <summary>Grows one tree on the current gradients and adds its leaf values to the predictions of the training rows.</summary>
    public RegressionTree Grow()
    {
        Array.Copy(_q.SortedRows, _rows, _rows.Length);
        Array.Copy(_q.SortedBins, _bins, _bins.Length);
        for (var i = 0; i < _byIndex.Length; i++) _byIndex[i] = i;
        _tree = new RegressionTree.Builder();
        Node(0, _q.Rows, 0);
        return _tree.Build();
    }

    private int Node(int start, int end, int depth)
    {
        double g = 0;
        for (var k = start; k < end; k++) g += _gradient[_byIndex[k]];
        double h = end - start; // squared error: hessian 1 per row
        var value = _p.LearningRate * _p.Weight(g, h);
        var node = _tree.AddLeaf(value);
        if ((_p.MaxDepth > 0 && depth >= _p.MaxDepth) || !FindSplit(start, end, g, h, out var feature, out var bin))
        {
            // Training rows are routed as prediction routes them (x < cut ⇔ bin ≤ split bin), so the leaf value is their prediction's term.
            for (var k = start; k < end; k++) _prediction[_byIndex[k]] += value;
            return node;
        }
        var left = Partition(start, end, feature, bin);
        _tree.MakeSplit(node, feature, _q.Cuts[feature][bin + 1]);
        var l = Node(start, left, depth + 1);
        var r = Node(left, end, depth + 1);
        _tree.Link(node, l, r);
        return node;
    }

    /// <summary>The first strictly best split (features in index order, bins ascending): rows with bin ≤ <paramref name="bestBin"/> go left.</summary>
    private bool FindSplit(int start, int end, double g, double h, out int bestFeature, out int bestBin)
    {
        bestFeature = -1;
        bestBin = -1;
        if (end - start < 2) return false;
        var parentGain = _p.Gain(g, h);
        var bestLoss = double.NegativeInfinity;
        var n = _q.Rows;
        var minChild = _p.MinChildWeight;
        for (var f = 0; f < _q.Features; f++)
        {
            var offset = f * n;
            double gl = 0, hl = 0;
            var previous = -1;
            for (var k = offset + start; k < offset + end; k++)
            {
                var b = _bins[k];
                if (b != previous && hl > 0)
                {
                    var hr = h - hl;
                    if (hl >= minChild && hr >= minChild)
                    {
                        // xgboost keeps the loss change as a float: rounding there makes mirror-image partitions of
                        // two features tie exactly, and ties go to the lower feature index (SplitEntry::NeedReplace).
                        double loss = (float)(_p.Gain(gl, hl) + _p.Gain(g - gl, hr) - parentGain);
                        if (loss > bestLoss) { bestLoss = loss; bestFeature = f; bestBin = previous; }
                    }
                }
                gl += _gradient[_rows[k]]; hl += 1; previous = b;
            }
        }
        return bestFeature >= 0 && bestLoss > RtEps && bestLoss >= _p.Gamma;
    }

    /// <summary>Stably partitions the node's segments (each feature's and the index-ordered one); returns where the right child starts.</summary>
    private int Partition(int start, int end, int feature, int bin)
    {
        var n = _q.Rows;
        var binsOf = _q.Bins;
        var featureOffset = feature * n;
        for (var k = start; k < end; k++)
        {
            var row = _byIndex[k];
            _goesLeft[row] = binsOf[featureOffset + row] <= bin;
        }
        var left = PartitionSegment(_byIndex, null, start, end);
        for (var f = 0; f < _q.Features; f++)
        {
            var offset = f * n;
            PartitionSegment(_rows.AsSpan(offset, n), _bins.AsSpan(offset, n), start, end);
        }
        return left;
    }

    private int PartitionSegment(Span<int> rows, Span<int> bins, int start, int end)
    {
        var write = start;
        var spilled = 0;
        var withBins = !bins.IsEmpty;
        for (var k = start; k < end; k++)
        {
            var row = rows[k];
            if (_goesLeft[row])
            {
                rows[write] = row;
                if (withBins) bins[write] = bins[k];
                write++;
            }
            else
            {
                _spillRows[spilled] = row;
                if (withBins) _spillBins[spilled] = bins[k];
                spilled++;
            }
        }
        _spillRows.AsSpan(0, spilled).CopyTo(rows[write..]);
        if (withBins) _spillBins.AsSpan(0, spilled).CopyTo(bins[write..]);
        return write;
    }
}
